/**
 * The webview's side of the channel: typed posts to the extension host, and the state VS Code
 * keeps for the panel (what goes in it: src/webview/pure/savedState.ts).
 */
import type { SavedPicture, TimelineState, WebviewMessage } from '../shared/protocol';
import { readPicture, readSeen, withPicture, withRender } from './pure/savedState';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** VS Code's API for this page (a page may acquire it once) and the state kept with it. */
export class HostChannel {
  private readonly api = acquireVsCodeApi();
  private state: TimelineState | undefined;

  post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  /** Kept by VS Code across reloads; the panel serializer gets it back (the picture kept with it). */
  saveState(next: Omit<TimelineState, 'picture'>): void {
    this.state = withRender(this.state, next);
    this.api.setState(this.state);
  }

  /** Keep the picture with the state (for the same plan only). */
  savePicture(picture: SavedPicture): void {
    const next = withPicture(this.state, picture);
    if (!next) return;
    this.state = next;
    this.api.setState(next);
  }

  /** The last render an earlier page of this panel received (a page VS Code recreated). */
  seenBefore(): { panel: string; seq: number } | undefined {
    return readSeen(this.api.getState());
  }

  /** The picture an earlier page of this panel saved; the state it came in is kept from now on. */
  savedPicture(): SavedPicture | undefined {
    const saved = readPicture(this.api.getState());
    if (!saved) return undefined;
    this.state = saved.state;
    return saved.picture;
  }
}
