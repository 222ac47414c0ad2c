/**
 * The plan's calendar in the Gantt text: its days off shaded (`excludes`: the weekdays off, and
 * the holidays on the axis), weekly ticks on the first workday of the plan's week (`weekday`),
 * and the year in the tick labels when the axis crosses one (`axisFormat`). The bars carry
 * explicit end dates, so `excludes` moves none of them (Mermaid leaves a manual end alone).
 */
import { formatDay, type Day } from '../day';
import type { Calendar } from '../model';

const MERMAID_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * The weekday a week of the plan starts on: a workday after the longest run of days off
 * (Monday for Monday-Friday, Sunday for Sunday-Thursday); Monday when every day is worked.
 */
export function firstWorkday(workdays: readonly number[]): number {
  const works = new Set(workdays);
  let best = 0;
  let longest = 0;
  for (let d = 0; d < 7; d++) {
    if (!works.has(d)) continue;
    let off = 0;
    while (off < 7 && !works.has((d - 1 - off + 14) % 7)) off++;
    if (off > longest) {
      longest = off;
      best = d;
    }
  }
  return best;
}

/** Whether the axis `from`..`to` (exclusive) crosses a New Year. */
export function crossesYear(from: Day, to: Day): boolean {
  return to - 1 > from && formatDay(from).slice(0, 4) !== formatDay(to - 1).slice(0, 4);
}

/** The `axisFormat`, `weekday` and `excludes` lines for an axis from `from` to `to` (exclusive). */
export function calendarLines(calendar: Pick<Calendar, 'workdays' | 'holidays'>, from: Day, to: Day): string[] {
  const lines = [
    `    axisFormat ${crossesYear(from, to) ? '%-d %b %Y' : '%-d %b'}`,
    `    weekday ${MERMAID_WEEKDAYS[firstWorkday(calendar.workdays)]}`,
  ];
  const off = MERMAID_WEEKDAYS.filter((_, i) => !calendar.workdays.includes(i as never));
  // only the holidays on the axis: a plan may list thousands, and Mermaid tests each day against them all
  const holidays = calendar.holidays.filter((h) => h >= from && h < to).map(formatDay);
  const excludes = [...off, ...holidays];
  if (excludes.length) lines.push(`    excludes ${excludes.join(', ')}`);
  return lines;
}
