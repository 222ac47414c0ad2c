/**
 * Bounds the bytes held at once by reads in flight: many small plan files are read side by side
 * (each read is a round trip to the editor), a few large ones one after the other. A request
 * larger than the whole budget runs alone. First come, first served. No vscode here (unit-tested).
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: { bytes: number; grant: () => void }[] = [];

  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Resolves with a release function once `bytes` fit in the budget. */
  async acquire(bytes: number): Promise<() => void> {
    const n = Math.max(0, bytes);
    if (this.waiting.length === 0 && this.fits(n)) this.used += n;
    else await new Promise<void>((grant) => this.waiting.push({ bytes: n, grant }));
    return this.releaser(n);
  }

  /**
   * Count `bytes` at once, over the limit if need be (a read turned out larger than what it
   * asked for: the bytes are already held). Requests wait until the release brings the total
   * back under the limit. Never waits, so it cannot deadlock holders that wait for more.
   */
  charge(bytes: number): () => void {
    const n = Math.max(0, bytes);
    this.used += n;
    return this.releaser(n);
  }

  /** Gives `n` bytes back once, however often it is called. */
  private releaser(n: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= n;
      this.wake();
    };
  }

  private fits(n: number): boolean {
    return this.used === 0 || this.used + n <= this.limit;
  }

  private wake(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.bytes)) {
      const w = this.waiting.shift()!;
      this.used += w.bytes; // counted now: the waiter resumes later
      w.grant();
    }
  }
}
