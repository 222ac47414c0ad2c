/** The plan index's store: one entry per checked plan, and the batched events that announce them. */
import * as vscode from 'vscode';
import type { CheckResult, Day, Diagnostic, PlanFile } from '../../core';
import { ChangeBatcher } from './changeBatcher';

/** Plans checked in bulk are published together, at most this often. */
export const BULK_EVENT_MS = 100;

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
  /** Above workback.maxFileSizeMB: not parsed. */
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

/** A plan's plan and schedule when it has no error (what the views across plans read), else undefined. */
export function scheduledPlan(entry: PlanEntry): Pick<PlanFile, 'plan' | 'schedule'> | undefined {
  const r = entry.result;
  if (!r?.plan || !r.schedule || r.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { plan: r.plan, schedule: r.schedule };
}

export interface PlanIndexChange {
  changed: readonly PlanEntry[];
  removed: readonly vscode.Uri[];
}

/** Counters the tests, the log and the benchmark read. */
export interface IndexStats {
  checks: number;
  reads: number;
  scans: number;
  events: number;
}

export class PlanEntries implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry>();
  private readonly emitter = new vscode.EventEmitter<PlanIndexChange>();
  /** Fires after plans were checked or went away. */
  readonly onDidChange = this.emitter.event;
  /** What the next change event says (a plan checked again, then removed, is only removed). */
  private readonly changes = new ChangeBatcher<PlanEntry, vscode.Uri>(BULK_EVENT_MS, (changed, removed) => {
    this.stats.events++;
    this.emitter.fire({ changed, removed });
  });

  constructor(private readonly stats: IndexStats) {}

  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri.toString());
  }

  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  get size(): number {
    return this.entries.size;
  }

  values(): IterableIterator<PlanEntry> {
    return this.entries.values();
  }

  /** Store `entry`; it goes out at the end of the slice when `urgent`, else with the next bulk event. */
  set(entry: PlanEntry, urgent: boolean): void {
    const key = entry.uri.toString();
    this.entries.set(key, entry);
    this.changes.change(key, entry, urgent);
  }

  /** Forget a plan; its removal goes out soon (see ChangeBatcher.remove). */
  delete(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.entries.delete(key)) this.changes.remove(key, uri);
  }

  /** After a slice: what it checked goes out now or with the next bulk event. */
  settle(): void {
    this.changes.settle();
  }

  /** Everything held back for the next bulk event, out now. */
  flush(): void {
    this.changes.flush();
  }

  dispose(): void {
    this.changes.dispose();
    this.emitter.dispose();
    this.entries.clear();
  }
}
