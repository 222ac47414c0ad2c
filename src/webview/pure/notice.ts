/**
 * What the notice above the chart says, and what it offers, as plain data: the page turns it into
 * a paragraph and buttons (text only).
 */
import type { Notice, NoticeAction, RenderMessage, TimelineFilters } from '../../shared/protocol';

/** A button of the notice: its label, and the filters it asks the host for, or what it asks it to do. */
export type Offer = { label: string; filters: TimelineFilters } | { label: string; action: NoticeAction };

export interface NoticeView {
  kind: Notice['kind'];
  text: string;
  /** The milestone the toolbar preselects (the large-plan offer), without applying it. */
  preselectMilestone?: string;
  offers: Offer[];
}

/**
 * The notice of `msg` (undefined: none is shown). `shownUri` is the plan of the picture shown
 * with it: a plan with errors keeps its last good picture, and the text says so.
 */
export function noticeView(
  n: Notice | undefined,
  msg: RenderMessage,
  shownUri: string | undefined,
): NoticeView | undefined {
  if (!n) return undefined;
  const text =
    n.kind === 'errors' && shownUri === msg.uri ? `${n.text} Showing the last good timeline (dimmed).` : n.text;
  const view: NoticeView = { kind: n.kind, text, offers: [] };
  // every notice says what to do next, with a button for it
  if (n.kind === 'noPlan') view.offers.push({ label: 'New Plan…', action: 'newPlan' });
  if (n.kind === 'errors') view.offers.push({ label: 'Go to the First Error', action: 'showFirstError' });
  if (n.suggestMilestone) {
    const id = n.suggestMilestone.value;
    view.preselectMilestone = id;
    view.offers.push({
      label: `Show the milestone “${n.suggestMilestone.label}”`,
      filters: { ...msg.filters, milestone: id, window: undefined },
    });
  }
  if (n.suggestWindow) {
    const w = n.suggestWindow;
    view.offers.push({ label: `Show ${w.label}`, filters: { ...msg.filters, window: { from: w.from, to: w.to } } });
  }
  return view;
}
