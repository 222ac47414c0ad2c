/**
 * Growth tests for the stages after the schema: the scheduler, its late-work diagnostics, the
 * queries the sidebar runs and the Mermaid text. Each family is timed at n and 4n on the whole
 * `checkPlan` (with a date) or on the stage itself; the time at 4n must stay under 6 times the
 * time at n. A quadratic path gives about 16 times, so the bound catches one with room for a
 * shared, noisy machine.
 */
import assert from 'node:assert/strict';
import {
  calendarEvents,
  checkPlan,
  followUps,
  formatDay,
  tasksFor,
  toICalendar,
  toMermaidGantt,
  type PlanFile,
} from '../../src/core';
import { assertLinear } from './helpers/growth';
import { day } from './helpers/planBuilder';

const TODAY = day('2026-09-01');

/** A plan whose tasks are given as YAML lines (each already indented under `tasks:`). */
function plan(taskLines: string[], extra: string[] = []): string {
  return [
    'workback: 1',
    'title: Growth',
    'goal:',
    '  outcome: Done',
    '  due: 2027-06-30',
    '  owner: p',
    ...extra,
    'people:',
    '  p: { name: P }',
    '  q: { name: Q }',
    'milestones:',
    '  - id: m',
    '    title: M',
    '    tasks:',
    ...taskLines,
    '',
  ].join('\n');
}

const task = (id: string, more: string[] = [], duration = '1d') => [
  `      - id: ${id}`,
  `        title: Task ${id}`,
  '        owner: p',
  `        duration: ${duration}`,
  ...more.map((l) => `        ${l}`),
];

/** A chain: each task waits for the one before. */
const chain = (n: number) =>
  plan(Array.from({ length: n }, (_, i) => task(`t${i}`, i ? [`depends_on: [t${i - 1}]`] : [])).flat());

/** One task that waits for n others (fan-in), and n that wait for one (fan-out). */
const fans = (n: number) => {
  const lines = task('root');
  for (let i = 0; i < n; i++) lines.push(...task(`a${i}`, ['depends_on: [root]']));
  lines.push(...task('sink', [`depends_on: [${Array.from({ length: n }, (_, i) => `a${i}`).join(', ')}]`]));
  return plan(lines);
};

/** n milestones, each waiting for the one before: the graph's virtual start and end nodes. */
const milestones = (n: number) => {
  const lines = [
    'workback: 1',
    'title: Growth',
    'goal:',
    '  outcome: Done',
    '  due: 2027-06-30',
    '  owner: p',
    'people:',
    '  p: { name: P }',
    'milestones:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - id: m${i}`,
      '    title: M',
      ...(i ? [`    depends_on: [m${i - 1}]`] : []),
      '    tasks:',
      `      - { id: t${i}, title: T, owner: p, duration: 1d }`,
    );
  }
  return `${lines.join('\n')}\n`;
};

/** Every task late and due before today, each with an overdue follow-up: many diagnostics. */
const late = (n: number) =>
  plan(
    Array.from({ length: n }, (_, i) =>
      task(`t${i}`, ['due: 2026-03-02', 'follow_ups:', '  - { on: 2026-04-01, with: q }']),
    ).flat(),
  );

/** Many holidays (the schema allows 5,000) under tasks of long durations. */
const holidays = (n: number) => {
  const days: string[] = [];
  for (let d = day('2026-01-01'), i = 0; i < n; i++, d += 2) days.push(formatDay(d));
  return plan(Array.from({ length: 50 }, (_, i) => task(`t${i}`, i ? [`depends_on: [t${i - 1}]`] : [], '12w')).flat(), [
    'calendar:',
    `  holidays: [${days.join(', ')}]`,
  ]);
};

/** Titles made of every character Mermaid's text must escape. */
const hostileTitles = (n: number) =>
  plan(
    Array.from({ length: n }, (_, i) => [
      `      - id: t${i}`,
      `        title: ${JSON.stringify(`#;:<>&"'%%{}[]()\u0085\u2028 x${i} `.repeat(8))}`,
      '        owner: p',
      '        duration: 1d',
    ]).flat(),
  );

const check = (text: string) => checkPlan(text, { today: TODAY });

/** Sanity: the family's plans check without errors and get a schedule, so the scheduler runs. */
function scheduled(make: (n: number) => string): (n: number) => string {
  const r = check(make(20));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.code}: ${d.message}`),
    [],
    'the family checks without errors',
  );
  assert.ok(r.schedule, 'the family gets a schedule');
  return make;
}

function planFile(text: string): PlanFile {
  const r = check(text);
  assert.ok(
    r.plan && r.schedule,
    `no schedule: ${r.diagnostics
      .slice(0, 3)
      .map((d) => d.message)
      .join('; ')}`,
  );
  return { file: 'growth.workback.yaml', plan: r.plan, schedule: r.schedule };
}

describe('growth: the schedule, late work, queries and Mermaid text are linear', function () {
  this.timeout(120_000);

  it('a chain of dependencies', () => assertLinear('chain', scheduled(chain), check, 250));
  it('one task waiting for n, n waiting for one', () => assertLinear('fans', scheduled(fans), check, 250));
  it('milestones waiting for milestones', () => assertLinear('milestones', scheduled(milestones), check, 250));
  it('every task late with an overdue follow-up (past the problem cap)', () => {
    assert.ok(check(late(600)).diagnostics.length > 1000, 'sanity: more problems than the cap');
    assertLinear('late', scheduled(late), check, 250);
  });
  it('many holidays under long durations', () => assertLinear('holidays', scheduled(holidays), check, 600));
  it('my tasks and follow-ups over many plans of late tasks', () => {
    const one = late(25);
    assertLinear(
      'queries',
      (n) => Array.from({ length: n }, (_, i) => ({ ...planFile(one), file: `p${i}.workback.yaml` })),
      (files) => {
        tasksFor(files, ['p', 'q'], TODAY);
        followUps(files, TODAY);
      },
      20,
    );
  });
  it('a calendar of many plans of late tasks (events, then iCalendar text)', () => {
    const one = late(25);
    assertLinear(
      'calendar',
      (n) => Array.from({ length: n }, (_, i) => ({ ...planFile(one), file: `p${i}.workback.yaml` })),
      (files) => toICalendar(calendarEvents(files, ['p', 'q'], TODAY), { stamp: TODAY, product: '-', name: '-' }),
      20,
    );
  });
  it('iCalendar text of many hostile titles', () => {
    assertLinear(
      'ics',
      (n) => planFile(hostileTitles(n)),
      (f) =>
        toICalendar(calendarEvents([f], [...f.plan.people.keys()], TODAY), { stamp: TODAY, product: '-', name: '-' }),
      250,
    );
  });
  it('Mermaid text of many hostile titles', () => {
    assertLinear(
      'mermaid',
      (n) => planFile(hostileTitles(n)),
      (f) => toMermaidGantt(f.plan, f.schedule),
      250,
    );
  });
});
