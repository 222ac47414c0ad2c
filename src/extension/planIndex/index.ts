/**
 * One model of all plans in the workspace. Open documents' text first, the file system
 * otherwise (workspace.fs, never Node fs), a file watcher for every plan file.
 *
 * Work runs in a keyed background queue. Reading is I/O: each workspace.fs call waits for a
 * round trip to the editor, so up to IO_CONCURRENCY plans are read side by side
 * (READ_BUDGET_BYTES bound the text held meanwhile). Checking is CPU: checks run one after the
 * other in slices of SLICE_MS (the extension host answers the editor between two slices), the
 * plan being typed in first. Changes are published in batches through onDidChange: the plan
 * being typed in at the end of its slice, plans read in bulk (a scan, a re-check of all) at
 * most every BULK_EVENT_MS. Diagnostics, the language status, the language features and the
 * sidebar subscribe to it.
 *
 * Nothing is parsed until a plan is open (or a view calls start()).
 */
import * as vscode from 'vscode';
import { decodePlanBytes, detachSource, type CheckResult, type Day, type Diagnostic } from '../../core';
import { ByteBudget } from './byteBudget';
import { ChangeBatcher } from './changeBatcher';
import { FolderLinks } from '../folderLinks';
import { checkText, errorText, tooLarge } from './planCheck';
import { isPlanDocument, isPlanPath, isUnder, isUserScheme, isWorkspacePlanFile, openDocument, PLAN_GLOB } from '../planFiles';
import { LARGE_FILE_DEBOUNCE_MS, LARGE_FILE_SIZE, type Settings } from '../settings';
import { SliceRunner } from './sliceRunner';
import { WorkQueue } from './workQueue';

/**
 * Plans read at once (their stat and read are in flight side by side). Each read waits for a
 * round trip to the editor (200-400 ms while indexing), so the reads in flight set the pace:
 * 1,000 plans took 2.9-3.2 s with 128, 2.4-2.5 s with 512.
 */
export const IO_CONCURRENCY = 512;
/** Bytes of plan text read and not yet checked, at most (a larger plan is read alone). */
export const READ_BUDGET_BYTES = 16 * 1024 * 1024;
/** Checks run one after the other in slices of about this long; the editor is answered between two. */
export const SLICE_MS = 12;
/** Plans checked in bulk are published together, at most this often. */
export const BULK_EVENT_MS = 100;
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
  /** The file's bytes are not UTF-8 or UTF-16 text (`invalid-encoding`): not parsed. */
  readonly undecodable: boolean;
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

/**
 * `document`: the open document's text; `file`: read the file; `stored`: check the text last
 * read from the file again (the day or the settings changed, the file did not).
 */
type Work = 'document' | 'file' | 'stored';

export class PlanIndex implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry>();
  private readonly emitter = new vscode.EventEmitter<PlanIndexChange>();
  /** Fires after plans were checked or went away. */
  readonly onDidChange = this.emitter.event;
  private readonly idleEmitter = new vscode.EventEmitter<void>();
  /** Fires when no check is waiting or running any more (after the last change event). */
  readonly onDidBecomeIdle = this.idleEmitter.event;
  private readonly queue: WorkQueue<{ uri: vscode.Uri; work: Work }>;
  private readonly disposables: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  private readonly slices = new SliceRunner(SLICE_MS, () => this.changes.settle());
  private readonly readBudget = new ByteBudget(READ_BUDGET_BYTES);
  private readonly folders = new FolderLinks();
  /** What the next change event says (a plan checked again, then removed, is only removed). */
  private readonly changes = new ChangeBatcher<PlanEntry, vscode.Uri>(BULK_EVENT_MS, (changed, removed) => {
    this.stats.events++;
    this.emitter.fire({ changed, removed });
  });
  /** Counters the tests, the log and the benchmark read. */
  readonly stats = { checks: 0, reads: 0, scans: 0, events: 0 };
  /** Plan files the last workspace scan found (the sidebar shows how many are read so far). */
  filesFound = 0;

  constructor(private readonly deps: PlanIndexDeps) {
    this.queue = new WorkQueue((_key, job, isCurrent) => this.runJob(job.uri, job.work, isCurrent), IO_CONCURRENCY,
      (key, e) => this.deps.log.error(`checking ${key} failed: ${errorText(e)}`),
      () => {
        this.changes.flush(); // what was held back for the next bulk event
        this.idleEmitter.fire();
      });
    const ws = vscode.workspace;
    this.disposables.push(
      this.emitter,
      this.idleEmitter,
      ws.onDidOpenTextDocument((d) => this.guard('open', () => this.documentOpened(d))),
      ws.onDidChangeTextDocument((e) => this.guard('change', () => {
        if (e.contentChanges.length > 0 && isPlanDocument(e.document)) this.scheduleDocument(e.document, true);
      })),
      ws.onDidCloseTextDocument((d) => this.guard('close', () => this.documentClosed(d))),
      ws.onDidDeleteFiles((e) => this.guard('delete', () => e.files.forEach((u) => this.removeUnder(u)))),
      ws.onDidRenameFiles((e) => this.guard('rename', () => e.files.forEach((f) => {
        this.folders.clear();
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

  /** How many plans are indexed. */
  get size(): number {
    return this.entries.size;
  }

  all(): PlanEntry[] {
    return [...this.entries.values()];
  }

  /** Resolves when no check is waiting or running, and the last change event has fired. */
  async whenIdle(): Promise<void> {
    if (this.scan) await this.scan;
    await this.queue.whenIdle();
  }

  /**
   * Check every known plan again: open documents' text, and the text last read of the others
   * (today or a setting that matters to the check changed); `fromDisk`: read the files again.
   */
  recheckAll(fromDisk = false): void {
    for (const e of this.entries.values()) {
      const doc = openDocument(e.uri);
      if (doc) this.scheduleDocument(doc, false);
      else this.queue.schedule(e.uri.toString(), { uri: e.uri, work: fromDisk || !e.result ? 'file' : 'stored' });
    }
  }

  private async rescan(): Promise<void> {
    this.stats.scans++;
    this.folders.clear();
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
    this.filesFound = n;
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
    const removable = (u: vscode.Uri): boolean => !openDocument(u)?.isDirty;
    const entry = this.entries.get(uri.toString());
    if (entry) {
      // a plan file (the watcher reports a deleted folder's files one by one: no walk over all plans each)
      if (removable(entry.uri)) this.remove(entry.uri);
      return;
    }
    for (const e of [...this.entries.values()]) {
      if (isUnder(e.uri, uri) && removable(e.uri)) this.remove(e.uri);
    }
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.entries.delete(key)) this.changes.remove(key, uri);
    this.queue.cancel(key); // when that leaves the queue idle, the removal is published at once
  }

  private async runJob(uri: vscode.Uri, work: Work, isCurrent: () => boolean): Promise<void> {
    // The open document's text first (even when its editor shows it as another language).
    const doc = openDocument(uri);
    if (doc) {
      await this.slices.run(() => this.checkDocument(doc, isCurrent), true);
      await this.checkDocumentBytes(doc, isCurrent);
      return;
    }
    if (!this.scan || !isWorkspacePlanFile(uri)) {
      // a closed document that is not a workspace plan file: nothing to keep
      this.remove(uri);
      return;
    }
    const stored = work === 'stored' ? this.entries.get(uri.toString()) : undefined;
    if (stored?.result && stored.source === 'file') await this.slices.run(() => this.checkStored(stored, isCurrent));
    else await this.checkFile(uri, isCurrent);
  }

  private checkDocument(doc: vscode.TextDocument, isCurrent: () => boolean): void {
    if (doc.isClosed) return; // its close event scheduled what comes next
    const { maxFileSize } = this.deps.settings();
    const size = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
    if (size > maxFileSize) {
      this.publish(doc.uri, 'document', doc.version, size, undefined, tooLarge(size, maxFileSize, doc.lineAt(0).range.end.character), isCurrent);
      return;
    }
    this.publish(doc.uri, 'document', doc.version, size, doc.getText(), undefined, isCurrent);
  }

  /**
   * Read a plan file and check it. Every workspace.fs call is a round trip to the editor. The file
   * is looked at first (stat, beside the look at its folders, both in flight with the other
   * plans'): what is not a regular file, a symlink or under a symlinked folder (it may lead out of
   * the workspace), or larger than workback.maxFileSize is never read. The read budget counts the
   * size the stat gave; a file that grew since is charged what it turned out to be.
   */
  private async checkFile(uri: vscode.Uri, isCurrent: () => boolean): Promise<void> {
    const size = await this.sizeToRead(uri, isCurrent);
    if (size === undefined || !isCurrent()) return;
    const release = await this.readBudget.acquire(size);
    let releaseOver: (() => void) | undefined;
    try {
      if (!isCurrent()) return;
      this.stats.reads++;
      const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
      if (bytes && bytes.byteLength > size) releaseOver = this.readBudget.charge(bytes.byteLength - size);
      if (!isCurrent()) return;
      if (!bytes) {
        this.remove(uri); // gone since the stat
        return;
      }
      const { maxFileSize } = this.deps.settings();
      await this.slices.run(() => {
        if (openDocument(uri)) return; // the document's own job says more
        if (bytes.byteLength > maxFileSize) this.publish(uri, 'file', undefined, bytes.byteLength, undefined, tooLarge(bytes.byteLength, maxFileSize, 0), isCurrent);
        else this.publishBytes(uri, bytes, isCurrent);
      });
    } finally {
      releaseOver?.();
      release();
    }
  }

  /**
   * The size of a file worth reading; undefined when it is not: gone, not a regular file, a
   * symlink or under a symlinked folder (removed), or above the cap (published as too large).
   */
  private async sizeToRead(uri: vscode.Uri, isCurrent: () => boolean): Promise<number | undefined> {
    const [stat, linked] = await Promise.all([vscode.workspace.fs.stat(uri).then((st) => st, () => undefined), this.folders.linkedFolder(uri)]);
    if (!isCurrent()) return undefined;
    if (!stat || stat.type !== vscode.FileType.File || linked) {
      if (stat && (stat.type & vscode.FileType.SymbolicLink || linked)) this.deps.log.info(`not read: ${vscode.workspace.asRelativePath(uri)} is ${linked ? `under a symlinked folder (${vscode.workspace.asRelativePath(linked)})` : 'a symlink'}; Workback follows no link in the workspace's files`);
      this.remove(uri);
      return undefined;
    }
    const { maxFileSize } = this.deps.settings();
    if (stat.size <= maxFileSize) return stat.size;
    await this.slices.run(() => this.publish(uri, 'file', undefined, stat.size, undefined, tooLarge(stat.size, maxFileSize, 0), isCurrent));
    return undefined;
  }

  /**
   * An open document is the text VS Code decoded (its files.encoding), and that is what is
   * checked. When that text holds U+FFFD and is as saved, the file's bytes may not have been text:
   * they are decoded as the CLI decodes them, and an `invalid-encoding` is shown beside the rest.
   */
  private async checkDocumentBytes(doc: vscode.TextDocument, isCurrent: () => boolean): Promise<void> {
    const key = doc.uri.toString();
    const version = doc.version;
    if (doc.isDirty || doc.isClosed || doc.uri.scheme === 'untitled' || this.entries.get(key)?.version !== version || !doc.getText().includes('\uFFFD')) return;
    const bytes = await vscode.workspace.fs.readFile(doc.uri).then((b) => b, () => undefined);
    const entry = this.entries.get(key);
    if (!bytes || !isCurrent() || doc.isDirty || doc.version !== version || entry?.version !== version) return;
    const decoded = decodePlanBytes(bytes, { bom: 'drop' });
    if (decoded.ok) return;
    const updated: PlanEntry = { ...entry, diagnostics: [decoded.diagnostic, ...entry.diagnostics] };
    this.entries.set(key, updated);
    this.changes.change(key, updated, true);
    this.changes.settle();
  }

  /** The file's text, decoded as the CLI decodes it (a byte order mark dropped, as VS Code's documents drop it). */
  private publishBytes(uri: vscode.Uri, bytes: Uint8Array, isCurrent: () => boolean): void {
    const decoded = decodePlanBytes(bytes, { bom: 'drop' });
    if (decoded.ok) this.publish(uri, 'file', undefined, bytes.byteLength, decoded.text, undefined, isCurrent);
    else this.publish(uri, 'file', undefined, bytes.byteLength, undefined, decoded.diagnostic, isCurrent);
  }

  /** The text last read from the file, checked again (against a new day, or new settings). */
  private checkStored(entry: PlanEntry, isCurrent: () => boolean): void {
    if (!entry.result || openDocument(entry.uri)) return;
    const { maxFileSize } = this.deps.settings();
    const notParsed = entry.size > maxFileSize ? tooLarge(entry.size, maxFileSize, 0) : undefined;
    this.publish(entry.uri, 'file', undefined, entry.size, notParsed ? undefined : entry.result.lines.text, notParsed, isCurrent);
  }

  private publish(uri: vscode.Uri, source: PlanEntry['source'], version: number | undefined, size: number,
    text: string | undefined, notParsed: Diagnostic | undefined, isCurrent: () => boolean): void {
    if (!isCurrent()) return;
    const today = this.deps.today();
    const t0 = performance.now();
    let result: CheckResult | undefined;
    let diagnostics: readonly Diagnostic[];
    if (text === undefined) {
      diagnostics = notParsed ? [notParsed] : [];
    } else {
      this.stats.checks++;
      ({ result, diagnostics } = checkText(text, today, this.deps.settings().maxFileSize,
        (e) => this.deps.log.error(`checkPlan threw on ${uri.toString()}: ${errorText(e)}`)));
      // A plan nobody has open is kept without its source tree (a fraction of the memory, and of
      // the garbage collection while indexing); the language features check open documents only.
      if (result && source === 'file') detachSource(result);
    }
    const checkMs = performance.now() - t0;
    const entry: PlanEntry = {
      uri, source, version, size, large: size > LARGE_FILE_SIZE, tooLarge: notParsed?.code === 'file-too-large',
      undecodable: notParsed?.code === 'invalid-encoding', today, result, diagnostics, checkMs,
    };
    const key = uri.toString();
    this.entries.set(key, entry);
    this.changes.change(key, entry, source === 'document'); // out at the end of the slice, or with the next bulk event
    if (this.deps.log.logLevel <= vscode.LogLevel.Trace) this.deps.log.trace(`checked ${vscode.workspace.asRelativePath(uri)} (${source}${version !== undefined ? ` v${version}` : ''}, ${size} chars) in ${checkMs.toFixed(1)} ms: ${diagnostics.length} problem(s)`);
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
    this.slices.dispose();
    this.changes.dispose();
    for (const d of this.disposables) d.dispose();
    this.entries.clear();
  }
}
