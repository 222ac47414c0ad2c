/**
 * Which tasks and milestones depend, directly or not, on an item: the ones it must not come
 * to depend on (that would close a cycle). Uses the validator's dependency graph, so the
 * milestone rules (a task depends on everything its milestone depends on; depending on a
 * milestone is depending on all its tasks) are the same as the checks'.
 */
import type { Plan } from '../model';
import { buildDependencyGraph, type DependencyGraph } from '../validate/dependencyGraph';

interface Reverse {
  g: DependencyGraph;
  /** CSR of the reversed edges: who depends on node n. */
  offsets: Int32Array;
  sources: Int32Array;
  taskIndex: Map<string, number>;
  milestoneIndex: Map<string, number>;
}

const cache = new WeakMap<Plan, Reverse>();

function reverseOf(plan: Plan): Reverse {
  const known = cache.get(plan);
  if (known) return known;
  const g = buildDependencyGraph(plan);
  const offsets = new Int32Array(g.size + 1);
  for (let e = 0; e < g.targets.length; e++) offsets[g.targets[e]! + 1]!++;
  for (let i = 0; i < g.size; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, g.size);
  const sources = new Int32Array(g.targets.length);
  for (let n = 0; n < g.size; n++) {
    for (let e = g.offsets[n]!; e < g.offsets[n + 1]!; e++) sources[fill[g.targets[e]!]!++] = n;
  }
  const taskIndex = new Map<string, number>();
  plan.tasks.forEach((t, i) => { if (!taskIndex.has(t.id)) taskIndex.set(t.id, i); });
  const milestoneIndex = new Map<string, number>();
  plan.milestones.forEach((m, i) => { if (!milestoneIndex.has(m.id)) milestoneIndex.set(m.id, i); });
  const r: Reverse = { g, offsets, sources, taskIndex, milestoneIndex };
  cache.set(plan, r);
  return r;
}

/**
 * The ids of the items that may not be added to `id`'s depends_on: `id` itself and every
 * task or milestone that (transitively) depends on it. Empty when `id` is not in the plan.
 */
export function cycleRisks(plan: Plan, id: string): Set<string> {
  const item = plan.items.get(id);
  if (!item) return new Set();
  const r = reverseOf(plan);
  const T = plan.tasks.length;
  const out = reach(plan, r, item.kind === 'task' ? r.taskIndex.get(id)! : T + 2 * r.milestoneIndex.get(id)!);
  out.add(id);
  return out;
}

/**
 * The same for a task not in the plan yet (being written in milestone `milestoneId`): what
 * depends on the milestone's completion would wait for the new task. Its siblings are fine.
 */
export function newTaskCycleRisks(plan: Plan, milestoneId: string): Set<string> {
  const r = reverseOf(plan);
  const m = r.milestoneIndex.get(milestoneId);
  return m === undefined ? new Set() : reach(plan, r, plan.tasks.length + 2 * m + 1);
}

/** Every task and milestone whose node reaches `from` (a reverse breadth-first walk). */
function reach(plan: Plan, r: Reverse, from: number): Set<string> {
  const out = new Set<string>();
  const T = plan.tasks.length;
  const seen = new Uint8Array(r.g.size);
  const queue = [from];
  seen[from] = 1;
  for (let qi = 0; qi < queue.length; qi++) {
    const n = queue[qi]!;
    for (let e = r.offsets[n]!; e < r.offsets[n + 1]!; e++) {
      const m = r.sources[e]!;
      if (!seen[m]) { seen[m] = 1; queue.push(m); }
    }
  }
  for (const n of queue) {
    if (n < T) out.add(plan.tasks[n]!.id);
    else if ((n - T) % 2 === 1) out.add(plan.milestones[(n - T) >> 1]!.id); // done(m): depends on all of m
  }
  return out;
}
