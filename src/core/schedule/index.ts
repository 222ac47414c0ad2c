/**
 * schedulePlan: the workback schedule of a typed plan for a given today (docs/format.md "Backward: the
 * latest dates", "Forward: earliest dates, slack and the critical path", "Late, overdue and
 * escalation"). Linear in the size of the plan, iterative everywhere, bounded to 1970-2199;
 * never throws on a cyclic or out-of-range plan.
 *
 * Where the format is silent (docs/format.md "Choices where the format is silent"):
 * - A cycle (which the validator reports first) gives no items and one `dependency-cycle`;
 *   a task depending on its own milestone, or a milestone on one of its own tasks, is a cycle
 *   (every task of M depends on M / on Y, itself included). Unknown ids add no edge.
 * - Dates the backward pass would put outside 1970-2199 give no items and one
 *   `schedule-out-of-range` (on the task's duration); earliest dates outside it keep the
 *   backward schedule and leave out earliest dates, slack and minSlack (null), with the warning
 *   `earliest-out-of-range` (the plan has no error: every query and the timeline still answer).
 * - Done tasks get LS/LF (drawn as done) but no earliest dates, slack or critical flag.
 * - The critical path lists the critical tasks by earliest start, then file order.
 * - One lateness diagnostic per task: overdue wins over a late start. Days late may be 0
 *   (LF on Friday, today Saturday). Information becomes a warning once escalated; without a
 *   ladder (`policy.escalation`, or the older `escalate_after`) nothing is escalated; with
 *   nobody to escalate to it is still flagged (escalation.ts).
 * - Once the plan is finished (`goal.achieved_on`), only `finished-late` is said of its tasks.
 * - Overdue follow-ups are reported whatever the task's status; check-ins apply to every
 *   task that is not done (blocked ones included).
 * - `start-too-late` is checked for tasks that are not done, against the later of `start` and
 *   `not_before`, on the `not_before` value when that binds, else on the task's id.
 * - Each task counts its own calendar (taskCalendars.ts: less its freezes and its owner's leave):
 *   durations, latest and earliest dates, slack and start-too-late; checkpoints, days late,
 *   follow-ups and check-ins count the plan's. Slack is counted at the finish (EF..LF), the same
 *   as LS - ES except for a `doing` task with `remaining`, which starts today whatever it waits for.
 * - `owner-overbooked` compares each person's open tasks, LS..LF, with their capacity
 *   (overbooked.ts), except in a finished plan.
 */
import type { Day } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import { cycleNames, findCycle, orderedGraph, type PlanGraph } from '../graph';
import { isFinished, type Plan, type Priority, type Task } from '../model';
import { awaitingReviews } from './reviews';
import { scheduleBackward } from './backward';
import { workCalendar, type WorkCalendar } from './calendar';
import { ownerOverbooked } from './overbooked';
import { taskCalendars } from './taskCalendars';
import * as D from './diagnostics';
import { scheduleForward } from './forward';
import { daysLate, nextCheckIn, taskLateness } from './late';
import type { Schedule, ScheduledItem } from './types';

export type { Schedule, ScheduledItem } from './types';
export { makeCalendar, workCalendar } from './calendar';
export type { WorkCalendar } from './calendar';
export { toScheduleJson } from './json';
export { lateWords, slackState, slackWords } from './slack';
export { daysText } from './diagnostics';
export { daysOffOf, daysOffWithin } from './taskCalendars';
export type { DaysOff, DaysOffWithin } from './taskCalendars';
export type { SlackState } from './slack';
export type { ScheduleJson, ScheduleJsonItem } from './json';
export { checkInWith, daysLate, nextCheckIn, taskLateness } from './late';
export type { Lateness, TaskStateName } from './late';
export { escalatedWords, escalationFor, ladderFor } from './escalation';
export { awaitingReviews } from './reviews';
export type { AwaitingReview } from './reviews';
export type { Escalation, Rung } from './escalation';

export function schedulePlan(plan: Plan, today: Day): Schedule {
  const diagnostics: RawDiagnostic[] = [];
  const empty = (): Schedule => ({ today, items: [], byId: new Map(), minSlack: null, diagnostics });

  const cal = workCalendar(plan.calendar);
  if (cal.workdayCount === 0) {
    diagnostics.push(D.noWorkdays(plan));
    return empty();
  }
  const { graph: g, order, complete } = orderedGraph(plan);
  if (!complete) {
    diagnostics.push(cycleDiagnostic(g, findCycle(g, order)));
    return empty();
  }

  const calOf = taskCalendars(plan, cal);
  const back = scheduleBackward(plan, g, cal, calOf, order);
  if (back.outOfRange) {
    const { node, bound } = back.outOfRange;
    const task = g.task[node];
    const span = task ? D.valueSpan(task.node, 'duration', task.idSpan) : g.milestone[node]!.idSpan;
    diagnostics.push(D.outOfRangeBackward(plan, task?.id ?? g.milestone[node]!.id, task, bound, span));
    return empty();
  }
  const fwd = scheduleForward(plan, g, calOf, order, back.duration, today);
  if (fwd.outOfRange) {
    const task = g.task[fwd.outOfRange.node]!;
    diagnostics.push(D.outOfRangeForward(task, fwd.outOfRange.from, D.valueSpan(task.node, 'duration', task.idSpan)));
  }
  const forwardOk = !fwd.outOfRange;

  const items: ScheduledItem[] = [];
  const byId = new Map<string, ScheduledItem>();
  let minSlack: number | null = null;
  for (const n of g.items) {
    const task = g.task[n];
    const m = g.milestone[n]!;
    let item: ScheduledItem;
    if (task && forwardOk && task.status !== 'done') {
      // counted at the finish: the same as LS - ES, and still true of a task with `remaining`
      const slack = calOf(task).signedWorkdays(fwd.ef[n]!, back.lf[n]!);
      if (minSlack === null || slack < minSlack) minSlack = slack;
      item = {
        id: task.id,
        kind: 'task',
        milestone: m.id,
        start: back.ls[n]!,
        finish: back.lf[n]!,
        earliestStart: fwd.es[n]!,
        earliestFinish: fwd.ef[n]!,
        slack,
        critical: false,
        task,
      };
    } else if (task) {
      item = {
        id: task.id,
        kind: 'task',
        milestone: m.id,
        start: back.ls[n]!,
        finish: back.lf[n]!,
        critical: false,
        task,
      };
    } else {
      item = {
        id: m.id,
        kind: 'checkpoint',
        milestone: m.id,
        start: back.ls[n]!,
        finish: back.lf[n]!,
        critical: false,
        checkpoint: m,
      };
    }
    items.push(item);
    if (!byId.has(item.id)) byId.set(item.id, item);
  }

  if (minSlack !== null) for (const item of items) item.critical = item.slack === minSlack;
  const schedule: Schedule = { today, items, byId, minSlack, diagnostics };
  if (minSlack !== null && minSlack < 0) diagnostics.push(D.goalInfeasible(plan, minSlack, criticalPath(schedule)));
  const finished = isFinished(plan);
  for (const item of items)
    if (item.task)
      diagnoseTask(plan, { plan: cal, own: calOf(item.task) }, item.task, item, today, diagnostics, finished);
  if (!finished) ownerOverbooked(plan, items, cal, diagnostics);
  for (const r of awaitingReviews(plan, schedule, cal, today))
    diagnostics.push(D.awaitingReview(plan, r.item, r.by, r.since, r.late, r.priority));

  return schedule;
}

/** The ids of the critical tasks in the order work runs through them (earliest start, then file order). */
export function criticalPath(schedule: Schedule): string[] {
  return schedule.items
    .map((item, i) => ({ item, i }))
    .filter((x) => x.item.critical)
    .sort((a, b) => (a.item.earliestStart ?? 0) - (b.item.earliestStart ?? 0) || a.i - b.i)
    .map((x) => x.item.id);
}

/**
 * A task's date-dependent problems. Once the plan is finished (`goal.achieved_on`), only how
 * late the work was done is said: nothing is still to do, follow or review.
 */
function diagnoseTask(
  plan: Plan,
  cals: { plan: WorkCalendar; own: WorkCalendar },
  task: Task,
  item: ScheduledItem,
  today: Day,
  out: RawDiagnostic[],
  finished: boolean,
): void {
  const cal = cals.plan; // days late, follow-ups and check-ins count in the plan's calendar
  // done on a day off right after the latest finish is no workday late: nothing to say
  const lateBy = task.status === 'done' && task.doneOn !== undefined ? daysLate(cal, item.finish, task.doneOn) : 0;
  if (lateBy > 0) out.push(D.finishedLate(task, task.doneOn!, item.finish, lateBy));
  if (finished) return;
  if (task.status !== 'done') {
    // LS before the plan's start or the task's not_before: the later of the two binds.
    const start = plan.start;
    const notBefore = task.notBefore;
    const earliest = Math.max(start ?? -Infinity, notBefore ?? -Infinity);
    if (item.start < earliest) {
      out.push(
        // short by the task's own workdays, as its slack counts them
        D.startTooLate(
          task,
          item.start,
          earliest,
          notBefore === earliest,
          cals.own.countWorkdays(item.start, earliest),
        ),
      );
    }
  }
  const late = taskLateness(cal, task, item, today);
  if (late.state === 'overdue') out.push(D.taskOverdue(plan, task, item.finish, late.daysLate));
  else if (late.state === 'late-start') out.push(D.lateStart(plan, task, item.start, late.daysLate));
  if ((late.state === 'overdue' || late.state === 'late-start') && isUrgent(task.priority) && !task.interim)
    out.push(D.noInterimControl(task, late.state, late.daysLate));
  for (const f of task.followUps) {
    if (!f.done && f.on < today) out.push(D.followUpOverdue(plan, task, f, daysLate(cal, f.on, today)));
  }
  const checkIn = nextCheckIn(plan, cal, task, item, today);
  if (checkIn !== undefined && checkIn < today)
    out.push(D.checkInOverdue(plan, task, checkIn, daysLate(cal, checkIn, today)));
}

/** p1 and p2 work needs an interim control while it is late. */
export const isUrgent = (p: Priority): boolean => p === 'p1' || p === 'p2';

function cycleDiagnostic(g: PlanGraph, cycle: number[]): RawDiagnostic {
  const names = cycleNames(g, cycle);
  const first = cycle.length ? cycle[0]! : 0;
  const span = g.task[first]?.idSpan ?? g.milestone[first]?.idSpan ?? { start: 0, end: 0 };
  return D.dependencyCycle(names, span);
}
