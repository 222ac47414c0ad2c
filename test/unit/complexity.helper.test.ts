/**
 * The growth helper itself: it passes a linear stage and an n log n one, and fails a quadratic
 * one at every size it retries (so a quadratic path put back makes the growth tests fail).
 */
import assert from 'node:assert/strict';
import { assertLinear } from './helpers/growth';

const numbers = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);

const linear = (xs: Float64Array): number => {
  let s = 0;
  for (let r = 0; r < 8; r++) for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
};

const quadratic = (xs: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) for (let j = i; j < xs.length; j++) s += xs[i]! * xs[j]!;
  return s;
};

describe('growth helper', function () {
  this.timeout(120_000);

  it('passes a linear stage', () => {
    assertLinear('linear', numbers, linear, 20_000);
  });

  it('passes an n log n stage (a sort)', () => {
    assertLinear('sort', numbers, (xs) => Float64Array.from(xs).sort(), 20_000);
  });

  it('fails a quadratic stage, at every size it tries', () => {
    assert.throws(
      () => assertLinear('quadratic', numbers, quadratic, 500),
      (e: Error) => {
        const ratios = [...e.message.matchAll(/: (\d+(?:\.\d+)?)x/g)].map((m) => Number(m[1]));
        assert.equal(ratios.length, 6, e.message);
        for (const r of ratios) assert.ok(r > 10, e.message);
        return true;
      },
    );
  });
});
