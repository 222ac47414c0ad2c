/**
 * The refactoring that writes a listed run of single days (holidays, leave) as one range: where
 * it is offered, the edit byte for byte in block and flow lists, and when it is not offered.
 */
import * as assert from 'assert';
import { applyEdits, checkPlan, dayRunRefactors } from '../../src/core';

const plan = (calendar: string, people = '  dana: { name: Dana Whitfield }\n') =>
  `workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-03-31, owner: dana }\n${calendar}people:\n${people}milestones:\n  - { id: m, title: M }\n`;

/** The refactorings at the first `|` of `marked`, applied, with their titles. */
function at(marked: string): { titles: string[]; after: string[] } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const r = checkPlan(text);
  const fixes = dayRunRefactors({ text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics }, offset);
  return { titles: fixes.map((f) => f.title), after: fixes.map((f) => applyEdits(text, f.edits)) };
}

describe('editing: a run of listed days as one range', () => {
  it('a block list of holidays over a weekend: one range, the other entries and comments kept', () => {
    const r = at(
      plan(
        'calendar:\n  holidays:\n    - 2026-10-12   # Columbus Day\n    - 2026-12-24\n    - 2026-12-|25\n    - 2026-12-28\n    - 2026-12-29   # last one\n    - 2027-01-01\n',
      ),
    );
    assert.deepStrictEqual(r.titles, ['Write 4 days as one range: 2026-12-24 to 2026-12-29']);
    assert.strictEqual(
      r.after[0],
      plan(
        'calendar:\n  holidays:\n    - 2026-10-12   # Columbus Day\n    - { from: 2026-12-24, to: 2026-12-29 }   # last one\n    - 2027-01-01\n',
      ),
    );
    assert.deepStrictEqual(checkPlan(r.after[0]!).diagnostics, []);
  });

  it("a flow list of a person's leave", () => {
    const r = at(plan('', '  dana: { name: Dana Whitfield, away: [2026-08-10, 2026-08-11, |2026-08-12] }\n'));
    assert.deepStrictEqual(r.after, [
      plan('', '  dana: { name: Dana Whitfield, away: [{ from: 2026-08-10, to: 2026-08-12 }] }\n'),
    ]);
  });

  it('not offered: two days, a workday missing in between, a comment inside the run, off the list', () => {
    assert.deepStrictEqual(at(plan('calendar:\n  holidays: [2026-12-24, |2026-12-25]\n')).titles, []);
    assert.deepStrictEqual(at(plan('calendar:\n  holidays: [2026-12-21, |2026-12-22, 2026-12-24]\n')).titles, []);
    assert.deepStrictEqual(
      at(plan('calendar:\n  holidays:\n    - 2026-12-23\n    - 2026-12-|24   # eve\n    - 2026-12-25\n')).titles,
      [],
    );
    // an anchor (an error of its own) is not dropped either
    assert.deepStrictEqual(at(plan('calendar:\n  holidays: [2026-12-23, &h |2026-12-24, 2026-12-25]\n')).titles, []);
    assert.deepStrictEqual(
      at(plan('calendar:\n  holidays: [2026-12-23, 2026-12-24, 2026-12-25]\n', '  |dana: { name: D }\n')).titles,
      [],
    );
  });

  it("a 4-day week: the plan's own days off do not break a run", () => {
    const r = at(
      plan('calendar:\n  workdays: [mon, tue, wed, thu]\n  holidays: [2026-12-23, |2026-12-24, 2026-12-28]\n'),
    );
    assert.deepStrictEqual(r.titles, ['Write 3 days as one range: 2026-12-23 to 2026-12-28']);
  });
});
