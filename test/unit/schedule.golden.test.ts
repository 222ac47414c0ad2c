/**
 * Golden schedules, every value checked by hand. Rows are `id LS LF ES EF slack [*]`
 * (see scheduleRows); `-` marks a field that is absent (done tasks, checkpoints).
 * 2026 reference: Jul 1 Wed, Aug 1 Sat, Sep 1 Tue, Oct 1 Thu, Dec 1 Tue.
 */
import * as assert from 'assert';
import { schedulePlan } from '../../src/core/schedule';
import { buildPlan, day, scheduleRows, type PlanSpec } from './helpers/planBuilder';

function rows(spec: PlanSpec, today: string): { rows: string[]; minSlack: number | null; codes: string[] } {
  const s = schedulePlan(buildPlan(spec), day(today));
  return { rows: scheduleRows(s), minSlack: s.minSlack, codes: s.diagnostics.map((d) => d.code) };
}

describe('schedule: golden schedules', () => {
  it('a 4-day week (mon-thu), goal due on a Friday', () => {
    // b: LF = prev(Fri 2 Oct) = Thu 1 Oct; 2 workdays -> LS Wed 30 Sep.
    // a: LF = prev(Tue 29 Sep) = Tue 29; 1w = 4 workdays: Tue 29, Mon 28, Thu 24, Wed 23 -> LS Wed 23 Sep.
    // Today Mon 21 Sep: a ES Mon 21, EF Thu 24 (Mon-Thu); b ES next(Fri 25) = Mon 28, EF Tue 29.
    // Slack a: Mon 21, Tue 22 = 2; b: Mon 28, Tue 29 = 2.
    const r = rows(
      {
        goal: { due: '2026-10-02' },
        calendar: { workdays: ['mon', 'tue', 'wed', 'thu'] },
        milestones: [
          {
            id: 'm',
            tasks: [
              { id: 'a', duration: '1w' },
              { id: 'b', duration: '2d', depends_on: ['a'] },
            ],
          },
        ],
      },
      '2026-09-21',
    );
    assert.deepStrictEqual(r.rows, [
      'a 2026-09-23 2026-09-29 2026-09-21 2026-09-24 2 *',
      'b 2026-09-30 2026-10-01 2026-09-28 2026-09-29 2 *',
    ]);
    assert.strictEqual(r.minSlack, 2);
  });

  it('a 6-day week (mon-sat), goal due on a Sunday', () => {
    // x: LF = prev(Sun 16 Aug) = Sat 15; 1w = 6 workdays: Sat 15 .. Mon 10 -> LS Mon 10 Aug.
    // y: LF = prev(Sun 9) = Sat 8; 2d: Sat 8, Fri 7 -> LS Fri 7 Aug.
    // Today Sat 1 Aug (a workday): y ES Sat 1, EF Mon 3; x ES Tue 4, EF (Tue 4 .. Sat 8, Mon 10) Mon 10.
    // Slack y: Sat 1, Mon 3, Tue 4, Wed 5, Thu 6 = 5; x: Tue 4 .. Sat 8 = 5.
    const r = rows(
      {
        goal: { due: '2026-08-16' },
        calendar: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
        milestones: [
          {
            id: 'm',
            tasks: [
              { id: 'y', duration: '2d' },
              { id: 'x', duration: '1w', depends_on: ['y'] },
            ],
          },
        ],
      },
      '2026-08-01',
    );
    assert.deepStrictEqual(r.rows, [
      'y 2026-08-07 2026-08-08 2026-08-01 2026-08-03 5 *',
      'x 2026-08-10 2026-08-15 2026-08-04 2026-08-10 5 *',
    ]);
  });

  it('holidays in a block and on weekends', () => {
    // Holidays Thu 24 Dec 2026 .. Fri 1 Jan 2027 (every weekday of the block), plus Sat 26 / Sun 27 (no effect).
    // launch: LF Mon 4 Jan; 3 workdays: Mon 4, then back over the block to Wed 23, Tue 22 Dec -> LS Tue 22 Dec.
    // prep: LF = prev(Mon 21 Dec) = Mon 21; 2d: Mon 21, Fri 18 -> LS Fri 18 Dec.
    // Today Thu 17 Dec: prep ES Thu 17, EF Fri 18; launch ES Mon 21, EF (Mon 21, Tue 22, Wed 23) Wed 23 Dec.
    // Slack prep: Thu 17 = 1; launch: Mon 21 = 1.
    const holidays = [
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ];
    const spec: PlanSpec = {
      goal: { due: '2027-01-04' },
      calendar: { holidays },
      milestones: [
        {
          id: 'm',
          tasks: [
            { id: 'prep', duration: '2d' },
            { id: 'launch', duration: '3d', depends_on: ['prep'] },
          ],
        },
      ],
    };
    const expected = [
      'prep 2026-12-18 2026-12-21 2026-12-17 2026-12-18 1 *',
      'launch 2026-12-22 2027-01-04 2026-12-21 2026-12-23 1 *',
    ];
    assert.deepStrictEqual(rows(spec, '2026-12-17').rows, expected);
    // The weekend holidays change nothing.
    const weekdaysOnly = {
      ...spec,
      calendar: { holidays: holidays.filter((h) => h !== '2026-12-26' && h !== '2026-12-27') },
    };
    assert.deepStrictEqual(rows(weekdaysOnly, '2026-12-17').rows, expected);
  });

  it('milestone and task dues bind before the goal', () => {
    // deploy: LF Wed 30 Sep (goal), LS Wed 30.
    // review: C = {goal 30 Sep, build due Fri 11 Sep, day before LS(deploy) 29 Sep} -> LF Fri 11, 2d -> LS Thu 10 Sep.
    // code: C = {goal, own due Fri 4 Sep, build due 11 Sep, Wed 9 Sep} -> LF Fri 4, 5d -> LS Mon 31 Aug.
    // Today Mon 24 Aug: code ES Mon 24, EF Fri 28; review ES Mon 31, EF Tue 1 Sep;
    // deploy depends on build = {code, review}: ES Wed 2 Sep, EF Wed 2.
    // Slack code: Mon 24..Fri 28 = 5; review: Mon 31 .. Wed 9 = 8; deploy: Sep 2..29 = 3+5+5+5+2 = 20.
    const r = rows(
      {
        goal: { due: '2026-09-30' },
        milestones: [
          {
            id: 'build',
            due: '2026-09-11',
            tasks: [
              { id: 'code', duration: '5d', due: '2026-09-04' },
              { id: 'review', duration: '2d', depends_on: ['code'] },
            ],
          },
          { id: 'ship', depends_on: ['build'], tasks: [{ id: 'deploy' }] },
        ],
      },
      '2026-08-24',
    );
    assert.deepStrictEqual(r.rows, [
      'code 2026-08-31 2026-09-04 2026-08-24 2026-08-28 5 *',
      'review 2026-09-10 2026-09-11 2026-08-31 2026-09-01 8',
      'deploy 2026-09-30 2026-09-30 2026-09-02 2026-09-02 20',
    ]);
    assert.strictEqual(r.minSlack, 5);
  });

  it('checkpoints chained to checkpoints, depending on milestones and depended on by tasks', () => {
    // gate3 (depends on t3): its day = prev(goal Fri 16 Oct) = Fri 16.
    // t3: C = {goal 16, gate3's day 16} -> LF = LS = Fri 16.   t2: LF Thu 15, 2d -> LS Wed 14.
    // gate2 (t2 depends on it): prev(Tue 13) = Tue 13.
    // gate1 (due Sat 10 Oct, gate2 depends on it): prev(min(Sat 10, goal, Tue 13)) = Fri 9.
    // t1 (gate1 depends on milestone a = {t1}): LF Fri 9, 3d -> LS Wed 7.
    // Today Mon 5 Oct: t1 ES Mon 5, EF Wed 7; gate1 and gate2 pass on Wed 7; t2 ES Thu 8, EF Fri 9;
    // t3 ES Mon 12, EF Mon 12. Slack t1: Mon 5, Tue 6 = 2; t2: Thu 8 .. Tue 13 = 4; t3: Mon 12 .. Thu 15 = 4.
    const r = rows(
      {
        goal: { due: '2026-10-16' },
        milestones: [
          { id: 'a', tasks: [{ id: 't1', duration: '3d' }] },
          { id: 'gate1', due: '2026-10-10', depends_on: ['a'] },
          { id: 'gate2', depends_on: ['gate1'] },
          {
            id: 'b',
            tasks: [
              { id: 't2', duration: '2d', depends_on: ['gate2'] },
              { id: 't3', depends_on: ['t2'] },
            ],
          },
          { id: 'gate3', depends_on: ['t3'], tasks: [] },
        ],
      },
      '2026-10-05',
    );
    assert.deepStrictEqual(r.rows, [
      't1 2026-10-07 2026-10-09 2026-10-05 2026-10-07 2 *',
      'gate1 2026-10-09 2026-10-09 - - -',
      'gate2 2026-10-13 2026-10-13 - - -',
      't2 2026-10-14 2026-10-15 2026-10-08 2026-10-09 4',
      't3 2026-10-16 2026-10-16 2026-10-12 2026-10-12 4',
      'gate3 2026-10-16 2026-10-16 - - -',
    ]);
  });

  it('a milestone depending on a checkpoint holds all its tasks back', () => {
    // gate: its day = prev(min(goal, day before LS of each task of m)).
    // m's tasks p (2d) and q (1d) end with the goal Fri 31 Jul: p LS Thu 30, q LS Fri 31.
    // gate = prev(Wed 29) = Wed 29. pre (gate depends on it): LF Wed 29, LS Wed 29.
    // Today Mon 27 Jul: pre ES Mon 27 EF Mon 27; gate passes Mon 27; p ES Tue 28, EF Wed 29; q ES Tue 28.
    // Slack pre: Mon 27, Tue 28 = 2; p: Tue 28, Wed 29 = 2; q: Tue 28 .. Thu 30 = 3.
    const r = rows(
      {
        goal: { due: '2026-07-31' },
        milestones: [
          { id: 'prep', tasks: [{ id: 'pre' }] },
          { id: 'gate', depends_on: ['pre'] },
          { id: 'm', depends_on: ['gate'], tasks: [{ id: 'p', duration: '2d' }, { id: 'q' }] },
        ],
      },
      '2026-07-27',
    );
    assert.deepStrictEqual(r.rows, [
      'pre 2026-07-29 2026-07-29 2026-07-27 2026-07-27 2 *',
      'gate 2026-07-29 2026-07-29 - - -',
      'p 2026-07-30 2026-07-31 2026-07-28 2026-07-29 2 *',
      'q 2026-07-31 2026-07-31 2026-07-28 2026-07-28 3',
    ]);
  });

  it('tasks depending on milestones, and done tasks (drawn, but constraining nothing)', () => {
    // u: LF Fri 31 Jul, 2d -> LS Thu 30.  m2 = {r, s} must finish by Wed 29 (every task of m3 depends on m2).
    // r: LF Wed 29, LS Wed 29.  s (done): LF Wed 29, 3d -> LS Mon 27.
    // p: dependents r (through m1: Tue 28) and s (Fri 24) -> LF Fri 24, 2d -> LS Thu 23.
    // q: dependent r (through m1: Tue 28) -> LF Tue 28, 3d -> LS Fri 24.
    // Today Wed 1 Jul: p ES Wed 1, EF Thu 2; q ES Wed 1, EF Fri 3; r after m1 = {p, q}: ES Mon 6, EF Mon 6;
    // s is done; u after m2 = {r}: ES Tue 7, EF Wed 8.
    // Slack p: Jul 1..22 = 3+5+5+3 = 16; q: Jul 1..23 = 17; r: Jul 6..28 = 5+5+5+2 = 17; u: Jul 7..29 = 4+5+5+3 = 17.
    const r = rows(
      {
        goal: { due: '2026-07-31' },
        milestones: [
          {
            id: 'm1',
            tasks: [
              { id: 'p', duration: '2d' },
              { id: 'q', duration: '3d' },
            ],
          },
          {
            id: 'm2',
            tasks: [
              { id: 'r', depends_on: ['m1'] },
              { id: 's', duration: '3d', depends_on: ['p'], status: 'done' },
            ],
          },
          { id: 'm3', depends_on: ['m2'], tasks: [{ id: 'u', duration: '2d' }] },
        ],
      },
      '2026-07-01',
    );
    assert.deepStrictEqual(r.rows, [
      'p 2026-07-23 2026-07-24 2026-07-01 2026-07-02 16 *',
      'q 2026-07-24 2026-07-28 2026-07-01 2026-07-03 17',
      'r 2026-07-29 2026-07-29 2026-07-06 2026-07-06 17',
      's 2026-07-27 2026-07-29 - - -',
      'u 2026-07-30 2026-07-31 2026-07-07 2026-07-08 17',
    ]);
    assert.strictEqual(r.minSlack, 16);
  });

  it('a task after a done task starts from today', () => {
    // a is done: b's ES is today's first workday, Mon 6 Jul (today is Sat 4 Jul).
    // b: LF Fri 10 Jul, LS Fri 10; a: LF Thu 9, 2d -> LS Wed 8. Slack b: Mon 6 .. Thu 9 = 4.
    const r = rows(
      {
        goal: { due: '2026-07-10' },
        milestones: [
          {
            id: 'm',
            tasks: [
              { id: 'a', duration: '2d', status: 'done' },
              { id: 'b', depends_on: ['a'] },
            ],
          },
        ],
      },
      '2026-07-04',
    );
    assert.deepStrictEqual(r.rows, [
      'a 2026-07-08 2026-07-09 - - -',
      'b 2026-07-10 2026-07-10 2026-07-06 2026-07-06 4 *',
    ]);
  });

  it('every task done: minSlack null, nothing critical', () => {
    const r = rows(
      { goal: { due: '2026-07-10' }, milestones: [{ id: 'm', tasks: [{ id: 'a', status: 'done' }] }, { id: 'end' }] },
      '2026-07-01',
    );
    assert.deepStrictEqual(r.rows, ['a 2026-07-10 2026-07-10 - - -', 'end 2026-07-10 2026-07-10 - - -']);
    assert.strictEqual(r.minSlack, null);
  });

  describe('start and not_before', () => {
    const spec = (start: string, notBefore: string): PlanSpec => ({
      goal: { due: '2026-07-17' },
      start,
      milestones: [
        {
          id: 'm',
          tasks: [
            { id: 'a', duration: '1w' },
            { id: 'b', duration: '3d', depends_on: ['a'], not_before: notBefore },
          ],
        },
      ],
    });

    it('bound ES without making the plan late', () => {
      // b: LF Fri 17, 3d -> LS Wed 15.  a: LF Tue 14, 5d -> LS Wed 8.
      // Today Wed 1 Jul but start Mon 6: a ES Mon 6, EF Fri 10; b ES max(Mon 6, not_before Tue 14, Sat 11) = Tue 14, EF Thu 16.
      // Slack a: Mon 6, Tue 7 = 2; b: Tue 14 = 1.
      const r = rows(spec('2026-07-06', '2026-07-14'), '2026-07-01');
      assert.deepStrictEqual(r.rows, [
        'a 2026-07-08 2026-07-14 2026-07-06 2026-07-10 2',
        'b 2026-07-15 2026-07-17 2026-07-14 2026-07-16 1 *',
      ]);
      assert.deepStrictEqual(r.codes, []);
    });

    it('a late not_before gives negative slack and start-too-late', () => {
      // b cannot start before Fri 17 but must start by Wed 15: 2 workdays short (Wed 15, Thu 16).
      // b ES Fri 17, EF Tue 21; slack -(Wed 15, Thu 16) = -2. a keeps slack 2.
      const r = rows(spec('2026-07-06', '2026-07-17'), '2026-07-01');
      assert.deepStrictEqual(r.rows, [
        'a 2026-07-08 2026-07-14 2026-07-06 2026-07-10 2',
        'b 2026-07-15 2026-07-17 2026-07-17 2026-07-21 -2 *',
      ]);
      assert.strictEqual(r.minSlack, -2);
      assert.deepStrictEqual(r.codes.sort(), ['goal-infeasible', 'start-too-late']);
    });

    it('a late start makes every task late', () => {
      // start Mon 13: a ES Mon 13, EF Fri 17, slack -(Wed 8, Thu 9, Fri 10) = -3;
      // b ES max(Mon 13, Tue 14, Sat 18) -> Mon 20, EF Wed 22, slack -(Wed 15, Thu 16, Fri 17) = -3.
      const r = rows(spec('2026-07-13', '2026-07-14'), '2026-07-01');
      assert.deepStrictEqual(r.rows, [
        'a 2026-07-08 2026-07-14 2026-07-13 2026-07-17 -3 *',
        'b 2026-07-15 2026-07-17 2026-07-20 2026-07-22 -3 *',
      ]);
      assert.deepStrictEqual(r.codes.sort(), ['goal-infeasible', 'start-too-late']);
    });
  });

  it('redundant dependencies (a task and its milestone both depending on X) are accepted', () => {
    const plain: PlanSpec = {
      goal: { due: '2026-07-31' },
      milestones: [
        { id: 'a', tasks: [{ id: 'x', duration: '2d' }] },
        { id: 'b', depends_on: ['x'], tasks: [{ id: 'y' }] },
      ],
    };
    const redundant: PlanSpec = {
      goal: { due: '2026-07-31' },
      milestones: [
        { id: 'a', tasks: [{ id: 'x', duration: '2d' }] },
        { id: 'b', depends_on: ['x', 'a'], tasks: [{ id: 'y', depends_on: ['x', 'a', 'x'] }] },
      ],
    };
    assert.deepStrictEqual(rows(redundant, '2026-07-01'), rows(plain, '2026-07-01'));
  });
});
