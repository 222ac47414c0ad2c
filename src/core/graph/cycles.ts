/** The cycles of the plan graph, for the validator to name each one by the refs written in it. */
import { nodeName, type PlanGraph } from './planGraph';

/** Strongly connected components with a cycle (size > 1, or a self-loop), by iterative Tarjan. */
export function cyclicComponents(g: PlanGraph): number[][] {
  const { size, firstEdge, waitsFor } = g;
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
    callNode.push(root);
    callEdge.push(firstEdge[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length) {
      const v = callNode[callNode.length - 1]!;
      const e = callEdge[callEdge.length - 1]!;
      if (e < firstEdge[v + 1]!) {
        callEdge[callEdge.length - 1] = e + 1;
        const w = waitsFor[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(firstEdge[w]!);
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length) {
        const parent = callNode[callNode.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || hasSelfLoop(g, v)) out.push(comp.reverse());
      }
    }
  }
  return out;
}

function hasSelfLoop(g: PlanGraph, v: number): boolean {
  for (let e = g.firstEdge[v]!; e < g.firstEdge[v + 1]!; e++) if (g.waitsFor[e] === v) return true;
  return false;
}

/** One cycle through the component: a list of edge indexes, found by BFS inside it. */
export function cycleIn(g: PlanGraph, comp: number[]): number[] {
  const inComp = new Set(comp);
  const s = comp[0]!;
  const viaEdge = new Map<number, number>();
  const queue = [s];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi]!;
    for (let e = g.firstEdge[v]!; e < g.firstEdge[v + 1]!; e++) {
      const w = g.waitsFor[e]!;
      if (w === s) {
        const edges = [e];
        let cur = v;
        while (cur !== s) {
          const pe = viaEdge.get(cur)!;
          edges.push(pe);
          cur = edgeSource(g, pe);
        }
        return edges.reverse();
      }
      if (inComp.has(w) && !viaEdge.has(w) && w !== s) {
        viaEdge.set(w, e);
        queue.push(w);
      }
    }
  }
  return [];
}

/** The node an edge leaves from (binary search in the CSR offsets). */
export function edgeSource(g: PlanGraph, edge: number): number {
  let lo = 0;
  let hi = g.size - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.firstEdge[mid]! <= edge) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The ids around a cycle given as its nodes in order, each named once where it comes up twice in
 * a row (a milestone's start and done), and the first not repeated at the end.
 */
export function cycleNames(g: PlanGraph, nodes: readonly number[]): string[] {
  const names: string[] = [];
  for (const n of nodes) {
    const name = nodeName(g, n);
    if (names[names.length - 1] !== name) names.push(name);
  }
  if (names.length > 1 && names[0] === names[names.length - 1]) names.pop();
  return names;
}
