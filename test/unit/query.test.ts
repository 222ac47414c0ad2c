/** Core queries behind the sidebar and the CLI: task state, who "me" is, my tasks, follow-ups. */
import * as assert from 'assert';
import { formatDay } from '../../src/core/day';
import { followUps, resolveMe, taskState, tasksFor, type PlanFile } from '../../src/core/query';
import { schedulePlan } from '../../src/core/schedule';
import { buildPlan, day, MFA_SPEC, type PlanSpec } from './helpers/planBuilder';

function planFile(file: string, spec: PlanSpec, today: string): PlanFile {
  const plan = buildPlan(spec);
  return { file, plan, schedule: schedulePlan(plan, day(today)) };
}

/** A second plan: one task for lee, overdue by a lot, and one for dana. Goal Fri 31 Jul 2026. */
const OTHER: PlanSpec = {
  title: 'Laptop refresh',
  goal: { due: '2026-07-31', owner: 'dana' },
  people: {
    dana: { name: 'Dana Whitfield', email: 'Dana@Example.com' },
    lee: { name: 'Lee Chen', email: 'lee@example.com' },
  },
  policy: { escalate_after: '1w' },
  milestones: [
    {
      id: 'm',
      tasks: [
        // order: LF = LS = Fri 31 Jul; image: LF Fri 10 Jul (its due), LS Thu 9 Jul.
        {
          id: 'order',
          owner: 'lee',
          duration: '1d',
          status: 'doing',
          follow_ups: [{ on: '2026-07-20', with: 'dana', about: 'PO signed?' }],
        },
        { id: 'image', owner: 'dana', duration: '2d', due: '2026-07-10' },
      ],
    },
  ],
};

describe('query', () => {
  describe('resolveMe', () => {
    const plan = buildPlan(MFA_SPEC);
    it('matches ids exactly and emails ignoring case, in people order', () => {
      assert.deepStrictEqual(resolveMe(plan, ['DANA@EXAMPLE.COM']), ['dana']);
      assert.deepStrictEqual(resolveMe(plan, ['lee', 'ravi@MSP.example']), ['ravi', 'lee']);
      assert.deepStrictEqual(resolveMe(plan, ['Lee']), []);
      assert.deepStrictEqual(resolveMe(plan, [' lee ', '']), ['lee']);
      assert.deepStrictEqual(resolveMe(plan, []), []);
    });
    it('treats __proto__ as an ordinary id', () => {
      const odd = buildPlan({
        goal: { due: '2026-07-31' },
        people: JSON.parse('{"__proto__": {"name": "Proto"}, "toString": {"name": "T"}}'),
        milestones: [{ id: 'm', tasks: [{ id: 'a', owner: '__proto__' }] }],
      });
      assert.deepStrictEqual(resolveMe(odd, ['__proto__', 'constructor', 'toString']), ['__proto__', 'toString']);
      assert.strictEqual(odd.people.get('__proto__')!.name, 'Proto');
    });
  });

  describe('taskState', () => {
    it('done, open, late start and overdue, with escalation', () => {
      const pf = planFile('mfa.workback.yaml', MFA_SPEC, '2026-08-12');
      const t = (id: string) => pf.plan.tasks.find((x) => x.id === id)!;
      const today = day('2026-08-12');
      const strip = (s: ReturnType<typeof taskState>) =>
        s && { state: s.state, daysLate: s.daysLate, escalate: s.escalate, escalateTo: s.escalateTo, id: s.item.id };
      assert.deepStrictEqual(strip(taskState(pf, t('licensing'), today)), {
        state: 'done',
        daysLate: 0,
        escalate: false,
        escalateTo: undefined,
        id: 'licensing',
      });
      // pick-method: LF Fri 7 Aug; Mon 10, Tue 11, Wed 12 = 3 > 2d.
      assert.deepStrictEqual(strip(taskState(pf, t('pick-method'), today)), {
        state: 'overdue',
        daysLate: 3,
        escalate: true,
        escalateTo: 'dana',
        id: 'pick-method',
      });
      // enroll-it: LS Mon 10 Aug; Tue 11, Wed 12 = 2, not more than 2.
      assert.deepStrictEqual(strip(taskState(pf, t('enroll-it'), today)), {
        state: 'late-start',
        daysLate: 2,
        escalate: false,
        escalateTo: undefined,
        id: 'enroll-it',
      });
      assert.deepStrictEqual(strip(taskState(pf, t('comms'), today)), {
        state: 'open',
        daysLate: 0,
        escalate: false,
        escalateTo: undefined,
        id: 'comms',
      });
    });

    it('undefined when the plan could not be scheduled', () => {
      const pf = planFile(
        'cyclic',
        { goal: { due: '2026-07-31' }, milestones: [{ id: 'm', tasks: [{ id: 'a', depends_on: ['a'] }] }] },
        '2026-07-01',
      );
      assert.strictEqual(taskState(pf, pf.plan.tasks[0]!, day('2026-07-01')), undefined);
    });
  });

  describe('tasksFor', () => {
    it('my open tasks across plans, most urgent first', () => {
      const today = '2026-08-12';
      const files = [
        planFile('b/mfa.workback.yaml', MFA_SPEC, today),
        planFile('a/laptops.workback.yaml', OTHER, today),
      ];
      const mine = tasksFor(files, ['lee@example.com', 'lee'], day(today));
      // laptops/order: doing, LF Fri 31 Jul < Wed 12 Aug: overdue by Aug 3-7, 10-12 = 8 workdays (> 1w: escalate to dana).
      // mfa/enroll-it: late start by 2. mfa/enroll-all: open, LS Wed 16 Sep.
      assert.deepStrictEqual(
        mine.map((m) => [m.file, m.planTitle, m.task.id, m.state, m.daysLate, m.escalate, m.escalateTo]),
        [
          ['a/laptops.workback.yaml', 'Laptop refresh', 'order', 'overdue', 8, true, 'dana'],
          ['b/mfa.workback.yaml', 'MFA for every staff account', 'enroll-it', 'late-start', 2, false, undefined],
          ['b/mfa.workback.yaml', 'MFA for every staff account', 'enroll-all', 'open', 0, false, undefined],
        ],
      );
      assert.strictEqual(mine[0]!.item.id, 'order');
    });

    it('ranks overdue by days late, then open tasks by latest start, then by file and file order', () => {
      const today = '2026-08-12';
      const files = [
        planFile('b/mfa.workback.yaml', MFA_SPEC, today),
        planFile('a/laptops.workback.yaml', OTHER, today),
      ];
      // dana: laptops/image (LF Fri 10 Jul: overdue 23 workdays: Jul 13-31 = 15, Aug 3-12 = 8),
      // mfa/pick-method (overdue 3), mfa/comms (open). licensing is ravi's and done.
      const mine = tasksFor(files, ['dana@example.com'], day(today));
      assert.deepStrictEqual(
        mine.map((m) => [m.task.id, m.state, m.daysLate]),
        [
          ['image', 'overdue', 23],
          ['pick-method', 'overdue', 3],
          ['comms', 'open', 0],
        ],
      );
      // Same latest start in two files: by file name.
      const twin = {
        ...OTHER,
        milestones: [
          {
            id: 'm',
            tasks: [
              { id: 'x', owner: 'lee' },
              { id: 'y', owner: 'lee' },
            ],
          },
        ],
      };
      const t = tasksFor(
        [planFile('z.yaml', twin, '2026-07-01'), planFile('y.yaml', twin, '2026-07-01')],
        ['lee'],
        day('2026-07-01'),
      );
      assert.deepStrictEqual(
        t.map((m) => `${m.file}:${m.task.id}`),
        ['y.yaml:x', 'y.yaml:y', 'z.yaml:x', 'z.yaml:y'],
      );
    });

    it('nobody matching: nothing', () => {
      assert.deepStrictEqual(
        tasksFor([planFile('mfa', MFA_SPEC, '2026-07-01')], ['nobody@example.com'], day('2026-07-01')),
        [],
      );
    });
  });

  describe('followUps', () => {
    const rows = (entries: ReturnType<typeof followUps>) =>
      entries.map((e) => [
        e.task.id,
        e.kind,
        formatDay(e.on),
        e.with,
        e.overdue,
        e.daysLate,
        e.escalate,
        e.escalateTo,
        e.index,
        e.done,
      ]);

    it('check-ins due by policy.check_in_every, upcoming by date', () => {
      // Wed 12 Aug: enroll-it's is due Mon 17 Aug (from LS Mon 10 Aug), held by escalate_to (dana).
      // pick-method (LS Wed 5 Aug) is Dana's own: nobody checks on her, so it has no check-in.
      const pf = planFile('mfa', MFA_SPEC, '2026-08-12');
      assert.deepStrictEqual(rows(followUps([pf], day('2026-08-12'))), [
        ['enroll-it', 'check-in', '2026-08-17', 'dana', false, 0, false, undefined, undefined, false],
      ]);
    });

    it('overdue first, most days late first; overdueOnly', () => {
      // Thu 20 Aug: enroll-it's check-in (Mon 17) is 3 late, > 2d (pick-method is Dana's: no check-in).
      const pf = planFile('mfa', MFA_SPEC, '2026-08-20');
      const expected = [['enroll-it', 'check-in', '2026-08-17', 'dana', true, 3, true, 'dana', undefined, false]];
      assert.deepStrictEqual(rows(followUps([pf], day('2026-08-20'))), expected);
      assert.deepStrictEqual(rows(followUps([pf], day('2026-08-20'), { overdueOnly: true })), expected);
      assert.deepStrictEqual(rows(followUps([pf], day('2026-08-11'), { overdueOnly: true })), []);
    });

    it('done follow-ups only on request, with their index', () => {
      const pf = planFile('mfa', MFA_SPEC, '2026-07-01');
      assert.deepStrictEqual(rows(followUps([pf], day('2026-07-01'))), []);
      const all = followUps([pf], day('2026-07-01'), { includeDone: true });
      assert.deepStrictEqual(rows(all), [
        ['pick-method', 'follow-up', '2026-07-06', 'ravi', false, 0, false, undefined, 0, true],
      ]);
      assert.strictEqual(all[0]!.about, 'Licences ordered?');
    });

    it('with me: follow-ups on tasks I own or where I am `with`', () => {
      // Laptops on Wed 22 Jul: order's follow-up (Mon 20 Jul, with dana, not done) is 2 workdays late (Tue 21, Wed 22).
      const today = '2026-07-22';
      const files = [planFile('mfa', MFA_SPEC, today), planFile('laptops', OTHER, today)];
      const overdue = ['order', 'follow-up', '2026-07-20', 'dana', true, 2, false, undefined, 0, false];
      assert.deepStrictEqual(rows(followUps(files, day(today), { me: ['lee'] })), [overdue]); // lee owns order
      assert.deepStrictEqual(rows(followUps(files, day(today), { me: ['DANA@example.com'] })), [overdue]); // dana is `with`
      assert.deepStrictEqual(rows(followUps(files, day(today), { me: ['ravi'] })), []);
      assert.strictEqual(followUps(files, day(today), { me: ['lee'] })[0]!.about, 'PO signed?');
    });

    it('across files: overdue by days late, then upcoming by date, then file', () => {
      const today = '2026-08-20';
      const files = [planFile('mfa', MFA_SPEC, today), planFile('laptops', OTHER, today)];
      // laptops/order's follow-up (Mon 20 Jul): Jul 21-24 (4), 27-31 (5), Aug 3-7 (5), 10-14 (5), 17-20 (4) = 23 late, > 1w.
      const r = rows(followUps(files, day(today)));
      assert.deepStrictEqual(
        r.map((x) => [x[0], x[5], x[6]]),
        [
          ['order', 23, true],
          ['enroll-it', 3, true],
        ],
      );
    });
  });
});
