/**
 * Growth tests: is a stage linear in the size of its input? Time it at n and at 4n; a linear
 * (or n log n) stage takes about 4 to 5 times as long, a quadratic one about 16 times. The
 * bound is 6. Times are CPU times, the fastest of several alternating runs at each size (the
 * least disturbed by a shared machine), n is doubled until one run at n takes long enough to measure, and a ratio over the bound is
 * measured again before it fails: a quadratic path stays over it every time, noise does not.
 */
import assert from 'node:assert/strict';

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
 * The CPU time one run takes (user + system, in ms): unlike the wall clock, it does not count
 * the time other processes hold the cores, so a loaded machine moves it much less.
 */
function timeOnce<T>(input: T, stage: (x: T) => unknown): number {
  const t = process.cpuUsage();
  stage(input);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * Time a stage at n and 4n, doubling n first until a run takes minMs. The runs at n and at 4n
 * alternate, so that both sizes see the same load from the rest of the machine.
 */
export function measureGrowth<T>(make: (n: number) => T, stage: (x: T) => unknown, n: number, options: GrowthOptions = {}): Growth {
  const { minMs = 15, runs = 5 } = options;
  const maxN = options.maxN ?? n * 64;
  let small = make(n);
  stage(small); // warm up: compile the code paths
  const fastestOf3 = () => Math.min(timeOnce(small, stage), timeOnce(small, stage), timeOnce(small, stage));
  let atN = fastestOf3();
  while (atN < minMs && n * 2 <= maxN) {
    n *= 2;
    small = make(n);
    atN = fastestOf3();
  }
  const big = make(4 * n);
  let at4N = timeOnce(big, stage);
  for (let i = 1; i < runs; i++) {
    atN = Math.min(atN, timeOnce(small, stage));
    at4N = Math.min(at4N, timeOnce(big, stage));
  }
  return { n, atN, at4N, ratio: at4N / atN };
}

/** Assert that the stage's time at 4n stays under `bound` times its time at n (three tries). */
export function assertLinear<T>(name: string, make: (n: number) => T, stage: (x: T) => unknown, n: number, options: GrowthOptions = {}): Growth {
  const bound = options.bound ?? 6;
  let g = measureGrowth(make, stage, n, options);
  for (let attempt = 1; attempt < 3 && g.ratio >= bound; attempt++) g = measureGrowth(make, stage, g.n, { ...options, maxN: g.n });
  if (process.env['WORKBACK_GROWTH_LOG']) console.log(`      ${name}: n = ${g.n}, ${g.atN.toFixed(1)} ms → ${g.at4N.toFixed(1)} ms at 4n: ${g.ratio.toFixed(2)}x`);
  assert.ok(g.ratio < bound, `${name}: ${g.at4N.toFixed(1)} ms at 4n = ${4 * g.n} vs ${g.atN.toFixed(1)} ms at n = ${g.n}: ${g.ratio.toFixed(1)}x (bound ${bound}x)`);
  return g;
}
