/**
 * What the notice above the chart says, and what it offers, as plain data: the page turns it into
 * a paragraph and buttons (text only).
 */
import type { Notice, RenderMessage, TimelineFilters } from '../../shared/protocol';

/** A button of the notice: its label, and the filters it asks the host for. */
export interface Offer {
  label: string;
  filters: TimelineFilters;
}

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
