/**
 * Work waiting for its review (docs/format.md "Reviews"): a done task with `review_by` and no
 * `reviewed_on`, since its `done_on`; a milestone once all its tasks are done (since the last
 * `done_on`), or, for a checkpoint, once its day has come. Late by the workdays since. Shared by
 * the schedule's `awaiting-review` diagnostics and the queries, so that both always agree.
 */
import type { Day } from '../day';
import { isFinished, priorityOf, type Milestone, type Plan, type Priority, type Task } from '../model';
import type { WorkCalendar } from './calendar';
import { daysLate } from './late';
import type { Schedule, ScheduledItem } from './types';

export interface AwaitingReview {
  item: Task | Milestone;
  by: string;
  /** The day the work was done (undefined: no done_on written). */
  since?: Day;
  /** Workdays since, up to today. */
  late: number;
  priority: Priority;
}

/** Every item awaiting review, tasks in file order then milestones; none once the plan is finished. */
export function awaitingReviews(plan: Plan, schedule: Schedule, cal: WorkCalendar, today: Day): AwaitingReview[] {
  const out: AwaitingReview[] = [];
  if (isFinished(plan)) return out;
  const push = (item: Task | Milestone, by: string, since: Day | undefined, priority: Priority): void => {
    const late = since === undefined ? 0 : daysLate(cal, since, today);
    out.push(since === undefined ? { item, by, late, priority } : { item, by, since, late, priority });
  };
  for (const t of plan.tasks)
    if (t.status === 'done' && t.review && t.review.on === undefined) push(t, t.review.by, t.doneOn, t.priority);
  for (const m of plan.milestones) {
    const waiting = milestoneReviewSince(m, schedule.byId.get(m.id), today);
    if (waiting) push(m, m.review!.by, waiting.since, priorityOf(m));
  }
  return out;
}

/**
 * When a milestone with `review_by` and no `reviewed_on` awaits its review: once all its tasks
 * are done (since the last `done_on`), or, for a checkpoint, once its day has come.
 */
function milestoneReviewSince(
  m: Milestone,
  item: ScheduledItem | undefined,
  today: Day,
): { since: Day | undefined } | undefined {
  if (!m.review || m.review.on !== undefined) return undefined;
  if (m.tasks.length === 0) return item && item.finish <= today ? { since: item.finish } : undefined;
  let since: Day | undefined;
  for (const t of m.tasks) {
    if (t.status !== 'done') return undefined;
    if (t.doneOn !== undefined && (since === undefined || t.doneOn > since)) since = t.doneOn;
  }
  return { since };
}
