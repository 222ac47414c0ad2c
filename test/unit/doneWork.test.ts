/**
 * done-depends-on-open when the dependency comes from the task's milestone: one problem per done
 * task, naming the first unfinished dependency and counting the rest, so that the number of
 * problems grows with the plan and not with its square.
 */
import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core';

/** A milestone `gate` of `open` unfinished tasks, and a milestone `after` waiting for each of them, with `done` done tasks. */
function plan(open: number, done: number): string {
  const lines = [
    'workback: 1',
    'title: Demo',
    'goal: { outcome: Demo done, due: 2027-03-31, owner: dana }',
    'people:',
    '  dana: { name: Dana }',
    'milestones:',
    '  - id: gate',
    '    title: Gate',
    '    tasks:',
  ];
  for (let i = 0; i < open; i++) lines.push(`      - { id: o${i}, title: Open ${i}, owner: dana, status: doing }`);
  lines.push(
    '  - id: after',
    '    title: After',
    `    depends_on: [${Array.from({ length: open }, (_, i) => `o${i}`).join(', ')}]`,
    '    tasks:',
  );
  for (let i = 0; i < done; i++)
    lines.push(`      - { id: d${i}, title: Done ${i}, owner: dana, status: done, done_on: 2026-11-20 }`);
  return `${lines.join('\n')}\n`;
}

const doneOpen = (text: string) => checkPlan(text).diagnostics.filter((d) => d.code === 'done-depends-on-open');

describe('done-depends-on-open through a milestone', () => {
  it('one problem per done task, at its status: the first unfinished dependency, and how many more', () => {
    const text = plan(3, 2);
    const found = doneOpen(text);
    assert.deepEqual(
      found.map((d) => d.message),
      [
        'd0 is done but its milestone after depends on o0, which is not finished (task o0 is doing), and on 2 more unfinished items.',
        'd1 is done but its milestone after depends on o0, which is not finished (task o0 is doing), and on 2 more unfinished items.',
      ],
    );
    for (const d of found) {
      assert.equal(text.slice(d.span.start, d.span.end), 'done');
      assert.deepEqual(d.data, { id: 'o0' });
    }
  });

  it('one unfinished dependency: no count', () => {
    assert.deepEqual(
      doneOpen(plan(1, 1)).map((d) => d.message),
      ['d0 is done but its milestone after depends on o0, which is not finished (task o0 is doing).'],
    );
  });

  it('200 done tasks under a milestone waiting for 200 open ones: 200 problems, not 40,000', () => {
    const all = checkPlan(plan(200, 200), { maxProblems: 100_000 }).diagnostics.filter(
      (d) => d.code === 'done-depends-on-open',
    );
    assert.equal(all.length, 200);
  });
});
