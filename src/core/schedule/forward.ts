/**
 * The forward pass (docs/format.md "Forward: earliest dates, slack and the critical path"): earliest start and finish of every
 * task that is not done, from today, `start` and `not_before`, in the task's own calendar. Done
 * tasks constrain nothing; checkpoints and the virtual milestone nodes pass on the latest finish
 * of what they depend on. A task in progress with `remaining` starts today, whatever it waits for,
 * and lasts what remains (docs/format.md "Remaining work").
 */
import type { Day } from '../day';
import { TASK, type PlanGraph } from '../graph';
import { durationWorkdays, type Plan } from '../model';
import { FAR_PAST } from './backward';
import type { CalendarOf } from './taskCalendars';

export interface ForwardResult {
  /** Earliest start / finish per node; meaningful for TASK nodes that are not done. */
  es: Int32Array;
  ef: Int32Array;
  /** The first node whose earliest dates fell outside 1970-2199, when the pass failed. */
  outOfRange?: { node: number; from: Day };
}

/** `order` is reverse topological; the pass walks it from the end. */
export function scheduleForward(
  plan: Plan,
  g: PlanGraph,
  calOf: CalendarOf,
  order: Int32Array,
  duration: Float64Array,
  today: Day,
): ForwardResult {
  const es = new Int32Array(g.size);
  const ef = new Int32Array(g.size);
  // out[n]: the latest finish n hands its successors (FAR_PAST: constrains nothing).
  const out = new Int32Array(g.size).fill(FAR_PAST);
  const floor = Math.max(today, plan.start ?? FAR_PAST);
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    let after = FAR_PAST;
    for (let j = g.firstEdge[n]!; j < g.firstEdge[n + 1]!; j++) {
      const f = out[g.waitsFor[j]!]!;
      if (f > after) after = f;
    }
    if (g.kind[n] !== TASK) {
      out[n] = after;
      continue;
    }
    const t = g.task[n]!;
    if (t.status === 'done') continue; // out[n] stays FAR_PAST
    const cal = calOf(t);
    const inProgress = t.status === 'doing' && t.remaining !== undefined;
    const from = inProgress ? today : Math.max(floor, t.notBefore ?? FAR_PAST, after + 1);
    const lasts = inProgress ? Math.max(1, durationWorkdays(t.remaining!, plan.calendar)) : duration[n]!;
    const start = cal.nextWorkday(from);
    const finish = start === undefined ? undefined : cal.addWorkdays(start, lasts - 1);
    if (finish === undefined) return { es, ef, outOfRange: { node: n, from } };
    es[n] = start!;
    ef[n] = out[n] = finish;
  }
  return { es, ef };
}
