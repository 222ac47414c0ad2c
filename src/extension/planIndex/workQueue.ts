/**
 * Keyed background work: per key, the latest request wins (debounced); at most `concurrency`
 * jobs run at once; a job learns through `isCurrent()` whether a newer request or a cancel
 * came in meanwhile, so it never publishes a stale result.
 */
export type Job<J> = (key: string, job: J, isCurrent: () => boolean) => Promise<void>;

interface Pending<J> {
  job: J;
  gen: number;
}

export class WorkQueue<J> {
  private readonly gens = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly ready = new Map<string, Pending<J>>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  /** Work came in since the queue was last idle. */
  private busy = false;

  constructor(
    private readonly run: Job<J>,
    private readonly concurrency: number,
    private readonly onError: (key: string, e: unknown) => void,
    /** Called each time the queue becomes idle (before whenIdle() resolves). */
    private readonly onIdle: () => void = () => undefined,
  ) {}

  /** Run `job` for `key` after `delayMs` (replacing any request not yet started). */
  schedule(key: string, job: J, delayMs = 0, first = false): void {
    if (this.disposed) return;
    this.busy = true;
    const gen = (this.gens.get(key) ?? 0) + 1;
    this.gens.set(key, gen);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.ready.delete(key);
    const enqueue = (): void => {
      this.timers.delete(key);
      if (this.gens.get(key) !== gen) return;
      if (first) {
        const rest = [...this.ready];
        this.ready.clear();
        this.ready.set(key, { job, gen });
        for (const [k, v] of rest) this.ready.set(k, v);
      } else {
        this.ready.set(key, { job, gen });
      }
      this.pump();
    };
    this.timers.set(key, setTimeout(enqueue, Math.max(0, delayMs)));
  }

  /** Drop any request for `key`; a job already running learns it is no longer current. */
  cancel(key: string): void {
    this.gens.set(key, (this.gens.get(key) ?? 0) + 1);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.ready.delete(key);
    this.settle();
  }

  get idle(): boolean {
    return this.running === 0 && this.ready.size === 0 && this.timers.size === 0;
  }

  /** Resolves when nothing is waiting, debouncing or running. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (!this.disposed && this.running < this.concurrency && this.ready.size > 0) {
      const [key, p] = this.ready.entries().next().value as [string, Pending<J>];
      this.ready.delete(key);
      this.running++;
      const isCurrent = (): boolean => !this.disposed && this.gens.get(key) === p.gen;
      void this.run(key, p.job, isCurrent)
        .catch((e: unknown) => this.onError(key, e))
        .finally(() => {
          this.running--;
          this.pump();
          this.settle();
        });
    }
    this.settle();
  }

  private settle(): void {
    if (!this.idle) return;
    if (this.busy && !this.disposed) {
      this.busy = false;
      this.onIdle();
    }
    if (this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.ready.clear();
    this.settle();
  }
}
