/**
 * Quick fixes of the method's follow-through, in the real VS Code (today is pinned to Wed 1 Jul
 * 2026): the goal marked achieved, a review signed off, an interim control added.
 */
import * as assert from 'node:assert/strict';
import { codes } from './helpers';
import { closeScratch } from './languageHelpers';
import { applyFix } from './quickFixHelpers';

const HEAD = `workback: 1
title: Method
goal:
  outcome: Patched
  measure: Scanner clean
  due: 2026-09-30
  owner: dana
people:
  dana: { name: Dana Whitfield }
  mira: { name: Mira Ruiz }
`;

describe('language: quick fixes of reviews, interim controls and finishing', () => {
  afterEach(closeScratch);

  it('all-tasks-done: marks the goal achieved on the last done_on', async () => {
    const text = `${HEAD}milestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: a, title: A, owner: dana, status: done, done_on: 2026-06-24 }\n      - { id: b, title: B, owner: dana, status: done, done_on: 2026-06-26 }\n`;
    const doc = await applyFix(text, 'all-tasks-done', 'Mark the goal achieved on 2026-06-26');
    assert.equal(
      doc.getText(),
      text.replace('  owner: dana\npeople', '  owner: dana\n  achieved_on: 2026-06-26\npeople'),
    );
    assert.deepEqual(codes(doc.uri), []);
  });

  it('awaiting-review: writes reviewed_on today', async () => {
    const text = `${HEAD}milestones:\n  - id: m\n    title: M\n    tasks:\n      - id: a\n        title: A\n        owner: dana\n        status: done\n        done_on: 2026-06-26\n        review_by: mira   # the SOC lead\n      - { id: b, title: B, owner: dana }\n`;
    const doc = await applyFix(text, 'awaiting-review', 'Mark "a" reviewed today (2026-07-01)');
    assert.equal(
      doc.getText(),
      text.replace(
        'review_by: mira   # the SOC lead\n',
        'review_by: mira   # the SOC lead\n        reviewed_on: 2026-07-01\n',
      ),
    );
    assert.deepEqual(codes(doc.uri), []);
  });

  it('no-interim-control: adds the interim skeleton, owned by the task owner', async () => {
    const text = `${HEAD}milestones:\n  - id: m\n    title: M\n    due: 2026-06-29\n    priority: p1\n    tasks:\n      - id: patch\n        title: Patch the VPN\n        owner: dana\n        status: doing\n        notes: CVE-2026-0001\n`;
    const doc = await applyFix(text, 'no-interim-control', 'Add an interim control to "patch"');
    assert.equal(
      doc.getText(),
      text.replace(
        '        status: doing\n',
        '        status: doing\n        interim:\n          control: Say what protects the system until this is done\n          owner: dana\n          in_place: false\n',
      ),
    );
    assert.deepEqual(codes(doc.uri).sort(), ['goal-infeasible', 'task-overdue']);
  });
});
