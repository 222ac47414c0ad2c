/**
 * Quick fixes that record what happened, in the real VS Code (today is pinned to Wed 1 Jul
 * 2026 in the test workspace): a late task started, an overdue one marked done, a follow-up
 * done, a check-in logged, a done task's open dependency.
 */
import * as assert from 'node:assert/strict';
import { codes } from './helpers';
import { closeScratch } from './languageHelpers';
import { applyFix } from './quickFixHelpers';

const HEAD = `workback: 1
title: Demo
goal: { outcome: Demo done, measure: Launched, due: 2026-09-30, owner: dana }
people:
  dana: { name: Dana Whitfield }
`;

/** The milestone was due Tue 30 Jun: `a` and `b` are overdue, and so is b's follow-up of Fri 26 Jun; Dana checks in on Lee's `b`. */
const LATE = `${HEAD}  lee: { name: Lee Chen }
policy: { check_in_every: 1w }
milestones:
  - id: build
    title: Built
    due: 2026-06-30
    tasks:
      - { id: a, title: First task, owner: dana, status: doing }
      - id: b
        title: B
        owner: lee
        duration: 1w
        follow_ups:
          - { on: 2026-06-26, with: dana, about: Licences ordered? }
`;

describe('language: quick fixes of late work and statuses', () => {
  afterEach(closeScratch);

  it('task-overdue: marks the task done today', async () => {
    const doc = await applyFix(LATE, 'task-overdue', 'Mark "a" done (done_on 2026-07-01)');
    assert.equal(doc.getText(), LATE.replace('status: doing }', 'status: done, done_on: 2026-07-01 }'));
  });

  it('follow-up-overdue: marks the follow-up done', async () => {
    const doc = await applyFix(LATE, 'follow-up-overdue', 'Mark the follow-up done');
    assert.equal(doc.getText(), LATE.replace('about: Licences ordered? }', 'about: Licences ordered?, done: true }'));
  });

  it('check-in-overdue: logs a check-in today', async () => {
    const text = LATE.replace('    due: 2026-06-30\n', '')
      .replace('duration: 1w', 'duration: 16w')
      .replace('status: doing }', 'status: done }');
    const doc = await applyFix(
      text,
      'check-in-overdue',
      'Log a check-in with Dana Whitfield (dana) today (2026-07-01)',
    );
    assert.equal(
      doc.getText(),
      `${text}          - on: 2026-07-01\n            with: dana\n            about: Check-in\n            done: true\n`,
    );
  });

  it('late-start: starts the task', async () => {
    const text = `${HEAD}milestones:\n  - id: build\n    title: Built\n    due: 2026-07-03\n    tasks:\n      - id: a\n        title: A\n        owner: dana\n        duration: 1w\n`;
    const doc = await applyFix(text, 'late-start', 'Start "a" (status: doing)');
    assert.equal(doc.getText(), `${text}        status: doing\n`);
    assert.deepEqual(codes(doc.uri), ['goal-infeasible']);
  });

  it('done-depends-on-open: marks the dependency done too', async () => {
    const text = `${HEAD}milestones:\n  - id: build\n    title: Built\n    tasks:\n      - { id: a, title: A, owner: dana }\n      - { id: b, title: B, owner: dana, depends_on: [a], status: done }\n`;
    const doc = await applyFix(text, 'done-depends-on-open', 'Mark "a" done too (done_on 2026-07-01)');
    assert.equal(
      doc.getText(),
      text.replace(
        '{ id: a, title: A, owner: dana }',
        '{ id: a, title: A, owner: dana, status: done, done_on: 2026-07-01 }',
      ),
    );
    assert.deepEqual(codes(doc.uri), ['all-tasks-done'], 'every task is done now: the goal may be marked achieved');
  });
});
