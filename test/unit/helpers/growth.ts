/**
 * Growth tests: is a stage linear in the size of its input? Time it at n and at 4n; a linear
 * (or n log n) stage takes about 4 to 5 times as long, a quadratic one about 16 times. The
 * bound is 6.
 *
 * Made to hold on a loaded, shared machine (the unit tests run in several time zones at once):
 * - times are this process's CPU time, not the wall clock;
 * - a full garbage collection comes before every measure, so that no measure pays for garbage
 *   left by an earlier one or by another test file in the same process;
 * - a measure at n runs the stage four times back to back, so that it lasts about as long as one
 *   run at 4n and both are as exposed to the rest of the machine; the measures at n and at 4n
 *   alternate, and the fastest of each counts;
 * - n is doubled until one run takes long enough to measure, or up to maxN, past which the runs
 *   are repeated instead (the collector over a large live heap grows faster than the work);
 * - a ratio over the bound is measured again at twice and at half the size, and once more: noise
 *   and V8's steps (the heap's large-object space, an object past a few thousand keys) pass at
 *   one of them, a quadratic fails at every size.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export interface Growth {
  n: number;
  /** The fastest run at n and at 4n, in ms of CPU time. */
  atN: number;
  at4N: number;
  ratio: number;
}

export interface GrowthOptions {
  /** The size to start from (default 16,000 where no n is given). */
  n?: number;
  /** One run at n must take at least this long before it is trusted (ms of CPU time, default 8). */
  minMs?: number;
  /** n is not doubled past this (default: 8 times the starting n, so that a family stays near the
   * size its author chose: far past it, the collector over millions of objects grows faster than
   * the work). */
  maxN?: number;
  /** Measures per size (default 5). */
  runs?: number;
  /** The ratio that fails (default 6). */
  bound?: number;
  /**
   * Measurements before a ratio over the bound fails (default 6: at n, 2n, n/2, n, n/2 and n): a
   * slow spell of a shared machine passes, a quadratic fails at every one.
   */
  attempts?: number;
}

/** The CPU time of `times` runs back to back, after a full collection (ms). */
function timeRuns<T>(input: T, stage: (x: T) => unknown, times: number): number {
  collect();
  const t = process.cpuUsage();
  for (let i = 0; i < times; i++) stage(input);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * Time a stage at n and 4n, doubling n first until a run takes minMs. Where maxN stops n before
 * that, each measure repeats the runs until it lasts about minMs: the sizes stay where the
 * collector has little to do, and the times stay long enough to read.
 */
export function measureGrowth<T>(
  make: (n: number) => T,
  stage: (x: T) => unknown,
  n: number,
  options: GrowthOptions = {},
): Growth {
  const { minMs = 8, runs = 5 } = options;
  const maxN = options.maxN ?? n * 8;
  let small = make(n);
  stage(small); // warm up: compile the code paths
  const fastestOf3 = () => Math.min(timeRuns(small, stage, 1), timeRuns(small, stage, 1), timeRuns(small, stage, 1));
  let one = fastestOf3();
  while (one < minMs && n * 2 <= maxN) {
    n *= 2;
    small = make(n);
    one = fastestOf3();
  }
  const reps = Math.min(64, Math.max(1, Math.ceil(minMs / Math.max(one, 0.05))));
  const big = make(4 * n);
  stage(big);
  let four = Infinity;
  let at4N = Infinity;
  for (let i = 0; i < runs; i++) {
    four = Math.min(four, timeRuns(small, stage, 4 * reps) / reps);
    at4N = Math.min(at4N, timeRuns(big, stage, reps) / reps);
  }
  const atN = four / 4;
  return { n, atN, at4N, ratio: at4N / atN };
}

/**
 * Assert that the stage's time at 4n stays under the bound times its time at n. The fourth
 * argument is the starting n, or the options (with their own n).
 *
 * A ratio over the bound is measured again at other sizes: twice, then half the size first
 * measured, then that size once more. V8 has steps (an object past a few thousand keys, a heap
 * that outgrows the young generation) that make one pair of sizes grow faster than the work, and
 * another pair not; a quadratic grows about 16 times at every size.
 */
export function assertLinear<T>(
  name: string,
  make: (n: number) => T,
  stage: (x: T) => unknown,
  nOrOptions: number | GrowthOptions = {},
  more: GrowthOptions = {},
): Growth {
  const options = typeof nOrOptions === 'number' ? { ...more, n: nOrOptions } : nOrOptions;
  const bound = options.bound ?? 6;
  const seen: string[] = [];
  const first = measureGrowth(make, stage, options.n ?? 16_000, options);
  const half = Math.max(1, Math.floor(first.n / 2));
  const retries = [first.n * 2, half, first.n, half, first.n].slice(0, Math.max(0, (options.attempts ?? 6) - 1));
  let g = first;
  for (let attempt = 0; ; attempt++) {
    if (process.env['WORKBACK_GROWTH_LOG'])
      console.log(
        `      ${name}: n = ${g.n}, ${g.atN.toFixed(1)} ms → ${g.at4N.toFixed(1)} ms at 4n: ${g.ratio.toFixed(2)}x`,
      );
    if (g.ratio < bound) return g;
    seen.push(
      `${g.at4N.toFixed(1)} ms at 4n = ${4 * g.n} vs ${g.atN.toFixed(1)} ms at n = ${g.n}: ${g.ratio.toFixed(1)}x`,
    );
    const n = retries[attempt];
    if (n === undefined) break;
    g = measureGrowth(make, stage, n, { ...options, maxN: n }); // exactly that size: no doubling
  }
  assert.fail(`${name}: time at 4n not under ${bound}x the time at n (${seen.join('; ')})`);
}

/** Assert that `stage` on `input` takes under `limit` times what it takes on `baseline`. */
export function assertWithin<T>(
  name: string,
  stage: (x: T) => unknown,
  input: T,
  baseline: T,
  limit: number,
  options: GrowthOptions = {},
): void {
  stage(input);
  stage(baseline);
  const seen: string[] = [];
  for (let attempt = 0; attempt < (options.attempts ?? 3); attempt++) {
    let t = Infinity;
    let base = Infinity;
    for (let i = 0; i < (options.runs ?? 5); i++) {
      t = Math.min(t, timeRuns(input, stage, 1));
      base = Math.min(base, timeRuns(baseline, stage, 1));
    }
    const ratio = t / Math.max(base, 1e-3);
    if (ratio < limit) return;
    seen.push(`${t.toFixed(1)} vs ${base.toFixed(1)} ms: ${ratio.toFixed(1)}x`);
  }
  assert.fail(`${name}: over ${limit}x the baseline (${seen.join('; ')})`);
}
