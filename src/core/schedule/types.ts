/** The computed workback schedule of a plan: contract between the scheduler and its users. */
import type { Day } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import type { Milestone, Task } from '../model';

export interface ScheduledItem {
  id: string;
  kind: 'task' | 'checkpoint';
  /** The milestone that holds the task; a checkpoint's own id. */
  milestone: string;
  /** Latest start (LS): the workback date. For a checkpoint, its day. */
  start: Day;
  /** Latest finish (LF). For a checkpoint, its day. */
  finish: Day;
  /** Forward pass from today, for tasks that are not done. */
  earliestStart?: Day;
  earliestFinish?: Day;
  /** Signed workdays of the task's own calendar from earliest to latest finish (the same as from earliest to latest start, but for a task with `remaining`); tasks that are not done only. */
  slack?: number;
  critical: boolean;
  task?: Task;
  checkpoint?: Milestone;
}

export interface Schedule {
  today: Day;
  /** One item per task and checkpoint, in file order. */
  items: ScheduledItem[];
  byId: Map<string, ScheduledItem>;
  /** Minimum slack over the tasks that are not done; null when every task is done, or when the
   * earliest dates left the range (slackState tells which). */
  minSlack: number | null;
  /** Schedule diagnostics (start-too-late, goal-infeasible, overdue...), with offsets. */
  diagnostics: RawDiagnostic[];
}
