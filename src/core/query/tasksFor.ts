/** My open tasks across plans, most urgent first: the "My tasks" view and `workback mine`. */
import type { Day } from '../day';
import { isFinished, type Priority, type Task } from '../model';
import { comparePriority } from './actions';
import type { ScheduledItem } from '../schedule/types';
import { resolveMe } from './people';
import { compareText, taskState, type PlanFile, type TaskState } from './planFile';

export interface MyTask {
  file: string;
  planTitle: string;
  task: Task;
  item: ScheduledItem;
  state: TaskState['state'];
  daysLate: number;
  escalate: boolean;
  escalateTo?: string;
  tier?: number;
  tiers?: number;
}

const URGENCY: Record<TaskState['state'], number> = { overdue: 0, 'late-start': 1, open: 2, done: 3 };

/**
 * Open (not done) tasks owned by one of `me` (ids or emails), across plans; a finished plan
 * (goal.achieved_on) has none. Order: by urgency (overdue, then late starts, then open), then
 * priority (p1 first), then most days late, then by latest start, file and file order.
 */
export function tasksFor(
  files: readonly PlanFile[],
  me: readonly string[],
  today: Day,
  priorities?: ReadonlySet<Priority>,
): MyTask[] {
  const out: { entry: MyTask }[] = [];
  for (const pf of files) {
    if (isFinished(pf.plan)) continue;
    const mine = new Set(resolveMe(pf.plan, me));
    if (mine.size === 0) continue;
    for (const task of pf.plan.tasks) {
      if (task.status === 'done' || !mine.has(task.owner)) continue;
      if (priorities && !priorities.has(task.priority)) continue;
      const s = taskState(pf, task, today);
      if (!s) continue;
      const entry: MyTask = {
        file: pf.file,
        planTitle: pf.plan.title,
        task,
        item: s.item,
        state: s.state,
        daysLate: s.daysLate,
        escalate: s.escalate,
      };
      if (s.escalateTo !== undefined) entry.escalateTo = s.escalateTo;
      if (s.tier !== undefined) {
        entry.tier = s.tier;
        entry.tiers = s.tiers;
      }
      out.push({ entry });
    }
  }
  return out.map((x) => x.entry).sort(compareMyTasks);
}

/** The order of my tasks (tasksFor's, and the sidebar's across plans): urgency, priority, lateness, latest start, file, file order. */
export function compareMyTasks(a: MyTask, b: MyTask): number {
  return (
    URGENCY[a.state] - URGENCY[b.state] ||
    comparePriority(a.task.priority, b.task.priority) ||
    b.daysLate - a.daysLate ||
    a.item.start - b.item.start ||
    compareText(a.file, b.file) ||
    a.task.index - b.task.index
  );
}
