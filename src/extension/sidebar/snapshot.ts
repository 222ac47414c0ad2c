/**
 * What the sidebar shows, computed from the plans with the core's queries (`tasksFor`,
 * `followUps`, `taskState`, `resolveMe`): my tasks in groups, my follow-ups, the counts.
 * Pure: no vscode here.
 *
 * The work is split by plan: a `PlanPart` holds one plan's answers to the core's queries and is
 * kept while the plan, who I am and today stay the same, so that after one plan changes only
 * that plan is queried again; the parts are then merged in the order the core's queries
 * document (`tasksFor`: overdue, then late starts, most days late first, then by latest start,
 * file and file order; `followUps`: overdue first, most days late first, then by date, file,
 * file order, follow-ups before check-ins, index).
 */
import {
  compareMyTasks,
  actions,
  isFinished,
  compareActions,
  compareText,
  followUps,
  resolveMe,
  taskState,
  tasksFor,
  weekday,
  type ActionItem,
  type Day,
  type FollowUpEntry,
  type MyTask,
  type Plan,
  type PlanFile,
} from '../../core';

export type SidebarState = 'loading' | 'noPlans' | 'noMe' | 'unmatched' | 'ready';
export type TaskGroupName =
  'escalated' | 'overdue' | 'late-start' | 'interim' | 'review' | 'this-week' | 'later' | 'done';
export const TASK_GROUPS: readonly TaskGroupName[] = [
  'escalated',
  'overdue',
  'late-start',
  'interim',
  'review',
  'this-week',
  'later',
  'done',
];
/** The groups of what the plans ask of me beyond my tasks, by the kind of action. */
const ACTION_GROUP: Record<ActionItem['kind'], TaskGroupName> = {
  escalated: 'escalated',
  interim: 'interim',
  review: 'review',
};

export interface TaskGroup {
  name: TaskGroupName;
  tasks: MyTask[];
  /** In the escalated, interim and review groups: those items (tasks is empty). */
  actions: ActionItem[];
}

export interface FollowUpGroup {
  name: 'overdue' | 'upcoming';
  entries: FollowUpEntry[];
}

/** One plan the views can show: its file (a URI string), plan and schedule. */
export type SidebarPlan = PlanFile;

/** One plan's answers to the core's queries, for me and today. */
export interface PlanPart {
  file: SidebarPlan;
  /** The person ids I am in this plan (empty: the plan is not mine). */
  ids: readonly string[];
  open: readonly MyTask[];
  done: readonly MyTask[];
  followUps: readonly FollowUpEntry[];
  /** Escalated to me, to review, interim controls to put in place (core `actions`). */
  actions: readonly ActionItem[];
}

export interface SidebarInput {
  /** One part per plan that was scheduled (no errors). */
  parts: readonly PlanPart[];
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
  /** The person ids I am, per plan URI string (only plans I am in). */
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

/** One plan's part: the core's queries on that plan alone. */
export function planPart(pf: SidebarPlan, me: readonly string[], today: Day): PlanPart {
  const ids = resolveMe(pf.plan, me);
  if (ids.length === 0) return { file: pf, ids, open: [], done: [], followUps: [], actions: [] };
  const mine = new Set(ids);
  const done: MyTask[] = [];
  // a finished plan leaves every group, Done included (docs/format.md "Finishing")
  for (const task of isFinished(pf.plan) ? [] : pf.plan.tasks) {
    if (task.status !== 'done' || !mine.has(task.owner)) continue;
    const s = taskState(pf, task, today);
    if (s)
      done.push({
        file: pf.file,
        planTitle: pf.plan.title,
        task,
        item: s.item,
        state: 'done',
        daysLate: 0,
        escalate: false,
      });
  }
  return {
    file: pf,
    ids,
    open: tasksFor([pf], me, today),
    done,
    followUps: followUps([pf], today, { me }),
    actions: actions([pf], today, { me }),
  };
}

/** `tasksFor`'s order across plans (the core's comparator). */
export { compareMyTasks };

/** `followUps`' order across plans. */
export function compareFollowUps(x: FollowUpEntry, y: FollowUpEntry): number {
  return (
    Number(y.overdue) - Number(x.overdue) ||
    y.daysLate - x.daysLate ||
    x.on - y.on ||
    compareText(x.file, y.file) ||
    x.task.index - y.task.index ||
    (x.kind === y.kind ? 0 : x.kind === 'follow-up' ? -1 : 1) ||
    (x.index ?? 0) - (y.index ?? 0)
  );
}

/** Done tasks: the latest done first, then by file and file order. */
function compareDone(a: MyTask, b: MyTask): number {
  return (
    (b.task.doneOn ?? -Infinity) - (a.task.doneOn ?? -Infinity) ||
    compareText(a.file, b.file) ||
    a.task.index - b.task.index
  );
}

export function computeSnapshot(input: SidebarInput): SidebarSnapshot {
  const { today } = input;
  const plans = new Map<string, SidebarPlan>();
  const mine = new Map<string, readonly string[]>();
  const empty: SidebarSnapshot = {
    state: 'ready',
    today,
    taskGroups: [],
    followUpGroups: [],
    overdueTasks: 0,
    overdueFollowUps: 0,
    shownOverdueTasks: 0,
    shownOverdueFollowUps: 0,
    brokenMine: 0,
    plans,
    mine,
  };
  for (const p of input.parts) plans.set(p.file.file, p.file);
  if (input.parts.length === 0 && input.broken.length === 0)
    return { ...empty, state: input.indexing ? 'loading' : 'noPlans' };
  if (input.me.length === 0)
    return { ...empty, state: input.indexing && input.parts.length === 0 ? 'loading' : 'noMe' };
  const myParts = input.parts.filter((p) => p.ids.length > 0);
  for (const p of myParts) mine.set(p.file.file, p.ids);
  const brokenMine = input.broken.filter((b) => b.plan && resolveMe(b.plan, input.me).length > 0).length;
  if (myParts.length === 0)
    return { ...empty, brokenMine, state: input.indexing ? 'loading' : brokenMine > 0 ? 'ready' : 'unmatched' };

  let overdueTasks = 0;
  let overdueFollowUps = 0;
  for (const p of myParts) {
    for (const t of p.open) if (t.state === 'overdue') overdueTasks++;
    for (const f of p.followUps) if (f.overdue) overdueFollowUps++;
  }
  const shownParts = input.planFilter === undefined ? myParts : myParts.filter((p) => p.file.file === input.planFilter);
  const open = shownParts.flatMap((p) => p.open).sort(compareMyTasks);
  const fus = shownParts.flatMap((p) => p.followUps).sort(compareFollowUps);

  const byGroup = new Map<TaskGroupName, MyTask[]>(
    (['overdue', 'late-start', 'this-week', 'later', 'done'] as const).map((g) => [g, []]),
  );
  for (const t of open) byGroup.get(groupOf(t, today))!.push(t);
  if (input.showDone) byGroup.set('done', shownParts.flatMap((p) => p.done).sort(compareDone));
  const byAction = new Map<TaskGroupName, ActionItem[]>();
  for (const a of shownParts.flatMap((p) => p.actions).sort(compareActions)) {
    const group = ACTION_GROUP[a.kind];
    const list = byAction.get(group);
    if (list) list.push(a);
    else byAction.set(group, [a]);
  }
  const taskGroups = TASK_GROUPS.map((name) => ({
    name,
    tasks: byGroup.get(name) ?? [],
    actions: byAction.get(name) ?? [],
  })).filter((g) => g.tasks.length + g.actions.length > 0);
  const overdueFus = fus.filter((f) => f.overdue);
  const followUpGroups: FollowUpGroup[] = [
    { name: 'overdue' as const, entries: overdueFus },
    { name: 'upcoming' as const, entries: fus.filter((f) => !f.overdue) },
  ].filter((g) => g.entries.length > 0);

  return {
    state: 'ready',
    today,
    taskGroups,
    followUpGroups,
    overdueTasks,
    overdueFollowUps,
    shownOverdueTasks: byGroup.get('overdue')!.length,
    shownOverdueFollowUps: overdueFus.length,
    brokenMine,
    plans,
    mine,
  };
}
