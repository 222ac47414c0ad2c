/** The plan graph by example: its nodes and edges, the scheduler's order, repeated milestone ids. */
import * as assert from 'assert';
import { cycleRisks } from '../../src/core/editing/dependents';
import { MILESTONE_START, nodeName, orderedGraph, type PlanGraph } from '../../src/core/graph';
import { schedulePlan } from '../../src/core/schedule';
import { checkSemantics } from '../../src/core/validate/semantic';
import { buildPlan, day, type PlanSpec } from './helpers/planBuilder';

/** `start m` and `done m` for a milestone's nodes, the id for a task's. */
function label(g: PlanGraph, n: number): string {
  if (n < g.taskCount) return nodeName(g, n);
  return `${g.kind[n] === MILESTONE_START ? 'start' : 'done'} ${nodeName(g, n)}`;
}

const SPEC: PlanSpec = {
  goal: { due: '2026-09-30' },
  milestones: [
    { id: 'm0', tasks: [{ id: 'a' }, { id: 'c' }] },
    { id: 'g', depends_on: ['a'] },
    { id: 'm1', tasks: [{ id: 'b', depends_on: ['g', 'nowhere', 'c'] }] },
  ],
};

describe('plan graph', () => {
  it('tasks first, then a start and a done node per milestone; written edges first, with their spans', () => {
    const plan = buildPlan(SPEC);
    const g = orderedGraph(plan).graph;
    const edges: string[] = [];
    for (let n = 0; n < g.size; n++) {
      for (let e = g.firstEdge[n]!; e < g.firstEdge[n + 1]!; e++)
        edges.push(`${label(g, n)} waits for ${label(g, g.waitsFor[e]!)}${g.spans[e] ? ' (written)' : ''}`);
    }
    assert.deepStrictEqual(edges, [
      'a waits for start m0',
      'c waits for start m0',
      'b waits for done g (written)',
      'b waits for c (written)',
      'b waits for start m1',
      'done m0 waits for a',
      'done m0 waits for c',
      'start g waits for a (written)',
      'done g waits for start g',
      'done m1 waits for b',
    ]);
    const bDeps = plan.tasks[2]!.dependsOn;
    assert.deepStrictEqual(g.spans[g.firstEdge[2]!], bDeps[0]!.span);
    assert.deepStrictEqual(g.spans[g.firstEdge[2]! + 1], bDeps[2]!.span);
    assert.deepStrictEqual(
      g.items.map((n) => label(g, n)),
      ['a', 'c', 'done g', 'b'],
    );
  });

  it("orders nodes as the scheduler always has: a task's milestone start before its written dependencies, a checkpoint as one", () => {
    // Where several items fall outside 1970-2199, the scheduler names the first it meets in this order.
    const { graph: g, order, complete } = orderedGraph(buildPlan(SPEC));
    assert.ok(complete);
    assert.deepStrictEqual(
      [...order].map((n) => label(g, n)),
      ['done m0', 'done m1', 'b', 'start m1', 'done g', 'start g', 'c', 'a', 'start m0'],
    );
  });

  it('a repeated milestone id: its tasks still belong to the milestone that holds them, for every reader', () => {
    // b waits for the second m, which depends on a; a depends on b: a cycle the validator and
    // the scheduler both see (the validator's graph used to give b to the first m).
    const plan = buildPlan({
      goal: { due: '2026-09-30' },
      milestones: [
        { id: 'm', tasks: [{ id: 'a', depends_on: ['b'] }] },
        { id: 'm', depends_on: ['a'], tasks: [{ id: 'b' }] },
      ],
    });
    const cycles = checkSemantics(plan).filter((d) => d.code === 'dependency-cycle');
    assert.deepStrictEqual(
      cycles.map((d) => d.data!['cycle']),
      [
        ['a', 'b', 'm', 'a'],
        ['a', 'b', 'm', 'a'],
      ],
    );
    assert.deepStrictEqual(
      schedulePlan(plan, day('2026-07-01')).diagnostics.map((d) => d.code),
      ['dependency-cycle'],
    );
    assert.deepStrictEqual(
      [
        ...cycleRisks(
          buildPlan({
            goal: { due: '2026-09-30' },
            milestones: [
              { id: 'm', tasks: [{ id: 'a' }] },
              { id: 'm', depends_on: ['a'], tasks: [{ id: 'b' }] },
            ],
          }),
          'a',
        ),
      ].sort(),
      ['a', 'b', 'm'],
    );
  });
});
