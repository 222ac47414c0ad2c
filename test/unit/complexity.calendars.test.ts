/**
 * Growth tests for each task's own calendar and for capacity (docs/format.md "Freezes, leave and
 * each task's calendar", "Capacity and workload"): many freezes, many people on leave, holiday
 * ranges, one person with many tasks at once, and one long task across many overbooked runs.
 * Each family is timed at n and 4n on the whole `checkPlan` with a date (helpers/growth.ts).
 */
import assert from 'node:assert/strict';
import { checkPlan, formatDay, overbookedAcrossPlans, workload, type PlanFile } from '../../src/core';
import { assertLinear } from './helpers/growth';
import { day } from './helpers/planBuilder';

const TODAY = day('2026-09-01');
const check = (text: string) => checkPlan(text, { today: TODAY });
/** The stage timed: the whole check, which must reach the schedule at every size. */
const checked = (text: string) => assert.ok(check(text).schedule, 'scheduled at this size');

function plan(people: string[], calendar: string[], tasks: string[]): string {
  return [
    'workback: 1',
    'title: Growth',
    'goal: { outcome: Done, measure: M, due: 2031-06-30, owner: p }',
    'calendar:',
    '  workdays: [mon, tue, wed, thu, fri]',
    ...calendar,
    'people:',
    '  p: { name: P, capacity: 100 }',
    ...people,
    'milestones:',
    '  - id: m',
    '    title: M',
    '    tasks:',
    ...tasks,
    '',
  ].join('\n');
}

const d = (offset: number): string => formatDay(day('2026-10-01') + offset);

/** n freezes with a tag each, one without, and n tasks each under a different one: n distinct calendars. */
const freezes = (n: number) =>
  plan(
    [],
    [
      '  freezes:',
      `    - { from: ${d(3)}, to: ${d(5)} }`,
      ...Array.from({ length: n }, (_, i) => `    - { from: ${d(i * 3)}, to: ${d(i * 3 + 1)}, tags: [f${i}] }`),
    ],
    Array.from({ length: n }, (_, i) => `      - { id: t${i}, title: T, owner: p, duration: 3d, tags: [f${i}, x] }`),
  );

/** n people, each away three times, each owning a task. */
const leave = (n: number) =>
  plan(
    Array.from(
      { length: n },
      (_, i) =>
        `  u${i}: { name: U, away: [${d(i)}, { from: ${d(i + 10)}, to: ${d(i + 20)} }, { from: ${d(i + 40)}, to: ${d(i + 41)} }] }`,
    ),
    [],
    Array.from({ length: n }, (_, i) => `      - { id: t${i}, title: T, owner: u${i}, duration: 5d }`),
  );

/** n holiday ranges, overlapping each other, under a chain of long tasks. */
const holidayRanges = (n: number) =>
  plan(
    [],
    ['  holidays:', ...Array.from({ length: n }, (_, i) => `    - { from: ${d(i * 2)}, to: ${d(i * 2 + 9)} }`)],
    Array.from(
      { length: 50 },
      (_, i) => `      - { id: t${i}, title: T, owner: p, duration: 4w${i ? `, depends_on: [t${i - 1}]` : ''} }`,
    ),
  );

/** One person with capacity 1 and n tasks at once: n warnings, each naming a few. */
const crowded = (n: number) =>
  plan(
    ['  q: { name: Q }'],
    [],
    Array.from({ length: n }, (_, i) => `      - { id: t${i}, title: T, owner: q, duration: ${1 + (i % 7)}d }`),
  );

/** One long task across n overbooked runs: each short task due on its own day. */
const runs = (n: number) =>
  plan(
    ['  q: { name: Q }'],
    [],
    [
      `      - { id: long, title: T, owner: q, duration: ${n * 2 + 2}d, due: ${d(n * 3 + 3)} }`,
      ...Array.from(
        { length: n },
        (_, i) => `      - { id: t${i}, title: T, owner: q, duration: 1d, due: ${d(i * 3 + 3)} }`,
      ),
    ],
  );

function scheduled(make: (n: number) => string, code?: string): (n: number) => string {
  const r = check(make(20));
  assert.deepEqual(
    r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message),
    [],
    'the family checks without errors',
  );
  assert.ok(r.schedule, 'the family gets a schedule');
  if (code)
    assert.ok(
      r.diagnostics.some((x) => x.code === code),
      `the family gets ${code}`,
    );
  return make;
}

/** n plans of 20 tasks, the same 5 people in each (matched by email): the workload across them. */
function plans(n: number): PlanFile[] {
  const people = Array.from({ length: 5 }, (_, i) => `  u${i}: { name: U${i}, email: u${i}@example.com }`);
  const tasks = Array.from(
    { length: 20 },
    (_, i) => `      - { id: t${i}, title: T, owner: u${i % 5}, duration: ${1 + (i % 9)}d }`,
  );
  const r = check(plan(people, [], tasks));
  assert.ok(r.plan && r.schedule);
  return Array.from({ length: n }, (_, i) => ({ file: `p${i}.workback.yaml`, plan: r.plan!, schedule: r.schedule! }));
}

/** One plan of n people, each owning one task: the workload of them all. */
function crowdedPlan(n: number): PlanFile[] {
  const people = Array.from({ length: n }, (_, i) => `  u${i}: { name: U${i}, email: u${i}@example.com }`);
  const tasks = Array.from({ length: n }, (_, i) => `      - { id: t${i}, title: T, owner: u${i}, duration: 3d }`);
  const r = check(plan(people, [], tasks));
  assert.ok(r.plan && r.schedule);
  return [{ file: 'one.workback.yaml', plan: r.plan, schedule: r.schedule }];
}

describe('growth: task calendars and capacity are linear', function () {
  this.timeout(120_000);

  // at most 1,000 freezes: n stays at 120 or below, so 4n (and the retries at 2n) stay in the schema
  it('many freezes, each task under its own', () =>
    assertLinear('freezes', scheduled(freezes), checked, { n: 60, maxN: 120 }));
  it('many people on leave', () => assertLinear('leave', scheduled(leave), checked, 250));
  // at most 5,000 holidays: n stays at 500 or below, so 4n (and the retries at 2n) stay in the schema
  it('many holiday ranges under long durations', () =>
    assertLinear('holiday ranges', scheduled(holidayRanges), checked, { n: 200, maxN: 500 }));
  it('one person with many tasks at once', () => {
    const r = check(crowded(400));
    assert.ok(
      r.diagnostics.every((x) => x.message.length < 400),
      'each warning names a few tasks, not all',
    );
    assertLinear('crowded', scheduled(crowded, 'owner-overbooked'), checked, 250);
  });
  it('the workload of the same people across many plans', () =>
    assertLinear('workload', plans, (files) => workload(files, { from: TODAY }), 50));
  // at most 10,000 people: n stays at 1,000 or below, so 4n (and the retries at 2n) stay in the schema
  it('overbooking across many plans of the same people', () => {
    assert.ok(overbookedAcrossPlans(plans(3)).size === 3, 'sanity: every plan is told');
    assertLinear('across plans', plans, (files) => overbookedAcrossPlans(files), 50);
  });
  it('the workload of one plan of many people', () =>
    assertLinear('workload people', crowdedPlan, (files) => workload(files, { from: TODAY }), { n: 250, maxN: 1000 }));
  it('one long task across many overbooked runs', () =>
    assertLinear('runs', scheduled(runs, 'owner-overbooked'), checked, 250));
});
