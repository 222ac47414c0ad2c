/**
 * What the page keeps with VS Code's webview state (`TimelineState`), read back with care: the
 * state is ours, but a page of an older version of the extension may have written it.
 */
import type { RenderMessage, SavedPicture, TimelineState } from '../../shared/protocol';

/** The state after a render: the picture is kept while the plan is the same. */
export function withRender(state: TimelineState | undefined, next: Omit<TimelineState, 'picture'>): TimelineState {
  return { ...next, picture: state?.picture?.uri === next.uri ? state.picture : undefined };
}

/** The state with the picture shown (undefined: the picture is of another plan, nothing to keep). */
export function withPicture(state: TimelineState | undefined, picture: SavedPicture): TimelineState | undefined {
  return state && state.uri === picture.uri ? { ...state, picture } : undefined;
}

type Raw = Partial<TimelineState> | null | undefined;

/** The last render an earlier page of this panel received (a page VS Code recreated). */
export function readSeen(raw: unknown): { panel: string; seq: number } | undefined {
  const r = raw as Raw;
  const seen = r && typeof r === 'object' ? r.seen : undefined;
  return seen && typeof seen.panel === 'string' && typeof seen.seq === 'number'
    ? { panel: seen.panel, seq: seen.seq }
    : undefined;
}

/** The picture an earlier page of this panel saved, with the state it came in, if it looks like one. */
export function readPicture(raw: unknown): { state: TimelineState; picture: SavedPicture } | undefined {
  const r = raw as Raw;
  const p = r && typeof r === 'object' ? r.picture : undefined;
  if (!p || typeof p !== 'object') return undefined;
  const ok =
    typeof p.uri === 'string' &&
    typeof p.text === 'string' &&
    typeof p.svg === 'string' &&
    typeof p.svgId === 'string' &&
    typeof p.width === 'number' &&
    typeof p.leftPadding === 'number' &&
    typeof p.font === 'string' &&
    typeof p.today === 'string' &&
    (p.theme === 'light' || p.theme === 'dark' || p.theme === 'highContrast' || p.theme === 'highContrastLight');
  return ok ? { state: { ...(r as TimelineState), picture: p }, picture: p } : undefined;
}

/** The first render, put inside the page by the host as JSON (no round trip), if it is one. */
export function parseFirstRender(text: string | null | undefined): RenderMessage | undefined {
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as RenderMessage | null;
    return m && typeof m === 'object' && m.type === 'render' ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A page that VS Code recreated (the panel shown again) gets the panel's first HTML again: its
 * render inside is old when an earlier page of the panel saw a later one (`ready` brings that).
 */
export function firstRenderIsNew(first: RenderMessage, seen: { panel: string; seq: number } | undefined): boolean {
  return !(seen && seen.panel === first.panel && seen.seq >= first.seq);
}
