/**
 * The timeline page's state, and what each event does to it, without the DOM. The page
 * (src/webview/page.ts) feeds events in (a host message, a finished drawing, the theme or the
 * width now) and applies the effects that come out, in order. The picture is a type parameter:
 * Mermaid's SVG in the page, any value in the unit tests.
 *
 * One drawing at a time: a render message waits in `queued` (a newer one replaces it), and a
 * drawing that finishes after a newer message came is dropped, never shown. The last good
 * picture stays, dimmed, while the plan has errors.
 */
import type { RenderMessage, ThemeKind, TimelineState } from '../../shared/protocol';
import { noticeView, type NoticeView } from './notice';

/** A picture drawn for a width within this many pixels of the chart's is kept. */
export const WIDTH_SLACK = 40;

export type Gantt = NonNullable<RenderMessage['gantt']>;

export interface Shown<P> {
  /** The render message drawn; undefined for a picture restored from the saved state. */
  msg: RenderMessage | undefined;
  uri: string;
  text: string;
  theme: ThemeKind;
  width: number;
  picture: P;
}

export interface PageState<P> {
  /** The newest render message. */
  latest: RenderMessage | undefined;
  shown: Shown<P> | undefined;
  /** The picture shown is not the newest render's (dimmed). */
  stale: boolean;
  /** A newer version of the shown document is being checked. */
  pending: { uri: string; version: number } | undefined;
  /** The drawing loop runs (it empties `queued`). */
  drawing: boolean;
  queued: RenderMessage | undefined;
  /** The theme the host last said; the page's own body class wins. */
  hostTheme: ThemeKind;
}

/** `theme` and `width`: the page's theme and the chart's width now. */
export type PageEvent<P> =
  | { type: 'render'; msg: RenderMessage }
  | { type: 'pending'; uri: string; version: number }
  | { type: 'hostTheme'; hostTheme: ThemeKind; theme: ThemeKind }
  | { type: 'theme'; theme: ThemeKind }
  | { type: 'width'; width: number }
  /** The drawing loop takes the queued message. */
  | { type: 'next'; theme: ThemeKind; width: number }
  | { type: 'drawn'; msg: RenderMessage; gantt: Gantt; picture: P; theme: ThemeKind; width: number }
  | { type: 'failed'; msg: RenderMessage; error: string }
  /** The drawing loop stopped. */
  | { type: 'idle' }
  /** A picture an earlier page saved is in the chart (see `mayRestore`). */
  | { type: 'restored'; saved: { uri: string; text: string; theme: ThemeKind; width: number }; picture: P };

export type Effect<P> =
  | { type: 'saveState'; state: Omit<TimelineState, 'picture'> }
  | { type: 'toolbar'; msg: RenderMessage }
  /** Show this notice (undefined: hide it). */
  | { type: 'notice'; notice: NoticeView | undefined }
  /** Empty the chart and hide the tooltip. */
  | { type: 'clear' }
  /** Start the drawing loop: it sends `next` while a message is queued, then `idle`. */
  | { type: 'drain' }
  | { type: 'draw'; msg: RenderMessage; gantt: Gantt; theme: ThemeKind; width: number }
  /** Put `picture` in the chart for `msg` (`reused`: the picture shown already, as it is). */
  | { type: 'present'; msg: RenderMessage; gantt: Gantt; picture: P; theme: ThemeKind; width: number; reused: boolean }
  | { type: 'renderFailed'; seq: number; error: string };

export interface Step<P> {
  state: PageState<P>;
  effects: Effect<P>[];
}

export function initialState<P>(): PageState<P> {
  return {
    latest: undefined,
    shown: undefined,
    stale: false,
    pending: undefined,
    drawing: false,
    queued: undefined,
    hostTheme: 'dark',
  };
}

export function step<P>(s: PageState<P>, e: PageEvent<P>): Step<P> {
  switch (e.type) {
    case 'render':
      return onRender(s, e.msg);
    case 'pending':
      return { state: onPending(s, e.uri, e.version), effects: [] };
    case 'hostTheme':
      return redrawIf({ ...s, hostTheme: e.hostTheme }, (shown) => shown.theme !== e.theme);
    case 'theme':
      return redrawIf(s, (shown) => shown.theme !== e.theme);
    case 'width':
      return redrawIf(s, (shown) => Math.abs(e.width - shown.width) > WIDTH_SLACK);
    case 'next':
      return takeNext(s, e.theme, e.width);
    case 'drawn':
      return wanted(s, e.msg) ? present(s, e.msg, e.gantt, e.picture, e.theme, e.width, false) : unchanged(s);
    case 'failed':
      return wanted(s, e.msg) ? failed(s, e.msg, e.error) : unchanged(s);
    case 'idle':
      return unchanged({ ...s, drawing: false });
    case 'restored': {
      const { uri, text, theme, width } = e.saved;
      return unchanged({ ...s, shown: { msg: undefined, uri, text, theme, width, picture: e.picture } });
    }
  }
}

/** What the toolbar's status and the chart say about the state. */
export interface Chrome {
  /** A drawing is on its way: "Updating…". */
  busy: boolean;
  status: '' | 'Updating…' | 'Stale picture';
  stale: boolean;
  exportEnabled: boolean;
}

export function chrome<P>(s: PageState<P>): Chrome {
  const busy =
    s.drawing ||
    s.queued !== undefined ||
    s.pending !== undefined ||
    (s.shown !== undefined && s.shown.msg === undefined);
  const status = busy ? 'Updating…' : s.shown && s.stale ? 'Stale picture' : '';
  return { busy, status, stale: s.stale, exportEnabled: s.shown?.msg !== undefined };
}

/** A picture an earlier page saved is shown only on a page that has nothing yet, in its theme. */
export function mayRestore<P>(s: PageState<P>, savedTheme: ThemeKind, theme: ThemeKind): boolean {
  return !s.shown && !s.latest && savedTheme === theme;
}

const unchanged = <P>(state: PageState<P>): Step<P> => ({ state, effects: [] });

function onRender<P>(s: PageState<P>, msg: RenderMessage): Step<P> {
  if (s.latest && msg.seq <= s.latest.seq) return unchanged(s); // an older message overtaken by a newer one (or sent again)
  const next: PageState<P> = { ...s, latest: msg, hostTheme: msg.theme, pending: stillPending(s.pending, msg) };
  const effects: Effect<P>[] = [
    {
      type: 'saveState',
      state: { uri: msg.uri, pinned: msg.pinned, filters: msg.filters, seen: { panel: msg.panel, seq: msg.seq } },
    },
    { type: 'toolbar', msg },
  ];
  if (msg.gantt) return schedule(next, msg, effects);
  effects.push({ type: 'notice', notice: noticeView(msg.notice, msg, s.shown?.uri) });
  if (msg.stale && s.shown && s.shown.uri === msg.uri) return { state: { ...next, stale: true }, effects };
  return { state: cleared(next), effects: [...effects, { type: 'clear' }] };
}

/** The version being checked is still ahead of this render (of the same document). */
function stillPending(p: PageState<unknown>['pending'], msg: RenderMessage): PageState<unknown>['pending'] {
  return p && p.uri === msg.uri && (msg.version === null || msg.version < p.version) ? p : undefined;
}

function onPending<P>(s: PageState<P>, uri: string, version: number): PageState<P> {
  const l = s.latest;
  return l && l.uri === uri && (l.version === null || version > l.version) ? { ...s, pending: { uri, version } } : s;
}

/** Draw the shown picture's message again when `needed` says its theme or width is off. */
function redrawIf<P>(s: PageState<P>, needed: (shown: Shown<P>) => boolean): Step<P> {
  return s.shown?.msg && needed(s.shown) ? schedule(s, s.shown.msg, []) : unchanged(s);
}

function schedule<P>(s: PageState<P>, msg: RenderMessage, effects: Effect<P>[]): Step<P> {
  if (s.drawing) return { state: { ...s, queued: msg }, effects };
  return { state: { ...s, queued: msg, drawing: true }, effects: [...effects, { type: 'drain' }] };
}

/** A drawing still wanted when it finishes: the newest message, or the stale picture's redraw. */
function wanted<P>(s: PageState<P>, m: RenderMessage): boolean {
  return m === s.latest || (!!s.latest && !s.latest.gantt && s.latest.stale === true && m === s.shown?.msg);
}

/** Take the queued message: skip it, keep the picture shown (same text, theme and width), or draw it. */
function takeNext<P>(s: PageState<P>, theme: ThemeKind, width: number): Step<P> {
  const m = s.queued;
  if (!m) return unchanged(s);
  const next = { ...s, queued: undefined };
  const gantt = m.gantt;
  if (!gantt || !wanted(next, m)) return unchanged(next);
  const shown = next.shown;
  if (
    shown &&
    shown.uri === m.uri &&
    shown.text === gantt.text &&
    shown.theme === theme &&
    Math.abs(shown.width - width) <= WIDTH_SLACK
  ) {
    return present(next, m, gantt, shown.picture, theme, width, true);
  }
  return { state: next, effects: [{ type: 'draw', msg: m, gantt, theme, width }] };
}

/** The picture of `m` is shown: current (with its notice) unless a newer message came meanwhile. */
function present<P>(
  s: PageState<P>,
  m: RenderMessage,
  gantt: Gantt,
  picture: P,
  theme: ThemeKind,
  width: number,
  reused: boolean,
): Step<P> {
  const stale = m !== s.latest;
  const state: PageState<P> = { ...s, stale, shown: { msg: m, uri: m.uri, text: gantt.text, theme, width, picture } };
  const effects: Effect<P>[] = [{ type: 'present', msg: m, gantt, picture, theme, width, reused }];
  if (!stale) effects.push({ type: 'notice', notice: noticeView(m.notice, m, m.uri) });
  return { state, effects };
}

function failed<P>(s: PageState<P>, m: RenderMessage, error: string): Step<P> {
  const notice = noticeView(
    { kind: 'renderError', text: `Mermaid could not draw this timeline: ${error}` },
    m,
    undefined,
  );
  return {
    state: cleared(s),
    effects: [{ type: 'clear' }, { type: 'notice', notice }, { type: 'renderFailed', seq: m.seq, error }],
  };
}

function cleared<P>(s: PageState<P>): PageState<P> {
  return { ...s, shown: undefined, stale: false };
}
