/** A plan with its schedule, and the state of one of its tasks today. */
import type { Day } from '../day';
import type { Plan, Task } from '../model';
import { workCalendar } from '../schedule/calendar';
import { escalationFor } from '../schedule/escalation';
import { taskLateness, type TaskStateName } from '../schedule/late';
import type { Schedule, ScheduledItem } from '../schedule/types';

export interface PlanFile {
  /** How the caller names the file (a path or URI); used for sorting and display only. */
  file: string;
  plan: Plan;
  schedule: Schedule;
}

export interface TaskState {
  state: TaskStateName;
  /** Workdays late (docs/format.md: workdays d with due < d <= today); 0 unless overdue or late start. */
  daysLate: number;
  /** Late by more than policy.escalate_after. */
  escalate: boolean;
  /** Person id to escalate to, when `escalate` and one is known. */
  escalateTo?: string;
  /** The tier of the ladder reached, and how many it has, when `escalate`. */
  tier?: number;
  tiers?: number;
  item: ScheduledItem;
}

/** The schedule item of a task (the task itself, not another with the same id), if scheduled. */
export function itemOf(schedule: Schedule, task: Task): ScheduledItem | undefined {
  const item = schedule.byId.get(task.id);
  if (item?.task === task) return item;
  return schedule.items.find((i) => i.task === task);
}

/**
 * Overdue (not done, LF < today), late start (todo or blocked, LS < today), open or done,
 * with days late and escalation. Undefined when the schedule has no item for the task
 * (a cyclic or out-of-range plan).
 */
export function taskState(planFile: PlanFile, task: Task, today: Day): TaskState | undefined {
  const item = itemOf(planFile.schedule, task);
  if (!item) return undefined;
  const cal = workCalendar(planFile.plan.calendar);
  const late = taskLateness(cal, task, item, today);
  const e =
    late.state === 'overdue' || late.state === 'late-start'
      ? escalationFor(planFile.plan, late.daysLate, task.priority)
      : { escalate: false };
  const out: TaskState = { state: late.state, daysLate: late.daysLate, escalate: e.escalate, item };
  if (e.escalateTo !== undefined) out.escalateTo = e.escalateTo;
  if (e.tier !== undefined) {
    out.tier = e.tier;
    out.tiers = e.tiers;
  }
  return out;
}

/** Ordinal string comparison: the same order under every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
