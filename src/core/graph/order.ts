/** The order the scheduler walks the plan graph in, and the cycle it names when there is none. */
import { CHECKPOINT, type PlanGraph } from './planGraph';

/**
 * Nodes ordered so that every node comes after all the nodes that wait for it (reverse
 * topological order), by Kahn's algorithm: iterative, linear. `complete` is false when a cycle
 * keeps some nodes out of the order.
 *
 * Where several items fall outside 1970-2199, the scheduler names the first it meets, so the
 * order is the one it has always had: milestones' done nodes first, in file order; a task's
 * milestone start released before its written dependencies; and a checkpoint's two nodes, one
 * day, ordered as one.
 */
export function reverseTopologicalOrder(g: PlanGraph): { order: Int32Array; complete: boolean } {
  const waiters = new Int32Array(g.size);
  for (let e = 0; e < g.waitsFor.length; e++) waiters[g.waitsFor[e]!]!++;
  const queue = new Int32Array(g.size);
  const order = new Int32Array(g.size);
  let head = 0;
  let tail = 0;
  let ordered = 0;
  for (let n = 0; n < g.size; n++) if (waiters[n] === 0) queue[tail++] = n;
  while (head < tail) {
    let s = queue[head++]!;
    order[ordered++] = s;
    if (g.kind[s] === CHECKPOINT) order[ordered++] = --s; // its start, which nothing else waits for
    let last = g.firstEdge[s + 1]!;
    if (s < g.taskCount) {
      const start = g.waitsFor[--last]!; // the task's milestone start, released first
      if (--waiters[start]! === 0) queue[tail++] = start;
    }
    for (let e = g.firstEdge[s]!; e < last; e++) {
      const n = g.waitsFor[e]!;
      if (--waiters[n]! === 0) queue[tail++] = n;
    }
  }
  return { order: order.subarray(0, ordered), complete: ordered === g.size };
}

/**
 * One cycle among the nodes a topological order could not reach, as the node list around it
 * (the first node is not repeated at the end), found from the first such node in file order.
 * Iterative; only used on the bad path.
 */
export function findCycle(g: PlanGraph, ordered: Int32Array): number[] {
  const done = new Uint8Array(g.size);
  for (let i = 0; i < ordered.length; i++) done[ordered[i]!] = 1;
  const nodes = inFileOrder(g);
  // A waiter of each remaining node, itself remaining: each has one (else it would be ordered).
  const next = new Int32Array(g.size).fill(-1);
  for (const s of nodes) {
    if (done[s]) continue;
    for (let e = g.firstEdge[s]!; e < g.firstEdge[s + 1]!; e++) {
      const p = g.waitsFor[e]!;
      if (!done[p] && next[p] === -1) next[p] = s;
    }
  }
  const start = nodes.find((n) => !done[n] && next[n] !== -1);
  if (start === undefined) return [];
  // Walk the waiters until a node repeats: the walk from there on is a cycle.
  const seenAt = new Int32Array(g.size).fill(-1);
  const walk: number[] = [];
  let n = start;
  while (seenAt[n] === -1) {
    seenAt[n] = walk.length;
    walk.push(n);
    n = next[n]!;
    if (n < 0) return [];
  }
  return walk.slice(seenAt[n]);
}

/** Every node in the order the file writes it: each milestone's start, its tasks, its done. */
function inFileOrder(g: PlanGraph): Int32Array {
  const out = new Int32Array(g.size);
  let i = 0;
  let task = 0;
  for (let start = g.taskCount; start < g.size; start += 2) {
    out[i++] = start;
    for (let k = g.milestone[start]!.tasks.length; k > 0; k--) out[i++] = task++;
    out[i++] = start + 1;
  }
  return out;
}
