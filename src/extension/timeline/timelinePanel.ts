/**
 * One timeline panel: shows the Gantt of one plan (the active plan editor's, or a pinned one),
 * re-rendered from every check the plan index publishes. The page is set once; every update is
 * a `render` message carrying the document URI, its version and an increasing `seq`, so the
 * webview can drop stale ones. The first render is inside the page (no round trip); messages
 * posted while the page loads may be lost, so a `ready` from the page (its first load, or VS
 * Code recreating it after it was hidden) gets the last render again, which a page that has it
 * drops by its seq. Every message from the webview is checked (messages.ts).
 */
import * as vscode from 'vscode';
import { ganttMarkdown } from '../../core';
import type { PlanEntry, PlanIndex } from '../planIndex';
import { isPlanDocument } from '../planFiles';
import {
  TIMELINE_VIEW_TYPE,
  type HostMessage,
  type NoticeAction,
  type RenderedMessage,
  type RenderMessage,
  type ThemeKind,
  type TimelineFilters,
} from '../../shared/protocol';
import { exportPng } from './exportPng';
import { exportSvg } from './exportSvg';
import { newNonce, timelineHtml, webviewOptions } from './html';
import { parseWebviewMessage } from './messages';
import { applicableFilters, buildView, NO_FILTERS, type TimelineLimits, type TimelineSource } from './model';
import { revealFirstError, revealItem } from './reveal';

export interface TimelineDeps {
  planIndex: PlanIndex;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  limits(): TimelineLimits;
}

export interface PanelStart {
  uri: vscode.Uri | undefined;
  pinned: boolean;
  filters: TimelineFilters;
}

export function themeKind(kind: vscode.ColorThemeKind): ThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

const fileNameOf = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

export function createTimelinePanel(extensionUri: vscode.Uri, column: vscode.ViewColumn): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    TIMELINE_VIEW_TYPE,
    'Workback Timeline',
    { viewColumn: column, preserveFocus: true },
    webviewOptions(extensionUri),
  );
}

export class TimelinePanel implements vscode.Disposable {
  private uri: vscode.Uri | undefined;
  private pinned: boolean;
  private filters: TimelineFilters;
  /**
   * Messages posted now may reach the page: from setting the HTML until the panel is hidden (a
   * hidden webview is destroyed), and again from the page's `ready`.
   */
  private live = false;
  private seq = 0;
  private readonly id = newNonce().slice(0, 12);
  private disposed = false;
  private missing = false;
  /** The last render message built (posted, or waiting for the page's `ready`). */
  private last: RenderMessage | undefined;
  private lastRenderedMsg: RenderedMessage | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  /** The webview drew a render (the test hook and the benchmark read it). */
  readonly onDidRender = this.renderedEmitter.event;
  readonly onDidDispose = this.disposedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: TimelineDeps,
    start: PanelStart,
  ) {
    this.pinned = start.pinned;
    this.filters = start.filters;
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'workback-file-light.svg'),
      dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'workback-file-dark.svg'),
    };
    this.disposables.push(
      this.renderedEmitter,
      this.disposedEmitter,
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        // a hidden webview is destroyed; it says `ready` again when it comes back
        if (!e.webviewPanel.visible) this.live = false;
      }),
      deps.planIndex.onDidChange((c) => {
        const key = this.uri?.toString();
        if (key && (c.changed.some((e) => e.uri.toString() === key) || c.removed.some((u) => u.toString() === key)))
          this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.uri && e.contentChanges.length > 0 && e.document.uri.toString() === this.uri.toString()) {
          this.post({ type: 'pending', uri: this.uri.toString(), version: e.document.version });
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (!this.pinned && ed && isPlanDocument(ed.document) && ed.document.uri.toString() !== this.uri?.toString())
          this.show(ed.document.uri);
      }),
      vscode.window.onDidChangeActiveColorTheme((t) => this.post({ type: 'theme', theme: themeKind(t.kind) })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('workback.timeline')) this.update();
      }),
    );
    // set once, with the first render inside (no round trip); every later change is a message
    this.show(start.uri, start.pinned);
    webview.html = timelineHtml(webview, deps.extensionUri, this.last);
    this.live = panel.visible;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get state(): {
    uri: string | undefined;
    pinned: boolean;
    filters: TimelineFilters;
    lastPosted: RenderMessage | undefined;
  } {
    return { uri: this.uri?.toString(), pinned: this.pinned, filters: { ...this.filters }, lastPosted: this.last };
  }

  /** The last render the webview acknowledged. */
  get lastRendered(): RenderedMessage | undefined {
    return this.lastRenderedMsg;
  }

  /** Show `uri` (the same plan keeps its filters); `pin` keeps it there. */
  show(uri: vscode.Uri | undefined, pin?: boolean): void {
    if (this.disposed) return;
    if (pin !== undefined) this.pinned = pin;
    const changed = uri?.toString() !== this.uri?.toString();
    this.uri = uri;
    if (changed) {
      // ids of another plan mean nothing here; the toggles carry over
      this.filters = { ...NO_FILTERS, criticalOnly: this.filters.criticalOnly, compact: this.filters.compact };
      this.missing = false;
      if (uri) void this.ensureIndexed(uri);
    }
    this.panel.title = uri ? `Timeline: ${fileNameOf(uri)}` : 'Workback Timeline';
    this.update();
  }

  /** A plan that is neither open nor indexed yet (a restored panel): index it, or open its text. */
  private async ensureIndexed(uri: vscode.Uri): Promise<void> {
    const index = this.deps.planIndex;
    if (index.get(uri)) return;
    try {
      await index.start();
      await index.whenIdle();
    } catch (e) {
      this.deps.log.warn(
        `timeline: indexing for ${uri.toString()} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (this.disposed || this.uri?.toString() !== uri.toString() || index.get(uri)) return;
    try {
      await vscode.workspace.openTextDocument(uri); // the index checks open documents
    } catch {
      if (this.disposed || this.uri?.toString() !== uri.toString()) return;
      this.missing = true;
      this.update();
    }
  }

  /** Build and post the render message for the current plan version and filters. */
  update(): void {
    if (this.disposed) return;
    let view;
    try {
      view = buildView(this.source(), this.filters, this.deps.limits());
    } catch (e) {
      // a bug in the view must not take the host down: say so in the panel
      this.deps.log.error(
        `timeline: building the view failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      view = {
        ...buildView(undefined, this.filters, this.deps.limits()),
        notice: { kind: 'renderError' as const, text: 'The timeline could not be built (see the Workback log).' },
      };
    }
    if (this.missing && this.uri) {
      view = {
        ...view,
        uri: this.uri.toString(),
        fileName: fileNameOf(this.uri),
        notice: {
          kind: 'noPlan' as const,
          text: `${fileNameOf(this.uri)} could not be opened: it may have been moved or deleted.`,
        },
      };
    }
    const msg: RenderMessage = {
      type: 'render',
      seq: ++this.seq,
      panel: this.id,
      pinned: this.pinned,
      theme: themeKind(vscode.window.activeColorTheme.kind),
      ...view,
    };
    this.last = msg;
    this.post(msg);
  }

  private source(): TimelineSource | undefined {
    if (!this.uri) return undefined;
    const entry: PlanEntry | undefined = this.deps.planIndex.get(this.uri);
    const base = { uri: this.uri.toString(), fileName: fileNameOf(this.uri) };
    if (!entry) return { ...base, version: null, result: undefined, errors: 0, tooLarge: false, undecodable: false };
    return {
      ...base,
      version: entry.version ?? null,
      result: entry.result,
      errors: entry.diagnostics.filter((d) => d.severity === 'error').length,
      tooLarge: entry.tooLarge,
      undecodable: entry.undecodable,
    };
  }

  private post(msg: HostMessage): void {
    if (this.disposed || !this.live) return;
    try {
      this.panel.webview
        .postMessage(msg)
        .then(undefined, (e: unknown) => this.deps.log.trace(`timeline: post failed: ${String(e)}`));
    } catch (e) {
      // the panel went away between the check and the post
      this.deps.log.trace(`timeline: post failed: ${String(e)}`);
    }
  }

  /** A button of the notice: a new plan (no plan shown), or the first error of the plan shown. */
  private async act(action: NoticeAction): Promise<void> {
    if (action === 'newPlan') {
      await vscode.commands.executeCommand('workback.newPlan');
      return;
    }
    if (action === 'copyMermaid') {
      await this.copyAsMermaid();
      return;
    }
    const uri = this.uri;
    if (!uri) return;
    try {
      const range = await revealFirstError(uri, { checked: (u) => this.deps.planIndex.get(u) }, this.panel.viewColumn);
      if (!range) void vscode.window.showInformationMessage('Workback: the plan has no error left to show.');
    } catch (e) {
      this.deps.log.warn(`timeline: showing the first error failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * The chart shown, with its filters, as a fenced Mermaid block on the clipboard; resolves to
   * what was copied (undefined: nothing to copy, and the user is told why).
   */
  async copyAsMermaid(): Promise<string | undefined> {
    const text = this.last?.gantt?.text;
    if (!text || this.last?.stale) {
      void vscode.window.showWarningMessage('Workback: there is no timeline to copy: open a plan that has no errors.');
      return undefined;
    }
    const markdown = ganttMarkdown(text);
    await vscode.env.clipboard.writeText(markdown);
    const name = this.last?.fileName ?? 'the plan';
    vscode.window.setStatusBarMessage(`$(check) Workback: copied the timeline of ${name} as Mermaid`, 4000);
    return markdown;
  }

  /** The one handler of webview messages (the test hook calls it with forged ones). */
  async receive(raw: unknown): Promise<void> {
    if (this.disposed) return;
    const msg = parseWebviewMessage(raw);
    if (!msg) {
      this.deps.log.warn('timeline: ignored a malformed message from the webview');
      return;
    }
    switch (msg.type) {
      case 'ready':
        // a new page (first load, or recreated after being hidden): it gets the last render
        // again; a page that already has it drops it by its seq
        this.live = true;
        if (this.last) this.post(this.last);
        else this.update();
        return;
      case 'rendered':
        if (msg.seq > this.seq || msg.uri !== this.uri?.toString()) return;
        this.lastRenderedMsg = msg;
        this.deps.log.trace(
          `timeline: drew ${msg.bars} bars of ${msg.uri} v${msg.version} in ${msg.totalMs.toFixed(0)} ms (Mermaid ${msg.mermaidMs.toFixed(0)} ms)`,
        );
        this.renderedEmitter.fire(msg);
        return;
      case 'renderFailed':
        this.deps.log.warn(`timeline: Mermaid could not draw render ${msg.seq}: ${msg.error}`);
        return;
      case 'revealTask': {
        const uri = this.uri;
        // only ids of the plan on screen; nothing else is ever opened from a message
        if (!uri || !this.deps.planIndex.get(uri)?.result?.plan?.items.has(msg.itemId)) {
          this.deps.log.warn('timeline: ignored revealTask for an id that is not in the plan');
          return;
        }
        try {
          await revealItem(uri, msg.itemId, { checked: (u) => this.deps.planIndex.get(u) }, this.panel.viewColumn);
        } catch (e) {
          this.deps.log.warn(`timeline: revealing ${msg.itemId} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
      case 'exportSvg':
        await exportSvg(msg.svg, this.uri, this.deps.log);
        return;
      case 'exportPng':
        await exportPng(msg.png, this.uri, this.deps.log);
        return;
      case 'action':
        await this.act(msg.action);
        return;
      case 'setFilters': {
        const plan = this.uri ? this.deps.planIndex.get(this.uri)?.result?.plan : undefined;
        const ok = applicableFilters(plan, msg.filters);
        // a filter naming something that is not in the plan is a forged or stale message
        if (
          ok.milestone !== msg.filters.milestone ||
          ok.owner !== msg.filters.owner ||
          ok.priority !== msg.filters.priority ||
          !!ok.window !== !!msg.filters.window
        ) {
          this.deps.log.warn('timeline: ignored filters that do not match the plan');
          return;
        }
        this.filters = ok;
        this.update();
        return;
      }
      case 'togglePin': {
        this.pinned = !this.pinned;
        const ed = vscode.window.activeTextEditor;
        if (!this.pinned && ed && isPlanDocument(ed.document)) this.show(ed.document.uri);
        else this.update();
        return;
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposedEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
