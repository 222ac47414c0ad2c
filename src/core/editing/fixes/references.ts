/**
 * Fixes of references between things in the plan:
 *  - unknown-person: add the person to `people` (in the map's style), or use a near person id
 *  - unknown-id: use a near id, or remove the dependency
 *  - duplicate-id: give the second one a free id
 *  - dependency-cycle: remove one of the cycle's dependencies (each one offered, its own first)
 */
import type { Diagnostic } from '../../diagnostic';
import { editMap } from '../../edit/render';
import { columnOf, type TextEdit } from '../../edit/text';
import { insertPairs, setScalar } from '../../edit/yamlEdits';
import type { Plan } from '../../model';
import { pairOf, type MapNode, type SourceNode } from '../../sourceTree';
import { inertText } from '../inertText';
import { layoutOf, removeEntry } from './edits';
import { freeId, idsInTree, quoted, scalarAt, stringData, strings, type FixInput, type QuickFix } from './types';

const flowOf = (steps: { parent?: { flow: boolean } }): boolean => steps.parent?.flow === true;

export function unknownPerson(input: FixInput, diag: Diagnostic): QuickFix[] {
  const id = stringData(diag, 'person');
  const at = scalarAt(input, diag);
  if (id === undefined || !at || input.tree?.kind !== 'map') return [];
  const fixes: QuickFix[] = [];
  const people = pairOf(input.tree, 'people')?.value;
  const added = people?.kind === 'map' ? addPerson(input.text, input.tree, people, id) : undefined;
  if (added) fixes.push({ title: `Add ${quoted(id)} to people`, edits: added, preferred: true });
  for (const s of strings(diag.data?.suggestions)) {
    fixes.push({
      title: `Change to ${quoted(s)}${personName(input.plan, s)}`,
      edits: [setScalar(input.text, at.node, s, flowOf(at.step))],
    });
  }
  return fixes;
}

/** `id: { name: id }` at the end of `people`, in the style of the person before it. */
function addPerson(text: string, tree: SourceNode, people: MapNode, id: string): TextEdit[] | undefined {
  const lastPair = people.pairs[people.pairs.length - 1];
  const last = lastPair?.value;
  let layout = layoutOf(text, tree);
  const block = last?.kind === 'map' && !last.flow && last.pairs.length > 0;
  if (block)
    layout = { ...layout, mapIndent: columnOf(text, last.pairs[0]!.key.start) - columnOf(text, lastPair!.key.start) };
  try {
    return insertPairs(text, people, undefined, [[id, editMap([['name', id]], !block)]], layout);
  } catch {
    return undefined; // laid out in a way the edit does not handle
  }
}

function personName(plan: Plan | undefined, id: string): string {
  const p = plan?.people.get(id);
  return p && p.name !== id ? ` (${inertText(p.name, 60)})` : '';
}

export function unknownId(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  if (!at) return [];
  const fixes: QuickFix[] = strings(diag.data?.suggestions).map((s, i) => {
    const item = input.plan?.items.get(s);
    return {
      title: `Change to ${quoted(s)}${item ? ` (${inertText(item.title, 60)})` : ''}`,
      edits: [setScalar(input.text, at.node, s, flowOf(at.step))],
      preferred: i === 0,
    };
  });
  const removal = removeEntry(input.text, at.chain);
  if (removal) fixes.push({ title: `Remove the dependency on ${quoted(at.node.text)}`, edits: removal });
  return fixes;
}

export function duplicateId(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const id = stringData(diag, 'id');
  if (!at || id === undefined) return [];
  const free = freeId(id.replace(/-\d+$/, ''), new Set([...idsInTree(input.tree), id.replace(/-\d+$/, '')]));
  return [
    {
      title: `Rename this one to ${quoted(free)}`,
      edits: [setScalar(input.text, at.node, free, flowOf(at.step))],
      preferred: true,
    },
  ];
}

export function cycle(input: FixInput, diag: Diagnostic): QuickFix[] {
  const key = JSON.stringify(diag.data?.cycle ?? null);
  const edges = input.diagnostics.filter(
    (d) => d.code === 'dependency-cycle' && JSON.stringify(d.data?.cycle ?? null) === key,
  );
  if (!edges.some((d) => d.span.start === diag.span.start)) edges.unshift(diag);
  const fixes: QuickFix[] = [];
  for (const d of edges) {
    const at = scalarAt(input, d);
    const removal = at && removeEntry(input.text, at.chain);
    if (!removal) continue;
    const mine = d.span.start === diag.span.start && d.span.end === diag.span.end;
    fixes.push({
      title: `Remove the dependency ${inertText(stringData(d, 'from') ?? '?', 60)} → ${inertText(stringData(d, 'to') ?? '?', 60)}`,
      edits: removal,
      preferred: mine,
    });
  }
  // this diagnostic's own edge first
  return fixes.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}
