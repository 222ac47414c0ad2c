/**
 * What the method asks of a person beyond their own tasks (docs/format.md "Escalation ladders",
 * "Reviews", "Interim controls"): items escalated to them, work waiting for their review, and
 * interim controls they must put in place. Built from the same functions as the schedule's
 * diagnostics (taskState, followUps, awaitingReviews, escalationFor), so that `workback check`,
 * `escalations`, `tasks --me` and the sidebar always agree; the diagnostics themselves are not
 * read (a plan kept for long drops them: detachSource). A finished plan asks nothing.
 */
import type { Day } from '../day';
import { isFinished, priorityOf, type Milestone, type Plan, type Priority, type Task } from '../model';
import { workCalendar } from '../schedule/calendar';
import { escalationFor, type Escalation } from '../schedule/escalation';
import { awaitingReviews } from '../schedule/reviews';
import { lateWords } from '../schedule/slack';
import { followUps } from './followUps';
import { resolveMe } from './people';
import { compareText, taskState, type PlanFile } from './planFile';

/** What is late, by the code of the schedule's diagnostic that says so. */
export type LateWhat = 'task-overdue' | 'late-start' | 'follow-up-overdue' | 'check-in-overdue' | 'awaiting-review';

interface ActionBase {
  file: string;
  planTitle: string;
  plan: Plan;
  /** The task or milestone the action is about. */
  item: Task | Milestone;
  priority: Priority;
  /** Workdays late (0 when not late yet). */
  daysLate: number;
}

export interface EscalatedItem extends ActionBase {
  kind: 'escalated';
  what: LateWhat;
  /** Who owns the late item: the task's owner; for a review, the reviewer. */
  owner: string;
  /** The person it is escalated to; undefined when the ladder names nobody. */
  to?: string;
  tier: number;
  tiers: number;
  /** The follow-up's person, for a follow-up or check-in. */
  with?: string;
  /** The follow-up's index in the task's `follow_ups` (a check-in has none). */
  index?: number;
}

export interface ReviewItem extends ActionBase {
  kind: 'review';
  reviewer: string;
  /** The day the work was done (undefined: no done_on written). */
  since?: Day;
}

export interface InterimItem extends ActionBase {
  kind: 'interim';
  item: Task;
  control: string;
  /** Who puts it in place. */
  owner: string;
  state: 'overdue' | 'late-start';
}

export type ActionItem = EscalatedItem | ReviewItem | InterimItem;

export interface ActionOptions {
  /** Only those for me (ids or emails): escalated to me, reviewed by me, put in place by me. */
  me?: readonly string[];
  /** Only items of these priorities. */
  priorities?: ReadonlySet<Priority>;
}

/** How late an action's item is, in the one wording: `3 workdays late`, `start 2 workdays late`. */
export function actionLateWords(a: ActionItem): string {
  if (a.kind === 'interim') return lateWords(a.state, a.daysLate);
  if (a.kind === 'escalated' && a.what === 'late-start') return lateWords('late-start', a.daysLate);
  return lateWords('overdue', a.daysLate);
}

/** Items escalated, reviews awaited and interim controls to put in place, across plans. */
export function actions(files: readonly PlanFile[], today: Day, options: ActionOptions = {}): ActionItem[] {
  const out: ActionItem[] = [];
  for (const pf of files) {
    if (isFinished(pf.plan)) continue;
    const mine = options.me ? new Set(resolveMe(pf.plan, options.me)) : undefined;
    if (mine && mine.size === 0) continue;
    const keep = (who: string | undefined, item: Task | Milestone): boolean =>
      (!mine || (who !== undefined && mine.has(who))) &&
      (!options.priorities || options.priorities.has(priorityOf(item)));
    escalatedWork(pf, today, keep, out);
    reviewsOf(pf, today, keep, out);
    interimsOf(pf, today, keep, out);
  }
  return out.sort(compareActions);
}

function base(pf: PlanFile, item: Task | Milestone, daysLate: number): ActionBase {
  return { file: pf.file, planTitle: pf.plan.title, plan: pf.plan, item, priority: priorityOf(item), daysLate };
}

type Keep = (who: string | undefined, item: Task | Milestone) => boolean;

function escalated(
  pf: PlanFile,
  item: Task | Milestone,
  what: LateWhat,
  owner: string,
  daysLate: number,
  e: Escalation,
): EscalatedItem {
  const out: EscalatedItem = {
    kind: 'escalated',
    ...base(pf, item, daysLate),
    what,
    owner,
    tier: e.tier ?? 1,
    tiers: e.tiers ?? 1,
  };
  if (e.escalateTo !== undefined) out.to = e.escalateTo;
  return out;
}

/** Tasks, follow-ups and check-ins late past a tier of their ladder. */
function escalatedWork(pf: PlanFile, today: Day, keep: Keep, out: ActionItem[]): void {
  for (const task of pf.plan.tasks) {
    if (task.status === 'done') continue;
    const s = taskState(pf, task, today);
    if (!s?.escalate || !keep(s.escalateTo, task)) continue;
    const what = s.state === 'overdue' ? 'task-overdue' : 'late-start';
    out.push(escalated(pf, task, what, task.owner, s.daysLate, s));
  }
  for (const f of followUps([pf], today, { overdueOnly: true })) {
    if (!f.escalate || !keep(f.escalateTo, f.task)) continue;
    const what = f.kind === 'check-in' ? 'check-in-overdue' : 'follow-up-overdue';
    const e = escalated(pf, f.task, what, f.task.owner, f.daysLate, f);
    e.with = f.with;
    if (f.index !== undefined) e.index = f.index;
    out.push(e);
  }
}

/** Work waiting for review: for its reviewer, and escalated past a tier of its ladder. */
function reviewsOf(pf: PlanFile, today: Day, keep: Keep, out: ActionItem[]): void {
  const cal = workCalendar(pf.plan.calendar);
  for (const r of awaitingReviews(pf.plan, pf.schedule, cal, today)) {
    if (keep(r.by, r.item)) {
      const item: ReviewItem = { kind: 'review', ...base(pf, r.item, r.late), reviewer: r.by };
      if (r.since !== undefined) item.since = r.since;
      out.push(item);
    }
    const e = escalationFor(pf.plan, r.late, r.priority);
    if (e.escalate && keep(e.escalateTo, r.item)) out.push(escalated(pf, r.item, 'awaiting-review', r.by, r.late, e));
  }
}

/** Interim controls not in place on tasks that are late (overdue or a late start). */
function interimsOf(pf: PlanFile, today: Day, keep: Keep, out: ActionItem[]): void {
  for (const task of pf.plan.tasks) {
    const interim = task.interim;
    if (!interim || interim.inPlace || task.status === 'done' || !keep(interim.owner, task)) continue;
    const s = taskState(pf, task, today);
    if (!s || (s.state !== 'overdue' && s.state !== 'late-start')) continue;
    out.push({
      kind: 'interim',
      ...base(pf, task, s.daysLate),
      item: task,
      control: interim.control,
      owner: interim.owner,
      state: s.state,
    });
  }
}

const PRIORITY_RANK: Record<Priority, number> = { p1: 0, p2: 1, p3: 2, p4: 3 };
const KIND_RANK: Record<ActionItem['kind'], number> = { escalated: 0, interim: 1, review: 2 };

/** Escalations, then interim controls, then reviews; in each, the highest tier, priority and lateness first. */
export function compareActions(a: ActionItem, b: ActionItem): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (a.kind === 'escalated' && b.kind === 'escalated' ? b.tier - a.tier : 0) ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    b.daysLate - a.daysLate ||
    compareText(a.file, b.file) ||
    compareText(a.item.id, b.item.id)
  );
}

export const comparePriority = (a: Priority, b: Priority): number => PRIORITY_RANK[a] - PRIORITY_RANK[b];
