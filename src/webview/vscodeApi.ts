/** The webview's side of the channel: typed posts to the extension host, and the saved state. */
import type { TimelineState, WebviewMessage } from '../shared/protocol';

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

/** Kept by VS Code across reloads; the panel serializer gets it back. */
export function saveState(state: TimelineState): void {
  api.setState(state);
}
