/**
 * A check result kept for long, without its source tree.
 *
 * The typed plan points into the source tree (each task, milestone, follow-up, person and the
 * goal keep their mapping node, for edits and the language features), so a kept result keeps
 * every node of its text alive: about 25 times the text, 100 MB for a workspace of 1,000 small
 * plans. Keeping that much made the extension host spend about a third of its indexing time
 * collecting garbage. What the views, the timeline and the workspace symbols read of a plan
 * nobody has open (its items, dates, spans and schedule) needs none of it.
 */
import type { CheckResult } from './check';
import type { MapNode } from './sourceTree';

const NO_PAIRS: MapNode['pairs'] = Object.freeze([]) as unknown as MapNode['pairs'];
const NO_KEYS: MapNode['byKey'] = new Map();

/** A mapping node that keeps where it was and nothing of what it held. */
function stub(node: MapNode): MapNode {
  return { kind: 'map', flow: node.flow, pairs: NO_PAIRS, byKey: NO_KEYS, start: node.start, end: node.end };
}

/**
 * Let go of `result`'s source tree, in place, and return it: `tree` becomes undefined, every node
 * the plan points at becomes a stub with the node's span and no pairs, and the schedule's raw
 * diagnostics (already in `result.diagnostics`) are dropped. Plan, schedule, diagnostics and
 * lines are otherwise unchanged, and shared objects stay shared. What needs the tree (edits,
 * quick fixes, completion, hover) must check the text again; `result.tree` says whether it can.
 */
export function detachSource(result: CheckResult): CheckResult {
  result.tree = undefined;
  const plan = result.plan;
  if (plan) {
    plan.root = stub(plan.root);
    plan.goal.node = stub(plan.goal.node);
    for (const person of plan.people.values()) if (person.node) person.node = stub(person.node);
    for (const m of plan.milestones) {
      m.node = stub(m.node);
      for (const t of m.tasks) {
        t.node = stub(t.node);
        for (const f of t.followUps) f.node = stub(f.node);
      }
    }
  }
  if (result.schedule) result.schedule.diagnostics = [];
  return result;
}
