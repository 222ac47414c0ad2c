/**
 * Late and overdue, relative to today (docs/format.md "Late, overdue and escalation"): shared by the schedule's
 * diagnostics and by the queries behind the sidebar and the CLI, so that both always agree.
 */
import type { Day } from '../day';
import { durationWorkdays, type Plan, type Task } from '../model';
import type { WorkCalendar } from './calendar';
import { firstRungTo } from './escalation';
import type { ScheduledItem } from './types';

export type TaskStateName = 'overdue' | 'late-start' | 'open' | 'done';

export interface Lateness {
  state: TaskStateName;
  /** Workdays late (0 unless overdue or late start). */
  daysLate: number;
  /** The day the task was late against: LF when overdue, LS for a late start. */
  dueDay?: Day;
}

/** Days late: the number of workdays d with `due < d <= today`. */
export function daysLate(cal: WorkCalendar, due: Day, today: Day): number {
  return cal.countWorkdays(due + 1, today + 1);
}

/**
 * A task's state: done; overdue when not done and LF < today; a late start when not started
 * (`todo` or `blocked`) and LS < today; open otherwise. Overdue wins over a late start.
 */
export function taskLateness(cal: WorkCalendar, task: Task, item: ScheduledItem, today: Day): Lateness {
  if (task.status === 'done') return { state: 'done', daysLate: 0 };
  if (item.finish < today)
    return { state: 'overdue', daysLate: daysLate(cal, item.finish, today), dueDay: item.finish };
  if ((task.status === 'todo' || task.status === 'blocked') && item.start < today) {
    return { state: 'late-start', daysLate: daysLate(cal, item.start, today), dueDay: item.start };
  }
  return { state: 'open', daysLate: 0 };
}

/**
 * The next check-in day of a task under `policy.check_in_every`, or undefined when none is due:
 * an open task whose LS <= today is due a check-in every cadence counted from the later of LS
 * and its last done follow-up; the next one is that day plus the cadence in workdays.
 */
export function nextCheckIn(
  plan: Plan,
  cal: WorkCalendar,
  task: Task,
  item: ScheduledItem,
  today: Day,
): Day | undefined {
  const every = plan.policy.checkInEvery;
  if (!every || task.status === 'done' || item.start > today) return undefined;
  if (checkInWith(plan, task) === undefined) return undefined; // nobody to check on the owner
  let from = item.start;
  for (const f of task.followUps) if (f.done && f.on > from) from = f.on;
  return cal.addWorkdays(from, durationWorkdays(every, plan.calendar));
}

/**
 * Who checks on a task's owner: the first tier of the task's escalation ladder (`escalate_to`
 * in the older form), else the goal's owner, whichever is not the owner. Undefined when neither
 * is someone else: nobody checks in with themselves, and such a task has no automatic check-in
 * (docs/format.md "Check-ins").
 */
export function checkInWith(plan: Plan, task: Task): string | undefined {
  const above = plan.policy.escalation ? firstRungTo(plan, task.priority) : plan.policy.escalateTo;
  for (const who of [above, plan.goal.owner]) if (who !== undefined && who !== task.owner) return who;
  return undefined;
}
