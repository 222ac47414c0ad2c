/**
 * Quick fixes for diagnostics: each a minimal edit on the text, tied to one diagnostic.
 *  - unknown-person: add the person to `people` (in the map's style), or use a near person id
 *  - unknown-id: use a near id, or remove the dependency
 *  - due-after-binding: remove the due, or align it to the date that binds it
 *  - dependency-cycle: remove one of the cycle's dependencies (each one offered)
 *  - schema-unknown-key: rename the key to the suggested one, or keep it as an x- key
 *  - duplicate-id: give the second one a free id
 *  - done-on-not-done: set status done, or remove done_on
 *  - schema-type (a number or boolean where text is expected): quote it
 *  - schema-format (a date with a time): keep the date
 * A fix is only offered when its edit can be computed exactly from the parse tree.
 */
import type { Diagnostic } from '../diagnostic';
import type { Plan } from '../model';
import { pairOf, type MapNode, type SeqNode, type SourceNode } from '../sourceTree';
import { inertText } from './inertText';
import { appendPair, chainTo, removeItem, removePair, replaceScalar, type NodeStep, type TextEdit } from './textEdits';
import { yamlId } from './yamlText';

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface FixInput {
  text: string;
  tree?: SourceNode;
  plan?: Plan;
  /** Every diagnostic of the text (a cycle's fix looks at its other edges). */
  diagnostics: readonly Diagnostic[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function quickFixes(input: FixInput, diag: Diagnostic): QuickFix[] {
  try {
    switch (diag.code) {
      case 'unknown-person': return unknownPerson(input, diag);
      case 'unknown-id': return unknownId(input, diag);
      case 'due-after-binding': return dueAfterBinding(input, diag);
      case 'dependency-cycle': return cycle(input, diag);
      case 'schema-unknown-key': return unknownKey(input, diag);
      case 'duplicate-id': return duplicateId(input, diag);
      case 'done-on-not-done': return doneOnNotDone(input, diag);
      case 'schema-type': return quoteIt(input, diag);
      case 'schema-format': return dropTime(input, diag);
      default: return [];
    }
  } catch {
    return []; // a fix that cannot be computed is not offered
  }
}

/** The scalar at the diagnostic's span, with the nodes above it. */
function scalarAt(input: FixInput, diag: Diagnostic): NodeStep[] | undefined {
  const chain = chainTo(input.tree, diag.span);
  const last = chain?.[chain.length - 1];
  return last?.node.kind === 'scalar' ? chain : undefined;
}

function unknownPerson(input: FixInput, diag: Diagnostic): QuickFix[] {
  const id = typeof diag.data?.person === 'string' ? diag.data.person : undefined;
  const chain = scalarAt(input, diag);
  if (id === undefined || !chain || input.tree?.kind !== 'map') return [];
  const fixes: QuickFix[] = [];
  const people = pairOf(input.tree, 'people');
  const name = yamlId(id);
  if (people?.value.kind === 'map') {
    fixes.push({ title: `Add "${id}" to people`, edits: [appendPair(input.text, people.value, yamlId(id), { flow: `{ name: ${name} }`, block: [`name: ${name}`] })], preferred: true });
  }
  const node = chain[chain.length - 1]!.node;
  for (const s of strings(diag.data?.suggestions)) {
    if (node.kind === 'scalar') fixes.push({ title: `Change to "${s}"${personName(input.plan, s)}`, edits: [replaceScalar(input.text, node, s)] });
  }
  return fixes;
}

function personName(plan: Plan | undefined, id: string): string {
  const p = plan?.people.get(id);
  return p && p.name !== id ? ` (${inertText(p.name, 60)})` : '';
}

/** The list entry at the diagnostic and the key holding the list. */
function listEntry(chain: NodeStep[]): { seq: SeqNode; index: number; owner?: { map: MapNode; pair: NonNullable<NodeStep['pair']> } } | undefined {
  const entry = chain[chain.length - 1]!;
  const list = chain[chain.length - 2];
  if (entry.index === undefined || entry.parent?.kind !== 'seq' || !list?.pair || list.parent?.kind !== 'map') return undefined;
  return { seq: entry.parent, index: entry.index, owner: { map: list.parent, pair: list.pair } };
}

function unknownId(input: FixInput, diag: Diagnostic): QuickFix[] {
  const chain = scalarAt(input, diag);
  if (!chain) return [];
  const node = chain[chain.length - 1]!.node;
  if (node.kind !== 'scalar') return [];
  const fixes: QuickFix[] = strings(diag.data?.suggestions).map((s, i) => {
    const item = input.plan?.items.get(s);
    return { title: `Change to "${s}"${item ? ` (${inertText(item.title, 60)})` : ''}`, edits: [replaceScalar(input.text, node, s)], preferred: i === 0 };
  });
  const entry = listEntry(chain);
  if (entry) fixes.push({ title: `Remove the dependency on "${node.text}"`, edits: [removeItem(input.text, entry.seq, entry.index, entry.owner)] });
  return fixes;
}

function dueAfterBinding(input: FixInput, diag: Diagnostic): QuickFix[] {
  const chain = scalarAt(input, diag);
  const binding = typeof diag.data?.binding === 'string' ? diag.data.binding : undefined;
  if (!chain || binding === undefined) return [];
  const step = chain[chain.length - 1]!;
  if (step.node.kind !== 'scalar' || step.parent?.kind !== 'map' || !step.pair) return [];
  return [
    { title: 'Remove this due (it changes nothing)', edits: [removePair(input.text, step.parent, step.pair)], preferred: true },
    { title: `Align the due to ${binding}`, edits: [replaceScalar(input.text, step.node, binding)] },
  ];
}

function cycle(input: FixInput, diag: Diagnostic): QuickFix[] {
  const key = JSON.stringify(diag.data?.cycle ?? null);
  const edges = input.diagnostics.filter((d) => d.code === 'dependency-cycle' && JSON.stringify(d.data?.cycle ?? null) === key);
  if (!edges.some((d) => d.span.start === diag.span.start)) edges.unshift(diag);
  const fixes: QuickFix[] = [];
  for (const d of edges) {
    const chain = scalarAt(input, d);
    const entry = chain && listEntry(chain);
    if (!entry) continue;
    const from = typeof d.data?.from === 'string' ? d.data.from : '?';
    const to = typeof d.data?.to === 'string' ? d.data.to : '?';
    const mine = d.span.start === diag.span.start && d.span.end === diag.span.end;
    fixes.push({ title: `Remove the dependency ${from} → ${to}`, edits: [removeItem(input.text, entry.seq, entry.index, entry.owner)], preferred: mine });
  }
  // this diagnostic's own edge first
  return fixes.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}

function unknownKey(input: FixInput, diag: Diagnostic): QuickFix[] {
  const chain = chainTo(input.tree, diag.span);
  const step = chain?.[chain.length - 1];
  if (!step || !step.pair || step.parent?.kind !== 'map' || step.node !== step.pair.key) return [];
  const map = step.parent;
  const key = step.pair.key.text;
  const fixes: QuickFix[] = [];
  for (const s of strings(diag.data?.suggestions)) {
    if (map.byKey.has(s)) continue; // would make a duplicate key
    fixes.push({ title: `Rename "${key}" to "${s}"`, edits: [{ span: { start: step.pair.key.start, end: step.pair.key.end }, newText: s }], preferred: fixes.length === 0 });
  }
  if (/^[A-Za-z0-9_.-]+$/.test(key) && !map.byKey.has(`x-${key}`)) {
    fixes.push({ title: `Keep it as "x-${key}" (ignored by Workback)`, edits: [{ span: { start: step.pair.key.start, end: step.pair.key.end }, newText: `x-${key}` }] });
  }
  return fixes;
}

function duplicateId(input: FixInput, diag: Diagnostic): QuickFix[] {
  const chain = scalarAt(input, diag);
  const id = typeof diag.data?.id === 'string' ? diag.data.id : undefined;
  if (!chain || id === undefined || !input.plan) return [];
  const node = chain[chain.length - 1]!.node;
  if (node.kind !== 'scalar') return [];
  let n = 2;
  const base = id.replace(/-\d+$/, '');
  while (input.plan.items.has(`${base}-${n}`)) n++;
  const free = `${base}-${n}`.slice(0, 100);
  return [{ title: `Rename this one to "${free}"`, edits: [replaceScalar(input.text, node, free)], preferred: true }];
}

function doneOnNotDone(input: FixInput, diag: Diagnostic): QuickFix[] {
  const chain = chainTo(input.tree, diag.span);
  const step = chain?.[chain.length - 1];
  if (!step?.pair || step.parent?.kind !== 'map') return [];
  const task = step.parent;
  const fixes: QuickFix[] = [];
  const status = pairOf(task, 'status');
  if (status?.value.kind === 'scalar' && status.value.start < status.value.end) {
    fixes.push({ title: 'Set status: done', edits: [replaceScalar(input.text, status.value, 'done')], preferred: true });
  } else if (!status) {
    fixes.push({ title: 'Set status: done', edits: [appendPair(input.text, task, 'status', { flow: 'done', block: [] })], preferred: true });
  }
  fixes.push({ title: 'Remove done_on', edits: [removePair(input.text, task, step.pair)] });
  return fixes;
}

function quoteIt(input: FixInput, diag: Diagnostic): QuickFix[] {
  if (!/quote it/.test(diag.message)) return [];
  const chain = scalarAt(input, diag);
  const node = chain?.[chain.length - 1]?.node;
  if (node?.kind !== 'scalar' || node.style !== 'plain') return [];
  return [{ title: `Quote it: "${node.text}"`, edits: [{ span: { start: node.start, end: node.end }, newText: JSON.stringify(node.text) }], preferred: true }];
}

function dropTime(input: FixInput, diag: Diagnostic): QuickFix[] {
  if (diag.data?.format !== 'date') return [];
  const chain = scalarAt(input, diag);
  const node = chain?.[chain.length - 1]?.node;
  const m = node?.kind === 'scalar' ? /^(\d{4}-\d\d-\d\d)[T ]/.exec(node.text) : null;
  if (node?.kind !== 'scalar' || !m) return [];
  return [{ title: `Keep the date only: ${m[1]}`, edits: [replaceScalar(input.text, node, m[1]!)], preferred: true }];
}
