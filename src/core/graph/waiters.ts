/** The plan graph's edges walked the other way: for each node, the nodes that wait for it. */
import type { PlanGraph } from './planGraph';

export interface Waiters {
  /** The waiters of node n: waiter[firstWaiter[n] .. firstWaiter[n + 1] - 1], by node number. */
  firstWaiter: Int32Array;
  waiter: Int32Array;
}

export function buildWaiters(g: PlanGraph): Waiters {
  const firstWaiter = new Int32Array(g.size + 1);
  for (let e = 0; e < g.waitsFor.length; e++) firstWaiter[g.waitsFor[e]! + 1]!++;
  for (let n = 0; n < g.size; n++) firstWaiter[n + 1]! += firstWaiter[n]!;
  const fill = firstWaiter.slice(0, g.size);
  const waiter = new Int32Array(g.waitsFor.length);
  for (let n = 0; n < g.size; n++) {
    for (let e = g.firstEdge[n]!; e < g.firstEdge[n + 1]!; e++) waiter[fill[g.waitsFor[e]!]!++] = n;
  }
  return { firstWaiter, waiter };
}
