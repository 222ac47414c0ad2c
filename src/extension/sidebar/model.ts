/**
 * The sidebar's model: a snapshot of my tasks and follow-ups over every plan of the index,
 * recomputed when plans change, when the day rolls over and when who-I-am changes. Refreshes
 * are throttled: a burst of plan events (a workspace of 1,000 plans being indexed or re-checked)
 * costs one recompute per INDEXING_INTERVAL_MS, a longer interval when a recompute is
 * expensive, while a single change is picked up on the next tick (MIN_INTERVAL_MS apart). Only the plans
 * that changed are queried again (their parts are cached); the merge is a sort.
 */
import * as vscode from 'vscode';
import type { PlanIndex } from '../planIndex';
import type { TodayClock } from '../today';
import type { Identity, IdentityResolver } from './identity';
import type { PlanEntry } from '../planIndex';
import { computeSnapshot, planPart, type PlanPart, type SidebarPlan, type SidebarSnapshot } from './snapshot';

export const MIN_INTERVAL_MS = 50;
/** While the workspace is being indexed: the views move on once a second. */
export const INDEXING_INTERVAL_MS = 1000;
/**
 * Time one recompute may spend querying plans that changed; the others keep their previous
 * part (or wait, when they have none) until the next recompute, which follows at once. So a
 * thousand plans read at the same moment never block the extension host in one go.
 */
export const PART_BUDGET_MS = 20;
/** This many plans checked within BURST_WINDOW_MS make a burst: refreshes slow down as while indexing. */
export const BURST_PLANS = 4;
export const BURST_WINDOW_MS = 250;
/** After the day changes, how long the views may wait for the plans to be checked against it. */
export const STALE_DAY_WAIT_MS = 3000;

export interface SidebarModelDeps {
  planIndex: PlanIndex;
  today: TodayClock;
  identity: IdentityResolver;
  log: vscode.LogOutputChannel;
}

export class SidebarModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SidebarSnapshot>();
  /** Fires with each new snapshot. */
  readonly onDidChange = this.emitter.event;
  private current: SidebarSnapshot;
  private me: Identity = { me: [], source: 'none' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun = -Infinity;
  private running: Promise<void> | undefined;
  private pending = false;
  private indexing = false;
  private showDoneValue = false;
  private filter: string | undefined;
  private dayChangedAt = -Infinity;
  private burstStart = -Infinity;
  private burstPlans = 0;
  private lastBurstAt = -Infinity;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each plan's part of the snapshot, with what it was computed from. */
  private readonly parts = new Map<string, { entry: PlanEntry; meKey: string; today: number; part: PlanPart }>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** For the log, the tests and the benchmark. */
  readonly stats = { refreshes: 0, lastMs: 0, totalMs: 0, lastCpuMs: 0, totalCpuMs: 0 };

  constructor(private readonly deps: SidebarModelDeps) {
    this.current = computeSnapshot({
      parts: [],
      broken: [],
      me: [],
      today: deps.today.today,
      indexing: true,
      showDone: false,
      planFilter: undefined,
    });
    this.disposables.push(
      deps.planIndex.onDidChange(({ changed, removed }) => {
        this.notePlans(changed.length + removed.length);
        this.scheduleRefresh();
      }),
      deps.today.onDidChange(() => {
        this.dayChangedAt = performance.now();
        this.scheduleRefresh();
      }),
      deps.identity.onDidChange(() => this.scheduleRefresh()),
    );
  }

  get snapshot(): SidebarSnapshot {
    return this.current;
  }

  get identity(): Identity {
    return this.me;
  }

  get showDone(): boolean {
    return this.showDoneValue;
  }

  set showDone(v: boolean) {
    if (this.showDoneValue === v) return;
    this.showDoneValue = v;
    this.scheduleRefresh();
  }

  get planFilter(): string | undefined {
    return this.filter;
  }

  set planFilter(uri: string | undefined) {
    if (this.filter === uri) return;
    this.filter = uri;
    this.scheduleRefresh();
  }

  /** Reading the workspace (the first scan), until the index is idle. */
  get isIndexing(): boolean {
    return this.indexing;
  }

  /** Reading the workspace: set by whoever started the index, until it is idle. */
  setIndexing(v: boolean): void {
    if (this.indexing === v) return;
    this.indexing = v;
    if (!v) {
      // indexing is over: the complete views now, not after the indexing interval
      this.lastBurstAt = -Infinity;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.scheduleRefresh();
  }

  /**
   * Recompute soon: on the next tick when the last recompute is long enough ago, else once the
   * interval has passed. The interval grows with the cost of a recompute (at most a fifth of the
   * time goes to the sidebar) and is longer while the workspace is being indexed.
   */
  scheduleRefresh(): void {
    this.pending = true;
    if (this.timer !== undefined || this.running) return;
    const busy = this.indexing || this.inBurst();
    const interval = Math.max(busy ? INDEXING_INTERVAL_MS : MIN_INTERVAL_MS, 4 * this.stats.lastMs);
    const wait = Math.max(0, this.lastRun + interval - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runRefresh();
    }, wait);
  }

  /** Plans checked in a burst (many at once: a scan, a re-check of all). */
  private notePlans(n: number): void {
    const now = performance.now();
    if (now - this.burstStart > BURST_WINDOW_MS) {
      this.burstStart = now;
      this.burstPlans = 0;
    }
    this.burstPlans += n;
    if (this.burstPlans >= BURST_PLANS) this.lastBurstAt = now;
  }

  private inBurst(): boolean {
    return performance.now() - this.lastBurstAt < INDEXING_INTERVAL_MS;
  }

  /** Resolves once no refresh is waiting or running (tests, benchmark). */
  async whenFresh(): Promise<SidebarSnapshot> {
    for (
      let i = 0;
      i < 1000 && (this.pending || this.running || this.timer !== undefined || this.staleTimer !== undefined);
      i++
    ) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, 10));
    }
    return this.current;
  }

  private runRefresh(): Promise<void> {
    this.running = (async () => {
      try {
        this.pending = false;
        // Who I am is looked up (git may run) only once there are plans to show.
        if (this.deps.planIndex.started || this.deps.planIndex.all().length > 0)
          this.me = await this.deps.identity.resolve();
        const t0 = performance.now();
        const cpu0 = cpuMs();
        const next = this.compute();
        if (!next) return; // plans still being checked against the new day: their events refresh again
        this.current = next;
        const ms = performance.now() - t0;
        this.lastRun = performance.now();
        this.stats.refreshes++;
        this.stats.lastMs = ms;
        this.stats.lastCpuMs = cpuMs() - cpu0;
        this.stats.totalCpuMs += this.stats.lastCpuMs;
        this.stats.totalMs += ms;
        this.emitter.fire(this.current);
      } catch (e) {
        this.deps.log.error(`sidebar refresh failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      } finally {
        this.running = undefined;
        if (this.pending) this.scheduleRefresh();
      }
    })();
    return this.running;
  }

  /**
   * The snapshot, or undefined right after the day changed while plans are still checked
   * against the old day (their schedules would not match the new day's lateness): for at
   * most STALE_DAY_WAIT_MS the views keep showing the previous snapshot.
   */
  private compute(): SidebarSnapshot | undefined {
    const broken: { file: string; plan: SidebarPlan['plan'] | undefined }[] = [];
    const today = this.deps.today.today;
    const entries = this.deps.planIndex.all();
    if (
      performance.now() - this.dayChangedAt < STALE_DAY_WAIT_MS &&
      entries.some((e) => e.result && e.today !== today)
    ) {
      this.staleTimer ??= setTimeout(() => {
        this.staleTimer = undefined;
        this.scheduleRefresh();
      }, STALE_DAY_WAIT_MS);
      return undefined;
    }
    const meKey = JSON.stringify(this.me.me);
    const started = performance.now();
    let overBudget = false;
    const parts: PlanPart[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      const r = e.result;
      const file = e.uri.toString();
      if (!r?.plan || !r.schedule) {
        broken.push({ file, plan: r?.plan });
        continue;
      }
      seen.add(file);
      // A plan's part is kept while its check result, who I am and today are the same.
      const cached = this.parts.get(file);
      if (cached && cached.entry === e && cached.meKey === meKey && cached.today === today) {
        parts.push(cached.part);
        continue;
      }
      if (performance.now() - started > PART_BUDGET_MS) {
        overBudget = true;
        if (cached && cached.meKey === meKey && cached.today === today) parts.push(cached.part);
        continue;
      }
      const part = planPart({ file, plan: r.plan, schedule: r.schedule }, this.me.me, today);
      this.parts.set(file, { entry: e, meKey, today, part });
      parts.push(part);
    }
    if (overBudget) this.pending = true; // the rest on the next round
    for (const file of this.parts.keys()) if (!seen.has(file)) this.parts.delete(file);
    return computeSnapshot({
      parts,
      broken,
      me: this.me.me,
      today,
      indexing: this.indexing || !this.deps.planIndex.started,
      showDone: this.showDoneValue,
      planFilter: this.filter,
    });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The host's CPU time in ms; in the web worker host (no `process`), the time elapsed. */
function cpuMs(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
