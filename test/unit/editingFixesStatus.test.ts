/**
 * Quick fixes that record what happened, byte for byte (the sidebar's edits): a task marked
 * done or started, a follow-up done, a check-in logged; and a done task whose dependency is open.
 */
import * as assert from 'assert';
import { parseDay, type Day } from '../../src/core';
import { fix, titles } from './helpers/quickFixes';

const NOV24 = parseDay('2026-11-24') as Day;

const HEAD = `workback: 1
title: Demo
goal: { outcome: Demo done, due: 2027-03-31, owner: dana }
people:
  dana: { name: Dana Whitfield }
`;

describe('editing: quick fixes of late work and statuses', () => {
  it('a done task depending on an open one: mark that one done too, or set this one back to doing', () => {
    const text = `${HEAD}milestones:
  - id: build
    title: Built
    tasks:
      - { id: a, title: First task, owner: dana, status: doing }
      - id: b
        title: Second task
        owner: dana
        depends_on: [a]
        status: done
        done_on: 2026-11-20   # reported late
`;
    assert.deepStrictEqual(titles(text, 'done-depends-on-open', 0, NOV24), [
      'Mark "a" done too (done_on 2026-11-24)',
      'Set "b" back to doing',
    ]);
    assert.strictEqual(
      fix(text, 'done-depends-on-open', 'Mark "a" done too (done_on 2026-11-24)', 0, NOV24),
      text.replace('status: doing }', 'status: done, done_on: 2026-11-24 }'),
    );
    assert.strictEqual(
      fix(text, 'done-depends-on-open', 'Set "b" back to doing', 0, NOV24),
      text.replace(
        '        status: done\n        done_on: 2026-11-20   # reported late\n',
        '        status: doing\n        # reported late\n',
      ),
    );
  });

  // b is Lee's: Dana (the goal's owner) checks in with him
  const late = `${HEAD}  lee: { name: Lee Chen }
policy: { escalate_after: 2d, check_in_every: 1w }
milestones:
  - id: build
    title: Built
    due: 2026-11-18
    tasks:
      - { id: a, title: First task, owner: dana, status: doing }
      - id: b
        title: B
        owner: lee
        duration: 6w
        follow_ups:
          - { on: 2026-11-20, with: dana, about: Licences ordered? }
`;

  it('an overdue task: mark it done today', () => {
    assert.strictEqual(
      fix(late, 'task-overdue', 'Mark "a" done (done_on 2026-11-24)', 0, NOV24),
      late.replace('status: doing }', 'status: done, done_on: 2026-11-24 }'),
    );
    assert.strictEqual(
      fix(late, 'task-overdue', 'Mark "b" done (done_on 2026-11-24)', 1, NOV24),
      late.replace(
        '        duration: 6w\n',
        '        duration: 6w\n        status: done\n        done_on: 2026-11-24\n',
      ),
    );
  });

  it('an overdue follow-up: done; an overdue check-in: logged as a done follow-up today', () => {
    assert.strictEqual(
      fix(late, 'follow-up-overdue', 'Mark the follow-up done', 0, NOV24),
      late.replace('about: Licences ordered? }', 'about: Licences ordered?, done: true }'),
    );
    assert.strictEqual(
      fix(late, 'check-in-overdue', 'Log a check-in with Dana Whitfield (dana) today (2026-11-24)', 0, NOV24),
      `${late}          - on: 2026-11-24\n            with: dana\n            about: Check-in\n            done: true\n`,
    );
  });

  it('a late start: start the task', () => {
    const text = `${HEAD.replace('2027-03-31', '2026-12-04')}milestones:\n  - id: build\n    title: Built\n    tasks:\n      - id: a\n        title: A\n        owner: dana\n        duration: 2w\n`;
    assert.strictEqual(
      fix(text, 'late-start', 'Start "a" (status: doing)', 0, NOV24),
      `${text}        status: doing\n`,
    );
  });
});
