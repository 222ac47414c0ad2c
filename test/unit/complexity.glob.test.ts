/**
 * CLI globs are linear in the pattern's length: brace expansion reads the pattern in two passes
 * with no recursion (deep nesting took seconds or overflowed the stack), and a pattern that
 * expands too far is refused with the position of its brace.
 */
import assert from 'node:assert/strict';
import { expandBraces, matchSegment, matchSegments } from '../../src/cli/glob';
import { assertLinear } from './helpers/growth';

/** Expands, or returns the error's message: both must come quickly. */
function expandOrRefuse(pattern: string): string[] | string {
  try {
    return expandBraces(pattern);
  } catch (e) {
    return (e as Error).message;
  }
}

const FAMILIES: { name: string; n: number; make: (n: number) => string }[] = [
  { name: 'nested braces without commas ({{{x}}})', n: 100000, make: (n) => `${'{'.repeat(n)}x${'}'.repeat(n)}` },
  { name: 'nested alternatives ({a,{a,{a,...}}})', n: 10000, make: (n) => `${'{a,'.repeat(n)}b${'}'.repeat(n)}` },
  { name: 'many alternatives in a row ({a,b}{a,b}...)', n: 10000, make: (n) => '{a,b}'.repeat(n) },
  { name: 'unclosed braces ({a,{a,...)', n: 50000, make: (n) => '{a,'.repeat(n) },
  { name: 'one brace with many commas', n: 20000, make: (n) => `{${'a,'.repeat(n)}b}` },
];

describe('complexity: CLI globs are linear in the pattern', function () {
  this.timeout(60000);

  for (const family of FAMILIES) {
    it(family.name, () => {
      assertLinear(family.name, family.make, expandOrRefuse, family.n);
    });
  }

  it('a pattern that expands too far is refused, naming the brace', () => {
    assert.throws(
      () => expandBraces(`x/${'{a,b}'.repeat(9)}`),
      /more than 256 alternatives \(at the brace at character 43\)/,
    );
    assert.throws(
      () => expandBraces(`${'{a,'.repeat(300)}b${'}'.repeat(300)}`),
      /more than 256 alternatives \(at the brace at character 133\)/,
    );
    assert.equal(expandBraces(`${'{'.repeat(100000)}x${'}'.repeat(100000)}`)[0]!.length, 200001);
  });

  it('matching is linear in the pattern (one name, the pattern growing)', () => {
    const name = 'a'.repeat(200);
    assertLinear(
      '* runs',
      (n) => `${'*a'.repeat(n)}b`,
      (p) => matchSegment(p, name),
      2000,
    );
    assertLinear(
      '** runs',
      (n) => Array(n).fill('**').join('/x/').split('/'),
      (p) => matchSegments(p, Array(50).fill('x')),
      2000,
    );
  });
});
