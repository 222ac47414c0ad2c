/**
 * The plan graph: what waits for what, with docs/format.md's milestone rules expanded linearly.
 * The validator's cycle check, the scheduler and the completion of `depends_on` all walk it.
 *
 * - Nodes 0..T-1 are the tasks, in file order (`plan.tasks`). Milestone m has two virtual
 *   nodes: its start, T + 2m, and its done, T + 2m + 1.
 * - A task waits for its milestone's start; the milestone's done waits for each of its tasks,
 *   or for its start when it has none (a checkpoint: its done node is its day).
 * - "X depends on M" is X waiting for M's done; "M depends on Y" is M's start waiting for Y.
 *   Unknown ids are the validator's business: they add no edge.
 *
 * So a milestone of 1,000 tasks depending on another of 1,000 tasks costs about 4,000 edges,
 * not 10^6, and min/max over the virtual nodes give exactly the results of the full expansion.
 * The edges are stored per node (CSR), a node's written `depends_on` first, in file order, then
 * its milestone's own edge; a written edge keeps the span of its ref, for the validator's
 * messages. `waiters.ts` walks the edges the other way.
 */
import type { Span } from '../diagnostic';
import type { Milestone, Plan, Ref, Task } from '../model';

export const TASK = 0;
export const CHECKPOINT = 1;
export const MILESTONE_START = 2;
export const MILESTONE_END = 3;

export interface PlanGraph {
  size: number;
  taskCount: number;
  /** TASK, CHECKPOINT (a milestone without tasks: its done node), MILESTONE_START or MILESTONE_END per node. */
  kind: Uint8Array;
  /** The task of a TASK node. */
  task: (Task | undefined)[];
  /** The milestone of every node (a task's own milestone). */
  milestone: Milestone[];
  /** The edges of node n: firstEdge[n] .. firstEdge[n + 1] - 1. */
  firstEdge: Int32Array;
  /** The node edge e waits for: it must finish before edge e's node. */
  waitsFor: Int32Array;
  /** Where edge e is written (an entry of `depends_on`), or undefined for a milestone's own edge. */
  spans: (Span | undefined)[];
  /** TASK and CHECKPOINT nodes in file order: the schedule's items. */
  items: number[];
}

export const startNode = (g: PlanGraph, milestoneIndex: number): number => g.taskCount + 2 * milestoneIndex;
export const doneNode = (g: PlanGraph, milestoneIndex: number): number => g.taskCount + 2 * milestoneIndex + 1;

/** A task id or a milestone id. */
export const nodeName = (g: PlanGraph, n: number): string => g.task[n]?.id ?? g.milestone[n]!.id;

export function buildPlanGraph(plan: Plan): PlanGraph {
  const g = emptyGraph(plan);
  // Nodes in number order, so that each edge is written straight into its CSR place.
  const edges = new EdgeWriter(plan, g);
  writeTasks(plan, g, edges);
  writeMilestones(plan, g, edges);
  g.waitsFor = g.waitsFor.subarray(0, edges.count);
  g.spans.length = edges.count;
  return g;
}

/** The nodes with room for every edge (refs to unknown ids leave some unused). */
function emptyGraph(plan: Plan): PlanGraph {
  const size = plan.tasks.length + 2 * plan.milestones.length;
  let edgeCount = 0;
  for (const m of plan.milestones) {
    edgeCount += m.dependsOn.length + Math.max(1, m.tasks.length);
    for (const t of m.tasks) edgeCount += t.dependsOn.length + 1;
  }
  return {
    size,
    taskCount: plan.tasks.length,
    kind: new Uint8Array(size), // TASK
    task: new Array<Task | undefined>(size).fill(undefined),
    milestone: new Array<Milestone>(size),
    firstEdge: new Int32Array(size + 1),
    waitsFor: new Int32Array(edgeCount),
    spans: new Array<Span | undefined>(edgeCount).fill(undefined),
    items: [],
  };
}

/** Nodes 0..T-1: each task waits for what it depends on, then for its milestone's start. */
function writeTasks(plan: Plan, g: PlanGraph, edges: EdgeWriter): void {
  let n = 0;
  plan.milestones.forEach((m, mi) => {
    if (m.tasks.length === 0) g.items.push(doneNode(g, mi));
    for (const t of m.tasks) {
      g.task[n] = t;
      g.milestone[n] = m;
      g.items.push(n);
      edges.written(t.dependsOn);
      edges.own(startNode(g, mi));
      g.firstEdge[++n] = edges.count;
    }
  });
}

/** Each milestone's start waits for what it depends on; its done, for its tasks or its start. */
function writeMilestones(plan: Plan, g: PlanGraph, edges: EdgeWriter): void {
  let firstTask = 0;
  plan.milestones.forEach((m, mi) => {
    const start = startNode(g, mi);
    g.kind[start] = MILESTONE_START;
    g.kind[start + 1] = m.tasks.length ? MILESTONE_END : CHECKPOINT;
    g.milestone[start] = g.milestone[start + 1] = m;
    edges.written(m.dependsOn);
    g.firstEdge[start + 1] = edges.count;
    if (m.tasks.length === 0) edges.own(start);
    for (let t = 0; t < m.tasks.length; t++) edges.own(firstTask + t);
    g.firstEdge[start + 2] = edges.count;
    firstTask += m.tasks.length;
  });
}

/** Appends the edges of the node being written. */
class EdgeWriter {
  count = 0;
  constructor(
    private readonly plan: Plan,
    private readonly g: PlanGraph,
  ) {}

  /** The node that "depends on `id`" waits for; the first item of an id, as in `plan.items`. */
  private nodeOf(id: string): number | undefined {
    const item = this.plan.items.get(id);
    if (!item) return undefined;
    return item.kind === 'task' ? item.index : doneNode(this.g, item.index);
  }

  written(refs: readonly Ref[]): void {
    for (const r of refs) {
      const n = this.nodeOf(r.id);
      if (n === undefined) continue;
      this.g.spans[this.count] = r.span;
      this.g.waitsFor[this.count++] = n;
    }
  }

  own(n: number): void {
    this.g.waitsFor[this.count++] = n;
  }
}
