/**
 * The plan graph of a plan, built once: the validator's cycle check, the scheduler and the
 * completion of `depends_on` share it (a plan object is never changed after the validator built it).
 */
import type { Plan } from '../model';
import { reverseTopologicalOrder } from './order';
import { buildPlanGraph, type PlanGraph } from './planGraph';
import { buildWaiters, type Waiters } from './waiters';

export {
  CHECKPOINT,
  MILESTONE_END,
  MILESTONE_START,
  TASK,
  doneNode,
  nodeName,
  startNode,
  type PlanGraph,
} from './planGraph';
export { findCycle } from './order';
export { cycleIn, cycleNames, cyclicComponents, edgeSource } from './cycles';
export type { Waiters } from './waiters';

export interface OrderedGraph {
  graph: PlanGraph;
  /** Reverse topological: every node after all the nodes that wait for it. */
  order: Int32Array;
  /** False when a cycle keeps some nodes out of `order`. */
  complete: boolean;
  /** Built the first time something walks the edges the other way. */
  waiters?: Waiters;
}

/**
 * Kept on the plan itself, in a property that is neither enumerable nor copied by a spread: a
 * module-level WeakMap keyed by plans made V8's young-generation collections keep every checked
 * plan (and its source tree) alive, so they were all promoted to the old generation; checking
 * 1,000 small plans spent a quarter of its time collecting garbage.
 */
const ORDERED = Symbol('orderedGraph');

export function orderedGraph(plan: Plan): OrderedGraph {
  const memo = plan as Plan & { [ORDERED]?: OrderedGraph };
  let hit = memo[ORDERED];
  if (!hit) {
    const graph = buildPlanGraph(plan);
    hit = { graph, ...reverseTopologicalOrder(graph) };
    Object.defineProperty(memo, ORDERED, { value: hit });
  }
  return hit;
}

export function waitersOf(plan: Plan): { graph: PlanGraph; waiters: Waiters } {
  const hit = orderedGraph(plan);
  hit.waiters ??= buildWaiters(hit.graph);
  return { graph: hit.graph, waiters: hit.waiters };
}
