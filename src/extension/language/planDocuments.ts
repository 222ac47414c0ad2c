/**
 * The checked text behind every language feature, without checking twice: the plan index's
 * entry when it is for the document's current version, else one check of the text, cached by
 * version. Completion only needs the plan's ids and people, so it takes the newest plan the
 * index has (or the last one that parsed) and never waits for a check while the user types.
 */
import * as vscode from 'vscode';
import { checkPlan, type CheckResult, type Day, type Plan, type Schedule } from '../../core';
import type { PlanIndex } from '../planIndex';

interface Cached {
  version: number;
  today: Day;
  result: CheckResult;
}

export interface PlanData {
  plan?: Plan;
  schedule?: Schedule;
}

const MAX_CACHED = 8;

export class PlanDocuments implements vscode.Disposable {
  private readonly checked = new Map<string, Cached>();
  /** The last plan (and schedule) each document had, kept while its text does not parse. */
  private readonly lastGood = new Map<string, PlanData>();
  /** The last schedule each document had, with its plan (dates for completion details and lenses while errors are being fixed). */
  private readonly lastScheduled = new Map<string, { plan: Plan; schedule: Schedule }>();
  private readonly subscriptions: vscode.Disposable[];
  /** Checks made here because the index had not caught up (tests and the bench read it). */
  readonly stats = { checks: 0, reused: 0 };

  constructor(
    private readonly index: PlanIndex,
    private readonly today: () => Day,
  ) {
    this.subscriptions = [
      index.onDidChange(({ changed, removed }) => {
        for (const e of changed) this.remember(e.uri.toString(), e.result);
        for (const u of removed) {
          this.lastGood.delete(u.toString());
          this.lastScheduled.delete(u.toString());
          this.checked.delete(u.toString());
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.checked.delete(d.uri.toString())),
    ];
  }

  /** The check of the document's text as it is now (undefined when the file is too large to check). */
  current(doc: vscode.TextDocument): CheckResult | undefined {
    const today = this.today();
    const entry = this.index.get(doc.uri);
    if (entry && entry.source === 'document' && entry.version === doc.version && entry.today === today) {
      if (entry.result) this.stats.reused++;
      return entry.result;
    }
    const key = doc.uri.toString();
    const hit = this.checked.get(key);
    if (hit && hit.version === doc.version && hit.today === today) {
      this.stats.reused++;
      return hit.result;
    }
    if (entry?.tooLarge) return undefined;
    this.stats.checks++;
    const result = checkPlan(doc.getText(), { today });
    if (this.checked.size >= MAX_CACHED) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(key, { version: doc.version, today, result });
    this.remember(key, result);
    return result;
  }

  private remember(key: string, r: CheckResult | undefined): void {
    if (r?.plan && r.tree) this.lastGood.set(key, { plan: r.plan, schedule: r.schedule });
    if (r?.plan && r.schedule && r.schedule.items.length > 0)
      this.lastScheduled.set(key, { plan: r.plan, schedule: r.schedule });
  }

  /**
   * The newest plan known for the document (its current check, else the last one that parsed),
   * with the newest schedule (which may be a few keystrokes older while there are errors).
   */
  latest(doc: vscode.TextDocument): PlanData {
    const key = doc.uri.toString();
    const withSchedule = (d: PlanData): PlanData => ({
      plan: d.plan,
      schedule: d.schedule ?? this.lastScheduled.get(key)?.schedule,
    });
    const hit = this.checked.get(key);
    if (hit && hit.version === doc.version && hit.result.plan) return withSchedule(hit.result);
    const entry = this.index.get(doc.uri);
    if (entry?.result?.plan && entry.result.tree) return withSchedule(entry.result);
    const good = this.lastGood.get(key);
    if (good) return withSchedule(good);
    // never checked yet (the index starts soon), or only as a file nobody had open (kept without
    // its tree, see detachSource): check the document's text now
    if (!entry || (entry.source === 'file' && !entry.result?.tree)) return this.current(doc) ?? {};
    return {};
  }

  /** The last version of the document that had a schedule: its plan and schedule. */
  lastScheduledOf(doc: vscode.TextDocument): { plan: Plan; schedule: Schedule } | undefined {
    return this.lastScheduled.get(doc.uri.toString());
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.checked.clear();
    this.lastGood.clear();
    this.lastScheduled.clear();
  }
}
