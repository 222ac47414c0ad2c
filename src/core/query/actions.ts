/**
 * What the method asks of a person beyond their own tasks (docs/format.md "Escalation ladders",
 * "Reviews", "Interim controls"): items escalated to them, work waiting for their review, and
 * interim controls they must put in place. Escalations and reviews are read from the schedule's
 * own diagnostics, so that `workback check`, `escalations`, `tasks --me` and the sidebar always
 * agree. A finished plan (goal.achieved_on) asks nothing.
 */
import type { Day } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import { DEFAULT_PRIORITY, type Milestone, type Plan, type Priority, type Task } from '../model';
import { parseDay } from '../day';
import { resolveMe } from './people';
import { compareText, taskState, type PlanFile } from './planFile';

/** What is late, by the code of the schedule's diagnostic. */
export type LateWhat = 'task-overdue' | 'late-start' | 'follow-up-overdue' | 'check-in-overdue' | 'awaiting-review';
const LATE_CODES: ReadonlySet<string> = new Set([
  'task-overdue',
  'late-start',
  'follow-up-overdue',
  'check-in-overdue',
  'awaiting-review',
]);

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

export const isFinished = (plan: Plan): boolean => plan.goal.achievedOn !== undefined;

const priorityOf = (item: Task | Milestone): Priority =>
  item.kind === 'task' ? item.priority : (item.priority ?? DEFAULT_PRIORITY);

const str = (d: RawDiagnostic, key: string): string | undefined =>
  typeof d.data?.[key] === 'string' ? (d.data[key] as string) : undefined;
const num = (d: RawDiagnostic, key: string): number =>
  typeof d.data?.[key] === 'number' ? (d.data[key] as number) : 0;

/** The task or milestone a late diagnostic is about. */
function itemOfDiagnostic(plan: Plan, d: RawDiagnostic): Task | Milestone | undefined {
  const id = str(d, 'taskId') ?? str(d, 'itemId');
  return id === undefined ? undefined : plan.items.get(id);
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
    fromDiagnostics(pf, keep, out);
    interimsOf(pf, today, keep, out);
  }
  return out.sort(compareActions);
}

function base(pf: PlanFile, item: Task | Milestone, daysLate: number): ActionBase {
  return { file: pf.file, planTitle: pf.plan.title, plan: pf.plan, item, priority: priorityOf(item), daysLate };
}

function fromDiagnostics(
  pf: PlanFile,
  keep: (who: string | undefined, item: Task | Milestone) => boolean,
  out: ActionItem[],
): void {
  for (const d of pf.schedule.diagnostics) {
    if (!LATE_CODES.has(d.code)) continue;
    const item = itemOfDiagnostic(pf.plan, d);
    if (!item) continue;
    const daysLate = num(d, 'daysLate');
    if (d.code === 'awaiting-review') {
      const reviewer = str(d, 'reviewBy')!;
      if (keep(reviewer, item)) {
        const since = str(d, 'since');
        const r: ReviewItem = { kind: 'review', ...base(pf, item, daysLate), reviewer };
        const day = since === undefined ? undefined : parseDay(since);
        if (typeof day === 'number') r.since = day;
        out.push(r);
      }
    }
    if (d.data?.['escalate'] !== true) continue;
    const to = str(d, 'escalateTo');
    if (!keep(to, item)) continue;
    const owner = d.code === 'awaiting-review' ? str(d, 'reviewBy')! : item.kind === 'task' ? item.owner : '';
    const e: EscalatedItem = {
      kind: 'escalated',
      ...base(pf, item, daysLate),
      what: d.code as LateWhat,
      owner,
      tier: num(d, 'tier'),
      tiers: num(d, 'tiers'),
    };
    if (to !== undefined) e.to = to;
    const withPerson = str(d, 'with');
    if (withPerson !== undefined) e.with = withPerson;
    out.push(e);
  }
}

/** Interim controls not in place on tasks that are late (overdue or a late start). */
function interimsOf(
  pf: PlanFile,
  today: Day,
  keep: (who: string | undefined, item: Task | Milestone) => boolean,
  out: ActionItem[],
): void {
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
