/** Ranges of days (`{ from, to }`, both included): merged, and spelled out day by day. */
import { MAX_DAY, MIN_DAY, type Day } from './day';
import type { DayRange } from './model';

/**
 * Every day of the ranges, sorted and without repeats: the ranges are merged first, so the
 * list never holds more than the days of 1970-2199, however the ranges overlap.
 */
export function daysOf(ranges: readonly DayRange[]): Day[] {
  const merged = mergeRanges(ranges);
  const days: Day[] = [];
  for (const r of merged) for (let d = Math.max(r.from, MIN_DAY); d <= Math.min(r.to, MAX_DAY); d++) days.push(d);
  return days;
}

/** The ranges sorted by start, overlapping and adjacent ones joined (names dropped). */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}
