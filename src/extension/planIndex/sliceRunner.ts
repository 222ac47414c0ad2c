/**
 * Synchronous work (checking plans) in time slices: queued work runs one item after the other
 * in a macrotask until `budgetMs` have passed, then `onSliceEnd` runs (the plan index hands what
 * the slice checked to its change batcher) and the rest waits for the next turn of the event
 * loop, so the extension host answers the editor between two slices. No vscode here (unit-tested).
 */
interface Item {
  work: () => void;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class SliceRunner {
  private queue: Item[] = [];
  /** Cancels the drain that is scheduled, if one is. */
  private timer: (() => void) | undefined;
  private disposed = false;
  private draining = false;
  /** Slices run so far (for tests and the log). */
  slices = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly onSliceEnd: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Run `work` in a coming slice; `urgent` work (the document the user is typing in) runs at
   * once, in a slice of its own, ahead of the work waiting (the editor's requests that follow
   * then find it done). Resolves once it ran, after its slice's `onSliceEnd`; rejects with what
   * it threw.
   */
  run(work: () => void, urgent = false): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (urgent && !this.draining) {
      this.slices++;
      try {
        work();
      } catch (e) {
        return Promise.reject(e);
      } finally {
        this.onSliceEnd();
      }
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const item = { work, resolve, reject };
      if (urgent) this.queue.unshift(item);
      else this.queue.push(item);
      this.schedule();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    this.timer ??= soon(() => this.drain());
  }

  private drain(): void {
    this.timer = undefined;
    if (this.disposed) return;
    this.slices++;
    this.draining = true;
    const t0 = this.now();
    const ran: { item: Item; error: unknown; failed: boolean }[] = [];
    // at least one item per slice, however long it takes
    while (this.queue.length > 0 && (ran.length === 0 || this.now() - t0 < this.budgetMs)) {
      const item = this.queue.shift()!;
      try {
        item.work();
        ran.push({ item, error: undefined, failed: false });
      } catch (e) {
        ran.push({ item, error: e, failed: true });
      }
    }
    this.draining = false;
    try {
      this.onSliceEnd();
    } finally {
      for (const r of ran) {
        if (r.failed) r.item.reject(r.error);
        else r.item.resolve();
      }
      if (this.pending > 0) this.schedule();
    }
  }

  /** Work not yet run is dropped (its promises resolve). */
  dispose(): void {
    this.disposed = true;
    this.timer?.();
    this.timer = undefined;
    for (const item of this.queue) item.resolve();
    this.queue = [];
  }
}

/**
 * Run `f` after the events already queued: setImmediate in the Node extension host, a zero
 * timeout in the web worker extension host (vscode.dev), which has no setImmediate.
 */
function soon(f: () => void): () => void {
  if (typeof setImmediate === 'function') {
    const t = setImmediate(f);
    return () => clearImmediate(t);
  }
  const t = setTimeout(f, 0);
  return () => clearTimeout(t);
}
