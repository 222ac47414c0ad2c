/**
 * The problem cap is exact: checkPlan with `maxProblems: k` lists the first k problems of the
 * whole list in the order of the text, with the same words, and counts the rest (problems and
 * errors) as the whole list has them. The schema's errors past the cap are counted without
 * being built (checkSchema's `unlisted`), so this is checked over plans that mix schema errors
 * (several at one place among them), semantic errors, warnings and information.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPlan, parseDay, type Day } from '../../src/core';

/** One task line with problems of several kinds (or none), chosen by `kind`. */
const TASKS: ((i: number) => string)[] = [
  (i) => `{ id: t${i}, title: T, owner: a, duration: 2d }`,
  (i) => `{ id: t${i}, title: T, owner: a, tags: ['', ${'x'.repeat(101)}] }`, // two limit errors, two places
  (i) => `{ id: t${i}, owner: nobody${i} }`, // a missing title (schema) and an unknown person
  (i) => `{ id: t${i}, title: T, owner: a, duration: 0d, ownr: a }`, // a form error and an unknown key
  (i) => `{ id: t${i}, title: T, owner: a, depends_on: [u${i}, u${i}] }`, // unknown, then a repeat (information)
  (i) => `{ id: t${i}, title: 12, owner: a, status: finished }`, // a type error, an enum error
  (i) => `{ id: t${i}, title: T, owner: a, due: 2027-01-01T${'0'.repeat(100)} }`, // too long and of the wrong form: one place, the form speaks
  (i) => `{ status: finished, tags: [''], title: 12, ownr: a, id: t${i}, owner: a }`, // keys out of the schema's order
  (i) => `{ id: t${i}, title: T, owner: a, depends_on: [t${i}] }`, // a cycle of one
];

/** A plan of tasks of the kinds given, and as many numbers as holidays, before or after the milestones. */
function plan(kinds: number[], holidays: number, calendarLast = false): string {
  const head =
    'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-06-01, owner: a }\npeople:\n  a: { name: A }\n';
  const calendar = holidays
    ? `calendar:\n  holidays: [${Array.from({ length: holidays }, (_, i) => i).join(', ')}]\n`
    : '';
  const milestones = `milestones:\n  - id: m\n    title: M\n    tasks:\n${kinds.map((k, i) => `      - ${TASKS[k]!(i)}\n`).join('')}`;
  return calendarLast ? head + milestones + calendar : head + calendar + milestones;
}

const today = parseDay('2027-05-01') as Day;

describe('the problem cap', () => {
  it('lists the first k problems of the whole list and counts the rest as it has them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(TASKS.length - 1), { minLength: 1, maxLength: 30 }),
        fc.nat(12),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        (kinds, holidays, k, dated, calendarLast) => {
          const text = plan(kinds, holidays, calendarLast);
          const options = dated ? { today } : {};
          const all = checkPlan(text, { ...options, maxProblems: Infinity }).diagnostics;
          const capped = checkPlan(text, { ...options, maxProblems: k }).diagnostics;
          if (all.length <= k) {
            assert.deepEqual(capped, all);
            return;
          }
          assert.deepEqual(capped.slice(0, k), all.slice(0, k));
          const rest = all.slice(k);
          const errors = rest.filter((d) => d.severity === 'error').length;
          assert.equal(capped.length, k + 1);
          assert.equal(capped[k]!.code, 'too-many-problems');
          assert.equal(capped[k]!.message, `... and ${rest.length} more problems (${errors} errors) not listed.`);
          assert.deepEqual(capped[k]!.span, k ? all[k - 1]!.span : { start: 0, end: 0 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the schema errors it does not build: 20,000 past a cap of 10', () => {
    const text = plan([0], 20000);
    const r = checkPlan(text, { maxProblems: 10 });
    assert.equal(r.diagnostics.length, 11);
    // holidays: at most 5,000 entries (one place), and 20,000 numbers that should be dates
    assert.equal(r.diagnostics[10]!.message, '... and 19991 more problems (19991 errors) not listed.');
    assert.equal(r.diagnostics[1]!.message, '"holidays" must be text, but YAML reads 0 as a number: quote it ("0").');
  });

  it('takes a cap that is not a whole number as the whole number below it, and NaN as no cap given', () => {
    const text = plan([2, 2, 2], 0); // six problems
    const count = (maxProblems: number) => checkPlan(text, { maxProblems }).diagnostics.length;
    assert.equal(count(2.5), 3);
    assert.equal(count(-1), 1);
    assert.equal(count(NaN), 6);
    assert.match(checkPlan(text, { maxProblems: 2.5 }).diagnostics[2]!.message, /4 more problems \(4 errors\)/);
  });
});

describe('"did you mean" for an unknown key', () => {
  it('answers the same however many plans were checked before', () => {
    const typo = plan([0], 0).replace('title: T\n', 'tytlx: T\n');
    const before = checkPlan(typo).diagnostics.find((d) => d.code === 'schema-unknown-key')!.message;
    assert.match(before, /Did you mean "title"\?/);
    const junk = plan([0], 0) + Array.from({ length: 300 }, (_, i) => `k${i}xyz: 1\n`).join('');
    for (let i = 0; i < 5; i++) checkPlan(junk);
    assert.equal(checkPlan(typo).diagnostics.find((d) => d.code === 'schema-unknown-key')!.message, before);
  });
});
