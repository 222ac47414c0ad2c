/**
 * detachSource: a check result kept without its source tree answers every question the views,
 * the timeline, the lenses and the workspace symbols ask exactly as the full result does.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkPlan, detachSource, type CheckResult } from '../../src/core';
import { parseDay, type Day } from '../../src/core/day';
import { planLenses } from '../../src/core/editing/lenses';
import { toMermaidGantt } from '../../src/core/mermaid';
import { followUps, tasksFor } from '../../src/core/query';
import type { MapNode } from '../../src/core/sourceTree';

const ROOT = path.resolve(__dirname, '../../..');
const plans = (dir: string): [string, string][] =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.workback.yaml'))
    .map((f) => [`${dir}/${f}`, readFileSync(path.join(ROOT, dir, f), 'utf8')]);

const TODAY = parseDay('2026-07-01') as Day;
const CASES: [string, string][] = [
  ...plans('examples'),
  ...plans('test/fixtures/schedule'),
  ...plans('test/fixtures/plans/valid'),
];

/** Every node the plan points at. */
function planNodes(r: CheckResult): MapNode[] {
  const p = r.plan!;
  return [
    p.root,
    p.goal.node,
    ...[...p.people.values()].flatMap((x) => (x.node ? [x.node] : [])),
    ...p.milestones.flatMap((m) => [m.node, ...m.tasks.flatMap((t) => [t.node, ...t.followUps.map((f) => f.node)])]),
  ];
}

/** What the sidebar, the timeline and the lenses read of a plan, as plain data. */
function answers(r: CheckResult, file: string) {
  const plan = r.plan!;
  const schedule = r.schedule;
  const pf = schedule ? [{ file, plan, schedule }] : [];
  const everyone = [...plan.people.keys()];
  const strip = (x: unknown) =>
    JSON.parse(
      JSON.stringify(x, (k, v) =>
        k === 'node' || k === 'task' || k === 'item' || k === 'checkpoint' || k === 'plan'
          ? undefined
          : v instanceof Map
            ? [...v.keys()]
            : v,
      ),
    );
  return {
    diagnostics: r.diagnostics,
    tasks: plan.tasks.map((t) => strip(t)),
    milestones: plan.milestones.map((m) => strip({ ...m, tasks: m.tasks.map((t) => t.id) })),
    goal: strip(plan.goal),
    mine: strip(tasksFor(pf, everyone, TODAY)),
    followUps: strip(followUps(pf, TODAY, { me: everyone, includeDone: true })),
    lenses: planLenses(plan, schedule, 0),
    gantt: schedule ? toMermaidGantt(plan, schedule).text : undefined,
    items: schedule ? strip(schedule.items) : undefined,
  };
}

describe('detachSource', () => {
  for (const [name, text] of CASES) {
    it(`keeps every answer and no node content: ${name}`, () => {
      const full = checkPlan(text, { today: TODAY });
      assert.ok(full.plan && full.tree, 'the fixture parses');
      const expected = answers(full, name);
      const spans = planNodes(full).map((n) => [n.start, n.end]);

      const kept = detachSource(checkPlan(text, { today: TODAY }));
      assert.strictEqual(kept.tree, undefined);
      assert.deepStrictEqual(kept.schedule?.diagnostics ?? [], []);
      for (const n of planNodes(kept)) assert.strictEqual(n.pairs.length, 0, 'a node keeps no pairs');
      assert.deepStrictEqual(
        planNodes(kept).map((n) => [n.start, n.end]),
        spans,
        'nodes keep their spans',
      );
      assert.deepStrictEqual(answers(kept, name), expected);
      // shared objects stay shared: the schedule's items are the plan's tasks
      for (const item of kept.schedule?.items ?? [])
        if (item.task) assert.strictEqual(kept.plan!.items.get(item.id), item.task);
    });
  }

  it('leaves a result without a plan alone', () => {
    const r = checkPlan('- not a plan\n', { today: TODAY });
    const diagnostics = r.diagnostics;
    assert.strictEqual(detachSource(r), r);
    assert.strictEqual(r.diagnostics, diagnostics);
    assert.strictEqual(r.tree, undefined);
  });
});
