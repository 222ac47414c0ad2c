/**
 * The plan's symbols: task and milestone ids (defined by `id:`, referenced in `depends_on`)
 * and person ids (defined as keys of `people`, referenced by `owner`, `with`,
 * `policy.escalate_to` and `goal.owner`). What is at an offset, where a symbol is defined and
 * used, and the outline (goal, people, milestones with their tasks).
 */
import type { Span } from '../diagnostic';
import type { Milestone, Person, Plan, Task } from '../model';
import { pairOf, spanOf, type MapNode, type SourceNode } from '../sourceTree';
import { inertText } from './inertText';

export type SymbolKind = 'item' | 'person';

export type OccurrenceRole =
  | 'id'
  | 'depends_on'
  | 'people'
  | 'owner'
  | 'with'
  | 'escalate_to'
  | 'goal.owner'
  | 'to'
  | 'review_by'
  | 'consulted'
  | 'informed';

export interface Occurrence {
  kind: SymbolKind;
  id: string;
  /** The scalar's span (quotes included). */
  span: Span;
  definition: boolean;
  role: OccurrenceRole;
}

const cache = new WeakMap<Plan, Occurrence[]>();

function valueSpan(node: MapNode | undefined, key: string): Span | undefined {
  const v = pairOf(node, key)?.value;
  return v && v.kind === 'scalar' && v.start < v.end ? spanOf(v) : undefined;
}

/** Every occurrence of an id in the plan, in text order. */
export function occurrences(plan: Plan): Occurrence[] {
  const known = cache.get(plan);
  if (known) return known;
  const out: Occurrence[] = [];
  const person = (id: string | undefined, span: Span | undefined, role: OccurrenceRole) => {
    if (id !== undefined && span) out.push({ kind: 'person', id, span, definition: false, role });
  };
  for (const p of plan.people.values())
    out.push({ kind: 'person', id: p.id, span: p.keySpan, definition: true, role: 'people' });
  // duplicate person keys are not in the map: the first one wins; later ones are not symbols
  person(plan.goal.owner, valueSpan(plan.goal.node, 'owner'), 'goal.owner');
  const policy = pairOf(plan.root, 'policy')?.value;
  if (policy?.kind === 'map') person(plan.policy.escalateTo, valueSpan(policy, 'escalate_to'), 'escalate_to');
  for (const tiers of plan.policy.escalation?.values() ?? [])
    for (const t of tiers) person(t.to, valueSpan(t.node, 'to'), 'to');
  // consulted and informed: each entry of the list is a reference
  const listed = (node: MapNode | undefined, key: 'consulted' | 'informed') => {
    const v = pairOf(node, key)?.value;
    if (v?.kind === 'seq')
      for (const n of v.items)
        if (n.kind === 'scalar' && typeof n.value === 'string' && n.start < n.end) person(n.value, spanOf(n), key);
  };
  listed(plan.goal.node, 'consulted');
  listed(plan.goal.node, 'informed');
  const item = (x: Task | Milestone) => {
    out.push({ kind: 'item', id: x.id, span: x.idSpan, definition: true, role: 'id' });
    for (const r of x.dependsOn)
      out.push({ kind: 'item', id: r.id, span: r.span, definition: false, role: 'depends_on' });
    if (x.review) person(x.review.by, valueSpan(x.node, 'review_by'), 'review_by');
  };
  for (const m of plan.milestones) {
    item(m);
    listed(m.node, 'consulted');
    listed(m.node, 'informed');
    for (const t of m.tasks) {
      item(t);
      if (t.owner) person(t.owner, valueSpan(t.node, 'owner'), 'owner');
      const interim = t.interim?.node;
      if (interim?.byKey.has('owner')) person(t.interim!.owner, valueSpan(interim, 'owner'), 'owner');
      for (const f of t.followUps) person(f.with, valueSpan(f.node, 'with'), 'with');
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  cache.set(plan, out);
  return out;
}

/** The occurrence at an offset (its start to its end, both included), if any. */
export function occurrenceAt(plan: Plan, offset: number): Occurrence | undefined {
  const all = occurrences(plan);
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (all[mid]!.span.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const o = all[lo];
  return o && o.span.start <= offset && offset <= o.span.end ? o : undefined;
}

/** Every occurrence of a symbol, the definition first. */
export function referencesOf(plan: Plan, kind: SymbolKind, id: string): Occurrence[] {
  const all = occurrences(plan).filter((o) => o.kind === kind && o.id === id);
  return [...all.filter((o) => o.definition), ...all.filter((o) => !o.definition)];
}

/** Where a symbol is defined (the first definition when an id is used twice). */
export function definitionOf(plan: Plan, kind: SymbolKind, id: string): Occurrence | undefined {
  if (kind === 'person') {
    const p = plan.people.get(id);
    return p ? { kind, id, span: p.keySpan, definition: true, role: 'people' } : undefined;
  }
  const item = plan.items.get(id);
  return item ? { kind, id, span: item.idSpan, definition: true, role: 'id' } : undefined;
}

export function itemOf(plan: Plan, id: string): Task | Milestone | undefined {
  return plan.items.get(id);
}

export function personOf(plan: Plan, id: string): Person | undefined {
  return plan.people.get(id);
}

// ---------------------------------------------------------------- outline

export type OutlineKind = 'goal' | 'people' | 'person' | 'milestone' | 'checkpoint' | 'task';

export interface OutlineNode {
  name: string;
  /** Plain text (plan text made inert). */
  detail: string;
  kind: OutlineKind;
  /** The whole entry. */
  span: Span;
  /** What is selected and revealed: the id, or the key. */
  selection: Span;
  children: OutlineNode[];
}

function pairSpan(p: { key: SourceNode; value: SourceNode }, text: string): Span {
  return { start: p.key.start, end: Math.max(p.key.end, endOf(p.value, text)) };
}

/** The end of a node: the end of its last descendant, a flow collection's closing bracket included. */
function endOf(node: SourceNode, text: string): number {
  let n: SourceNode = node;
  for (let guard = 0; guard < 100000; guard++) {
    if ((n.kind === 'map' || n.kind === 'seq') && n.flow) {
      const close = n.kind === 'map' ? '}' : ']';
      const i = text.indexOf(close, n.end);
      return i >= 0 ? i + 1 : n.end;
    }
    const last: SourceNode | undefined =
      n.kind === 'map'
        ? n.pairs[n.pairs.length - 1]?.value
        : n.kind === 'seq'
          ? n.items[n.items.length - 1]
          : undefined;
    if (!last || last.end < n.end) return n.end;
    n = last;
  }
  return n.end;
}

/** Goal, people (each person under it), then each milestone with its tasks under it. */
export function outline(plan: Plan, text: string): OutlineNode[] {
  const out: OutlineNode[] = [];
  const goal = pairOf(plan.root, 'goal');
  if (goal)
    out.push({
      name: 'goal',
      detail: inertText(plan.goal.outcome, 120),
      kind: 'goal',
      span: pairSpan(goal, text),
      selection: spanOf(goal.key),
      children: [],
    });
  const people = pairOf(plan.root, 'people');
  if (people) {
    const children: OutlineNode[] = [];
    if (people.value.kind === 'map') {
      for (const p of people.value.pairs) {
        const person = plan.people.get(p.key.text);
        if (!person || person.keySpan.start !== p.key.start) continue;
        children.push({
          name: person.id,
          detail: inertText(person.name, 120),
          kind: 'person',
          span: pairSpan(p, text),
          selection: spanOf(p.key),
          children: [],
        });
      }
    }
    out.push({
      name: 'people',
      detail: `${children.length} ${children.length === 1 ? 'person' : 'people'}`,
      kind: 'people',
      span: pairSpan(people, text),
      selection: spanOf(people.key),
      children,
    });
  }
  for (const m of plan.milestones) {
    const tasks = m.tasks.map((t): OutlineNode => ({
      name: t.id,
      detail: inertText(t.title, 120),
      kind: 'task',
      span: { start: t.node.start, end: endOf(t.node, text) },
      selection: t.idSpan,
      children: [],
    }));
    out.push({
      name: m.id,
      detail: inertText(m.title, 120),
      kind: m.tasks.length ? 'milestone' : 'checkpoint',
      span: { start: m.node.start, end: endOf(m.node, text) },
      selection: m.idSpan,
      children: tasks,
    });
  }
  return out;
}
