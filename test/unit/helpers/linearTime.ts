/**
 * Time at 4n over time at n, for tests that prove a stage linear: both inputs are warmed up, then
 * timed round-robin (so machine noise falls on both alike), and the medians compared (n taken
 * as at least 1 ms: inputs should be large enough to take longer).
 */
export function growthRatio(run: (input: string | Uint8Array) => unknown, small: string | Uint8Array, large: string | Uint8Array, runs = 15): number {
  for (let i = 0; i < 3; i++) {
    run(small);
    run(large);
  }
  const times: [number[], number[]] = [[], []];
  for (let r = 0; r < runs; r++) {
    [small, large].forEach((input, k) => {
      const t0 = performance.now();
      run(input);
      times[k]!.push(performance.now() - t0);
    });
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return median(times[1]) / Math.max(median(times[0]), 1);
}
