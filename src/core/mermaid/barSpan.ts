/**
 * Where a task's bar goes on the timeline (docs/timeline.md, "What a bar spans"): the latest
 * dates that still land the goal; a task done on a known day, the workdays of its duration
 * ending that day; a task in progress that is late, its earliest dates from today.
 */
import type { Day } from '../day';
import { durationWorkdays, type Plan, type Task } from '../model';
import type { WorkCalendar } from '../schedule/calendar';
import type { ScheduledItem } from '../schedule/types';

export interface BarSpan {
  start: Day;
  /** The last day the bar covers (inclusive). */
  finish: Day;
  /** `latest`: start-by to finish-by; `done`: where it happened; `earliest`: from today, late. */
  basis: 'latest' | 'done' | 'earliest';
}

export function barSpan(plan: Plan, cal: WorkCalendar, task: Task, item: ScheduledItem, today: Day): BarSpan {
  if (task.status === 'done' && task.doneOn !== undefined) {
    const finish = task.doneOn;
    const workdays = Math.max(1, durationWorkdays(task.duration, plan.calendar) || 1);
    // the `workdays` workdays that end on done_on (or, done on a day off, the ones before it)
    const back = cal.isWorkday(finish) ? workdays - 1 : workdays;
    const start = back === 0 ? finish : (cal.addWorkdays(finish, -back) ?? finish);
    return { start, finish, basis: 'done' };
  }
  // late: past its latest finish, or unable to make it from today (negative slack)
  const late = item.finish < today || (item.slack !== undefined && item.slack < 0);
  if (task.status === 'doing' && late && item.earliestStart !== undefined && item.earliestFinish !== undefined)
    return { start: item.earliestStart, finish: item.earliestFinish, basis: 'earliest' };
  return { start: item.start, finish: item.finish, basis: 'latest' };
}
