/**
 * Growth tests: does a stage stay linear as its input grows? Times the stage at size n and at
 * 4n (medians of several runs, interleaved, after warm-up runs) and compares them: a linear
 * stage gives about 4, a quadratic one about 16; the bar is 6. Times are this process's CPU
 * time, so the other processes of a loaded machine (the unit tests run in several time zones at
 * once) do not count. Sizes start where one run takes a few milliseconds, so timer noise does
 * not matter; a ratio over the bar is measured again, from twice the size (noise only ever makes
 * a ratio larger, and a one-time step such as V8's large-object space is passed; a quadratic
 * fails at every size).
 */
import assert from 'node:assert/strict';

export interface GrowthOptions {
  /** The size to start from; doubled until one run takes `minMs` (default 16,000: below it, fixed costs weigh). */
  n?: number;
  /** One run at the starting size takes at least this long (default 4 ms of CPU time). */
  minMs?: number;
  /** Runs per size; the median counts (default 5). */
  runs?: number;
  /** The largest ratio time(4n) / time(n) that passes (default 6). */
  limit?: number;
  /** Attempts before a ratio over the limit fails (default 3). */
  attempts?: number;
  /** The largest size tried (default 4,000,000). */
  maxN?: number;
}

/** CPU milliseconds of this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds one call of `stage` takes on `input`. */
function timeOnce<T>(stage: (input: T) => unknown, input: T): number {
  const t0 = cpuMs();
  stage(input);
  return cpuMs() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The median times of `stage` on each input, runs interleaved, after a warm-up run of each. */
export function medianTimes<T>(stage: (input: T) => unknown, inputs: T[], runs = 5): number[] {
  for (const input of inputs) stage(input); // warm-up: optimised code, caches, heap size
  const times: number[][] = inputs.map(() => []);
  for (let r = 0; r < runs; r++) inputs.forEach((input, i) => times[i]!.push(timeOnce(stage, input)));
  return times.map(median);
}

/** The size at which one run of `stage` takes at least `minMs` (median of three, after a warm-up run). */
export function calibrate<T>(make: (n: number) => T, stage: (input: T) => unknown, options: GrowthOptions = {}): number {
  const minMs = options.minMs ?? 4;
  const maxN = options.maxN ?? 4_000_000;
  let n = options.n ?? 16_000;
  for (;;) {
    if (n * 4 > maxN || medianTimes(stage, [make(n)], 3)[0]! >= minMs) return n;
    n *= 2;
  }
}

/** time(4n) / time(n) for the stage on generated inputs, from the calibrated size n. */
export function growthRatio<T>(make: (n: number) => T, stage: (input: T) => unknown, options: GrowthOptions = {}): { n: number; ratio: number } {
  const minMs = options.minMs ?? 4;
  const maxN = options.maxN ?? 4_000_000;
  let n = calibrate(make, stage, options);
  for (;;) {
    const [small, large] = medianTimes(stage, [make(n), make(4 * n)], options.runs ?? 5);
    if (process.env.GROWTH_DEBUG) console.log(`    n=${n} ${small!.toFixed(1)} ms, 4n ${large!.toFixed(1)} ms`);
    // calibrated on a slow run: too short to measure, go on from twice the size
    if (small! < minMs / 2 && n * 8 <= maxN) n *= 2;
    else return { n, ratio: large! / Math.max(small!, 1e-3) };
  }
}

/** Asserts that the stage grows linearly (time at 4n under `limit` times the time at n). */
export function assertLinear<T>(what: string, make: (n: number) => T, stage: (input: T) => unknown, options: GrowthOptions = {}): void {
  const limit = options.limit ?? 6;
  const seen: string[] = [];
  let from = options.n ?? 16_000;
  for (let attempt = 0; attempt < (options.attempts ?? 3); attempt++) {
    const { n, ratio } = growthRatio(make, stage, { ...options, n: from });
    if (ratio < limit) return;
    seen.push(`${ratio.toFixed(1)} at n=${n}`);
    // again from twice the size: a step (the heap's large objects, a cache) passes there, a quadratic does not
    from = 2 * n;
  }
  assert.fail(`${what}: time at 4n over ${limit}x the time at n (${seen.join(', ')})`);
}

/** Asserts that `stage` on `input` takes under `limit` times what it takes on `baseline` (medians). */
export function assertWithin<T>(what: string, stage: (input: T) => unknown, input: T, baseline: T, limit: number, options: GrowthOptions = {}): void {
  const seen: string[] = [];
  for (let attempt = 0; attempt < (options.attempts ?? 3); attempt++) {
    const [t, base] = medianTimes(stage, [input, baseline], options.runs ?? 5);
    const ratio = t! / Math.max(base!, 1e-3);
    if (ratio < limit) return;
    seen.push(ratio.toFixed(1));
  }
  assert.fail(`${what}: over ${limit}x the baseline (${seen.join(', ')})`);
}
