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
 *
 * This class decides what work each event makes; the work is done beside it: the store and its
 * events (entries.ts), the checks (checker.ts), reading files (fileReader.ts), finding them
 * (scan.ts), the workspace events followed (workspaceEvents.ts).
 */
import * as vscode from 'vscode';
import { isPlanDocument, isPlanPath, isUnder, isUserScheme, isWorkspacePlanFile, openDocument } from '../planFiles';
import { LARGE_FILE_DEBOUNCE_MS, LARGE_FILE_SIZE } from '../settings';
import { PlanChecker, type CheckerDeps } from './checker';
import { PlanEntries, type IndexStats, type PlanEntry } from './entries';
import { PlanFileReader, type FileRead } from './fileReader';
import { errorText } from './planCheck';
import { findPlanFiles, findPlanFilesUnder } from './scan';
import { SliceRunner } from './sliceRunner';
import { WorkQueue } from './workQueue';
import { followDocuments, watchPlanFiles } from './workspaceEvents';

export type { PlanEntry, PlanIndexChange } from './entries';
export { scheduledPlan } from './entries';

/**
 * Plans read at once (their stat and read are in flight side by side). Each read waits for a
 * round trip to the editor (200-400 ms while indexing), so the reads in flight set the pace:
 * 1,000 plans took 2.9-3.2 s with 128, 2.4-2.5 s with 512.
 */
export const IO_CONCURRENCY = 512;
/** Checks run one after the other in slices of about this long; the editor is answered between two. */
export const SLICE_MS = 12;

/** What the index needs: the log, today, the settings (read anew for each check). */
export type PlanIndexDeps = CheckerDeps;

/**
 * `document`: the open document's text; `file`: read the file; `stored`: check the text last
 * read from the file again (the day or the settings changed, the file did not).
 */
type Work = 'document' | 'file' | 'stored';

export class PlanIndex implements vscode.Disposable {
  /** Counters the tests, the log and the benchmark read. */
  readonly stats: IndexStats = { checks: 0, reads: 0, scans: 0, events: 0 };
  private readonly entries = new PlanEntries(this.stats);
  /** Fires after plans were checked or went away. */
  readonly onDidChange = this.entries.onDidChange;
  private readonly idleEmitter = new vscode.EventEmitter<void>();
  /** Fires when no check is waiting or running any more (after the last change event). */
  readonly onDidBecomeIdle = this.idleEmitter.event;
  private readonly queue: WorkQueue<{ uri: vscode.Uri; work: Work }>;
  private readonly disposables: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  private readonly slices = new SliceRunner(SLICE_MS, () => this.entries.settle());
  private readonly checker: PlanChecker;
  private readonly reader: PlanFileReader;
  /** Plan files the last workspace scan found (the sidebar shows how many are read so far). */
  filesFound = 0;

  constructor(private readonly deps: PlanIndexDeps) {
    this.checker = new PlanChecker(deps, this.entries, this.stats);
    this.reader = new PlanFileReader({
      log: deps.log,
      maxFileSize: () => deps.settings().maxFileSize,
      stats: this.stats,
    });
    this.queue = new WorkQueue(
      (_key, job, isCurrent) => this.runJob(job.uri, job.work, isCurrent),
      IO_CONCURRENCY,
      (key, e) => this.deps.log.error(`checking ${key} failed: ${errorText(e)}`),
      () => {
        this.entries.flush(); // what was held back for the next bulk event
        this.idleEmitter.fire();
      },
    );
    this.disposables.push(
      this.idleEmitter,
      ...followDocuments(
        {
          opened: (doc) => this.documentOpened(doc),
          typed: (doc) => this.scheduleDocument(doc, true),
          closed: (doc) => this.documentClosed(doc),
          removed: (uri) => this.removeUnder(uri),
          renamed: (from, to) => {
            this.reader.forgetFolders();
            this.removeUnder(from);
            if (this.scan) findPlanFilesUnder(to, deps.log, (u) => this.fileChanged(u));
          },
          foldersAdded: () => {
            if (this.scan) void this.rescan();
          },
        },
        deps.log,
      ),
    );
  }

  get started(): boolean {
    return this.scan !== undefined;
  }

  /** Start indexing every plan file of the workspace (once); resolves when the first scan is queued. */
  start(): Promise<void> {
    if (!this.scan) {
      this.disposables.push(
        ...watchPlanFiles({ changed: (u) => this.fileChanged(u), deleted: (u) => this.fileDeleted(u) }, this.deps.log),
      );
      this.scan = this.rescan();
    }
    return this.scan;
  }

  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri);
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
    this.reader.forgetFolders();
    const plans = await findPlanFiles(this.deps.log);
    if (!plans) return;
    for (const uri of plans) {
      if (!openDocument(uri) && !this.entries.has(uri)) this.queue.schedule(uri.toString(), { uri, work: 'file' });
    }
    // A plan known but not found was deleted, moved or excluded without an event reaching the
    // watcher (a busy machine, a network drive): its file is looked at again, and forgotten if gone.
    const found = new Set(plans.map((u) => u.toString()));
    for (const e of this.entries.values()) {
      const key = e.uri.toString();
      if (!found.has(key) && !openDocument(e.uri)) this.queue.schedule(key, { uri: e.uri, work: 'file' });
    }
    this.filesFound = plans.length;
  }

  private documentOpened(doc: vscode.TextDocument): void {
    if (!isPlanDocument(doc)) return;
    this.scheduleDocument(doc, false);
    void this.start().catch((e: unknown) => this.deps.log.error(`workspace scan failed: ${errorText(e)}`));
  }

  private documentClosed(doc: vscode.TextDocument): void {
    if (!this.entries.has(doc.uri) && !isPlanDocument(doc)) return;
    // Back to the file on disk when it belongs to the workspace; gone otherwise.
    if (this.scan && isWorkspacePlanFile(doc.uri))
      this.queue.schedule(doc.uri.toString(), { uri: doc.uri, work: 'file' });
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
    const entry = this.entries.get(uri);
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
    this.entries.delete(uri);
    this.queue.cancel(uri.toString()); // when that leaves the queue idle, the removal is published at once
  }

  private async runJob(uri: vscode.Uri, work: Work, isCurrent: () => boolean): Promise<void> {
    // The open document's text first (even when its editor shows it as another language).
    const doc = openDocument(uri);
    if (doc) {
      await this.slices.run(() => this.checker.document(doc, isCurrent), true);
      await this.checker.documentBytes(doc, isCurrent);
      return;
    }
    if (!this.scan || !isWorkspacePlanFile(uri)) {
      // a closed document that is not a workspace plan file: nothing to keep
      this.remove(uri);
      return;
    }
    const stored = work === 'stored' ? this.entries.get(uri) : undefined;
    if (stored?.result && stored.source === 'file') await this.slices.run(() => this.checker.stored(stored, isCurrent));
    else await this.reader.read(uri, isCurrent, (r) => this.fileRead(uri, r, isCurrent));
  }

  /** What a read of a plan file gave: a plan to check, one too large to, or none to keep. */
  private async fileRead(uri: vscode.Uri, r: FileRead, isCurrent: () => boolean): Promise<void> {
    if (r.kind === 'not-a-plan') this.remove(uri);
    else if (r.kind === 'too-large')
      await this.slices.run(() => this.checker.tooLargeFile(uri, r.size, r.maxFileSize, isCurrent));
    else await this.slices.run(() => this.checker.fileBytes(uri, r.bytes, r.maxFileSize, isCurrent));
  }

  dispose(): void {
    this.queue.dispose();
    this.slices.dispose();
    this.entries.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
