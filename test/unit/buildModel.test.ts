/**
 * The typed plan that buildModel reads from the source tree, pinned field by field on a plan
 * that exercises every default and every "left out": wrong values dropped, items without an id
 * skipped, the first of a repeated id kept in `items`, workdays and holidays sorted without
 * repeats, and the wording of every date that has the right form but is not a day we can use.
 */
import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core';
import { formatDay, type Day } from '../../src/core/day';

const PLAN = `workback: 1
title: Model
start: 2026-02-30
goal: { outcome: Ship, measure: Shipped, due: 2200-01-01, owner: dana }
calendar:
  workdays: [fri, mon, fri, sun]
  holidays: [2026-12-25, 2026-01-01, 2026-12-25, 2026-02-29]
policy: { check_in_every: 2w, escalate_after: 3d, escalate_to: lee }
people:
  dana: { name: Dana, email: dana@example.com, role: Lead }
  lee: {}
milestones:
  - id: m1
    title: First
    due: 2026-04-31
    depends_on: [m2, 5]
    tasks:
      - id: a
        title: A
        owner: dana
        duration: 2w
        depends_on: [m2]
        due: 2026-06-31
        not_before: 1969-12-31
        status: done
        done_on: 2026-02-29
        follow_ups:
          - { on: 2026-13-01, with: lee }
          - { on: 2026-03-02, with: lee, about: Ping, done: true }
          - { on: 2026-03-03 }
          - { on: 2026-03-04, with: dana, done: "true" }
        tags: [x, 1, y]
        notes: N
      - { id: b, owner: lee, status: paused, duration: 0d }
      - { title: no id }
      - 5
      - { id: a, title: again, owner: dana }
  - { title: no id }
  - { id: m2, title: Second, tasks: [{ id: m1, title: C, owner: dana }] }
`;

const date = (d: Day | undefined) => (d === undefined ? undefined : formatDay(d));

describe('buildModel: the typed plan', () => {
  const { plan, diagnostics } = checkPlan(PLAN);
  const slice = (s: { start: number; end: number } | undefined) => s && PLAN.slice(s.start, s.end);

  it('words each date that is not a real day, or out of range, with what it is', () => {
    const line = (offset: number) => PLAN.slice(0, offset).split('\n').length;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'invalid-date').map((d) => `${line(d.span.start)}: ${d.message}`),
      [
        '3: 2026-02-30 is not a real calendar day (start).',
        '4: 2200-01-01 lies outside the years 1970-2199 that plans may use (goal.due).',
        '7: 2026-02-29 is not a real calendar day (holiday).',
        '15: 2026-04-31 is not a real calendar day (due of milestone m1).',
        '23: 2026-06-31 is not a real calendar day (due of a).',
        '24: 1969-12-31 lies outside the years 1970-2199 that plans may use (not_before of a).',
        '26: 2026-02-29 is not a real calendar day (done_on of a).',
        '28: 2026-13-01 is not a real calendar day (follow-up of a).',
      ],
    );
  });

  it('the plan, its goal, calendar, policy and people', () => {
    assert.ok(plan);
    assert.equal(plan.version, 1);
    assert.equal(plan.title, 'Model');
    assert.equal(plan.start, undefined);
    const { node, keySpan, ...goal } = plan.goal;
    assert.deepEqual(goal, {
      outcome: 'Ship',
      measure: 'Shipped',
      due: NaN,
      owner: 'dana',
      achievedOn: undefined,
      consulted: [],
      informed: [],
    });
    assert.equal(slice(keySpan), 'goal');
    assert.equal(slice(node), '{ outcome: Ship, measure: Shipped, due: 2200-01-01, owner: dana');
    assert.deepEqual(
      { workdays: plan.calendar.workdays, holidays: plan.calendar.holidays.map(date) },
      { workdays: [0, 4, 6], holidays: ['2026-01-01', '2026-12-25'] },
    );
    assert.deepEqual(plan.policy, {
      checkInEvery: { count: 2, unit: 'w', text: '2w' },
      escalateAfter: { count: 3, unit: 'd', text: '3d' },
      escalateTo: 'lee',
    });
    assert.deepEqual(
      [...plan.people.values()].map(({ node, keySpan, ...p }) => ({ ...p, key: slice(keySpan), node: slice(node) })),
      [
        {
          id: 'dana',
          name: 'Dana',
          email: 'dana@example.com',
          role: 'Lead',
          capacity: 1,
          away: [],
          key: 'dana',
          node: '{ name: Dana, email: dana@example.com, role: Lead',
        },
        { id: 'lee', name: 'lee', email: undefined, role: undefined, capacity: 1, away: [], key: 'lee', node: '{' },
      ],
    );
  });

  it('milestones and tasks in file order, items by the first use of an id', () => {
    assert.ok(plan);
    assert.deepEqual(
      plan.milestones.map((m) => [
        m.id,
        m.title,
        date(m.due),
        m.dependsOn.map((r) => slice(r.span)),
        m.tasks.map((t) => t.index),
        m.index,
        slice(m.idSpan),
      ]),
      [
        ['m1', 'First', undefined, ['m2'], [0, 1, 2], 0, 'm1'],
        ['m2', 'Second', undefined, [], [3], 1, 'm2'],
      ],
    );
    assert.equal(slice(plan.milestones[1]!.node), '{ id: m2, title: Second, tasks: [{ id: m1, title: C, owner: dana');
    const tasks = plan.tasks.map(
      ({ node, idSpan: _idSpan, ownerSpan: _ownerSpan, dependsOn, due, notBefore, doneOn, followUps, ...t }) => ({
        ...t,
        node: slice(node)!.split('\n')[0],
        dependsOn: dependsOn.map((r) => slice(r.span)),
        due: date(due),
        notBefore: date(notBefore),
        doneOn: date(doneOn),
        followUps: followUps.map(({ node, on, ...f }) => ({ ...f, on: date(on), node: slice(node) })),
      }),
    );
    const plain = {
      duration: { count: 1, unit: 'd', text: '1d' },
      dependsOn: [],
      due: undefined,
      notBefore: undefined,
      doneOn: undefined,
      status: 'todo',
      remaining: undefined,
      followUps: [],
      tags: [],
      notes: undefined,
      priority: 'p3',
    };
    assert.deepEqual(tasks, [
      {
        kind: 'task',
        id: 'a',
        title: 'A',
        owner: 'dana',
        priority: 'p3',
        duration: { count: 2, unit: 'w', text: '2w' },
        dependsOn: ['m2'],
        due: undefined,
        notBefore: undefined,
        status: 'done',
        remaining: undefined,
        doneOn: undefined,
        tags: ['x', 'y'],
        notes: 'N',
        milestone: 'm1',
        index: 0,
        node: 'id: a',
        followUps: [
          {
            index: 1,
            on: '2026-03-02',
            with: 'lee',
            about: 'Ping',
            done: true,
            node: '{ on: 2026-03-02, with: lee, about: Ping, done: true',
          },
          {
            index: 3,
            on: '2026-03-04',
            with: 'dana',
            about: undefined,
            done: false,
            node: '{ on: 2026-03-04, with: dana, done: "true"',
          },
        ],
      },
      {
        ...plain,
        kind: 'task',
        id: 'b',
        title: 'b',
        owner: 'lee',
        milestone: 'm1',
        index: 1,
        node: '{ id: b, owner: lee, status: paused, duration: 0d',
      },
      {
        ...plain,
        kind: 'task',
        id: 'a',
        title: 'again',
        owner: 'dana',
        milestone: 'm1',
        index: 2,
        node: '{ id: a, title: again, owner: dana',
      },
      {
        ...plain,
        kind: 'task',
        id: 'm1',
        title: 'C',
        owner: 'dana',
        milestone: 'm2',
        index: 3,
        node: '{ id: m1, title: C, owner: dana',
      },
    ]);
    assert.deepEqual(
      [...plan.items].map(([id, item]) => `${id}: ${item.kind} ${item.title}`),
      ['m1: milestone First', 'a: task A', 'b: task b', 'm2: milestone Second'],
    );
    assert.ok(
      plan.milestones[0]!.tasks.every((t, i) => t === plan.tasks[i]),
      "a milestone holds the plan's task objects",
    );
    assert.ok(
      plan.tasks.every((t) => slice(t.idSpan) === t.id),
      "a task's idSpan is its id",
    );
  });

  it('what a plan without goal, calendar, policy, people or milestones defaults to', () => {
    const { plan } = checkPlan('workback: 1\ntitle: T\n');
    assert.ok(plan);
    const { node, ...goal } = plan.goal;
    assert.deepEqual(goal, {
      outcome: '',
      measure: undefined,
      due: NaN,
      owner: undefined,
      achievedOn: undefined,
      consulted: [],
      informed: [],
      keySpan: undefined,
    });
    assert.deepEqual(node.pairs, []);
    assert.deepEqual(plan.calendar, { workdays: [0, 1, 2, 3, 4], holidays: [], freezes: [] });
    assert.deepEqual(plan.policy, { checkInEvery: undefined, escalateAfter: undefined, escalateTo: undefined });
    assert.deepEqual(
      [plan.people.size, plan.milestones, plan.tasks, plan.items.size, plan.start],
      [0, [], [], 0, undefined],
    );
  });
});
