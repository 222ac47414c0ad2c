/** docs/format.md's worked example and its worked answer, to the day, and its JSON schedule. */
import * as assert from 'assert';
import { schedulePlan, toScheduleJson, criticalPath } from '../../src/core/schedule';
import { buildPlan, day, MFA_SPEC, scheduleRows, spanOfValue } from './helpers/planBuilder';

describe('schedule: docs/format.md worked example', () => {
  const plan = buildPlan(MFA_SPEC);

  it('matches the worked answer to the day (today 2026-07-01)', () => {
    const s = schedulePlan(plan, day('2026-07-01'));
    // Backward: enroll-all LF Wed 30 Sep, LS Wed 16 Sep (10 workdays, skipping the 21st);
    // comms LF Tue 15, LS Mon 14; enroll-it LF Fri 14 Aug (pilot's due), LS Mon 10 Aug;
    // pick-method LF Fri 7 Aug, LS Wed 5 Aug; licensing (done) LF Tue 4, LS Mon 3 Aug.
    // Forward: pick-method Wed 1 - Fri 3 Jul, slack 25; enroll-it Mon 6 - Fri 10 Jul, slack 25;
    // comms ES Mon 13 Jul, slack 44; enroll-all Wed 15 - Tue 28 Jul, slack 44.
    assert.deepStrictEqual(scheduleRows(s), [
      'licensing 2026-08-03 2026-08-04 - - -',
      'pick-method 2026-08-05 2026-08-07 2026-07-01 2026-07-03 25 *',
      'enroll-it 2026-08-10 2026-08-14 2026-07-06 2026-07-10 25 *',
      'comms 2026-09-14 2026-09-15 2026-07-13 2026-07-14 44',
      'enroll-all 2026-09-16 2026-09-30 2026-07-15 2026-07-28 44',
    ]);
    assert.strictEqual(s.minSlack, 25);
    assert.deepStrictEqual(criticalPath(s), ['pick-method', 'enroll-it']);
    assert.deepStrictEqual(s.diagnostics, []);
    assert.deepStrictEqual([...s.byId.keys()], ['licensing', 'pick-method', 'enroll-it', 'comms', 'enroll-all']);
    assert.strictEqual(s.byId.get('comms')!.task, plan.tasks[3]);
  });

  it('prints exactly the machine-readable schedule', () => {
    const json = JSON.stringify(toScheduleJson(schedulePlan(plan, day('2026-07-01'))));
    assert.strictEqual(
      json,
      '{"today":"2026-07-01","minSlack":25,"items":[' +
        '{"id":"licensing","kind":"task","milestone":"design","start":"2026-08-03","finish":"2026-08-04"},' +
        '{"id":"pick-method","kind":"task","milestone":"design","start":"2026-08-05","finish":"2026-08-07","earliestStart":"2026-07-01","earliestFinish":"2026-07-03","slack":25,"critical":true},' +
        '{"id":"enroll-it","kind":"task","milestone":"pilot","start":"2026-08-10","finish":"2026-08-14","earliestStart":"2026-07-06","earliestFinish":"2026-07-10","slack":25,"critical":true},' +
        '{"id":"comms","kind":"task","milestone":"rollout","start":"2026-09-14","finish":"2026-09-15","earliestStart":"2026-07-13","earliestFinish":"2026-07-14","slack":44,"critical":false},' +
        '{"id":"enroll-all","kind":"task","milestone":"rollout","start":"2026-09-16","finish":"2026-09-30","earliestStart":"2026-07-15","earliestFinish":"2026-07-28","slack":44,"critical":false}]}',
    );
  });

  it('gives checkpoints their own id as milestone and no earliest dates in JSON; minSlack null when all done', () => {
    const done = buildPlan({
      goal: { due: '2026-07-10' },
      milestones: [
        { id: 'm', tasks: [{ id: 'a', status: 'done' }] },
        { id: 'gate', depends_on: ['m'] },
      ],
    });
    assert.deepStrictEqual(toScheduleJson(schedulePlan(done, day('2026-07-01'))), {
      today: '2026-07-01',
      minSlack: null,
      items: [
        { id: 'a', kind: 'task', milestone: 'm', start: '2026-07-10', finish: '2026-07-10' },
        { id: 'gate', kind: 'checkpoint', milestone: 'gate', start: '2026-07-10', finish: '2026-07-10' },
      ],
    });
  });

  it('on Wed 12 Aug: pick-method overdue and escalated, enroll-it a late start, the goal 5 workdays short', () => {
    const s = schedulePlan(plan, day('2026-08-12'));
    // Forward from Wed 12 Aug: pick-method Wed 12 - Fri 14, slack -(Wed 5, Thu 6, Fri 7, Mon 10, Tue 11) = -5;
    // enroll-it Mon 17 - Fri 21, slack -(Mon 10 .. Fri 14) = -5; comms Mon 24 Aug, LS Mon 14 Sep:
    // 5 + 5 + 4 (Mon 7 Sep is a holiday) = 14; enroll-all Wed 26 Aug - Wed 9 Sep, LS Wed 16 Sep: 3+5+4+2 = 14.
    assert.deepStrictEqual(scheduleRows(s), [
      'licensing 2026-08-03 2026-08-04 - - -',
      'pick-method 2026-08-05 2026-08-07 2026-08-12 2026-08-14 -5 *',
      'enroll-it 2026-08-10 2026-08-14 2026-08-17 2026-08-21 -5 *',
      'comms 2026-09-14 2026-09-15 2026-08-24 2026-08-25 14',
      'enroll-all 2026-09-16 2026-09-30 2026-08-26 2026-09-09 14',
    ]);
    const byCode = (code: string) => s.diagnostics.filter((d) => d.code === code);

    const [infeasible, ...more] = byCode('goal-infeasible');
    assert.strictEqual(more.length, 0);
    assert.strictEqual(
      infeasible!.message,
      'The goal cannot be met as planned: 5 workdays short; critical path: pick-method → enroll-it.',
    );
    assert.deepStrictEqual(infeasible!.span, spanOfValue(plan.goal.node, 'due'));
    assert.deepStrictEqual(infeasible!.data, { short: 5, minSlack: -5, criticalPath: ['pick-method', 'enroll-it'] });

    // pick-method: LF Fri 7 Aug < Wed 12: overdue by Mon 10, Tue 11, Wed 12 = 3 > escalate_after 2d.
    // (It is also past its LS, but overdue wins: one diagnostic per task.)
    const overdue = byCode('task-overdue');
    assert.strictEqual(overdue.length, 1);
    assert.strictEqual(
      overdue[0]!.message,
      'pick-method is overdue: it had to finish by Fri 7 Aug 2026 (3 workdays late); escalated to Dana Whitfield (dana).',
    );
    assert.strictEqual(overdue[0]!.severity, 'warning');
    assert.deepStrictEqual(overdue[0]!.span, plan.tasks[1]!.idSpan);
    assert.deepStrictEqual(overdue[0]!.data, {
      taskId: 'pick-method',
      latestFinish: '2026-08-07',
      daysLate: 3,
      escalate: true,
      escalateTo: 'dana',
      tier: 1,
      tiers: 1,
    });

    // enroll-it: LS Mon 10 Aug < Wed 12: late start by Tue 11, Wed 12 = 2, not more than 2: no escalation.
    const late = byCode('late-start');
    assert.strictEqual(late.length, 1);
    assert.strictEqual(
      late[0]!.message,
      'enroll-it has not started: it had to start by Mon 10 Aug 2026 (2 workdays late).',
    );
    assert.strictEqual(late[0]!.severity, 'information');
    assert.deepStrictEqual(late[0]!.data, {
      taskId: 'enroll-it',
      latestStart: '2026-08-10',
      daysLate: 2,
      escalate: false,
    });

    // Check-ins every 1w: pick-method from max(LS Wed 5 Aug, done follow-up Mon 6 Jul) -> due Wed 12 Aug (today, not
    // yet overdue); enroll-it from Mon 10 Aug -> due Mon 17 Aug. The done follow-up is not overdue.
    assert.deepStrictEqual(byCode('check-in-overdue'), []);
    assert.deepStrictEqual(byCode('follow-up-overdue'), []);
    assert.strictEqual(s.diagnostics.length, 3);
  });

  it('on Thu 20 Aug: the check-in on Lee is overdue; Dana, who checks in, has none on her own task', () => {
    const s = schedulePlan(plan, day('2026-08-20'));
    const checkIns = s.diagnostics.filter((d) => d.code === 'check-in-overdue');
    // enroll-it's was due Mon 17 Aug: Tue 18, Wed 19, Thu 20 = 3 workdays late, escalated (3 > 2).
    // pick-method is Dana's, and Dana is who checks in (escalate_to): nobody checks on herself.
    assert.deepStrictEqual(
      checkIns.map((d) => [d.message, d.severity, d.data]),
      [
        [
          'A check-in on enroll-it (every 1w, by dana) was due Mon 17 Aug 2026 (3 workdays late); escalated to Dana Whitfield (dana).',
          'warning',
          {
            taskId: 'enroll-it',
            on: '2026-08-17',
            with: 'dana',
            daysLate: 3,
            escalate: true,
            escalateTo: 'dana',
            tier: 1,
            tiers: 1,
          },
        ],
      ],
    );
    assert.ok(!s.diagnostics.some((d) => d.data?.['taskId'] === 'pick-method' && d.code === 'check-in-overdue'));
  });
});
