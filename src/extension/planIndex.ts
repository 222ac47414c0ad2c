/**
 * One model of all plans in the workspace. Open documents' text first, the file system
 * otherwise (workspace.fs, never Node fs), a file watcher for every plan file. Checks run
 * in a keyed background queue (at most MAX_CONCURRENT at once, yielding between plans), and
 * every result is published through onDidChange: diagnostics, the language status and the
 * later views subscribe to it.
 *
 * Nothing is parsed until a plan is open (or a view calls start()).
 */
import * as vscode from 'vscode';
import { checkPlan, LineIndex, type CheckResult, type Day, type Diagnostic } from '../core';
import { isPlanDocument, isPlanPath, isUnder, isUserScheme, isWorkspacePlanFile, openDocument, PLAN_GLOB } from './planFiles';
import { LARGE_FILE_DEBOUNCE_MS, LARGE_FILE_SIZE, type Settings } from './settings';
import { WorkQueue } from './workQueue';

export const MAX_CONCURRENT = 4;
export const MAX_FILES = 10000;

export interface PlanEntry {
  readonly uri: vscode.Uri;
  /** Where the checked text came from. */
  readonly source: 'document' | 'file';
  /** The document's version when it was checked (undefined for a file). */
  readonly version: number | undefined;
  /** UTF-16 code units of a document's text, bytes of a file. */
  readonly size: number;
  /** Above LARGE_FILE_SIZE: checked after a longer pause in typing. */
  readonly large: boolean;
  /** Above workback.maxFileSize: not parsed. */
  readonly tooLarge: boolean;
  /** The day the plan was checked against. */
  readonly today: Day;
  /** What the core returned (undefined when the file was not parsed). */
  readonly result: CheckResult | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly checkMs: number;
}

export interface PlanIndexChange {
  changed: readonly PlanEntry[];
  removed: readonly vscode.Uri[];
}

export interface PlanIndexDeps {
  log: vscode.LogOutputChannel;
  today: () => Day;
  settings: () => Settings;
}

type Work = 'document' | 'file';

export class PlanIndex implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry>();
  private readonly emitter = new vscode.EventEmitter<PlanIndexChange>();
  /** Fires after plans were checked or went away. */
  readonly onDidChange = this.emitter.event;
  private readonly queue: WorkQueue<{ uri: vscode.Uri; work: Work }>;
  private readonly disposables: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  private readonly decoder = new TextDecoder('utf-8');
  /** Counters the tests and the log read. */
  readonly stats = { checks: 0, reads: 0, scans: 0 };

  constructor(private readonly deps: PlanIndexDeps) {
    this.queue = new WorkQueue((_key, job, isCurrent) => this.runJob(job.uri, isCurrent), MAX_CONCURRENT,
      (key, e) => this.deps.log.error(`checking ${key} failed: ${errorText(e)}`));
    const ws = vscode.workspace;
    this.disposables.push(
      this.emitter,
      ws.onDidOpenTextDocument((d) => this.guard('open', () => this.documentOpened(d))),
      ws.onDidChangeTextDocument((e) => this.guard('change', () => {
        if (e.contentChanges.length > 0 && isPlanDocument(e.document)) this.scheduleDocument(e.document, true);
      })),
      ws.onDidCloseTextDocument((d) => this.guard('close', () => this.documentClosed(d))),
      ws.onDidDeleteFiles((e) => this.guard('delete', () => e.files.forEach((u) => this.removeUnder(u)))),
      ws.onDidRenameFiles((e) => this.guard('rename', () => e.files.forEach((f) => {
        this.removeUnder(f.oldUri);
        if (this.scan) this.rescanUnder(f.newUri);
      }))),
      ws.onDidChangeWorkspaceFolders((e) => this.guard('folders', () => {
        e.removed.forEach((f) => this.removeUnder(f.uri));
        if (this.scan && e.added.length > 0) void this.rescan();
      })),
    );
    // Plans already open when the extension activates are checked right after activate returns.
    const t = setTimeout(() => ws.textDocuments.forEach((d) => this.guard('open', () => this.documentOpened(d))), 0);
    this.disposables.push({ dispose: () => clearTimeout(t) });
  }

  get started(): boolean {
    return this.scan !== undefined;
  }

  /** Start indexing every plan file of the workspace (once); resolves when the first scan is queued. */
  start(): Promise<void> {
    if (!this.scan) {
      const watcher = vscode.workspace.createFileSystemWatcher(PLAN_GLOB);
      this.disposables.push(
        watcher,
        watcher.onDidCreate((u) => this.guard('created', () => this.fileChanged(u))),
        watcher.onDidChange((u) => this.guard('changed', () => this.fileChanged(u))),
        watcher.onDidDelete((u) => this.guard('deleted', () => this.fileDeleted(u))),
      );
      this.scan = this.rescan();
    }
    return this.scan;
  }

  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): PlanEntry[] {
    return [...this.entries.values()];
  }

  /** Resolves when no check is waiting or running. */
  async whenIdle(): Promise<void> {
    if (this.scan) await this.scan;
    await this.queue.whenIdle();
  }

  /** Check every known plan again (today or the settings changed). */
  recheckAll(): void {
    for (const e of this.entries.values()) {
      const doc = openDocument(e.uri);
      if (doc) this.scheduleDocument(doc, false);
      else this.queue.schedule(e.uri.toString(), { uri: e.uri, work: 'file' });
    }
  }

  private async rescan(): Promise<void> {
    this.stats.scans++;
    const t0 = performance.now();
    let found: vscode.Uri[];
    try {
      found = await vscode.workspace.findFiles(PLAN_GLOB, undefined, MAX_FILES);
    } catch (e) {
      // e.g. a virtual file system without search: open plans are still checked
      this.deps.log.warn(`could not list the plan files of the workspace: ${errorText(e)}`);
      return;
    }
    let n = 0;
    for (const uri of found) {
      if (!isPlanPath(uri)) continue;
      n++;
      if (!openDocument(uri) && !this.entries.has(uri.toString())) this.queue.schedule(uri.toString(), { uri, work: 'file' });
    }
    this.deps.log.info(`found ${n} plan file(s) in the workspace in ${Math.round(performance.now() - t0)} ms${found.length >= MAX_FILES ? ` (stopped at ${MAX_FILES})` : ''}`);
  }

  private rescanUnder(folder: vscode.Uri): void {
    if (isPlanPath(folder)) {
      this.fileChanged(folder);
      return;
    }
    void vscode.workspace.findFiles(new vscode.RelativePattern(folder, PLAN_GLOB), undefined, MAX_FILES).then(
      (uris) => uris.filter(isPlanPath).forEach((u) => this.fileChanged(u)),
      (e: unknown) => this.deps.log.warn(`scan of ${folder.toString()} failed: ${errorText(e)}`),
    );
  }

  private documentOpened(doc: vscode.TextDocument): void {
    if (!isPlanDocument(doc)) return;
    this.scheduleDocument(doc, false);
    void this.start().catch((e: unknown) => this.deps.log.error(`workspace scan failed: ${errorText(e)}`));
  }

  private documentClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.entries.has(key) && !isPlanDocument(doc)) return;
    // Back to the file on disk when it belongs to the workspace; gone otherwise.
    if (this.scan && isWorkspacePlanFile(doc.uri)) this.queue.schedule(key, { uri: doc.uri, work: 'file' });
    else this.remove(doc.uri);
  }

  private scheduleDocument(doc: vscode.TextDocument, typing: boolean): void {
    const s = this.deps.settings();
    let delay = 0;
    if (typing) {
      const size = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
      delay = size > LARGE_FILE_SIZE ? Math.max(LARGE_FILE_DEBOUNCE_MS, s.debounceMs) : s.debounceMs;
    }
    this.queue.schedule(doc.uri.toString(), { uri: doc.uri, work: 'document' }, delay, true);
  }

  private fileChanged(uri: vscode.Uri): void {
    if (!isPlanPath(uri) || !isUserScheme(uri)) return;
    if (openDocument(uri)) return; // the document's own events say more
    this.queue.schedule(uri.toString(), { uri, work: 'file' }, 50);
  }

  private fileDeleted(uri: vscode.Uri): void {
    const doc = openDocument(uri);
    if (doc?.isDirty) return; // the user's unsaved text is still a plan
    this.removeUnder(uri);
  }

  private removeUnder(uri: vscode.Uri): void {
    for (const e of [...this.entries.values()]) {
      if (isUnder(e.uri, uri) && !openDocument(e.uri)?.isDirty) this.remove(e.uri);
    }
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.queue.cancel(key);
    if (this.entries.delete(key)) this.emitter.fire({ changed: [], removed: [uri] });
  }

  private async runJob(uri: vscode.Uri, isCurrent: () => boolean): Promise<void> {
    // The open document's text first (even when its editor shows it as another language).
    const doc = openDocument(uri);
    if (doc) {
      this.checkDocument(doc, isCurrent);
      return;
    }
    if (!this.scan || !isWorkspacePlanFile(uri)) {
      // a closed document that is not a workspace plan file: nothing to keep
      this.remove(uri);
      return;
    }
    await this.checkFile(uri, isCurrent);
  }

  private checkDocument(doc: vscode.TextDocument, isCurrent: () => boolean): void {
    const { maxFileSize } = this.deps.settings();
    const size = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
    if (size > maxFileSize) {
      this.publish(doc.uri, 'document', doc.version, size, undefined, tooLarge(size, maxFileSize, doc.lineAt(0).range.end.character), isCurrent);
      return;
    }
    this.publish(doc.uri, 'document', doc.version, size, doc.getText(), undefined, isCurrent);
  }

  private async checkFile(uri: vscode.Uri, isCurrent: () => boolean): Promise<void> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      if (isCurrent()) this.remove(uri);
      return;
    }
    if (!isCurrent()) return;
    if ((stat.type & vscode.FileType.File) === 0) {
      this.remove(uri);
      return;
    }
    const { maxFileSize } = this.deps.settings();
    if (stat.size > maxFileSize) {
      this.publish(uri, 'file', undefined, stat.size, undefined, tooLarge(stat.size, maxFileSize, 0), isCurrent);
      return;
    }
    let bytes: Uint8Array;
    try {
      this.stats.reads++;
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      if (isCurrent()) this.remove(uri);
      return;
    }
    // Let the editor breathe between two plans of a big workspace.
    await new Promise((r) => setImmediate(r));
    if (!isCurrent() || openDocument(uri)) return;
    this.publish(uri, 'file', undefined, bytes.byteLength, this.decoder.decode(bytes), undefined, isCurrent);
  }

  private publish(uri: vscode.Uri, source: Work, version: number | undefined, size: number,
    text: string | undefined, notParsed: Diagnostic | undefined, isCurrent: () => boolean): void {
    if (!isCurrent()) return;
    const today = this.deps.today();
    const t0 = performance.now();
    let result: CheckResult | undefined;
    let diagnostics: readonly Diagnostic[];
    if (text === undefined) {
      diagnostics = notParsed ? [notParsed] : [];
    } else {
      ({ result, diagnostics } = this.check(uri, text, today));
    }
    const checkMs = performance.now() - t0;
    const entry: PlanEntry = {
      uri, source, version, size, large: size > LARGE_FILE_SIZE, tooLarge: text === undefined, today, result, diagnostics, checkMs,
    };
    this.entries.set(uri.toString(), entry);
    if (this.deps.log.logLevel <= vscode.LogLevel.Trace) this.deps.log.trace(`checked ${vscode.workspace.asRelativePath(uri)} (${source}${version !== undefined ? ` v${version}` : ''}, ${size} chars) in ${checkMs.toFixed(1)} ms: ${diagnostics.length} problem(s)`);
    this.emitter.fire({ changed: [entry], removed: [] });
  }

  private check(uri: vscode.Uri, text: string, today: Day): { result?: CheckResult; diagnostics: readonly Diagnostic[] } {
    this.stats.checks++;
    try {
      const result = checkPlan(text, { today, maxSize: this.deps.settings().maxFileSize });
      return { result, diagnostics: result.diagnostics };
    } catch (e) {
      // A bug in the checker must not leave stale problems behind, nor throw in the host.
      this.deps.log.error(`checkPlan threw on ${uri.toString()}: ${errorText(e)}`);
      const end = new LineIndex(text).position(Math.min(text.length, text.search(/\r|\n|$/)));
      return {
        diagnostics: [{
          code: 'internal-error', severity: 'error', message: `Workback could not check this plan (an internal error; see the Workback log): ${e instanceof Error ? e.message : String(e)}`,
          range: { start: { line: 0, character: 0 }, end }, span: { start: 0, end: end.character },
        }],
      };
    }
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.deps.log.error(`${what} handler failed: ${errorText(e)}`);
    }
  }

  dispose(): void {
    this.queue.dispose();
    for (const d of this.disposables) d.dispose();
    this.entries.clear();
  }
}

function tooLarge(size: number, max: number, firstLineLength: number): Diagnostic {
  return {
    code: 'file-too-large',
    severity: 'error',
    message: `This plan is ${formatBytes(size)}, more than the limit of ${formatBytes(max)} (setting workback.maxFileSize): it is not checked.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } },
    span: { start: 0, end: firstLineLength },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
