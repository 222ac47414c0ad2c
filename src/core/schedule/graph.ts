/**
 * The dependency graph the scheduler walks, with docs/format.md's milestone rules expanded linearly:
 *
 * - a milestone with tasks gets two virtual nodes, `start` and `end`;
 *   every task of M depends on M.start, and M.end depends on every task of M;
 * - "X depends on M" is the edge M.end -> X (M's checkpoint node when M has no tasks);
 * - "M depends on Y" is the edge Y -> M.start (Y -> the checkpoint when M has no tasks).
 *
 * So a milestone of 1000 tasks depending on another of 1000 tasks costs about 4000 edges, not 10^6,
 * and min/max over the virtual nodes give exactly the results of the full expansion.
 * Edges run predecessor -> successor and are stored as predecessor lists (CSR).
 */
import type { Milestone, Plan, Task } from '../model';

export const TASK = 0;
export const CHECKPOINT = 1;
export const MILESTONE_START = 2;
export const MILESTONE_END = 3;

export interface PlanGraph {
  size: number;
  /** TASK, CHECKPOINT, MILESTONE_START or MILESTONE_END per node. */
  kind: Uint8Array;
  /** The task of a TASK node. */
  task: (Task | undefined)[];
  /** The milestone of every node (a task's own milestone). */
  milestone: Milestone[];
  /** Predecessors of node n: preds[predStart[n] .. predStart[n+1]-1]. */
  predStart: Int32Array;
  preds: Int32Array;
  /** TASK and CHECKPOINT nodes in file order: the schedule's items. */
  items: number[];
}

interface OrderedGraph {
  graph: PlanGraph;
  order: Int32Array;
  complete: boolean;
}

/**
 * The graph and its order, built once per plan: the validator's cycle check and the scheduler
 * share them (a plan object is never changed after the validator built it). Kept on the plan
 * itself, in a property that is neither enumerable nor copied by a spread: a module-level
 * WeakMap keyed by plans made V8's young-generation collections keep every checked plan (and
 * its source tree) alive, so they were all promoted to the old generation; checking 1,000 small
 * plans spent a quarter of its time collecting garbage.
 */
const ORDERED = Symbol('orderedGraph');

export function orderedGraph(plan: Plan): OrderedGraph {
  const memo = plan as Plan & { [ORDERED]?: OrderedGraph };
  let hit = memo[ORDERED];
  if (!hit) {
    const graph = buildGraph(plan);
    hit = { graph, ...reverseTopologicalOrder(graph) };
    Object.defineProperty(memo, ORDERED, { value: hit });
  }
  return hit;
}

export function buildGraph(plan: Plan): PlanGraph {
  let size = 0;
  let edgeCount = 0;
  for (const m of plan.milestones) {
    size += m.tasks.length ? m.tasks.length + 2 : 1;
    edgeCount += m.dependsOn.length + 2 * m.tasks.length;
    for (const t of m.tasks) edgeCount += t.dependsOn.length;
  }
  const kind = new Uint8Array(size);
  const task = new Array<Task | undefined>(size).fill(undefined);
  const milestone = new Array<Milestone>(size);
  const items: number[] = [];
  /** Per milestone: its first node (start, or the checkpoint); its tasks follow, then its end node. */
  const first = new Int32Array(plan.milestones.length);
  /** Id -> the node that "X depends on <id>" points at; the first occurrence wins, as in `plan.items`. */
  const byId = new Map<string, number>();
  const name = (id: string, n: number): void => {
    if (!byId.has(id)) byId.set(id, n);
  };

  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  let edges = 0;
  const edge = (p: number, s: number): void => {
    from[edges] = p;
    to[edges++] = s;
  };

  let n = 0;
  plan.milestones.forEach((m, mi) => {
    first[mi] = n;
    if (m.tasks.length === 0) {
      kind[n] = CHECKPOINT;
      milestone[n] = m;
      items.push(n);
      name(m.id, n++);
      return;
    }
    const s = n++;
    const e = s + m.tasks.length + 1;
    kind[s] = MILESTONE_START;
    kind[e] = MILESTONE_END;
    milestone[s] = milestone[e] = m;
    name(m.id, e);
    for (const t of m.tasks) {
      kind[n] = TASK;
      task[n] = t;
      milestone[n] = m;
      items.push(n);
      name(t.id, n);
      edge(s, n);
      edge(n, e);
      n++;
    }
    n++;
  });

  // Unknown ids are the validator's business: they add no edge.
  plan.milestones.forEach((m, mi) => {
    const s = first[mi]!;
    for (const ref of m.dependsOn) {
      const p = byId.get(ref.id);
      if (p !== undefined) edge(p, s);
    }
    m.tasks.forEach((t, j) => {
      for (const ref of t.dependsOn) {
        const p = byId.get(ref.id);
        if (p !== undefined) edge(p, s + 1 + j);
      }
    });
  });

  const predStart = new Int32Array(size + 1);
  for (let i = 0; i < edges; i++) predStart[to[i]! + 1]!++;
  for (let i = 0; i < size; i++) predStart[i + 1]! += predStart[i]!;
  const fill = predStart.slice(0, size);
  const preds = new Int32Array(edges);
  for (let i = 0; i < edges; i++) preds[fill[to[i]!]!++] = from[i]!;

  return { size, kind, task, milestone, predStart, preds, items };
}

/**
 * Nodes ordered so that every node comes after all its successors (reverse topological order),
 * by Kahn's algorithm on the reversed graph: iterative, linear. `complete` is false when a
 * cycle keeps some nodes out of the order.
 */
export function reverseTopologicalOrder(g: PlanGraph): { order: Int32Array; complete: boolean } {
  const outdeg = new Int32Array(g.size);
  for (let i = 0; i < g.preds.length; i++) outdeg[g.preds[i]!]!++;
  const order = new Int32Array(g.size);
  let head = 0;
  let tail = 0;
  for (let n = 0; n < g.size; n++) if (outdeg[n] === 0) order[tail++] = n;
  while (head < tail) {
    const s = order[head++]!;
    for (let i = g.predStart[s]!; i < g.predStart[s + 1]!; i++) {
      const p = g.preds[i]!;
      if (--outdeg[p]! === 0) order[tail++] = p;
    }
  }
  return { order: order.subarray(0, tail), complete: tail === g.size };
}

/**
 * One dependency cycle among the nodes a topological order could not reach, as the node list
 * around it (the first node is not repeated at the end). Iterative; only used on the bad path.
 */
export function findCycle(g: PlanGraph, ordered: Int32Array): number[] {
  const done = new Uint8Array(g.size);
  for (let i = 0; i < ordered.length; i++) done[ordered[i]!] = 1;
  // Successor lists restricted to the remaining nodes: each of them has one (else it would be ordered).
  const next = new Int32Array(g.size).fill(-1);
  for (let s = 0; s < g.size; s++) {
    if (done[s]) continue;
    for (let i = g.predStart[s]!; i < g.predStart[s + 1]!; i++) {
      const p = g.preds[i]!;
      if (!done[p] && next[p] === -1) next[p] = s;
    }
  }
  let start = -1;
  for (let n = 0; n < g.size && start < 0; n++) if (!done[n] && next[n] !== -1) start = n;
  if (start < 0) return [];
  // Walk successors until a node repeats: the walk from there on is a cycle.
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
