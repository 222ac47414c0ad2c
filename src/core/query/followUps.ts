/**
 * Follow-ups across plans: the explicit `follow_ups` of tasks and the check-ins due under
 * `policy.check_in_every` (docs/format.md "Late, overdue and escalation"). The "Follow-ups" view and `workback follow-ups`.
 */
import type { Day } from '../day';
import { isFinished, type Task } from '../model';
import { workCalendar } from '../schedule/calendar';
import { escalationFor, type Escalation } from '../schedule/escalation';
import { checkInWith, daysLate, nextCheckIn } from '../schedule/late';
import { resolveMe } from './people';
import { compareText, itemOf, type PlanFile } from './planFile';

export interface FollowUpEntry {
  file: string;
  planTitle: string;
  task: Task;
  kind: 'follow-up' | 'check-in';
  /** The follow-up's day; for a check-in, the day it is (or was) due. */
  on: Day;
  /** Person id: the follow-up's `with`; for a check-in, who checks on the owner (checkInWith). */
  with: string;
  about?: string;
  done: boolean;
  /** Not done and `on < today`. */
  overdue: boolean;
  daysLate: number;
  escalate: boolean;
  escalateTo?: string;
  tier?: number;
  tiers?: number;
  /** The follow-up's index in the task's `follow_ups` (for edits); absent for check-ins. */
  index?: number;
}

export interface FollowUpOptions {
  /** Only follow-ups I owe: on tasks I own, or where I am `with` (ids or emails). */
  me?: readonly string[];
  /** Only overdue ones. */
  overdueOnly?: boolean;
  /** Also list explicit follow-ups already done (default: only the ones still to do). */
  includeDone?: boolean;
}

/** Overdue first (most days late first), then upcoming by date; then by file, file order and index. */
export function followUps(files: readonly PlanFile[], today: Day, options: FollowUpOptions = {}): FollowUpEntry[] {
  const out: { entry: FollowUpEntry; order: number }[] = [];
  for (const pf of files) {
    const { plan } = pf;
    if (isFinished(plan)) continue; // a finished plan owes no follow-up
    const cal = workCalendar(plan.calendar);
    const mine = options.me ? new Set(resolveMe(plan, options.me)) : undefined;
    if (mine && mine.size === 0) continue;
    const push = (
      task: Task,
      e: Omit<FollowUpEntry, 'file' | 'planTitle' | 'task' | 'overdue' | 'daysLate' | 'escalate'>,
    ): void => {
      if (mine && !mine.has(task.owner) && !mine.has(e.with)) return;
      const overdue = !e.done && e.on < today;
      if (options.overdueOnly && !overdue) return;
      const late = overdue ? daysLate(cal, e.on, today) : 0;
      const esc: Escalation = overdue ? escalationFor(plan, late, task.priority) : { escalate: false };
      const entry: FollowUpEntry = {
        file: pf.file,
        planTitle: plan.title,
        task,
        ...e,
        overdue,
        daysLate: late,
        escalate: esc.escalate,
      };
      if (esc.escalateTo !== undefined) entry.escalateTo = esc.escalateTo;
      if (esc.tier !== undefined) {
        entry.tier = esc.tier;
        entry.tiers = esc.tiers;
      }
      out.push({ entry, order: task.index });
    };
    for (const task of plan.tasks) {
      for (const f of task.followUps) {
        if (f.done && !options.includeDone) continue;
        const e: Omit<FollowUpEntry, 'file' | 'planTitle' | 'task' | 'overdue' | 'daysLate' | 'escalate'> = {
          kind: 'follow-up',
          on: f.on,
          with: f.with,
          done: f.done,
          index: f.index,
        };
        if (f.about !== undefined) e.about = f.about;
        push(task, e);
      }
      const item = itemOf(pf.schedule, task);
      const on = item && nextCheckIn(plan, cal, task, item, today);
      const checker = checkInWith(plan, task);
      if (on !== undefined && checker !== undefined) push(task, { kind: 'check-in', on, with: checker, done: false });
    }
  }
  out.sort((a, b) => {
    const x = a.entry;
    const y = b.entry;
    return (
      Number(y.overdue) - Number(x.overdue) ||
      y.daysLate - x.daysLate ||
      x.on - y.on ||
      compareText(x.file, y.file) ||
      a.order - b.order ||
      (x.kind === y.kind ? 0 : x.kind === 'follow-up' ? -1 : 1) ||
      (x.index ?? 0) - (y.index ?? 0)
    );
  });
  return out.map((x) => x.entry);
}
