/** The schedule's diagnostics: lateness, check-ins, escalation thresholds, bounds and cycles. Values checked by hand. */
import * as assert from 'assert';
import type { RawDiagnostic } from '../../src/core/diagnostic';
import { formatDay, MAX_DAY, weekday } from '../../src/core/day';
import { schedulePlan } from '../../src/core/schedule';
import { buildPlan, day, spanOfValue, type PlanSpec, type TaskSpec } from './helpers/planBuilder';

const codes = (ds: RawDiagnostic[]): string[] => ds.map((d) => d.code);
/** Codes other than goal-infeasible, which any task starting after its LS also causes (slack < 0). */
const lateCodes = (ds: RawDiagnostic[]): string[] => codes(ds).filter((c) => c !== 'goal-infeasible');
const only = (ds: RawDiagnostic[], code: string): RawDiagnostic => {
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `one ${code} in ${JSON.stringify(codes(ds))}`);
  return found[0]!;
};

/**
 * One task t of 2w (10 workdays) ending with the goal, Fri 25 Sep 2026:
 * LF Fri 25 Sep, LS Mon 14 Sep (Sep 14-18 and 21-25).
 */
function lone(task: Partial<TaskSpec>, policy: PlanSpec['policy'], extra: Partial<PlanSpec> = {}): PlanSpec {
  return {
    goal: { due: '2026-09-25', owner: 'dana' },
    people: { dana: { name: 'Dana Whitfield' }, ravi: { name: 'Ravi Patel' }, lee: { name: 'Lee Chen' } },
    policy,
    milestones: [{ id: 'm', tasks: [{ id: 't', owner: 'lee', duration: '2w', ...task }] }],
    ...extra,
  };
}

describe('schedule: diagnostics', () => {
  describe('check-ins (policy.check_in_every)', () => {
    const policy = { check_in_every: '1w', escalate_after: '3d' };

    it('none before LS; the first is due a cadence after LS', () => {
      // Today Fri 11 Sep < LS Mon 14: no check-in yet. Today Mon 21: due Mon 21 (5 workdays after Mon 14), not overdue.
      for (const today of ['2026-09-11', '2026-09-14', '2026-09-21']) {
        const s = schedulePlan(buildPlan(lone({ status: 'doing' }, policy)), day(today));
        assert.deepStrictEqual(lateCodes(s.diagnostics), [], today);
      }
    });

    it('overdue once its day has passed; escalated past escalate_after', () => {
      // Due Mon 21 Sep. Thu 24: late Tue 22, Wed 23, Thu 24 = 3, not more than 3d.
      let d = only(
        schedulePlan(buildPlan(lone({ status: 'doing' }, policy)), day('2026-09-24')).diagnostics,
        'check-in-overdue',
      );
      assert.deepStrictEqual(d.data, { taskId: 't', on: '2026-09-21', with: 'dana', daysLate: 3, escalate: false });
      assert.strictEqual(d.severity, 'information');
      // Fri 25: 4 > 3: escalate to the goal's owner (no escalate_to), and the diagnostic becomes a warning.
      d = only(
        schedulePlan(buildPlan(lone({ status: 'doing' }, policy)), day('2026-09-25')).diagnostics,
        'check-in-overdue',
      );
      assert.deepStrictEqual(d.data, {
        taskId: 't',
        on: '2026-09-21',
        with: 'dana',
        daysLate: 4,
        escalate: true,
        escalateTo: 'dana',
        tier: 1,
        tiers: 1,
      });
      assert.strictEqual(d.severity, 'warning');
      assert.strictEqual(
        d.message,
        'A check-in on t (every 1w, by dana) was due Mon 21 Sep 2026 (4 workdays late); escalated to Dana Whitfield (dana).',
      );
    });

    it('is held by escalate_to, else the goal owner, whichever is not the owner; nobody checks on themself', () => {
      const late = (task: Partial<TaskSpec>, pol: PlanSpec['policy'], extra: Partial<PlanSpec> = {}) =>
        schedulePlan(buildPlan(lone({ status: 'doing', ...task }, pol, extra)), day('2026-09-25')).diagnostics.filter(
          (d) => d.code === 'check-in-overdue',
        );
      assert.strictEqual(late({}, policy)[0]?.data?.['with'], 'dana', "the goal's owner checks on Lee");
      assert.strictEqual(late({}, { ...policy, escalate_to: 'ravi' })[0]?.data?.['with'], 'ravi', 'escalate_to first');
      assert.strictEqual(late({ owner: 'ravi' }, { ...policy, escalate_to: 'ravi' })[0]?.data?.['with'], 'dana');
      assert.deepStrictEqual(late({ owner: 'dana' }, policy), [], "the goal's owner's own task: nobody above her");
      assert.deepStrictEqual(late({ owner: 'dana' }, { ...policy, escalate_to: 'dana' }), []);
      const noGoalOwner = { goal: { due: '2026-09-25' } };
      assert.deepStrictEqual(late({}, policy, noGoalOwner), [], 'nobody to check in: no check-in');
    });

    it('counts from the last done follow-up when it is later than LS', () => {
      // Done follow-up Fri 18 Sep: next check-in 5 workdays later, Fri 25 Sep: not overdue on Thu 24.
      const spec = lone(
        {
          status: 'doing',
          follow_ups: [
            { on: '2026-09-18', with: 'ravi', done: true },
            { on: '2026-09-15', with: 'ravi', done: true },
          ],
        },
        policy,
      );
      assert.deepStrictEqual(lateCodes(schedulePlan(buildPlan(spec), day('2026-09-24')).diagnostics), []);
      // A follow-up that is not done does not reset the cadence (and is itself overdue).
      const pending = lone({ status: 'doing', follow_ups: [{ on: '2026-09-18', with: 'ravi' }] }, policy);
      assert.deepStrictEqual(lateCodes(schedulePlan(buildPlan(pending), day('2026-09-24')).diagnostics).sort(), [
        'check-in-overdue',
        'follow-up-overdue',
      ]);
    });

    it('no check-ins on done tasks or without the policy', () => {
      assert.deepStrictEqual(
        lateCodes(schedulePlan(buildPlan(lone({ status: 'done' }, policy)), day('2026-09-24')).diagnostics),
        [],
      );
      assert.deepStrictEqual(
        lateCodes(schedulePlan(buildPlan(lone({ status: 'doing' }, {})), day('2026-09-24')).diagnostics),
        [],
      );
    });
  });

  describe('late start, overdue and escalation thresholds', () => {
    it('late start: todo and blocked, not doing', () => {
      // LS Mon 14 Sep; today Wed 16: late Tue 15, Wed 16 = 2.
      const todo = only(schedulePlan(buildPlan(lone({}, {})), day('2026-09-16')).diagnostics, 'late-start');
      assert.strictEqual(todo.message, 't has not started: it had to start by Mon 14 Sep 2026 (2 workdays late).');
      assert.deepStrictEqual(todo.data, { taskId: 't', latestStart: '2026-09-14', daysLate: 2, escalate: false });
      const blocked = only(
        schedulePlan(buildPlan(lone({ status: 'blocked' }, {})), day('2026-09-16')).diagnostics,
        'late-start',
      );
      assert.match(blocked.message, /^t is blocked and has not started/);
      assert.deepStrictEqual(
        lateCodes(schedulePlan(buildPlan(lone({ status: 'doing' }, {})), day('2026-09-16')).diagnostics),
        [],
      );
      // On LS itself nothing is late yet.
      assert.deepStrictEqual(lateCodes(schedulePlan(buildPlan(lone({}, {})), day('2026-09-14')).diagnostics), []);
    });

    it('escalates only when late by more than escalate_after (a duration in workdays)', () => {
      // LS Mon 14 Sep. escalate_after 1w = 5 workdays. Mon 21: late Tue 15 .. Mon 21 = 5: not escalated;
      // Tue 22: 6: escalated, to escalate_to.
      const policy = { escalate_after: '1w', escalate_to: 'ravi' };
      let d = only(schedulePlan(buildPlan(lone({}, policy)), day('2026-09-21')).diagnostics, 'late-start');
      assert.deepStrictEqual([d.data!['daysLate'], d.data!['escalate'], d.severity], [5, false, 'information']);
      d = only(schedulePlan(buildPlan(lone({}, policy)), day('2026-09-22')).diagnostics, 'late-start');
      assert.deepStrictEqual([d.data!['daysLate'], d.data!['escalateTo'], d.severity], [6, 'ravi', 'warning']);
      assert.match(d.message, /; escalated to Ravi Patel \(ravi\)\.$/);
    });

    it('without escalate_after nothing is escalated; without anyone to escalate to it is still flagged', () => {
      const d = only(schedulePlan(buildPlan(lone({}, {})), day('2026-12-01')).diagnostics, 'task-overdue');
      assert.strictEqual(d.data!['escalate'], false);
      const nobody = { ...lone({}, { escalate_after: '1d' }), goal: { due: '2026-09-25' } };
      const e = only(schedulePlan(buildPlan(nobody), day('2026-09-30')).diagnostics, 'task-overdue');
      assert.deepStrictEqual(e.data, {
        taskId: 't',
        latestFinish: '2026-09-25',
        daysLate: 3,
        escalate: true,
        tier: 1,
        tiers: 1,
      });
      assert.match(e.message, /flagged for escalation/);
    });

    it('overdue: LF < today, days late in workdays (0 on the weekend right after)', () => {
      // LF Fri 25 Sep. Sat 26: overdue, 0 workdays late. Wed 30: Mon 28, Tue 29, Wed 30 = 3.
      let d = only(
        schedulePlan(buildPlan(lone({ status: 'doing' }, {})), day('2026-09-26')).diagnostics,
        'task-overdue',
      );
      assert.strictEqual(d.data!['daysLate'], 0);
      assert.strictEqual(d.message, 't is overdue: it had to finish by Fri 25 Sep 2026 (no full workday late yet).');
      d = only(schedulePlan(buildPlan(lone({ status: 'doing' }, {})), day('2026-09-30')).diagnostics, 'task-overdue');
      assert.strictEqual(d.data!['daysLate'], 3);
      assert.strictEqual(d.severity, 'warning');
      // A done task is never late.
      assert.deepStrictEqual(
        lateCodes(schedulePlan(buildPlan(lone({ status: 'done' }, {})), day('2026-09-30')).diagnostics),
        [],
      );
    });

    it("overdue follow-ups: on the follow-up's date, with days late and escalation", () => {
      // Follow-up Wed 16 Sep, not done; today Mon 21: Thu 17, Fri 18, Mon 21 = 3 workdays late; escalate_after 2d.
      const plan = buildPlan(
        lone(
          {
            status: 'doing',
            follow_ups: [
              { on: '2026-09-10', with: 'ravi', done: true },
              { on: '2026-09-16', with: 'ravi', about: 'Keys?' },
            ],
          },
          { escalate_after: '2d' },
        ),
      );
      const d = only(schedulePlan(plan, day('2026-09-21')).diagnostics, 'follow-up-overdue');
      assert.strictEqual(
        d.message,
        'The follow-up on t with Ravi Patel (ravi) was due Wed 16 Sep 2026 and is not done (3 workdays late); escalated to Dana Whitfield (dana).',
      );
      assert.deepStrictEqual(d.data, {
        taskId: 't',
        index: 1,
        on: '2026-09-16',
        with: 'ravi',
        daysLate: 3,
        escalate: true,
        escalateTo: 'dana',
        tier: 1,
        tiers: 1,
      });
      assert.deepStrictEqual(d.span, spanOfValue(plan.tasks[0]!.followUps[1]!.node, 'on'));
      // Not overdue on its own day.
      assert.deepStrictEqual(lateCodes(schedulePlan(plan, day('2026-09-16')).diagnostics), []);
    });
  });

  describe('start-too-late', () => {
    it('on not_before: the value, with the shortfall in workdays', () => {
      // LS Mon 14 Sep; not_before Wed 16: short Mon 14, Tue 15 = 2.
      const plan = buildPlan(lone({ not_before: '2026-09-16' }, {}));
      const s = schedulePlan(plan, day('2026-09-01'));
      const d = only(s.diagnostics, 'start-too-late');
      assert.strictEqual(
        d.message,
        't must start by Mon 14 Sep 2026 to meet its deadline but cannot start before Wed 16 Sep 2026 (its not_before): 2 workdays short.',
      );
      assert.deepStrictEqual(d.span, spanOfValue(plan.tasks[0]!.node, 'not_before'));
      assert.strictEqual(d.data!['short'], 2);
      // And so the goal is short too: ES Wed 16 vs LS Mon 14 -> slack -2, on goal.due.
      const g = only(s.diagnostics, 'goal-infeasible');
      assert.deepStrictEqual(g.span, spanOfValue(plan.goal.node, 'due'));
      assert.strictEqual(g.message, 'The goal cannot be met as planned: 2 workdays short; critical path: t.');
    });

    it("on the plan's start: on the task's id; a weekend start counts workdays only", () => {
      // start Sat 19 Sep: the first possible workday is Mon 21; short Mon 14 .. Fri 18 = 5.
      const plan = buildPlan(lone({}, {}, { start: '2026-09-19' }));
      const d = only(schedulePlan(plan, day('2026-09-01')).diagnostics, 'start-too-late');
      assert.strictEqual(d.data!['short'], 5);
      assert.strictEqual(d.data!['boundBy'], 'start');
      assert.deepStrictEqual(d.span, plan.tasks[0]!.idSpan);
    });

    it('not for done tasks', () => {
      const plan = buildPlan(lone({ status: 'done', not_before: '2026-09-16' }, {}));
      assert.deepStrictEqual(codes(schedulePlan(plan, day('2026-09-01')).diagnostics), []);
    });
  });

  describe('bounds', () => {
    it('a schedule that would start before 1970 is out of range, on the duration', () => {
      // 1970-01-01 is a Thursday: only Thu 1, Fri 2, Mon 5 Jan are workdays up to the goal; 1w needs 5.
      const plan = buildPlan({
        goal: { due: '1970-01-05' },
        milestones: [{ id: 'm', tasks: [{ id: 'a', duration: '1w' }] }],
      });
      const s = schedulePlan(plan, day('1970-01-01'));
      const d = only(s.diagnostics, 'schedule-out-of-range');
      assert.strictEqual(d.severity, 'error');
      assert.deepStrictEqual(d.span, spanOfValue(plan.tasks[0]!.node, 'duration'));
      assert.deepStrictEqual(s.items, []);
      assert.strictEqual(s.minSlack, null);
    });

    it('huge durations are out of range, quickly', () => {
      const plan = buildPlan({
        goal: { due: '2026-01-05' },
        milestones: [{ id: 'm', tasks: [{ id: 'a', duration: '999999999999w' }] }],
      });
      assert.deepStrictEqual(codes(schedulePlan(plan, day('2026-01-01')).diagnostics), ['schedule-out-of-range']);
    });

    it('earliest dates past 2199 keep the backward schedule and drop slack, with a warning', () => {
      // Goal Tue 31 Dec 2199; today Mon 30 Dec 2199: a 1w task cannot finish before 2200.
      const plan = buildPlan({
        goal: { due: '2199-12-31' },
        milestones: [{ id: 'm', tasks: [{ id: 'a', duration: '1w' }] }],
      });
      const s = schedulePlan(plan, MAX_DAY - 1);
      assert.deepStrictEqual(codes(s.diagnostics).sort(), ['earliest-out-of-range', 'late-start']);
      const d = only(s.diagnostics, 'earliest-out-of-range');
      assert.strictEqual(d.severity, 'warning');
      assert.deepStrictEqual(d.span, spanOfValue(plan.tasks[0]!.node, 'duration'));
      assert.match(d.message, /earliest dates and slack are left out, the workback dates are kept/);
      assert.strictEqual(s.items.length, 1);
      assert.strictEqual(s.items[0]!.start, day('2199-12-25'));
      assert.strictEqual(s.items[0]!.slack, undefined);
      assert.strictEqual(s.minSlack, null);
    });

    it('a calendar without workdays, or with holidays on every workday, reports no-workdays', () => {
      const none = buildPlan({
        goal: { due: '2026-01-05' },
        calendar: { workdays: [] },
        milestones: [{ id: 'm', tasks: [{ id: 'a' }] }],
      });
      const s = schedulePlan(none, day('2026-01-01'));
      assert.deepStrictEqual(codes(s.diagnostics), ['no-workdays']);
      assert.deepStrictEqual(
        s.diagnostics[0]!.span,
        spanOfValue(none.root.byKey.get('calendar')!.value as never, 'workdays'),
      );
      const sundays: string[] = [];
      for (let d = day('1970-01-01'); d <= MAX_DAY; d++) if (weekday(d) === 6) sundays.push(formatDay(d));
      const covered = buildPlan({
        goal: { due: '2026-01-05' },
        calendar: { workdays: ['sun'], holidays: sundays },
        milestones: [{ id: 'm', tasks: [{ id: 'a' }] }],
      });
      assert.deepStrictEqual(codes(schedulePlan(covered, day('2026-01-01')).diagnostics), ['no-workdays']);
    });

    it('holidays covering everything before the goal within range: out of range, not a hang', () => {
      // Workdays: Thursdays only; every Thursday from 1970 to the goal is a holiday.
      const thursdays: string[] = [];
      for (let d = day('1970-01-01'); d <= day('1971-01-01'); d += 7) thursdays.push(formatDay(d));
      const plan = buildPlan({
        goal: { due: '1971-01-01' },
        calendar: { workdays: ['thu'], holidays: thursdays },
        milestones: [{ id: 'm', tasks: [{ id: 'a' }] }],
      });
      assert.deepStrictEqual(codes(schedulePlan(plan, day('1970-06-01')).diagnostics), ['schedule-out-of-range']);
    });
    it('never throws on odd input: a today outside the range or not a number, a zero duration built by hand', () => {
      const plan = buildPlan(lone({}, { check_in_every: '1w' }));
      for (const today of [-1e9, 1e9, Number.NaN, MAX_DAY + 1, -1]) {
        const s = schedulePlan(plan, today);
        assert.strictEqual(s.items.length, 1);
        assert.ok(
          s.diagnostics.some((d) => d.code === 'earliest-out-of-range'),
          String(today),
        );
      }
      const zero = buildPlan(lone({}, {}));
      zero.tasks[0]!.duration = { count: 0, unit: 'd', text: '0d' };
      const z = schedulePlan(zero, day('2026-09-01'));
      assert.strictEqual(z.items[0]!.start, z.items[0]!.finish); // treated as 1d
    });
  });

  describe('cycles', () => {
    const cyclic = (milestones: PlanSpec['milestones']) =>
      schedulePlan(buildPlan({ goal: { due: '2026-07-31' }, milestones }), day('2026-07-01'));

    it('two tasks depending on each other: one error naming the cycle, no items', () => {
      const s = cyclic([
        {
          id: 'm',
          tasks: [
            { id: 'a', depends_on: ['b'] },
            { id: 'b', depends_on: ['a'] },
          ],
        },
      ]);
      assert.deepStrictEqual(s.items, []);
      const d = only(s.diagnostics, 'dependency-cycle');
      assert.deepStrictEqual((d.data!['cycle'] as string[]).slice().sort(), ['a', 'b']);
    });

    it('a task depending on itself, or on its own milestone; a milestone depending on its own task', () => {
      assert.deepStrictEqual(codes(cyclic([{ id: 'm', tasks: [{ id: 'a', depends_on: ['a'] }] }]).diagnostics), [
        'dependency-cycle',
      ]);
      const own = cyclic([{ id: 'm', tasks: [{ id: 'a' }, { id: 'b', depends_on: ['m'] }] }]);
      assert.deepStrictEqual(codes(own.diagnostics), ['dependency-cycle']);
      assert.match(own.diagnostics[0]!.message, /b → m → b|m → b → m/);
      assert.deepStrictEqual(codes(cyclic([{ id: 'm', depends_on: ['a'], tasks: [{ id: 'a' }] }]).diagnostics), [
        'dependency-cycle',
      ]);
    });

    it('checkpoints in a cycle', () => {
      const s = cyclic([
        { id: 'g1', depends_on: ['g2'] },
        { id: 'g2', depends_on: ['g1'] },
        { id: 'm', tasks: [{ id: 'a', depends_on: ['g1'] }] },
      ]);
      assert.deepStrictEqual(codes(s.diagnostics), ['dependency-cycle']);
      assert.deepStrictEqual((s.diagnostics[0]!.data!['cycle'] as string[]).slice().sort(), ['g1', 'g2']);
    });

    it('unknown ids in depends_on are left to the validator', () => {
      const s = cyclic([{ id: 'm', tasks: [{ id: 'a', depends_on: ['nope'] }] }]);
      assert.deepStrictEqual(codes(s.diagnostics), []);
      assert.strictEqual(s.items.length, 1);
    });
  });
});
