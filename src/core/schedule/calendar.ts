/**
 * A workday calendar over the whole range of days a plan may use (MIN_DAY..MAX_DAY, 1970-2199):
 * a prefix count of workdays and the list of workdays, so that every question is O(1) and no
 * loop over days can run away. Days outside the range are unknown: questions whose answer would
 * lie outside it return `undefined`, and the scheduler reports `schedule-out-of-range`.
 */
import { MAX_DAY, MIN_DAY, weekday, type Day } from '../day';
import type { Calendar, DayRange } from '../model';

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
   * `b..a-1` when `b` is earlier. Slack is `signedWorkdays(EF, LF)` in the task's own calendar.
   */
  signedWorkdays(a: Day, b: Day): number;
}

const SPAN = MAX_DAY - MIN_DAY + 1;

const inRange = (d: Day): boolean => Number.isInteger(d) && d >= MIN_DAY && d <= MAX_DAY;

/**
 * Every question answered from two: `rank(d)`, the workdays strictly before `d`, and `nth(r)`,
 * the workday of rank `r` (0-based). The calendars differ only in how they know those two.
 */
abstract class RankedCalendar implements WorkCalendar {
  abstract readonly workdayCount: number;
  /** Workdays strictly before `d`, for d in MIN_DAY..MAX_DAY+1 (clamped otherwise). */
  abstract rank(d: Day): number;
  /** The workday of rank `r`, for 0 <= r < workdayCount. */
  abstract nth(r: number): Day;

  isWorkday(d: Day): boolean {
    return inRange(d) && this.rank(d + 1) > this.rank(d);
  }

  prevWorkday(d: Day): Day | undefined {
    if (!inRange(d)) return undefined;
    const r = this.rank(d + 1) - 1;
    return r >= 0 ? this.nth(r) : undefined;
  }

  nextWorkday(d: Day): Day | undefined {
    if (!inRange(d)) return undefined;
    const r = this.rank(d);
    return r < this.workdayCount ? this.nth(r) : undefined;
  }

  addWorkdays(d: Day, n: number): Day | undefined {
    if (!inRange(d) || !Number.isFinite(n)) return undefined;
    if (n === 0) return d;
    const r = n > 0 ? this.rank(d + 1) + n - 1 : this.rank(d) + n;
    return r >= 0 && r < this.workdayCount ? this.nth(r) : undefined;
  }

  countWorkdays(a: Day, b: Day): number {
    return b <= a ? 0 : this.rank(b) - this.rank(a);
  }

  signedWorkdays(a: Day, b: Day): number {
    return this.rank(b) - this.rank(a);
  }
}

/** Weekdays less holidays: a prefix count over the whole range, every question O(1). */
class PrefixCalendar extends RankedCalendar {
  readonly workdayCount: number;
  /** before[o] = workdays in MIN_DAY .. MIN_DAY+o-1 (o in 0..SPAN). */
  private readonly before: Int32Array;
  /** The workdays in order. */
  private readonly list: Int32Array;

  constructor(workdays: readonly number[], holidays: readonly Day[]) {
    super();
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

  rank(d: Day): number {
    const o = d - MIN_DAY;
    return this.before[o <= 0 ? 0 : o >= SPAN ? SPAN : o]!;
  }

  nth(r: number): Day {
    return this.list[r]!;
  }
}

/**
 * A calendar less some ranges of days (a task's freezes, its owner's leave): a few numbers per
 * range, not a copy of the whole range of days, and every question O(log ranges). `off` must be
 * sorted and disjoint (mergeRanges).
 */
class MinusCalendar extends RankedCalendar {
  readonly workdayCount: number;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  /** cut[i]: the base's workdays inside ranges 0..i-1. */
  private readonly cut: Float64Array;
  /** kept[i]: this calendar's workdays before range i starts. */
  private readonly kept: Float64Array;

  constructor(
    private readonly base: RankedCalendar,
    off: readonly DayRange[],
  ) {
    super();
    const k = off.length;
    this.from = new Int32Array(k);
    this.to = new Int32Array(k);
    this.cut = new Float64Array(k + 1);
    this.kept = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const r = off[i]!;
      this.from[i] = r.from;
      this.to[i] = r.to;
      this.kept[i] = base.rank(r.from) - this.cut[i]!;
      this.cut[i + 1] = this.cut[i]! + base.countWorkdays(r.from, r.to + 1);
    }
    this.workdayCount = base.workdayCount - this.cut[k]!;
  }

  rank(d: Day): number {
    // i: the number of ranges that start before d
    let lo = 0;
    let hi = this.from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.from[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    const i = lo;
    if (i === 0) return this.base.rank(d);
    const inside = d <= this.to[i - 1]!;
    const removed = inside ? this.cut[i - 1]! + this.base.rank(d) - this.base.rank(this.from[i - 1]!) : this.cut[i]!;
    return this.base.rank(d) - removed;
  }

  nth(r: number): Day {
    // the first range with more than r of this calendar's workdays before it: the day lies before it
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.kept[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return this.base.nth(r + this.cut[lo]!);
  }
}

/** Build a calendar from explicit weekdays (0 = Monday) and holidays. */
export function makeCalendar(workdays: readonly number[], holidays: readonly Day[] = []): WorkCalendar {
  return new PrefixCalendar(workdays, holidays);
}

/**
 * `base` less the days of `off` (sorted, disjoint ranges: mergeRanges). `base` must come from
 * makeCalendar, workCalendar or lessDays.
 */
export function lessDays(base: WorkCalendar, off: readonly DayRange[]): WorkCalendar {
  if (!(base instanceof RankedCalendar)) throw new TypeError('lessDays: not a calendar of this module');
  return off.length === 0 ? base : new MinusCalendar(base, off);
}

// Calendars are shared: by the plan's Calendar object, and by content across plans (a CI run
// over thousands of plans with the same calendar builds it once). A few hundred KB each, so
// the content cache stays small.
const byObject = new WeakMap<object, WorkCalendar>();
const byContent = new Map<string, WorkCalendar>();
const CONTENT_CACHE_SIZE = 8;

/** The workday calendar of a plan's `calendar`, cached. */
export function workCalendar(calendar: Pick<Calendar, 'workdays' | 'holidays'>): WorkCalendar {
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
