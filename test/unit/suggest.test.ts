/** "Did you mean": the bounded search gives what comparing with every candidate gives. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance, Suggester } from '../../src/core/validate/suggest';

/** The full table, for reference. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Every candidate within the distance, or a prefix either way; nearest first, then by name. */
function exhaustive(name: string, candidates: string[], limit = 3): string[] {
  return scored(name, candidates, limit).map((s) => s[0]);
}

/** `exhaustive` with each candidate's score. */
function scored(name: string, candidates: string[], limit = 3): [string, number][] {
  const lower = name.toLowerCase();
  const max = Math.min(8, Math.max(2, Math.floor(name.length / 3)));
  const scores = new Map<string, number>();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = levenshtein(lower, cl);
    const prefix = cl !== '' && (cl.startsWith(lower) || lower.startsWith(cl));
    if (d > max && !prefix) continue;
    const s = prefix ? Math.min(d, 1) : d;
    if (!scores.has(c) || scores.get(c)! > s) scores.set(c, s);
  }
  return [...scores].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

const word = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'c', '-'), minLength: 1, maxLength });

describe('did you mean', () => {
  it('edit distance: bit-parallel (up to 32 characters) and banded (longer) agree with the full table', () => {
    fc.assert(
      fc.property(word(45), word(45), fc.constantFrom(1, 2, 3, 8, Infinity), (a, b, max) => {
        const d = levenshtein(a, b);
        assert.equal(editDistance(a, b, max), d > max ? max + 1 : d);
      }),
      { numRuns: 2000 },
    );
  });

  it('suggests what comparing with every candidate suggests, within its budget', () => {
    fc.assert(
      fc.property(word(10), fc.array(word(10), { maxLength: 20 }), (name, candidates) => {
        assert.deepEqual(new Suggester(candidates).nearest(name), exhaustive(name, candidates));
      }),
      { numRuns: 2000 },
    );
  });

  it('asked many questions, answers in full until the wide budget is spent, then still finds every name one edit away', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const s = new Suggester(ids);
    const questions = Array.from({ length: 3000 }, (_, i) => `u${i % 600}`);
    let full = 0;
    for (const q of questions) {
      const got = s.nearest(q);
      const want = scored(q, ids);
      if (got.join() === want.map((w) => w[0]).join()) full++;
      const close = want.filter((w) => w[1] <= 1).map((w) => w[0]);
      assert.deepEqual(got.slice(0, close.length), close, q);
    }
    // the budget (2,000 + 4 per candidate) answers the first questions in full, not all of them
    assert.ok(full >= 10 && full < questions.length, `${full} answered in full`);
  });

  it('finds a typo among 20,000 ids of the same length, and gives up on names over 100 characters', function () {
    this.timeout(20000);
    const ids = Array.from({ length: 20000 }, (_, i) => `task-${String(i).padStart(5, '0')}`);
    const s = new Suggester(ids);
    assert.equal(s.nearest('tsak-17777')[0], 'task-17777');
    assert.equal(s.nearest('task-1777x')[0], 'task-17770');
    assert.deepEqual(new Suggester(['a'.repeat(101)]).nearest('a'.repeat(101)), []);
  });
});
