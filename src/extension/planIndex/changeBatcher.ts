/**
 * Collects what changed (by key: a later change of the same key replaces an earlier one, a
 * removal cancels a change) and hands it out in batches: at once after urgent news (the plan
 * being typed in, a removal), else at most every `intervalMs` (plans read in bulk). No vscode
 * here (unit-tested).
 */
export class ChangeBatcher<C, R> {
  private changed = new Map<string, C>();
  private removed = new Map<string, R>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;
  private urgent = false;

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (changed: C[], removed: R[]) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  change(key: string, item: C, urgent = false): void {
    this.removed.delete(key);
    this.changed.set(key, item);
    if (urgent) this.urgent = true;
  }

  /** A removal goes out soon (on a timer of 0 ms) unless a flush comes first. */
  remove(key: string, item: R): void {
    this.changed.delete(key);
    this.removed.set(key, item);
    this.urgent = true;
    this.schedule(0);
  }

  /** After a round of changes: out now when urgent or the interval has passed, else when it has. */
  settle(): void {
    const wait = this.urgent ? 0 : this.last + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.schedule(wait);
  }

  /** Everything collected, out now (nothing when there is nothing). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent = false;
    if (this.changed.size === 0 && this.removed.size === 0) return;
    const changed = [...this.changed.values()];
    const removed = [...this.removed.values()];
    this.changed = new Map();
    this.removed = new Map();
    this.last = this.now();
    this.emit(changed, removed);
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined && ms > 0) return; // one is coming, as soon or sooner
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
