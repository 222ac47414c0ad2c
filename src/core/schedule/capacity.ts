/**
 * Capacity (docs/format.md "Capacity and workload"): a person is overbooked on a day when more
 * of their open tasks than their `capacity` cover it with their latest dates (LS to LF). One
 * sweep over the bookings' starts and ends, sorted: O(n log n) in the bookings. Each booking
 * keeps a few of the bookings it shares days with (at most COMPANIONS_KEPT, so a crowded person
 * costs 6 names per task, never every task).
 */
import type { Day } from '../day';
import type { WorkCalendar } from './calendar';

/** Work held on a person from `from` to `to`, both included. */
export interface Booking<T> {
  item: T;
  from: Day;
  to: Day;
}

/** Workdays in a row with more bookings than the capacity (days off in between do not end a run). */
export interface OverbookedRun {
  /** First and last workday of the run in the person's calendar. */
  from: Day;
  to: Day;
  /** Most bookings on one day of the run. */
  peak: number;
}

export const COMPANIONS_KEPT = 6;

/** The overbooked runs of one person's bookings, in day order; only runs holding a workday of `cal`. */
export function overbookedRuns<T>(
  bookings: readonly Booking<T>[],
  capacity: number,
  cal: WorkCalendar,
): OverbookedRun[] {
  const runs: OverbookedRun[] = [];
  let run: { start: Day; end: Day; peak: number } | undefined;
  const close = (): void => {
    const from = run && cal.nextWorkday(run.start);
    const to = run && cal.prevWorkday(run.end);
    if (run && from !== undefined && to !== undefined && from <= to) runs.push({ from, to, peak: run.peak });
    run = undefined;
  };
  for (const seg of segments(bookings)) {
    if (seg.count > capacity) {
      run ??= { start: seg.from, end: seg.to, peak: 0 };
      run.end = seg.to;
      run.peak = Math.max(run.peak, seg.count);
    } else if (run && cal.countWorkdays(seg.from, seg.to + 1) > 0) close(); // days off alone do not end it
  }
  close();
  return runs;
}

/** The days from `from` to `to` on which `count` bookings hold, in order, from the first start to the last end. */
function* segments<T>(bookings: readonly Booking<T>[]): Generator<{ from: Day; to: Day; count: number }> {
  const starts = bookings.map((b) => b.from).sort((a, b) => a - b);
  const ends = bookings.map((b) => b.to + 1).sort((a, b) => a - b);
  let s = 0;
  let e = 0;
  let count = 0;
  while (e < ends.length) {
    const d = Math.min(s < starts.length ? starts[s]! : Infinity, ends[e]!);
    for (; e < ends.length && ends[e] === d; e++) count--;
    for (; s < starts.length && starts[s] === d; s++) count++;
    const next = Math.min(s < starts.length ? starts[s]! : Infinity, e < ends.length ? ends[e]! : Infinity);
    if (next !== Infinity) yield { from: d, to: next - 1, count }; // free days too: they may end a run
  }
}

/**
 * For each booking, up to COMPANIONS_KEPT of the others that share a day with it, in order of
 * their start, and whether there were more. One sweep: a booking takes those already under way
 * when it starts, then those that start while it lasts, until it has its fill. Fewer than
 * COMPANIONS_KEPT + 1 bookings are ever waiting for more, so each start costs O(1).
 */
export function companionsOf<T>(bookings: readonly Booking<T>[]): { kept: number[]; more: boolean }[] {
  const out = bookings.map(() => ({ kept: [] as number[], more: false }));
  const order = bookings.map((_, i) => i).sort((a, b) => bookings[a]!.from - bookings[b]!.from);
  const byEnd = [...order].sort((a, b) => bookings[a]!.to - bookings[b]!.to);
  const active = new Set<number>();
  const hungry = new Set<number>(); // active, with room for more
  const full = new Set<number>(); // active, full, not yet told there are more
  let e = 0;
  for (const i of order) {
    for (; e < byEnd.length && bookings[byEnd[e]!]!.to < bookings[i]!.from; e++) {
      active.delete(byEnd[e]!);
      hungry.delete(byEnd[e]!);
      full.delete(byEnd[e]!);
    }
    const mine = out[i]!;
    for (const j of active) {
      if (mine.kept.length === COMPANIONS_KEPT) break;
      mine.kept.push(j);
    }
    mine.more = active.size > mine.kept.length;
    for (const j of full) out[j]!.more = true;
    full.clear();
    for (const j of hungry) {
      out[j]!.kept.push(i);
      if (out[j]!.kept.length === COMPANIONS_KEPT) {
        hungry.delete(j);
        full.add(j);
      }
    }
    active.add(i);
    if (mine.kept.length < COMPANIONS_KEPT) hungry.add(i);
    else if (!mine.more) full.add(i);
  }
  return out;
}

/** What one booking shares of the runs: the first run it covers (clipped to it), and its overbooked workdays in all. */
export interface BookingOverlap {
  first: OverbookedRun;
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
  runs: readonly OverbookedRun[],
  cal: WorkCalendar,
): (BookingOverlap | undefined)[] {
  const prefix = new Float64Array(runs.length + 1);
  runs.forEach((r, i) => (prefix[i + 1] = prefix[i]! + cal.countWorkdays(r.from, r.to + 1)));
  const firstEndingFrom = (d: Day): number => search(runs.length, (i) => runs[i]!.to >= d);
  const firstStartingAfter = (d: Day): number => search(runs.length, (i) => runs[i]!.from > d);
  return bookings.map((b) => {
    const i = firstEndingFrom(b.from);
    const j = firstStartingAfter(b.to);
    if (i >= j) return undefined;
    const clip = (r: OverbookedRun): [Day, Day, number] => {
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

/** A booking overbooked: its overlap with the runs, and the bookings on its first overbooked days. */
export interface Overbooking<T> {
  overlap: BookingOverlap;
  /** Up to COMPANIONS_KEPT of the others on those days. */
  sharing: Booking<T>[];
  /** It shares days with more bookings than were kept. */
  more: boolean;
}

/**
 * One person's bookings against their capacity, each with what it shares of the overbooked days
 * (undefined for a booking never overbooked): the runs, the companions and the overlaps, as
 * owner-overbooked and overbooking across plans both read them.
 */
export function overbookings<T>(
  bookings: readonly Booking<T>[],
  capacity: number,
  cal: WorkCalendar,
): (Overbooking<T> | undefined)[] {
  const runs = overbookedRuns(bookings, capacity, cal);
  if (!runs.length) return [];
  const companions = companionsOf(bookings);
  return overlapsOf(bookings, runs, cal).map((o, i) => {
    if (!o) return undefined;
    const { kept, more } = companions[i]!;
    const sharing = kept.map((k) => bookings[k]!).filter((b) => b.from <= o.to && b.to >= o.from);
    return { overlap: o, sharing, more };
  });
}
