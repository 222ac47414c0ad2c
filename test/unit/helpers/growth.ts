/**
 * Growth tests: is a stage linear in the size of its input? Time it at n and at 4n; a linear
 * (or n log n) stage takes about 4 to 5 times as long, a quadratic one about 16 times. The
 * bound is 6. Times are CPU times, the fastest of several alternating measures at each size
 * (the least disturbed by a shared machine), n is doubled until one run at n takes long enough to measure, and a ratio over the bound is
 * measured again before it fails: a quadratic path stays over it every time, noise does not.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before every timed run, so that no run pays for garbage left by an earlier
// one (or by another test file in the same process): V8's gc() made reachable at run time.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export interface Growth {
  n: number;
  /** Fastest run at n and at 4n, in ms of CPU time. */
  atN: number;
  at4N: number;
  ratio: number;
}

export interface GrowthOptions {
  /** The ratio that fails (default 6). */
  bound?: number;
  /** The time one run at n must reach before it is trusted (ms of CPU time, default 15). */
  minMs?: number;
  /** n is not doubled past this (default 64 times the n given). */
  maxN?: number;
  /** Runs per size (default 5). */
  runs?: number;
}

/**
 * The CPU time of `times` runs back to back (user + system, in ms): unlike the wall clock, it
 * does not count the time other processes hold the cores.
 */
function timeRuns<T>(input: T, stage: (x: T) => unknown, times: number): number {
  collect();
  const t = process.cpuUsage();
  for (let i = 0; i < times; i++) stage(input);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * Time a stage at n and 4n, doubling n first until a run takes minMs. Each measure at n runs the
 * stage four times back to back, so that it lasts about as long as one run at 4n and both are as
 * exposed to the rest of the machine; the measures at n and at 4n alternate, and the fastest of
 * each counts.
 */
export function measureGrowth<T>(make: (n: number) => T, stage: (x: T) => unknown, n: number, options: GrowthOptions = {}): Growth {
  const { minMs = 15, runs = 5 } = options;
  const maxN = options.maxN ?? n * 64;
  let small = make(n);
  stage(small); // warm up: compile the code paths
  const fastestOf3 = () => Math.min(timeRuns(small, stage, 1), timeRuns(small, stage, 1), timeRuns(small, stage, 1));
  let one = fastestOf3();
  while (one < minMs && n * 2 <= maxN) {
    n *= 2;
    small = make(n);
    one = fastestOf3();
  }
  const big = make(4 * n);
  stage(big);
  let four = Infinity;
  let at4N = Infinity;
  for (let i = 0; i < runs; i++) {
    four = Math.min(four, timeRuns(small, stage, 4));
    at4N = Math.min(at4N, timeRuns(big, stage, 1));
  }
  const atN = four / 4;
  return { n, atN, at4N, ratio: at4N / atN };
}

/** Assert that the stage's time at 4n stays under `bound` times its time at n (four tries). */
export function assertLinear<T>(name: string, make: (n: number) => T, stage: (x: T) => unknown, n: number, options: GrowthOptions = {}): Growth {
  const bound = options.bound ?? 6;
  let g = measureGrowth(make, stage, n, options);
  for (let attempt = 1; attempt < 4 && g.ratio >= bound; attempt++) g = measureGrowth(make, stage, g.n, { ...options, maxN: g.n });
  if (process.env['WORKBACK_GROWTH_LOG']) console.log(`      ${name}: n = ${g.n}, ${g.atN.toFixed(1)} ms → ${g.at4N.toFixed(1)} ms at 4n: ${g.ratio.toFixed(2)}x`);
  assert.ok(g.ratio < bound, `${name}: ${g.at4N.toFixed(1)} ms at 4n = ${4 * g.n} vs ${g.atN.toFixed(1)} ms at n = ${g.n}: ${g.ratio.toFixed(1)}x (bound ${bound}x)`);
  return g;
}
