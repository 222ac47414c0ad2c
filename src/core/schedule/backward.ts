/**
 * The backward pass (docs/format.md "Backward: the latest dates"): latest finish and latest start of every
 * task, the day of every checkpoint, walking from the goal back through the dependencies.
 */
import type { Day } from '../day';
import { CHECKPOINT, TASK, type PlanGraph } from '../graph';
import { durationWorkdays, type Plan } from '../model';
import type { WorkCalendar } from './calendar';
import type { CalendarOf } from './taskCalendars';

export const FAR_FUTURE = 0x3fffffff;
export const FAR_PAST = -0x3fffffff;

export interface BackwardResult {
  /** Latest start (a checkpoint's day) per node; meaningful for TASK and CHECKPOINT nodes. */
  ls: Int32Array;
  /** Latest finish (a checkpoint's day) per node. */
  lf: Int32Array;
  /** Workdays each node spans (0 for checkpoints and virtual nodes). */
  duration: Float64Array;
  /** The first node whose dates fell outside 1970-2199, when the pass failed. */
  outOfRange?: { node: number; bound: Day };
}

export function durationsOf(plan: Plan, g: PlanGraph): Float64Array {
  const duration = new Float64Array(g.size);
  for (let n = 0; n < g.size; n++) {
    const t = g.task[n];
    // The schema allows no duration below 1d; a model built by hand still gets at least one workday.
    if (t) duration[n] = Math.max(1, durationWorkdays(t.duration, plan.calendar) || 1);
  }
  return duration;
}

/**
 * `order` is reverse topological: every node comes after all of its successors. Tasks count in
 * their own calendar (`calOf`), checkpoints in the plan's (`cal`).
 */
export function scheduleBackward(
  plan: Plan,
  g: PlanGraph,
  cal: WorkCalendar,
  calOf: CalendarOf,
  order: Int32Array,
): BackwardResult {
  const duration = durationsOf(plan, g);
  const ls = new Int32Array(g.size);
  const lf = new Int32Array(g.size);
  // bound[n]: the calendar day by which n must be finished (before prev()).
  const bound = new Int32Array(g.size).fill(FAR_FUTURE);
  const goalDue = plan.goal.due;
  for (let n = 0; n < g.size; n++) {
    const k = g.kind[n];
    if (k === TASK) bound[n] = Math.min(goalDue, g.task[n]!.due ?? FAR_FUTURE, g.milestone[n]!.due ?? FAR_FUTURE);
    else if (k === CHECKPOINT) bound[n] = Math.min(goalDue, g.milestone[n]!.due ?? FAR_FUTURE);
  }
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    const k = g.kind[n];
    // What n hands its predecessors: the day before a task's LS, a checkpoint's own day,
    // or, through a virtual milestone node, the tightest of its successors'.
    let pass: number;
    if (k === TASK) {
      const own = calOf(g.task[n]!);
      const finish = own.prevWorkday(bound[n]!);
      const start = finish === undefined ? undefined : own.addWorkdays(finish, -(duration[n]! - 1));
      if (start === undefined) return { ls, lf, duration, outOfRange: { node: n, bound: bound[n]! } };
      lf[n] = finish!;
      ls[n] = start;
      pass = start - 1;
    } else if (k === CHECKPOINT) {
      const day = cal.prevWorkday(bound[n]!);
      if (day === undefined) return { ls, lf, duration, outOfRange: { node: n, bound: bound[n]! } };
      lf[n] = ls[n] = day;
      pass = day;
    } else {
      pass = bound[n]!;
    }
    for (let j = g.firstEdge[n]!; j < g.firstEdge[n + 1]!; j++) {
      const p = g.waitsFor[j]!;
      if (pass < bound[p]!) bound[p] = pass;
    }
  }
  return { ls, lf, duration };
}
