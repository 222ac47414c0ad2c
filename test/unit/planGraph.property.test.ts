/**
 * The plan graph on random plans (dependencies anywhere: cycles, self-loops, unknown and repeated
 * ids), against a reference written straight from docs/format.md: the full expansion of the
 * milestone rules, item by item, with no virtual nodes. The graph's reachability is the
 * expansion's; every edge is walked both ways; the order respects every edge; a cycle is
 * reported (by the graph, the validator and the scheduler) exactly when the expansion has one;
 * and `depends_on` completion leaves out exactly the ids that would close a cycle.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { cycleRisks, newTaskCycleRisks } from '../../src/core/editing/dependents';
import {
  cycleIn,
  cyclicComponents,
  doneNode,
  edgeSource,
  findCycle,
  orderedGraph,
  waitersOf,
  type PlanGraph,
} from '../../src/core/graph';
import type { Milestone, Plan, Task } from '../../src/core/model';
import { schedulePlan } from '../../src/core/schedule';
import { checkSemantics } from '../../src/core/validate/semantic';
import { buildPlan, day, type PlanSpec } from './helpers/planBuilder';

const shapeArb = fc.record({
  ms: fc.array(fc.record({ tasks: fc.nat({ max: 4 }), deps: fc.array(fc.nat(), { maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  taskDeps: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 24 }),
  /** Ids given again to later items (duplicate ids); empty: every id once. */
  repeats: fc.array(fc.nat(), { maxLength: 3 }),
});
type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A plan whose dependencies may point at any id, or at one that does not exist; `acyclic`: only
 * back, to earlier milestones and their tasks, and to earlier tasks of the same milestone.
 */
function specOf(shape: Shape, { unique = false, acyclic = false } = {}): PlanSpec {
  const ids: string[] = [];
  shape.ms.forEach((m, i) => {
    ids.push(`m${i}`);
    for (let j = 0; j < m.tasks; j++) ids.push(`t${i}_${j}`);
  });
  if (!unique) shape.repeats.forEach((r, k) => (ids[(r + k + 1) % ids.length] = ids[r % ids.length]!));
  const anywhere = [...ids, 'unknown'];
  const deps = (ns: number[], pool: string[]) => (pool.length ? ns.map((n) => pool[n % pool.length]!) : []);
  const earlier: string[] = [];
  let next = 0;
  let task = 0;
  return {
    goal: { due: '2026-09-30' },
    milestones: shape.ms.map((m) => {
      const before = [...earlier];
      const id = ids[next++]!;
      const own: string[] = [];
      const tasks = Array.from({ length: m.tasks }, () => {
        const t = {
          id: ids[next++]!,
          depends_on: deps(shape.taskDeps[task++] ?? [], acyclic ? [...before, ...own] : anywhere),
        };
        own.push(t.id);
        return t;
      });
      earlier.push(id, ...own);
      return { id, depends_on: deps(m.deps, acyclic ? before : anywhere), tasks };
    }),
  };
}

// ---------------------------------------------------------------- the reference, straight from docs/format.md

/** The schedule's items (tasks and checkpoints) and what each depends on, fully expanded. */
function expansion(plan: Plan): { items: (Task | Milestone)[]; dependsOn: boolean[][] } {
  const items: (Task | Milestone)[] = [];
  for (const m of plan.milestones) items.push(...(m.tasks.length ? m.tasks : [m]));
  const at = new Map(items.map((x, i) => [x, i] as const));
  const expand = (id: string): number[] => {
    const item = plan.items.get(id);
    if (!item) return [];
    return item.kind === 'task' ? [at.get(item)!] : (item.tasks.length ? item.tasks : [item]).map((x) => at.get(x)!);
  };
  const dependsOn = items.map(() => items.map(() => false));
  for (const m of plan.milestones) {
    const own = m.dependsOn.flatMap((r) => expand(r.id));
    for (const x of m.tasks.length ? m.tasks : [m]) {
      const refs = x.kind === 'task' ? x.dependsOn.flatMap((r) => expand(r.id)) : [];
      for (const j of [...own, ...refs]) dependsOn[at.get(x)!]![j] = true;
    }
  }
  return { items, dependsOn: closure(dependsOn) };
}

/** Transitive closure (Floyd-Warshall on booleans): r[i][j] when i reaches j in one step or more. */
function closure(r: boolean[][]): boolean[][] {
  const n = r.length;
  const c = r.map((row) => [...row]);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) if (c[i]![k]) for (let j = 0; j < n; j++) if (c[k]![j]) c[i]![j] = true;
  return c;
}

function edgesOf(g: PlanGraph): [number, number][] {
  const out: [number, number][] = [];
  for (let n = 0; n < g.size; n++)
    for (let e = g.firstEdge[n]!; e < g.firstEdge[n + 1]!; e++) out.push([n, g.waitsFor[e]!]);
  return out;
}

function reachOf(g: PlanGraph): boolean[][] {
  const r = Array.from({ length: g.size }, () => new Array<boolean>(g.size).fill(false));
  for (const [n, w] of edgesOf(g)) r[n]![w] = true;
  return closure(r);
}

/** The node of a schedule item: a task's own, a checkpoint's done node. */
const itemNode = (g: PlanGraph, x: Task | Milestone) => (x.kind === 'task' ? x.index : doneNode(g, x.index));

const hasCycle = (r: boolean[][]) => r.some((row, i) => row[i]);

// ---------------------------------------------------------------- the properties

describe('plan graph: random plans against the full expansion', () => {
  it('reachability between items is the expansion of docs/format.md, and a cycle is reported iff there is one', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), fc.boolean(), (shape, unique, acyclic) => {
        const plan = buildPlan(specOf(shape, { unique, acyclic }));
        const { graph: g, complete } = orderedGraph(plan);
        const reach = reachOf(g);
        const ref = expansion(plan);
        ref.items.forEach((x, i) =>
          ref.items.forEach((y, j) => {
            assert.strictEqual(
              reach[itemNode(g, x)]![itemNode(g, y)],
              ref.dependsOn[i]![j],
              `${x.id} depends on ${y.id}`,
            );
          }),
        );
        const cyclic = hasCycle(ref.dependsOn);
        assert.strictEqual(hasCycle(reach), cyclic);
        assert.strictEqual(complete, !cyclic);
        assert.strictEqual(
          checkSemantics(plan).some((d) => d.code === 'dependency-cycle'),
          cyclic,
        );
        assert.strictEqual(
          schedulePlan(plan, day('2026-07-01')).diagnostics.some((d) => d.code === 'dependency-cycle'),
          cyclic,
        );
      }),
      { numRuns: 600 },
    );
  });

  it('every edge is walked both ways, and the order comes after every waiter', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), fc.boolean(), (shape, unique, acyclic) => {
        const plan = buildPlan(specOf(shape, { unique, acyclic }), { lean: true });
        const { graph: g, waiters } = waitersOf(plan);
        const back: string[] = [];
        for (let w = 0; w < g.size; w++)
          for (let e = waiters.firstWaiter[w]!; e < waiters.firstWaiter[w + 1]!; e++)
            back.push(`${waiters.waiter[e]}>${w}`);
        assert.deepStrictEqual(
          back.sort(),
          edgesOf(g)
            .map(([n, w]) => `${n}>${w}`)
            .sort(),
        );
        const { order, complete } = orderedGraph(plan);
        if (!complete) return;
        const at = new Int32Array(g.size).fill(-1);
        order.forEach((n, i) => (at[n] = i));
        assert.ok(
          at.every((i) => i >= 0),
          'every node once',
        );
        for (const [n, w] of edgesOf(g)) assert.ok(at[n]! < at[w]!, `${n} waits for ${w}`);
      }),
      { numRuns: 600 },
    );
  });

  it('the cycles named are cycles, and every node on a cycle is in one component', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), (shape, unique) => {
        const plan = buildPlan(specOf(shape, { unique }), { lean: true });
        const { graph: g, order, complete } = orderedGraph(plan);
        if (complete) return;
        const reach = reachOf(g);
        const comps = cyclicComponents(g);
        const onCycle = [...Array(g.size).keys()].filter((n) => reach[n]![n]);
        assert.deepStrictEqual(
          comps.flat().sort((a, b) => a - b),
          onCycle,
        );
        for (const comp of comps) {
          for (const a of comp) for (const b of comp) assert.ok(reach[a]![b], 'a component is strongly connected');
          const edges = cycleIn(g, comp);
          assert.strictEqual(edgeSource(g, edges[0]!), comp[0]);
          edges.forEach((e, i) => {
            assert.ok(comp.includes(g.waitsFor[e]!));
            assert.strictEqual(g.waitsFor[e], edgeSource(g, edges[(i + 1) % edges.length]!), 'the edges chain around');
          });
        }
        const cycle = findCycle(g, order);
        assert.ok(cycle.length > 0);
        cycle.forEach((n, i) =>
          assert.ok(
            reach[cycle[(i + 1) % cycle.length]!]![n] &&
              edgesOf(g).some(([a, b]) => a === cycle[(i + 1) % cycle.length] && b === n),
          ),
        );
      }),
      { numRuns: 600 },
    );
  });

  it('completion leaves out exactly the ids whose adding would close a cycle', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (shape, k) => {
        const spec = specOf(shape, { unique: true, acyclic: true });
        const plan = buildPlan(spec, { lean: true });
        assert.ok(orderedGraph(plan).complete);
        const ids = [...plan.items.keys()];
        const cyclicWith = (edit: (s: PlanSpec) => void): boolean => {
          const s = structuredClone(spec);
          edit(s);
          return !orderedGraph(buildPlan(s, { lean: true })).complete;
        };
        const id = ids[k % ids.length]!;
        const risks = cycleRisks(plan, id);
        for (const x of ids) {
          const closes = cyclicWith((s) => {
            const m = s.milestones.find((ms) => ms.id === id);
            const item = m ?? s.milestones.flatMap((ms) => ms.tasks!).find((t) => t.id === id)!;
            item.depends_on = [...(item.depends_on ?? []), x];
          });
          assert.strictEqual(risks.has(x), closes, `${id} depending on ${x}`);
        }
        const mi = k % spec.milestones.length;
        const newTask = newTaskCycleRisks(plan, spec.milestones[mi]!.id);
        for (const x of ids) {
          const closes = cyclicWith((s) => s.milestones[mi]!.tasks!.push({ id: 'new', depends_on: [x] }));
          assert.strictEqual(newTask.has(x), closes, `a new task of ${spec.milestones[mi]!.id} depending on ${x}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
