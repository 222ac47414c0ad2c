/** The webview's side of the channel: typed posts to the extension host, and the saved state. */
import type { SavedPicture, TimelineState, WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

let state: TimelineState | undefined;

/** Kept by VS Code across reloads; the panel serializer gets it back (the picture kept with it). */
export function saveState(next: Omit<TimelineState, 'picture'>): void {
  state = { ...next, picture: state?.picture?.uri === next.uri ? state.picture : undefined };
  api.setState(state);
}

/** Keep the picture with the state (for the same plan only). */
export function savePicture(picture: SavedPicture): void {
  if (!state || state.uri !== picture.uri) return;
  state = { ...state, picture };
  api.setState(state);
}

/** The last render an earlier page of this panel received (a page VS Code recreated). */
export function seenBefore(): { panel: string; seq: number } | undefined {
  const raw = api.getState() as Partial<TimelineState> | null | undefined;
  const seen = raw && typeof raw === 'object' ? raw.seen : undefined;
  return seen && typeof seen.panel === 'string' && typeof seen.seq === 'number' ? { panel: seen.panel, seq: seen.seq } : undefined;
}

/** The picture an earlier page of this panel saved, if it looks like one (the state is ours, but checked). */
export function savedPicture(): SavedPicture | undefined {
  const raw = api.getState() as Partial<TimelineState> | null | undefined;
  const p = raw && typeof raw === 'object' ? raw.picture : undefined;
  if (!p || typeof p !== 'object') return undefined;
  const ok = typeof p.uri === 'string' && typeof p.text === 'string' && typeof p.svg === 'string' && typeof p.svgId === 'string'
    && typeof p.width === 'number' && typeof p.leftPadding === 'number' && typeof p.font === 'string' && typeof p.today === 'string'
    && (p.theme === 'light' || p.theme === 'dark' || p.theme === 'highContrast' || p.theme === 'highContrastLight');
  if (!ok) return undefined;
  state = { ...(raw as TimelineState), picture: p };
  return p;
}
