/**
 * What the sidebar shows, computed from the plans with the core's queries (`tasksFor`,
 * `followUps`, `taskState`, `resolveMe`): my tasks in groups, my follow-ups, the counts.
 * Pure: no vscode here, so it is cheap to run after every batch of plan changes.
 */
import {
  followUps, resolveMe, taskState, tasksFor, weekday,
  type Day, type FollowUpEntry, type MyTask, type Plan, type PlanFile,
} from '../../core';

export type SidebarState = 'loading' | 'noPlans' | 'noMe' | 'unmatched' | 'ready';
export type TaskGroupName = 'overdue' | 'late-start' | 'this-week' | 'later' | 'done';
export const TASK_GROUPS: readonly TaskGroupName[] = ['overdue', 'late-start', 'this-week', 'later', 'done'];

export interface TaskGroup {
  name: TaskGroupName;
  tasks: MyTask[];
}

export interface FollowUpGroup {
  name: 'overdue' | 'upcoming';
  entries: FollowUpEntry[];
}

/** One plan the views can show: its file (a URI string), plan and schedule. */
export type SidebarPlan = PlanFile;

export interface SidebarInput {
  /** Plans that were scheduled (no errors). */
  files: readonly SidebarPlan[];
  /** Plans with errors that still have a (best-effort) model: they may be mine. */
  broken: readonly { file: string; plan: Plan | undefined }[];
  me: readonly string[];
  today: Day;
  /** Still reading the workspace. */
  indexing: boolean;
  showDone: boolean;
  /** Only this plan (a URI string), when set. */
  planFilter: string | undefined;
}

export interface SidebarSnapshot {
  state: SidebarState;
  today: Day;
  taskGroups: TaskGroup[];
  followUpGroups: FollowUpGroup[];
  /** My overdue tasks and follow-ups, over every plan (the filter does not apply). */
  overdueTasks: number;
  overdueFollowUps: number;
  /** Overdue in the views as filtered (the badges). */
  shownOverdueTasks: number;
  shownOverdueFollowUps: number;
  /** Plans with errors in which I appear: their tasks are not listed. */
  brokenMine: number;
  /** The plans by URI string (for names of people, titles...). */
  plans: ReadonlyMap<string, SidebarPlan>;
  /** The person ids I am, per plan URI string. */
  mine: ReadonlyMap<string, readonly string[]>;
}

/** The last day (Sunday) of the week holding `today`. */
export function endOfWeek(today: Day): Day {
  return today + (6 - weekday(today));
}

/**
 * Which group an open task goes in: overdue and late start as the core says; "this week"
 * when it must finish by Sunday, or (not started yet) start by Sunday; later otherwise.
 */
export function groupOf(t: MyTask, today: Day): TaskGroupName {
  if (t.state === 'done') return 'done';
  if (t.state === 'overdue') return 'overdue';
  if (t.state === 'late-start') return 'late-start';
  const sunday = endOfWeek(today);
  const notStarted = t.task.status === 'todo' || t.task.status === 'blocked';
  return t.item.finish <= sunday || (notStarted && t.item.start <= sunday) ? 'this-week' : 'later';
}

/** My done tasks (newest first, then file order), as MyTask entries. */
function doneTasks(files: readonly SidebarPlan[], mine: ReadonlyMap<string, readonly string[]>, today: Day): MyTask[] {
  const out: MyTask[] = [];
  for (const pf of files) {
    const ids = new Set(mine.get(pf.file) ?? []);
    if (ids.size === 0) continue;
    for (const task of pf.plan.tasks) {
      if (task.status !== 'done' || !ids.has(task.owner)) continue;
      const s = taskState(pf, task, today);
      if (s) out.push({ file: pf.file, planTitle: pf.plan.title, task, item: s.item, state: 'done', daysLate: 0, escalate: false });
    }
  }
  return out.sort((a, b) => (b.task.doneOn ?? -Infinity) - (a.task.doneOn ?? -Infinity));
}

export function computeSnapshot(input: SidebarInput): SidebarSnapshot {
  const { today } = input;
  const plans = new Map<string, SidebarPlan>();
  const mine = new Map<string, readonly string[]>();
  const empty: SidebarSnapshot = {
    state: 'ready', today, taskGroups: [], followUpGroups: [], overdueTasks: 0, overdueFollowUps: 0,
    shownOverdueTasks: 0, shownOverdueFollowUps: 0, brokenMine: 0, plans, mine,
  };
  for (const pf of input.files) plans.set(pf.file, pf);
  if (input.files.length === 0 && input.broken.length === 0) return { ...empty, state: input.indexing ? 'loading' : 'noPlans' };
  if (input.me.length === 0) return { ...empty, state: input.indexing && input.files.length === 0 ? 'loading' : 'noMe' };
  for (const pf of input.files) {
    const ids = resolveMe(pf.plan, input.me);
    if (ids.length > 0) mine.set(pf.file, ids);
  }
  const brokenMine = input.broken.filter((b) => b.plan && resolveMe(b.plan, input.me).length > 0).length;
  if (mine.size === 0) return { ...empty, brokenMine, state: input.indexing ? 'loading' : brokenMine > 0 ? 'ready' : 'unmatched' };

  const myFiles = input.files.filter((pf) => mine.has(pf.file));
  const open = tasksFor(myFiles, input.me, today);
  const fus = followUps(myFiles, today, { me: input.me });
  const overdueTasks = open.filter((t) => t.state === 'overdue').length;
  const overdueFollowUps = fus.filter((f) => f.overdue).length;

  const shownFiles = input.planFilter === undefined ? myFiles : myFiles.filter((pf) => pf.file === input.planFilter);
  const shown = input.planFilter === undefined ? open : open.filter((t) => t.file === input.planFilter);
  const shownFus = input.planFilter === undefined ? fus : fus.filter((f) => f.file === input.planFilter);

  const byGroup = new Map<TaskGroupName, MyTask[]>(TASK_GROUPS.map((g) => [g, []]));
  for (const t of shown) byGroup.get(groupOf(t, today))!.push(t);
  if (input.showDone) byGroup.set('done', doneTasks(shownFiles, mine, today));
  const taskGroups = TASK_GROUPS.map((name) => ({ name, tasks: byGroup.get(name)! })).filter((g) => g.tasks.length > 0);

  const followUpGroups: FollowUpGroup[] = [
    { name: 'overdue' as const, entries: shownFus.filter((f) => f.overdue) },
    { name: 'upcoming' as const, entries: shownFus.filter((f) => !f.overdue) },
  ].filter((g) => g.entries.length > 0);

  return {
    state: 'ready', today, taskGroups, followUpGroups, overdueTasks, overdueFollowUps,
    shownOverdueTasks: shown.filter((t) => t.state === 'overdue').length,
    shownOverdueFollowUps: shownFus.filter((f) => f.overdue).length,
    brokenMine, plans, mine,
  };
}
