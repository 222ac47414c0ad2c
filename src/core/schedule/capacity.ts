/**
 * Capacity (docs/format.md "Capacity and workload"): a person is overbooked on a day when more
 * of their open tasks than their `capacity` cover it with their latest dates (LS to LF). One
 * sweep over the bookings' starts and ends, sorted: O(n log n) in the bookings, and the runs it
 * returns hold a few names each, never every task of a crowded run.
 */
import type { Day } from '../day';
import type { WorkCalendar } from './calendar';

/** Work held on a person from `from` to `to`, both included. */
export interface Booking<T> {
  item: T;
  from: Day;
  to: Day;
}

/** Days in a row with more bookings than the capacity (days off in between do not end a run). */
export interface OverbookedRun<T> {
  /** First and last workday of the run in the person's calendar. */
  from: Day;
  to: Day;
  /** Most bookings on one day of the run. */
  peak: number;
  /** The first bookings of the run, at most MEMBERS_KEPT. */
  members: Booking<T>[];
  /** Every booking that covers a day of the run. */
  memberCount: number;
}

export const MEMBERS_KEPT = 6;

interface OpenRun<T> {
  start: Day;
  end: Day;
  peak: number;
  members: Booking<T>[];
  memberCount: number;
}

/** The overbooked runs of one person's bookings, in day order; only runs holding a workday of `cal`. */
export function overbookedRuns<T>(
  bookings: readonly Booking<T>[],
  capacity: number,
  cal: WorkCalendar,
): OverbookedRun<T>[] {
  const starts = bookings.map((_, i) => i).sort((a, b) => bookings[a]!.from - bookings[b]!.from);
  const ends = bookings.map((_, i) => i).sort((a, b) => bookings[a]!.to - bookings[b]!.to);
  const active = new Set<number>();
  const runs: OverbookedRun<T>[] = [];
  let run: OpenRun<T> | undefined;
  let s = 0;
  let e = 0;
  const close = (): void => {
    const from = run && cal.nextWorkday(run.start);
    const to = run && cal.prevWorkday(run.end);
    if (run && from !== undefined && to !== undefined && from <= to) {
      runs.push({ from, to, peak: run.peak, members: run.members, memberCount: run.memberCount });
    }
    run = undefined;
  };
  while (s < starts.length) {
    // the next day the count changes: a booking starts, or one ends the day before
    const nextStart = bookings[starts[s]!]!.from;
    const nextEnd = e < ends.length ? bookings[ends[e]!]!.to + 1 : Infinity;
    const d = Math.min(nextStart, nextEnd);
    while (e < ends.length && bookings[ends[e]!]!.to + 1 === d) active.delete(ends[e++]!);
    const firstStarted = s;
    while (s < starts.length && bookings[starts[s]!]!.from === d) active.add(starts[s++]!);
    const until =
      Math.min(s < starts.length ? bookings[starts[s]!]!.from : Infinity, nextEndAfter(bookings, ends, e)) - 1;
    if (active.size > capacity) {
      if (!run) run = openRun(bookings, active, d);
      else for (let k = firstStarted; k < s; k++) keep(run, bookings[starts[k]!]!);
      run.end = until;
      run.peak = Math.max(run.peak, active.size);
    } else close();
  }
  // after the last start the count only falls: the run still open ends where it drops
  if (run) {
    while (e < ends.length && active.size > capacity) {
      const d = bookings[ends[e]!]!.to + 1;
      while (e < ends.length && bookings[ends[e]!]!.to + 1 === d) active.delete(ends[e++]!);
      run.end = d - 1;
      if (active.size <= capacity) break;
    }
    close();
  }
  return runs;
}

function nextEndAfter<T>(bookings: readonly Booking<T>[], ends: readonly number[], e: number): number {
  return e < ends.length ? bookings[ends[e]!]!.to + 1 : Infinity;
}

function openRun<T>(bookings: readonly Booking<T>[], active: ReadonlySet<number>, start: Day): OpenRun<T> {
  const run: OpenRun<T> = { start, end: start, peak: active.size, members: [], memberCount: 0 };
  for (const i of active) {
    if (run.members.length >= MEMBERS_KEPT) break;
    run.members.push(bookings[i]!);
  }
  run.memberCount = active.size;
  return run;
}

function keep<T>(run: OpenRun<T>, booking: Booking<T>): void {
  run.memberCount++;
  if (run.members.length < MEMBERS_KEPT) run.members.push(booking);
}

/** What one booking shares of the runs: the first run it covers (clipped to it), and its overbooked workdays in all. */
export interface BookingOverlap<T> {
  first: OverbookedRun<T>;
  from: Day;
  to: Day;
  workdays: number;
  /** Of which in the first run. */
  firstWorkdays: number;
  /** The last overbooked workday of the booking. */
  last: Day;
}

/**
 * For each booking, its overlap with the runs: two binary searches and a prefix sum, so a
 * booking that spans thousands of runs costs no more than one that spans a single run.
 */
export function overlapsOf<T>(
  bookings: readonly Booking<T>[],
  runs: readonly OverbookedRun<T>[],
  cal: WorkCalendar,
): (BookingOverlap<T> | undefined)[] {
  const prefix = new Float64Array(runs.length + 1);
  runs.forEach((r, i) => (prefix[i + 1] = prefix[i]! + cal.countWorkdays(r.from, r.to + 1)));
  const firstEndingFrom = (d: Day): number => search(runs.length, (i) => runs[i]!.to >= d);
  const firstStartingAfter = (d: Day): number => search(runs.length, (i) => runs[i]!.from > d);
  return bookings.map((b) => {
    const i = firstEndingFrom(b.from);
    const j = firstStartingAfter(b.to);
    if (i >= j) return undefined;
    const clip = (r: OverbookedRun<T>): [Day, Day, number] => {
      const from = Math.max(r.from, b.from);
      const to = Math.min(r.to, b.to);
      return [from, to, cal.countWorkdays(from, to + 1)];
    };
    const [from, to, firstDays] = clip(runs[i]!);
    const [, last, lastDays] = clip(runs[j - 1]!);
    const workdays = i === j - 1 ? firstDays : firstDays + (prefix[j - 1]! - prefix[i + 1]!) + lastDays;
    return workdays > 0 ? { first: runs[i]!, from, to, workdays, firstWorkdays: firstDays, last } : undefined;
  });
}

/** The first index in 0..n for which `ok` holds (`ok` false then true along the indexes). */
function search(n: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
