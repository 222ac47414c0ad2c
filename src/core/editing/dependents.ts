/**
 * Which tasks and milestones depend, directly or not, on an item: the ones it must not come
 * to depend on (that would close a cycle). Walks the plan graph the validator checks, so the
 * milestone rules (a task depends on everything its milestone depends on; depending on a
 * milestone is depending on all its tasks) are the same as the checks'.
 */
import { doneNode, startNode, waitersOf, type PlanGraph } from '../graph';
import type { Plan } from '../model';

/**
 * The ids of the items that may not be added to `id`'s depends_on: `id` itself and every
 * task or milestone that (transitively) depends on it. Empty when `id` is not in the plan.
 */
export function cycleRisks(plan: Plan, id: string): Set<string> {
  const item = plan.items.get(id);
  if (!item) return new Set();
  const out = reach(plan, (g) => (item.kind === 'task' ? item.index : startNode(g, item.index)));
  out.add(id);
  return out;
}

/**
 * The same for a task not in the plan yet (being written in milestone `milestoneId`): what
 * depends on the milestone's completion would wait for the new task. Its siblings are fine.
 */
export function newTaskCycleRisks(plan: Plan, milestoneId: string): Set<string> {
  const m = plan.milestones.findIndex((x) => x.id === milestoneId);
  return m < 0 ? new Set() : reach(plan, (g) => doneNode(g, m));
}

/** Every task and milestone whose node reaches the node `from` picks (a reverse breadth-first walk). */
function reach(plan: Plan, pick: (g: PlanGraph) => number): Set<string> {
  const {
    graph: g,
    waiters: { firstWaiter, waiter },
  } = waitersOf(plan);
  const from = pick(g);
  const out = new Set<string>();
  const seen = new Uint8Array(g.size);
  const queue = [from];
  seen[from] = 1;
  for (let qi = 0; qi < queue.length; qi++) {
    const n = queue[qi]!;
    for (let e = firstWaiter[n]!; e < firstWaiter[n + 1]!; e++) {
      const m = waiter[e]!;
      if (!seen[m]) {
        seen[m] = 1;
        queue.push(m);
      }
    }
  }
  for (const n of queue) {
    if (n < g.taskCount) out.add(g.task[n]!.id);
    else if ((n - g.taskCount) % 2 === 1) out.add(g.milestone[n]!.id); // a milestone's done: depends on all of it
  }
  return out;
}
