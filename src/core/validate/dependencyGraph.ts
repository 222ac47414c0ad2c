/**
 * The "must finish before" graph of a plan, linear in size: tasks are nodes 0..T-1 and
 * each milestone m has two virtual nodes, start(m) and done(m). Edges point from an item
 * to what must finish before it; an edge written in the file carries the span of its ref.
 */
import type { Span } from '../diagnostic';
import type { Plan } from '../model';

export interface DependencyGraph {
  size: number;
  /** CSR adjacency: edges of node n are targets[offsets[n] .. offsets[n+1]). */
  offsets: Int32Array;
  targets: Int32Array;
  /** Span of the written ref for each edge, or undefined for an implicit one (task in milestone). */
  spans: (Span | undefined)[];
  /** Display name of a node: a task id or a milestone id. */
  name(node: number): string;
}

export function buildDependencyGraph(plan: Plan): DependencyGraph {
  const T = plan.tasks.length;
  const size = T + 2 * plan.milestones.length;
  const start = (m: number) => T + 2 * m;
  const done = (m: number) => T + 2 * m + 1;
  const taskIndex = new Map<string, number>();
  plan.tasks.forEach((t, i) => { if (!taskIndex.has(t.id)) taskIndex.set(t.id, i); });
  const msIndex = new Map<string, number>();
  plan.milestones.forEach((m, i) => { if (!msIndex.has(m.id)) msIndex.set(m.id, i); });
  const target = (id: string): number | undefined => {
    const item = plan.items.get(id);
    if (!item) return undefined;
    return item.kind === 'task' ? taskIndex.get(id) : done(msIndex.get(id)!);
  };

  const from: number[] = [];
  const to: number[] = [];
  const spans: (Span | undefined)[] = [];
  const edge = (a: number, b: number, span?: Span) => { from.push(a); to.push(b); spans.push(span); };
  plan.milestones.forEach((m, mi) => {
    for (const r of m.dependsOn) {
      const t = target(r.id);
      if (t !== undefined) edge(start(mi), t, r.span);
    }
    if (m.tasks.length === 0) edge(done(mi), start(mi));
  });
  plan.tasks.forEach((t, ti) => {
    const mi = msIndex.get(t.milestone);
    for (const r of t.dependsOn) {
      const x = target(r.id);
      if (x !== undefined) edge(ti, x, r.span);
    }
    if (mi !== undefined) {
      edge(ti, start(mi));
      edge(done(mi), ti);
    }
  });

  // counting sort into CSR
  const offsets = new Int32Array(size + 1);
  for (const a of from) offsets[a + 1]!++;
  for (let i = 0; i < size; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(from.length);
  const orderedSpans = new Array<Span | undefined>(from.length);
  for (let e = 0; e < from.length; e++) {
    const pos = fill[from[e]!]!++;
    targets[pos] = to[e]!;
    orderedSpans[pos] = spans[e];
  }
  const name = (n: number) => (n < T ? plan.tasks[n]!.id : plan.milestones[(n - T) >> 1]!.id);
  return { size, offsets, targets, spans: orderedSpans, name };
}

/** Strongly connected components with a cycle (size > 1, or a self-loop), by iterative Tarjan. */
export function cyclicComponents(g: DependencyGraph): number[][] {
  const { size, offsets, targets } = g;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root); callEdge.push(offsets[root]!);
    index[root] = low[root] = counter++; stack.push(root); onStack[root] = 1;
    while (callNode.length) {
      const v = callNode[callNode.length - 1]!;
      const e = callEdge[callEdge.length - 1]!;
      if (e < offsets[v + 1]!) {
        callEdge[callEdge.length - 1] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++; stack.push(w); onStack[w] = 1;
          callNode.push(w); callEdge.push(offsets[w]!);
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      callNode.pop(); callEdge.pop();
      if (callNode.length) {
        const parent = callNode[callNode.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do { w = stack.pop()!; onStack[w] = 0; comp.push(w); } while (w !== v);
        if (comp.length > 1 || hasSelfLoop(g, v)) out.push(comp.reverse());
      }
    }
  }
  return out;
}

function hasSelfLoop(g: DependencyGraph, v: number): boolean {
  for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) if (g.targets[e] === v) return true;
  return false;
}

/** One cycle through the component: a list of edge indexes, found by BFS inside it. */
export function cycleIn(g: DependencyGraph, comp: number[]): number[] {
  const inComp = new Set(comp);
  const s = comp[0]!;
  const viaEdge = new Map<number, number>();
  const queue = [s];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi]!;
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
      const w = g.targets[e]!;
      if (w === s) {
        const edges = [e];
        let cur = v;
        while (cur !== s) { const pe = viaEdge.get(cur)!; edges.push(pe); cur = sourceOf(g, pe); }
        return edges.reverse();
      }
      if (inComp.has(w) && !viaEdge.has(w) && w !== s) { viaEdge.set(w, e); queue.push(w); }
    }
  }
  return [];
}

/** The node an edge leaves from (binary search in the CSR offsets). */
export function sourceOf(g: DependencyGraph, edge: number): number {
  let lo = 0;
  let hi = g.size - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.offsets[mid]! <= edge) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
