/**
 * Complexity tests: how a stage's time grows with its input. Time at 4n is compared with time at
 * n (medians of interleaved runs, so both sizes share the machine's load); a linear stage stays
 * well under 6x, a quadratic one goes to about 16x.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full garbage collection before each timed run, so one run does not pay for the last one's garbage. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface Growth {
  /** Median milliseconds at n and at 4n. */
  small: number;
  large: number;
  ratio: number;
}

/** The median of `runs` interleaved timings of `run` on the inputs for n and 4n, after a warm-up. */
export function measureGrowth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, runs = 5): Growth {
  const inputs = [make(n), make(4 * n)] as const;
  const times: [number[], number[]] = [[], []];
  for (let r = -1; r < runs; r++) {
    for (const k of [0, 1] as const) {
      collectGarbage();
      const t0 = performance.now();
      run(inputs[k]);
      const ms = performance.now() - t0;
      if (r >= 0) times[k].push(ms); // the first round warms the JIT up
    }
  }
  const small = median(times[0]);
  const large = median(times[1]);
  return { small, large, ratio: large / Math.max(small, 0.01) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface LinearOptions {
  runs?: number;
  /** The largest ratio of time at 4n to time at n; default 6. */
  maxRatio?: number;
  /** Measurements before giving up: a loaded machine can slow one of them down. Default 3. */
  attempts?: number;
}

/**
 * Asserts that `run` grows at most linearly from n to 4n. A failed measurement is repeated (up
 * to `attempts`): noise makes a linear stage fail now and then, a quadratic one fails every time.
 */
export function assertLinear<T>(what: string, make: (n: number) => T, run: (input: T) => unknown, n: number, options: LinearOptions = {}): Growth {
  const maxRatio = options.maxRatio ?? 6;
  const tries: Growth[] = [];
  for (let a = 0; a < (options.attempts ?? 3); a++) {
    const g = measureGrowth(make, run, n, options.runs);
    tries.push(g);
    if (g.ratio < maxRatio) return g;
  }
  const shown = tries.map((g) => `${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms (${g.ratio.toFixed(1)}x)`).join('; ');
  assert.fail(`${what}: time at 4n is not under ${maxRatio}x time at n (n = ${n}): ${shown}`);
}
