import * as assert from 'assert';
import fc from 'fast-check';
import { formatDay, MAX_DAY, MIN_DAY, weekday } from '../../src/core/day';
import { makeCalendar, workCalendar } from '../../src/core/schedule/calendar';
import { day } from './helpers/planBuilder';

const MON_FRI = [0, 1, 2, 3, 4];
const iso = (d: number | undefined): string | undefined => (d === undefined ? undefined : formatDay(d));

describe('schedule: workday calendar', () => {
  // 2026-09-07 (Mon) and 2026-09-21 (Mon) are the example's holidays.
  const cal = makeCalendar(MON_FRI, [day('2026-09-07'), day('2026-09-21')]);

  it('knows workdays, weekends and holidays', () => {
    assert.strictEqual(cal.isWorkday(day('2026-09-04')), true); // Fri
    assert.strictEqual(cal.isWorkday(day('2026-09-05')), false); // Sat
    assert.strictEqual(cal.isWorkday(day('2026-09-06')), false); // Sun
    assert.strictEqual(cal.isWorkday(day('2026-09-07')), false); // holiday
    assert.strictEqual(cal.isWorkday(day('2026-09-08')), true);
  });

  it('prevWorkday / nextWorkday skip weekends and holidays', () => {
    assert.strictEqual(iso(cal.prevWorkday(day('2026-09-07'))), '2026-09-04'); // Mon holiday -> Fri
    assert.strictEqual(iso(cal.prevWorkday(day('2026-09-08'))), '2026-09-08');
    assert.strictEqual(iso(cal.nextWorkday(day('2026-09-05'))), '2026-09-08'); // Sat -> Tue (Mon is a holiday)
    assert.strictEqual(iso(cal.nextWorkday(day('2026-09-04'))), '2026-09-04');
  });

  it('addWorkdays counts strictly after (or before) the day', () => {
    // The worked example: enroll-all finishes Wed 30 Sep; 10 workdays back, skipping the 21st, is Wed 16 Sep.
    assert.strictEqual(iso(cal.addWorkdays(day('2026-09-30'), -9)), '2026-09-16');
    assert.strictEqual(iso(cal.addWorkdays(day('2026-09-04'), 1)), '2026-09-08'); // Fri + 1 -> Tue (holiday Mon)
    assert.strictEqual(iso(cal.addWorkdays(day('2026-09-05'), 1)), '2026-09-08'); // from a Saturday
    assert.strictEqual(iso(cal.addWorkdays(day('2026-09-05'), -1)), '2026-09-04');
    assert.strictEqual(iso(cal.addWorkdays(day('2026-09-05'), 0)), '2026-09-05');
  });

  it('countWorkdays counts a <= d < b; signedWorkdays is its signed form', () => {
    // Wed 1 Jul .. Thu 23 Jul 2026 (exclusive): 1-3, 6-10, 13-17, 20-22 = 16.
    assert.strictEqual(cal.countWorkdays(day('2026-07-01'), day('2026-07-23')), 16);
    assert.strictEqual(cal.countWorkdays(day('2026-07-23'), day('2026-07-01')), 0);
    assert.strictEqual(cal.signedWorkdays(day('2026-07-23'), day('2026-07-01')), -16);
    // Sep 1..30: 22 weekdays minus two holidays.
    assert.strictEqual(cal.countWorkdays(day('2026-09-01'), day('2026-10-01')), 20);
  });

  it('returns undefined outside 1970..2199 instead of looping', () => {
    assert.strictEqual(cal.prevWorkday(MIN_DAY - 1), undefined);
    assert.strictEqual(cal.nextWorkday(MAX_DAY + 1), undefined);
    // 1970-01-01 is a Thursday: the first workday; nothing before it.
    assert.strictEqual(iso(cal.prevWorkday(MIN_DAY)), '1970-01-01');
    assert.strictEqual(cal.addWorkdays(MIN_DAY, -1), undefined);
    // 2199-12-31 is a Tuesday.
    assert.strictEqual(iso(cal.nextWorkday(MAX_DAY)), '2199-12-31');
    assert.strictEqual(cal.addWorkdays(MAX_DAY, 1), undefined);
    assert.strictEqual(cal.addWorkdays(day('2026-01-01'), -1e12), undefined);
    assert.strictEqual(cal.addWorkdays(day('2026-01-01'), Infinity), undefined);
  });

  it('a calendar with no workday has none anywhere and never hangs', () => {
    const none = makeCalendar([]);
    assert.strictEqual(none.workdayCount, 0);
    assert.strictEqual(none.prevWorkday(day('2026-01-01')), undefined);
    assert.strictEqual(none.nextWorkday(day('2026-01-01')), undefined);
    // Every Saturday of the whole range a holiday: a Saturday-only calendar with no workday.
    const saturdays: number[] = [];
    for (let d = MIN_DAY; d <= MAX_DAY; d++) if (weekday(d) === 5) saturdays.push(d);
    assert.strictEqual(makeCalendar([5], saturdays).workdayCount, 0);
  });

  it('shares one calendar per content', () => {
    const a = workCalendar({ workdays: [0, 1, 2], holidays: [day('2026-01-05')] });
    const b = workCalendar({ workdays: [0, 1, 2], holidays: [day('2026-01-05')] });
    assert.strictEqual(a, b);
  });

  it('agrees with day-by-day counting (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
        fc.array(fc.integer({ min: day('2026-01-01'), max: day('2026-03-31') }), { maxLength: 30 }),
        fc.integer({ min: day('2026-01-01'), max: day('2026-03-31') }),
        fc.integer({ min: -40, max: 40 }),
        (wd, hol, d, n) => {
          const c = makeCalendar(wd, hol);
          const isWork = (x: number): boolean => wd.includes(weekday(x)) && !hol.includes(x);
          assert.strictEqual(c.isWorkday(d), isWork(d));
          let p = d;
          while (!isWork(p)) p--;
          assert.strictEqual(c.prevWorkday(d), p);
          let q = d;
          while (!isWork(q)) q++;
          assert.strictEqual(c.nextWorkday(d), q);
          let r = d;
          for (let k = 0; k < Math.abs(n); k++)
            do r += Math.sign(n);
            while (!isWork(r));
          assert.strictEqual(c.addWorkdays(d, n), r);
          let count = 0;
          for (let x = Math.min(d, d + n); x < Math.max(d, d + n); x++) if (isWork(x)) count++;
          assert.strictEqual(c.countWorkdays(Math.min(d, d + n), Math.max(d, d + n)), count);
          assert.strictEqual(c.signedWorkdays(d + n, d), n >= 0 ? 0 - count || 0 : count);
        },
      ),
      { numRuns: 300 },
    );
  });
});
