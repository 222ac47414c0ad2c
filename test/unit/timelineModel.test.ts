/**
 * The timeline panel's model (src/extension/timeline/model.ts, largePlan.ts, barInfo.ts): pure
 * functions from a checked plan and the toolbar's filters to what the webview shows. Filters,
 * the large-plan fallback and its offers, date windows, markers, notices and tooltips.
 */
import assert from 'node:assert/strict';
import { checkPlan, parseDay } from '../../src/core';
import { applicableFilters, buildView, NO_FILTERS, type TimelineSource } from '../../src/extension/timeline/model';
import { windowChoices } from '../../src/extension/timeline/largePlan';
import type { TimelineFilters } from '../../src/shared/protocol';
import { SMALL_PLAN } from './helpers/plans';
import { FIXTURES } from './helpers/fixtures';
import { tooltipLines } from '../../src/webview/pure/tooltip';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LIMITS = { maxRows: 70, maxTextSize: 50000 };

/** `n` tasks in milestones of ten, each milestone after the one before; three people. */
function chainPlan(n: number, due = '2027-06-30'): string {
  const L = [
    'workback: 1',
    `title: Chain of ${n}`,
    'goal:',
    '  outcome: All done',
    `  due: ${due}`,
    '  owner: ann',
    'people:',
    '  ann: { name: Ann Lee }',
    '  bob: { name: bob }',
    '  cy: { name: Cy Young }',
    'milestones:',
  ];
  for (let m = 0; m * 10 < n; m++) {
    L.push(`  - id: m${m}`, `    title: Milestone ${m}`);
    if (m > 0) L.push(`    depends_on: [m${m - 1}]`);
    L.push('    tasks:');
    for (let t = 0; t < 10 && m * 10 + t < n; t++) {
      const i = m * 10 + t;
      L.push(
        `      - { id: t${i}, title: Task ${i}, owner: ${['ann', 'bob', 'cy'][i % 3]}, duration: ${1 + (i % 3)}d${t > 0 ? `, depends_on: [t${i - 1}]` : ''} }`,
      );
    }
  }
  return L.join('\n') + '\n';
}

function source(text: string, today: string, extra: Partial<TimelineSource> = {}): TimelineSource {
  const result = checkPlan(text, { today: parseDay(today) as number });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    uri: 'file:///w/plan.workback.yaml',
    version: 3,
    fileName: 'plan.workback.yaml',
    result,
    errors,
    tooLarge: false,
    ...extra,
  };
}

const filters = (f: Partial<TimelineFilters>): TimelineFilters => ({ ...NO_FILTERS, ...f });
const itemIds = (v: ReturnType<typeof buildView>) => v.gantt!.rows.map((r) => r.itemId);

describe('timeline model', () => {
  describe('notices instead of a picture', () => {
    it('no plan, a plan too large to check, a file that is not text, a plan not checked yet', () => {
      assert.equal(buildView(undefined, NO_FILTERS, LIMITS).notice!.kind, 'noPlan');
      const big = buildView(
        { uri: 'u', version: 1, fileName: 'f', result: undefined, errors: 0, tooLarge: true },
        NO_FILTERS,
        LIMITS,
      );
      assert.equal(big.notice!.kind, 'notChecked');
      const undecodable = buildView(
        { uri: 'u', version: 1, fileName: 'f', result: undefined, errors: 1, tooLarge: false, undecodable: true },
        NO_FILTERS,
        LIMITS,
      );
      assert.equal(undecodable.notice!.kind, 'notChecked');
      assert.match(undecodable.notice!.text, /not valid UTF-8/);
      const waiting = buildView(
        { uri: 'u', version: 1, fileName: 'f', result: undefined, errors: 0, tooLarge: false },
        NO_FILTERS,
        LIMITS,
      );
      assert.equal(waiting.notice!.kind, 'checking');
      assert.equal(waiting.gantt, undefined);
    });

    it('a plan with errors: the last picture stays, marked stale, and the filters stay as asked', () => {
      const s = source(SMALL_PLAN.replace('owner: lee', 'owner: nobody'), '2026-07-01');
      const asked = filters({ milestone: 'gone', owner: 'dana' });
      const v = buildView(s, asked, LIMITS);
      assert.equal(v.notice!.kind, 'errors');
      assert.equal(v.notice!.text, 'Fix the 1 error in plan.workback.yaml to see the timeline.');
      assert.equal(v.stale, true);
      assert.deepEqual(v.filters, asked);
      assert.deepEqual(
        v.milestones.map((m) => m.value),
        ['m1'],
        'the toolbar keeps its choices',
      );
    });

    it('a plan of checkpoints only, and filters that match nothing', () => {
      const checkpoints = SMALL_PLAN.replace(/    tasks:[\s\S]*$/, '');
      assert.equal(buildView(source(checkpoints, '2026-07-01'), NO_FILTERS, LIMITS).notice!.kind, 'empty');
      const v = buildView(
        source(SMALL_PLAN, '2026-07-01'),
        filters({ window: { from: '2027-01-01', to: '2027-01-31' } }),
        LIMITS,
      );
      assert.equal(v.notice!.kind, 'empty');
      assert.equal(v.notice!.text, 'Nothing matches these filters (2 items hidden).');
    });
  });

  describe('filters', () => {
    const s = source(chainPlan(30), '2026-07-01');

    it('draw the whole plan: one row per task, the goal, its sections', () => {
      const v = buildView(s, NO_FILTERS, LIMITS);
      assert.equal(v.notice, undefined);
      assert.equal(v.gantt!.rows.length, 31);
      assert.deepEqual(v.gantt!.sections, [
        { name: 'Milestone 0', rows: 10 },
        { name: 'Milestone 1', rows: 10 },
        { name: 'Milestone 2', rows: 10 },
        { name: 'Goal', rows: 1 },
      ]);
      assert.deepEqual(
        v.owners.map((o) => o.label),
        ['Ann Lee (ann)', 'bob', 'Cy Young (cy)'],
      );
      assert.equal(v.gantt!.hidden, 0);
    });

    it('owner: only their tasks, no checkpoints, no goal', () => {
      const v = buildView(s, filters({ owner: 'bob' }), LIMITS);
      assert.deepEqual(itemIds(v), ['t1', 't4', 't7', 't10', 't13', 't16', 't19', 't22', 't25', 't28']);
      assert.equal(v.gantt!.hidden, 20);
      assert.ok(v.gantt!.rows.every((r) => r.owner === 'bob'));
    });

    it('priority: only tasks of that priority or a higher one; the choices run to the lowest one used', () => {
      assert.deepEqual(buildView(s, NO_FILTERS, LIMITS).priorities, [], 'every task p3: no choice to make');
      const ranked = source(
        chainPlan(30)
          .replace('  - id: m0\n', '  - id: m0\n    priority: p1\n')
          .replace('{ id: t11, title: Task 11,', '{ id: t11, title: Task 11, priority: p2,'),
        '2026-07-01',
      );
      const all = buildView(ranked, NO_FILTERS, LIMITS);
      assert.deepEqual(
        all.priorities.map((c) => [c.value, c.label]),
        [
          ['p1', 'p1 only'],
          ['p2', 'p1–p2'],
        ],
      );
      const p1 = buildView(ranked, filters({ priority: 'p1' }), LIMITS);
      assert.deepEqual(
        itemIds(p1),
        Array.from({ length: 10 }, (_, i) => `t${i}`),
      );
      assert.equal(p1.gantt!.hidden, 20, 'the goal is left out, as with an owner');
      assert.deepEqual(itemIds(buildView(ranked, filters({ priority: 'p2' }), LIMITS)).slice(-1), ['t11']);
      assert.equal(applicableFilters(ranked.result!.plan, filters({ priority: 'p9' })).priority, undefined);
      // no p1 task: the choices start at p2, and a p1 filter (which would draw nothing) is dropped
      const noP1 = source(
        chainPlan(30).replace('{ id: t11, title: Task 11,', '{ id: t11, title: Task 11, priority: p2,'),
        '2026-07-01',
      );
      assert.deepEqual(
        buildView(noP1, NO_FILTERS, LIMITS).priorities.map((c) => c.value),
        ['p2'],
      );
      assert.equal(applicableFilters(noP1.result!.plan, filters({ priority: 'p1' })).priority, undefined);
    });

    it('milestone: only its section, and the goal due left out when far from it', () => {
      const v = buildView(s, filters({ milestone: 'm1' }), LIMITS);
      assert.deepEqual(
        itemIds(v),
        Array.from({ length: 10 }, (_, i) => `t${10 + i}`),
      );
      assert.deepEqual(
        v.gantt!.sections.map((x) => x.name),
        ['Milestone 1'],
      );
      assert.doesNotMatch(v.gantt!.text, /:vert, goaldue,/, 'the goal is due a year later');
    });

    it('critical path only: the critical tasks, nothing else', () => {
      const branch = SMALL_PLAN + '      - { id: t3, title: Side task, owner: lee }\n';
      const v = buildView(source(branch, '2026-07-01'), filters({ criticalOnly: true }), LIMITS);
      assert.deepEqual(itemIds(v), ['t1', 't2', ''], 't3 has more slack; the goal row stays');
      assert.ok(v.gantt!.rows.filter((r) => r.kind === 'task').every((r) => r.critical));
      assert.equal(v.gantt!.hidden, 1);
    });

    it('a date window: only what overlaps it, and no marker outside it', () => {
      const all = buildView(s, NO_FILTERS, LIMITS).gantt!;
      const first = all.rows.find((r) => r.itemId === 't10')!;
      assert.ok(first.startBy);
      const w = buildView(s, filters({ window: { from: '2027-01-01', to: '2027-06-30' } }), LIMITS);
      assert.ok(w.gantt, w.notice?.text);
      assert.doesNotMatch(w.gantt!.text, /:vert, today,/, 'today (2026-07-01) is outside the window');
      assert.match(w.gantt!.text, /:vert, goaldue, 2027-07-01,/, 'the goal due is inside it');
    });

    it('unknown ids and impossible windows are dropped; the toggles are kept', () => {
      const plan = s.result!.plan!;
      assert.deepEqual(
        applicableFilters(plan, filters({ milestone: 'nope', owner: '__proto__', criticalOnly: true })),
        filters({ criticalOnly: true }),
      );
      assert.deepEqual(
        applicableFilters(plan, filters({ window: { from: '2026-02-30', to: '2026-03-01' } })),
        NO_FILTERS,
      );
      assert.deepEqual(
        applicableFilters(plan, filters({ window: { from: '2026-09-01', to: '2026-08-01' } })),
        NO_FILTERS,
      );
      assert.deepEqual(
        applicableFilters(plan, filters({ milestone: 'm2', owner: 'cy', compact: true })),
        filters({ milestone: 'm2', owner: 'cy', compact: true }),
      );
      assert.deepEqual(applicableFilters(undefined, filters({ milestone: 'm2', owner: 'cy' })), NO_FILTERS);
    });
  });

  describe('markers and the time axis', () => {
    it('today months before the plan is left out, and the axis spans the rows', () => {
      const s = source(SMALL_PLAN, '2026-01-05');
      const v = buildView(s, NO_FILTERS, LIMITS);
      assert.doesNotMatch(v.gantt!.text, /:vert, today,/);
      assert.match(v.gantt!.text, /:vert, goaldue, 2026-10-01,/);
      // t1 starts on 2026-09-28, the goal is due at the end of 2026-09-30
      assert.equal(v.gantt!.days, 3);
    });

    it('today near the plan stays, and the axis reaches it', () => {
      const v = buildView(source(SMALL_PLAN, '2026-09-21'), NO_FILTERS, LIMITS);
      assert.match(v.gantt!.text, /:vert, today, 2026-09-21,/);
      assert.equal(v.gantt!.days, 10);
    });
  });

  describe('large plans', () => {
    const s = source(chainPlan(100), '2026-07-01');

    it('past maxRows: a notice offering the first open milestone and the window holding today', () => {
      const v = buildView(s, NO_FILTERS, LIMITS);
      assert.equal(v.gantt, undefined);
      assert.equal(v.notice!.kind, 'tooLarge');
      assert.match(v.notice!.text, /This view has 101 rows: more than 70 stop being readable/);
      assert.deepEqual(v.notice!.suggestMilestone, { value: 'm0', label: 'Milestone 0' });
      // the work starts after today: the first window that fits is offered
      const w = v.notice!.suggestWindow!;
      assert.deepEqual(
        w,
        v.windows.find((x) => x.rows <= 70),
      );
      assert.ok(w.from > '2026-07-01');
      // what it offers is drawn
      assert.ok(buildView(s, filters({ milestone: 'm0' }), LIMITS).gantt);
      assert.ok(buildView(s, filters({ window: { from: w.from, to: w.to } }), LIMITS).gantt);
    });

    it('the window offered holds today when one does', () => {
      const v = buildView(source(chainPlan(100), '2027-01-12'), NO_FILTERS, LIMITS);
      const w = v.notice!.suggestWindow!;
      assert.ok(w.rows <= 70 && w.from <= '2027-01-12' && '2027-01-12' <= w.to, JSON.stringify(w));
    });

    it('the first milestone with open work is offered when the first ones are done', () => {
      const done = chainPlan(100).replace(/(id: t[0-9], title: [^,]*, owner: \w+, duration: \dd)/g, '$1, status: done');
      const v = buildView(source(done, '2026-07-01'), NO_FILTERS, LIMITS);
      assert.deepEqual(v.notice!.suggestMilestone, { value: 'm1', label: 'Milestone 1' });
    });

    it('a larger maxRows draws it; compact mode draws it whatever the rows', () => {
      assert.equal(buildView(s, NO_FILTERS, { ...LIMITS, maxRows: 200 }).gantt!.rows.length, 101);
      assert.ok(buildView(s, filters({ compact: true }), LIMITS).gantt);
    });

    it("past Mermaid's text limit: says so, even in compact mode", () => {
      const v = buildView(s, filters({ compact: true }), { maxRows: 2000, maxTextSize: 2000 });
      assert.equal(v.notice!.kind, 'tooLarge');
      assert.match(v.notice!.text, /too large for Mermaid \(\d+,000 characters of chart text; its limit is 2,000\)/);
    });

    it('a milestone view too large itself offers no milestone, only windows', () => {
      const v = buildView(s, filters({ milestone: 'm3' }), { maxRows: 5, maxTextSize: 50000 });
      assert.equal(v.notice!.kind, 'tooLarge');
      assert.match(v.notice!.text, /This view has 10 rows: more than 5/);
      assert.equal(v.notice!.suggestMilestone, undefined);
      assert.ok(v.notice!.suggestWindow);
    });

    it('date windows: whole weeks from Monday, consecutive, covering the schedule, each within the budget', () => {
      const plan = s.result!.plan!;
      const schedule = s.result!.schedule!;
      const ws = windowChoices(plan, schedule, NO_FILTERS, 30);
      assert.ok(ws.length > 2);
      for (const [i, w] of ws.entries()) {
        const from = parseDay(w.from) as number;
        const to = parseDay(w.to) as number;
        assert.equal((((from + 3) % 7) + 7) % 7, 0, `${w.from} is a Monday`);
        assert.equal((to - from + 1) % 7, 0, `${w.from}..${w.to} is whole weeks`);
        assert.ok(w.rows <= 27, `${w.label}: ${w.rows} rows`);
        assert.match(w.label, /^\w{3} \d+ \w{3} \d{4} – \w{3} \d+ \w{3} \d{4} \(\d+ rows?\)$/);
        if (i > 0) assert.equal(from, (parseDay(ws[i - 1]!.to) as number) + 1, 'consecutive');
      }
      const starts = schedule.items.map((x) => x.start);
      const finishes = schedule.items.map((x) => x.finish);
      assert.ok((parseDay(ws[0]!.from) as number) <= Math.min(...starts));
      assert.ok((parseDay(ws[ws.length - 1]!.to) as number) >= Math.max(...finishes));
      assert.deepEqual(
        buildView(s, NO_FILTERS, LIMITS).windows.map((w) => w.from),
        windowChoices(plan, schedule, NO_FILTERS, 70).map((w) => w.from),
      );
    });

    it('date windows follow the other filters', () => {
      const plan = s.result!.plan!;
      const schedule = s.result!.schedule!;
      const one = windowChoices(plan, schedule, filters({ milestone: 'm0' }), 70);
      assert.equal(one.length, 1);
      assert.equal(one[0]!.rows, 10);
    });
  });

  describe('tooltips', () => {
    it('owner with name and id, dates, slack, status, lateness; the goal row', () => {
      const s = source(SMALL_PLAN.replace('duration: 2d', 'duration: 2d\n        status: doing'), '2026-10-05');
      const v = buildView(s, NO_FILTERS, { ...LIMITS });
      const [t1, t2, goal] = v.gantt!.rows;
      assert.equal(t1!.owner, 'Dana Whitfield (dana)');
      assert.equal(t1!.status, 'doing');
      assert.equal(t1!.milestone, 'First milestone');
      assert.equal(t1!.startBy, 'Mon 28 Sep 2026');
      assert.equal(t1!.finishBy, 'Tue 29 Sep 2026');
      assert.equal(t1!.late, '4 workdays late');
      assert.equal(t2!.late, '3 workdays late');
      assert.equal(t1!.state, 'overdue', 'drawn with the overdue edge (the legend)');
      assert.equal(typeof t2!.slack, 'number');
      assert.deepEqual(
        [goal!.kind, goal!.title, goal!.finishBy, goal!.itemId],
        ['goal', 'Done', 'Wed 30 Sep 2026', ''],
      );
    });

    it("a task's own days off: where they fall on its bar, and what they are", () => {
      const text = readFileSync(path.join(FIXTURES, 'schedule', 'freeze-leave.workback.yaml'), 'utf8');
      const v = buildView(source(text, '2026-11-09'), NO_FILTERS, { ...LIMITS });
      const row = (id: string) => v.gantt!.rows.find((r) => r.itemId === id)!;
      // push-policy's bar: Tue 24 Nov - Tue 8 Dec (15 days); Thanksgiving is the plan's, not its own
      assert.equal(row('push-policy').barDays, 15);
      assert.deepEqual(row('push-policy').daysOff, [
        { first: 6, last: 10, label: 'Retail freeze (freeze): Mon 30 Nov – Fri 4 Dec 2026' },
      ]);
      // write-policy: Thu 12 - Mon 23 Nov, over Omar's leave
      assert.deepEqual(row('write-policy').daysOff, [
        { first: 4, last: 8, label: 'Leave (leave of Omar Haddad): Mon 16 – Fri 20 Nov 2026' },
      ]);
      assert.equal(row('brief-sites').daysOff, undefined, 'Dana has neither');
      assert.deepEqual(
        tooltipLines(row('write-policy')).filter(([k]) => k === 'No work'),
        [['No work', 'Leave (leave of Omar Haddad): Mon 16 – Fri 20 Nov 2026']],
      );
    });
  });
});
