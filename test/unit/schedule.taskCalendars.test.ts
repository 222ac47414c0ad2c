/**
 * Each task's own calendar (holiday ranges, freezes, leave), remaining work and capacity: the
 * boundaries issue 17 names, each checked by hand, and the calendar arithmetic against a brute force.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { checkPlan } from '../../src/core';
import { formatDay, MAX_DAY, MIN_DAY } from '../../src/core/day';
import { daysOf, mergeRanges } from '../../src/core/dayRanges';
import type { RawDiagnostic } from '../../src/core/diagnostic';
import { schedulePlan } from '../../src/core/schedule';
import { lessDays, makeCalendar } from '../../src/core/schedule/calendar';
import { companionsOf, overbookedRuns, type Booking } from '../../src/core/schedule/capacity';
import { buildPlan, day, scheduleRows, type PlanSpec } from './helpers/planBuilder';

const MON_FRI = [0, 1, 2, 3, 4];
const iso = (d: number | undefined): string | undefined => (d === undefined ? undefined : formatDay(d));
const of = (ds: RawDiagnostic[], code: string): RawDiagnostic[] => ds.filter((d) => d.code === code);

/** Tasks by omar and lee ending with the goal, Fri 25 Sep 2026. */
function plan(extra: Partial<PlanSpec>, tasks: PlanSpec['milestones'][number]['tasks']): PlanSpec {
  return {
    goal: { due: '2026-09-25', owner: 'dana' },
    people: { dana: { name: 'Dana Whitfield' }, omar: { name: 'Omar Haddad' }, lee: { name: 'Lee Chen' } },
    milestones: [{ id: 'm', tasks }],
    ...extra,
  };
}

describe('schedule: each task its own calendar', () => {
  describe('a calendar less ranges of days answers as the calendar with those days as holidays', () => {
    const arbRange = fc
      .tuple(fc.integer({ min: -60, max: 400 }), fc.integer({ min: 0, max: 40 }))
      .map(([a, len]) => ({ from: day('2026-01-01') + a, to: day('2026-01-01') + a + len }));
    it('every question, on days around the ranges and at both ends of 1970-2199', () => {
      fc.assert(
        fc.property(
          fc.array(arbRange, { maxLength: 12 }),
          fc.array(fc.integer({ min: -90, max: 500 }), { minLength: 1, maxLength: 20 }),
          fc.integer({ min: -30, max: 30 }),
          (ranges, offsets, n) => {
            const holidays = [day('2026-03-02'), day('2026-05-01')];
            const base = makeCalendar(MON_FRI, holidays);
            const ours = lessDays(base, mergeRanges(ranges));
            const brute = makeCalendar(MON_FRI, [...holidays, ...daysOf(ranges)]);
            assert.strictEqual(ours.workdayCount, brute.workdayCount);
            const days = [...offsets.map((o) => day('2026-01-01') + o), MIN_DAY, MAX_DAY, MIN_DAY - 1, MAX_DAY + 1];
            for (const d of days) {
              assert.strictEqual(ours.isWorkday(d), brute.isWorkday(d), `isWorkday ${d}`);
              assert.strictEqual(ours.prevWorkday(d), brute.prevWorkday(d), `prev ${d}`);
              assert.strictEqual(ours.nextWorkday(d), brute.nextWorkday(d), `next ${d}`);
              assert.strictEqual(ours.addWorkdays(d, n), brute.addWorkdays(d, n), `add ${d} ${n}`);
              for (const e of days) assert.strictEqual(ours.signedWorkdays(d, e), brute.signedWorkdays(d, e));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('holiday ranges', () => {
    it('a range over a year end: every day from `from` to `to`, both included', () => {
      const r = checkPlan(
        'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-08, owner: a }\n' +
          'calendar:\n  holidays:\n    - 2026-10-12\n    - { from: 2026-12-24, to: 2027-01-01, name: Year-end shutdown }\n' +
          'people:\n  a: { name: A }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: t, title: T, owner: a, duration: 6d }\n',
        { today: day('2026-12-01') },
      );
      assert.deepStrictEqual(r.diagnostics, []);
      // Fri 8 Jan back 6 workdays: 8, 7, 6, 5, 4 Jan, then over the shutdown (24 Dec - 1 Jan) to Wed 23 Dec
      const t = r.schedule!.byId.get('t')!;
      assert.deepStrictEqual([iso(t.start), iso(t.finish)], ['2026-12-23', '2027-01-08']);
    });

    it('a range that ends before it starts is an error on its `to`, and is left out', () => {
      const text =
        'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-08, owner: a }\n' +
        'calendar:\n  holidays:\n    - { from: 2026-12-24, to: 2026-01-02 }\n' +
        'people:\n  a:\n    name: A\n    away: [{ from: 2026-08-21, to: 2026-08-10 }]\nmilestones:\n  - { id: m, title: M }\n';
      const ds = checkPlan(text).diagnostics;
      assert.deepStrictEqual(
        ds.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.message]),
        [
          [
            'range-reversed',
            '2026-01-02',
            'This holiday ends on 2026-01-02, before it starts on 2026-12-24: `to` must not be before `from`.',
          ],
          [
            'range-reversed',
            '2026-08-10',
            'This leave of a ends on 2026-08-10, before it starts on 2026-08-21: `to` must not be before `from`.',
          ],
        ],
      );
    });

    it('a bad form names both kinds of value it takes', () => {
      const text =
        'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-08, owner: a }\n' +
        'calendar:\n  holidays: [2026-12-24T10:00, christmas, { from: 2026-12-24 }]\n' +
        'people:\n  a: { name: A }\nmilestones:\n  - { id: m, title: M }\n';
      assert.deepStrictEqual(
        checkPlan(text).diagnostics.map((d) => d.message),
        [
          '"holidays" must be a calendar date YYYY-MM-DD without a time; got "2026-12-24T10:00".',
          '"holidays" must be a date YYYY-MM-DD (e.g. 2026-12-24) or a range { from: 2026-12-24, to: 2026-12-31 }; got "christmas".',
          'Missing required key "to" in holidays.',
        ],
      );
    });
  });

  describe('freezes and leave', () => {
    it("a freeze starting on a task's latest finish moves it to the workday before; untagged work keeps its days", () => {
      const spec = plan({ calendar: { freezes: [{ from: '2026-09-25', to: '2026-09-30', tags: ['change'] }] } }, [
        { id: 'push', owner: 'omar', duration: '3d', tags: ['change'] },
        { id: 'docs', owner: 'lee', duration: '3d' },
      ]);
      const s = schedulePlan(buildPlan(spec), day('2026-09-01'));
      assert.deepStrictEqual(scheduleRows(s), [
        'push 2026-09-22 2026-09-24 2026-09-01 2026-09-03 15 *',
        'docs 2026-09-23 2026-09-25 2026-09-01 2026-09-03 16',
      ]);
    });

    it('a freeze without tags applies to every task, and not to checkpoints', () => {
      const spec: PlanSpec = {
        ...plan({ calendar: { freezes: [{ from: '2026-09-21', to: '2026-09-25' }] } }, [
          { id: 't', owner: 'lee', duration: '2d' },
        ]),
      };
      spec.milestones.push({ id: 'live', due: '2026-09-25', depends_on: ['m'] });
      const s = schedulePlan(buildPlan(spec), day('2026-09-01'));
      // the checkpoint keeps Fri 25 Sep; t must finish before it, outside the freeze: Thu 17 - Fri 18
      assert.deepStrictEqual(scheduleRows(s), [
        't 2026-09-17 2026-09-18 2026-09-01 2026-09-02 12 *',
        'live 2026-09-25 2026-09-25 - - -',
      ]);
    });

    it('leave over a hard date: the task finishes before the leave, and its slack counts its own workdays', () => {
      const spec = plan({ people: { dana: {}, omar: { away: [{ from: '2026-09-21', to: '2026-10-02' }] } } }, [
        { id: 't', owner: 'omar', duration: '5d', due: '2026-09-23' },
      ]);
      const s = schedulePlan(buildPlan(spec), day('2026-09-08'));
      // due Wed 23 is in the leave (21 Sep - 2 Oct): LF Fri 18, LS Mon 14; from Tue 8: 4 workdays of slack
      assert.deepStrictEqual(scheduleRows(s), ['t 2026-09-14 2026-09-18 2026-09-08 2026-09-14 4 *']);
    });

    it('start-too-late counts what is short in the workdays of the task, as its slack does', () => {
      const spec = plan(
        {
          goal: { due: '2026-11-06', owner: 'dana' },
          people: { dana: {}, omar: { away: [{ from: '2026-10-26', to: '2026-10-30' }] } },
        },
        [{ id: 't', owner: 'omar', duration: '10d', not_before: '2026-11-02' }],
      );
      const ds = schedulePlan(buildPlan(spec), day('2026-10-01')).diagnostics;
      assert.match(of(ds, 'start-too-late')[0]!.message, /: 5 workdays short\.$/);
      assert.match(of(ds, 'goal-infeasible')[0]!.message, /5 workdays short/);
    });

    it('durations skip the leave in the forward pass too', () => {
      const spec = plan({ people: { dana: {}, omar: { away: ['2026-09-09', '2026-09-10'] } } }, [
        { id: 't', owner: 'omar', duration: '3d' },
      ]);
      const s = schedulePlan(buildPlan(spec), day('2026-09-08'));
      // from Tue 8: Tue 8, (away Wed 9, Thu 10), Fri 11, Mon 14
      assert.strictEqual(iso(s.byId.get('t')!.earliestFinish), '2026-09-14');
    });
  });

  describe('remaining work', () => {
    it('a task in progress starts today and lasts what remains, whatever it waits for', () => {
      const spec = plan({}, [
        { id: 'a', owner: 'lee', duration: '5d' },
        { id: 'b', owner: 'omar', duration: '10d', status: 'doing', remaining: '2d', depends_on: ['a'] },
      ]);
      const s = schedulePlan(buildPlan(spec), day('2026-09-15'));
      const b = s.byId.get('b')!;
      // today Tue 15: Tue 15 - Wed 16; LF Fri 25: slack counted at the finish, 7 workdays
      assert.deepStrictEqual([iso(b.earliestStart), iso(b.earliestFinish), b.slack], ['2026-09-15', '2026-09-16', 7]);
    });

    it('remaining: 1d finishes the day it starts; on a Saturday it starts on Monday', () => {
      const spec = plan({}, [{ id: 'b', owner: 'omar', duration: '10d', status: 'doing', remaining: '1d' }]);
      const s = schedulePlan(buildPlan(spec), day('2026-09-12'));
      const b = s.byId.get('b')!;
      assert.deepStrictEqual([iso(b.earliestStart), iso(b.earliestFinish)], ['2026-09-14', '2026-09-14']);
    });

    it('without remaining, a task in progress is planned as before', () => {
      const spec = plan({}, [{ id: 'b', owner: 'omar', duration: '3d', status: 'doing' }]);
      const b = schedulePlan(buildPlan(spec), day('2026-09-15')).byId.get('b')!;
      assert.deepStrictEqual([iso(b.earliestStart), iso(b.earliestFinish)], ['2026-09-15', '2026-09-17']);
    });

    it('remaining on a task that is not doing is a warning on the key', () => {
      const text =
        'workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2027-01-08, owner: a }\n' +
        'people:\n  a: { name: A }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: t, title: T, owner: a, duration: 5d, remaining: 2d }\n';
      const ds = checkPlan(text).diagnostics;
      assert.deepStrictEqual(
        ds.map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]),
        [['remaining-not-doing', 'warning', 'remaining']],
      );
    });
  });

  describe('capacity', () => {
    const three = [
      { id: 'a', owner: 'omar', duration: '5d' },
      { id: 'b', owner: 'omar', duration: '3d' },
      { id: 'c', owner: 'omar', duration: '4d' },
    ];
    it('capacity 2 with exactly 2 tasks at once is not overbooked; a third is', () => {
      const people = { dana: {}, omar: { name: 'Omar Haddad', capacity: 2 } };
      const two = schedulePlan(buildPlan(plan({ people }, three.slice(0, 2))), day('2026-09-01'));
      assert.deepStrictEqual(of(two.diagnostics, 'owner-overbooked'), []);
      const all = of(
        schedulePlan(buildPlan(plan({ people }, three)), day('2026-09-01')).diagnostics,
        'owner-overbooked',
      );
      assert.deepStrictEqual(
        all.map((d) => d.message),
        [
          'Omar Haddad (omar) has 3 tasks on Wed 23 – Fri 25 Sep 2026, capacity 2: a, b, c.',
          'Omar Haddad (omar) has 3 tasks on Wed 23 – Fri 25 Sep 2026, capacity 2: a, b, c.',
          'Omar Haddad (omar) has 3 tasks on Wed 23 – Fri 25 Sep 2026, capacity 2: a, b, c.',
        ],
      );
      assert.deepStrictEqual(all[0]!.data, {
        person: 'omar',
        capacity: 2,
        from: '2026-09-23',
        to: '2026-09-25',
        workdays: 3,
        tasks: ['a', 'b', 'c'],
      });
    });

    it('done tasks and a finished plan book nobody; sequential tasks never overlap', () => {
      const done = three.map((t, i) => (i ? t : { ...t, status: 'done' as const }));
      const people = { dana: {}, omar: { capacity: 2 } };
      assert.deepStrictEqual(
        of(schedulePlan(buildPlan(plan({ people }, done)), day('2026-09-01')).diagnostics, 'owner-overbooked'),
        [],
      );
      const chain = three.map((t, i) => (i ? { ...t, depends_on: [three[i - 1]!.id] } : t));
      assert.deepStrictEqual(
        of(schedulePlan(buildPlan(plan({}, chain)), day('2026-09-01')).diagnostics, 'owner-overbooked'),
        [],
      );
    });

    it('a task that spans several runs counts its overbooked workdays in all', () => {
      const spec = plan({}, [
        { id: 'long', owner: 'omar', duration: '10d' },
        { id: 'x', owner: 'omar', duration: '1d', due: '2026-09-15' },
        { id: 'y', owner: 'omar', duration: '2d', due: '2026-09-22' },
      ]);
      const ds = of(schedulePlan(buildPlan(spec), day('2026-09-01')).diagnostics, 'owner-overbooked');
      assert.deepStrictEqual(
        ds.map((d) => d.message),
        [
          'Omar Haddad (omar) has 2 tasks on Tue 15 Sep 2026, capacity 1: long, x. It is overbooked on 2 workdays more, up to Tue 22 Sep 2026.',
          'Omar Haddad (omar) has 2 tasks on Tue 15 Sep 2026, capacity 1: long, x.',
          'Omar Haddad (omar) has 2 tasks on Mon 21 – Tue 22 Sep 2026, capacity 1: long, y.',
        ],
      );
    });

    it('a weekend does not end a run: the week after continues it, and each task names the others on its days', () => {
      const spec = plan({ goal: { due: '2027-01-15', owner: 'dana' } }, [
        { id: 'a', owner: 'omar', duration: '5d', due: '2027-01-08' },
        { id: 'b', owner: 'omar', duration: '10d' },
        { id: 'c', owner: 'omar', duration: '5d' },
      ]);
      const ds = of(schedulePlan(buildPlan(spec), day('2026-12-01')).diagnostics, 'owner-overbooked');
      assert.deepStrictEqual(
        ds.map((d) => d.message),
        [
          'Omar Haddad (omar) has 2 tasks on Mon 4 – Fri 8 Jan 2027, capacity 1: a, b.',
          'Omar Haddad (omar) has 3 tasks on Mon 4 – Fri 15 Jan 2027, capacity 1: a, b, c.',
          'Omar Haddad (omar) has 2 tasks on Mon 11 – Fri 15 Jan 2027, capacity 1: b, c.',
        ],
      );
    });

    const arbBookings = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 })), { maxLength: 25 })
      .map((spans) =>
        spans.map(([a, len], i): Booking<number> => ({
          item: i,
          from: day('2026-09-01') + a,
          to: day('2026-09-01') + a + len,
        })),
      );

    it('the runs are the overbooked workdays of a day-by-day count, days off between them not ending one', () => {
      fc.assert(
        fc.property(arbBookings, fc.integer({ min: 1, max: 3 }), (bookings, capacity) => {
          const start = day('2026-09-01');
          const cal = makeCalendar(MON_FRI);
          const over = new Set<number>();
          for (let d = start; d <= start + 80; d++)
            if (cal.isWorkday(d) && bookings.filter((b) => b.from <= d && d <= b.to).length > capacity) over.add(d);
          const runs = overbookedRuns(bookings, capacity, cal);
          const covered = new Set<number>();
          runs.forEach((r, k) => {
            assert.ok(r.peak > capacity);
            for (let d = r.from; d <= r.to; d++) if (cal.isWorkday(d)) covered.add(d);
            assert.ok(over.has(r.from) && over.has(r.to), 'runs start and end on overbooked workdays');
            // two runs in a row: a workday that is not overbooked lies between them
            const next = runs[k + 1];
            if (next) assert.ok(cal.countWorkdays(r.to + 1, next.from) > 0, 'runs are as long as they can be');
          });
          assert.deepStrictEqual([...covered].sort(), [...over].sort());
        }),
        { numRuns: 300 },
      );
    });

    it('each booking keeps up to six of those it shares a day with, and knows when there were more', () => {
      fc.assert(
        fc.property(arbBookings, (bookings) => {
          companionsOf(bookings).forEach((c, i) => {
            const b = bookings[i]!;
            const sharing = bookings.filter((x, j) => j !== i && x.from <= b.to && x.to >= b.from).map((x) => x.item);
            assert.equal(new Set(c.kept).size, c.kept.length, 'no one twice');
            for (const k of c.kept) assert.ok(sharing.includes(k), `${k} shares a day with ${i}`);
            assert.equal(c.kept.length, Math.min(6, sharing.length));
            assert.equal(c.more, sharing.length > 6);
          });
        }),
        { numRuns: 300 },
      );
    });
  });
});
