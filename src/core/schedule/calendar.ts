/**
 * A workday calendar over the whole range of days a plan may use (MIN_DAY..MAX_DAY, 1970-2199):
 * a prefix count of workdays and the list of workdays, so that every question is O(1) and no
 * loop over days can run away. Days outside the range are unknown: questions whose answer would
 * lie outside it return `undefined`, and the scheduler reports `schedule-out-of-range`.
 */
import { MAX_DAY, MIN_DAY, weekday, type Day } from '../day';
import type { Calendar } from '../model';

export interface WorkCalendar {
  /** Workdays in MIN_DAY..MAX_DAY; 0 means the calendar has no workday at all (`no-workdays`). */
  readonly workdayCount: number;
  isWorkday(d: Day): boolean;
  /** The latest workday on or before `d`, or undefined when there is none in the range. */
  prevWorkday(d: Day): Day | undefined;
  /** The first workday on or after `d`, or undefined when there is none in the range. */
  nextWorkday(d: Day): Day | undefined;
  /**
   * n > 0: the n-th workday after `d` (strictly after); n < 0: the |n|-th workday before `d`
   * (strictly before); n = 0: `d` itself. Undefined when the answer leaves the range.
   */
  addWorkdays(d: Day, n: number): Day | undefined;
  /** The number of workdays `x` with `a <= x < b` (0 when `b <= a`); days outside the range count as none. */
  countWorkdays(a: Day, b: Day): number;
  /**
   * Signed workdays from `a` to `b`: the number of workdays in `a..b-1`, or minus the number in
   * `b..a-1` when `b` is earlier. Slack is `signedWorkdays(ES, LS)`.
   */
  signedWorkdays(a: Day, b: Day): number;
}

const SPAN = MAX_DAY - MIN_DAY + 1;

class PrefixCalendar implements WorkCalendar {
  readonly workdayCount: number;
  /** before[o] = workdays in MIN_DAY .. MIN_DAY+o-1 (o in 0..SPAN). */
  private readonly before: Int32Array;
  /** The workdays in order. */
  private readonly list: Int32Array;

  constructor(workdays: readonly number[], holidays: readonly Day[]) {
    const weekMask = [false, false, false, false, false, false, false];
    for (const w of workdays) if (Number.isInteger(w) && w >= 0 && w <= 6) weekMask[w] = true;
    const off = holidays.filter((h) => Number.isInteger(h) && h >= MIN_DAY && h <= MAX_DAY).sort((a, b) => a - b);
    const before = new Int32Array(SPAN + 1);
    const list = new Int32Array(SPAN);
    let count = 0;
    let h = 0;
    let wd = weekday(MIN_DAY);
    for (let o = 0; o < SPAN; o++) {
      before[o] = count;
      const d = MIN_DAY + o;
      while (h < off.length && off[h]! < d) h++;
      if (weekMask[wd] && !(h < off.length && off[h] === d)) list[count++] = d;
      wd = wd === 6 ? 0 : ((wd + 1) as typeof wd);
    }
    before[SPAN] = count;
    this.before = before;
    this.list = list.slice(0, count);
    this.workdayCount = count;
  }

  /** Workdays strictly before `d`, for d in MIN_DAY..MAX_DAY+1 (clamped otherwise). */
  private rank(d: Day): number {
    const o = d - MIN_DAY;
    return this.before[o <= 0 ? 0 : o >= SPAN ? SPAN : o]!;
  }

  private inRange(d: Day): boolean {
    return Number.isInteger(d) && d >= MIN_DAY && d <= MAX_DAY;
  }

  isWorkday(d: Day): boolean {
    return this.inRange(d) && this.rank(d + 1) > this.rank(d);
  }

  prevWorkday(d: Day): Day | undefined {
    if (!this.inRange(d)) return undefined;
    const r = this.rank(d + 1) - 1;
    return r >= 0 ? this.list[r] : undefined;
  }

  nextWorkday(d: Day): Day | undefined {
    if (!this.inRange(d)) return undefined;
    const r = this.rank(d);
    return r < this.workdayCount ? this.list[r] : undefined;
  }

  addWorkdays(d: Day, n: number): Day | undefined {
    if (!this.inRange(d) || !Number.isFinite(n)) return undefined;
    if (n === 0) return d;
    const r = n > 0 ? this.rank(d + 1) + n - 1 : this.rank(d) + n;
    return r >= 0 && r < this.workdayCount ? this.list[r] : undefined;
  }

  countWorkdays(a: Day, b: Day): number {
    return b <= a ? 0 : this.rank(b) - this.rank(a);
  }

  signedWorkdays(a: Day, b: Day): number {
    return this.rank(b) - this.rank(a);
  }
}

/** Build a calendar from explicit weekdays (0 = Monday) and holidays. */
export function makeCalendar(workdays: readonly number[], holidays: readonly Day[] = []): WorkCalendar {
  return new PrefixCalendar(workdays, holidays);
}

// Calendars are shared: by the plan's Calendar object, and by content across plans (a CI run
// over thousands of plans with the same calendar builds it once). A few hundred KB each, so
// the content cache stays small.
const byObject = new WeakMap<Calendar, WorkCalendar>();
const byContent = new Map<string, WorkCalendar>();
const CONTENT_CACHE_SIZE = 8;

/** The workday calendar of a plan's `calendar`, cached. */
export function workCalendar(calendar: Calendar): WorkCalendar {
  const known = byObject.get(calendar);
  if (known) return known;
  const key = `${calendar.workdays.join(',')}|${calendar.holidays.join(',')}`;
  let cal = byContent.get(key);
  if (cal) {
    byContent.delete(key); // refresh its place in the LRU order
  } else {
    cal = makeCalendar(calendar.workdays, calendar.holidays);
    if (byContent.size >= CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
  }
  byContent.set(key, cal);
  byObject.set(calendar, cal);
  return cal;
}
