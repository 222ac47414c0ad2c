/**
 * Fixes of values of the wrong form (schema-format) and of dates that do not exist:
 *  - a date: `2026-7-1`, `2026/07/01` or one with a time written as YYYY-MM-DD
 *  - a duration: `3 days` is 3d, `2 weeks` 2w, `0d` 1d
 *  - an id or person id: letters, digits, `_`, `.` and `-` only, renamed with its references
 *  - an email: removed (it is optional, and only its owner knows the right one)
 *  - invalid-date: a day past the month's end becomes the month's last day
 */
import { PERSON_REF_KEYS } from '../../model';
import { daysInMonth } from '../../day';
import type { Diagnostic } from '../../diagnostic';
import { chainTo } from '../../edit/nodes';
import { formatScalar } from '../../edit/scalar';
import type { TextEdit } from '../../edit/text';
import { removePair, setScalar } from '../../edit/yamlEdits';
import type { PathSeg } from '../../schemaView';
import type { MapNode, ScalarNode, SourceNode } from '../../sourceTree';
import { freeId, pathOf, quoted, scalarAt, stringData, type FixInput, type QuickFix } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function badFormat(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const path = pathOf(diag);
  if (!at || !path) return [];
  const flow = at.step.parent?.flow === true;
  const set = (title: string, value: string): QuickFix[] => [
    { title, edits: [setScalar(input.text, at.node, value, flow)], preferred: true },
  ];
  switch (stringData(diag, 'format')) {
    case 'date': {
      const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/s.exec(at.node.text.trim());
      if (!m) return [];
      const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      return set(at.node.text.startsWith(date) ? `Keep the date only: ${date}` : `Write it as ${date}`, date);
    }
    case 'duration': {
      const m = /^(\d+)\s*(d|days?|workdays?|w|wks?|weeks?)?$/i.exec(at.node.text.trim());
      const n = m ? Math.max(1, Number(m[1])) : NaN;
      if (!m || n > 99999) return [];
      const unit = m[2] && /^w(ee)?k?s?$/i.test(m[2]) ? 'w' : 'd';
      return set(`Change to ${n}${unit}`, `${n}${unit}`);
    }
    case 'id':
    case 'personId':
      return idFix(input, path, at.node, stringData(diag, 'format') === 'id' ? 'item' : 'person', idFrom(at.node.text));
    case 'email': {
      const map = at.step.parent;
      const removal = map?.kind === 'map' && at.step.pair ? removePair(input.text, map, at.step.pair) : undefined;
      return removal ? [{ title: 'Remove the email', edits: removal, preferred: true }] : [];
    }
    default:
      return [];
  }
}

/** Text made into an id: accents dropped, every run of other characters a `-`. */
function idFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
}

/**
 * An id made valid: its definition (the value of an `id` key, or a key of `people`) renamed to
 * `wanted` (or a free variant of it) with every reference to it; a reference to nothing is
 * changed alone.
 */
export function idFix(
  input: FixInput,
  path: readonly PathSeg[],
  node: ScalarNode,
  kind: 'item' | 'person',
  wanted: string,
): QuickFix[] {
  const people = input.tree?.kind === 'map' ? input.tree.byKey.get('people')?.value : undefined;
  const personKeys = people?.kind === 'map' ? people.pairs.map((p) => p.key) : [];
  const definitions = kind === 'person' ? personKeys : itemIds(input.tree);
  const isDefinition = kind === 'person' ? path.length === 1 && path[0] === 'people' : path[path.length - 1] === 'id';
  const def = isDefinition ? node : definitions.find((d) => d.text === node.text);
  const id = freeId(wanted || (kind === 'person' ? 'person' : 'item'), new Set(definitions.map((d) => d.text)));
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) return [];
  const flowAt = (n: ScalarNode): boolean => chainTo(input.tree, n)?.pop()?.parent?.flow === true;
  if (!def)
    return [{ title: `Change to "${id}"`, edits: [setScalar(input.text, node, id, flowAt(node))], preferred: true }];
  const edits: TextEdit[] = [
    kind === 'person'
      ? { start: def.start, end: def.end, text: formatScalar(id, { flow: people?.kind === 'map' && people.flow }) }
      : setScalar(input.text, def, id, flowAt(def)),
  ];
  const refs = references(input.tree, def.text, kind === 'person' ? PERSON_REF_KEYS : ITEM_KEYS);
  for (const r of refs) edits.push(setScalar(input.text, r.node, id, r.flow));
  const more = refs.length ? ` and ${refs.length} reference${refs.length === 1 ? '' : 's'}` : '';
  return [
    {
      title: `Change ${kind === 'person' ? 'the person id' : 'the id'} ${quoted(def.text)} to "${id}"${more}`,
      edits,
      preferred: true,
    },
  ];
}

/** The id scalars of every milestone and task. */
function itemIds(tree: SourceNode | undefined): ScalarNode[] {
  const out: ScalarNode[] = [];
  const milestones = tree?.kind === 'map' ? tree.byKey.get('milestones')?.value : undefined;
  for (const m of milestones?.kind === 'seq' ? milestones.items : []) {
    const id = m.kind === 'map' ? m.byKey.get('id')?.value : undefined;
    if (id?.kind === 'scalar') out.push(id);
    const tasks = m.kind === 'map' ? m.byKey.get('tasks')?.value : undefined;
    for (const t of tasks?.kind === 'seq' ? tasks.items : []) {
      const tid = t.kind === 'map' ? t.byKey.get('id')?.value : undefined;
      if (tid?.kind === 'scalar') out.push(tid);
    }
  }
  return out;
}

const ITEM_KEYS = new Set(['depends_on']);

/** Scalars equal to `id` under the given keys (a list under the key counts entry by entry). */
function references(
  tree: SourceNode | undefined,
  id: string,
  keys: ReadonlySet<string>,
): { node: ScalarNode; flow: boolean }[] {
  const out: { node: ScalarNode; flow: boolean }[] = [];
  const stack: SourceNode[] = tree ? [tree] : [];
  for (let guard = 0; stack.length && guard < 500000; guard++) {
    const n = stack.pop()!;
    if (n.kind === 'seq') for (const item of n.items) stack.push(item);
    if (n.kind !== 'map') continue;
    for (const p of (n as MapNode).pairs) {
      const v = p.value;
      if (keys.has(p.key.text)) {
        if (v.kind === 'scalar' && v.text === id) out.push({ node: v, flow: n.flow });
        if (v.kind === 'seq')
          for (const item of v.items)
            if (item.kind === 'scalar' && item.text === id) out.push({ node: item, flow: v.flow });
      } else if (v.kind !== 'scalar') stack.push(v);
    }
  }
  return out.sort((a, b) => a.node.start - b.node.start);
}

export function invalidDate(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const m = at && /^(\d{4})-(\d{2})-(\d{2})$/.exec(at.node.text);
  if (!at || !m) return [];
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || y > 2199 || mo < 1 || mo > 12 || d <= daysInMonth(y, mo)) return [];
  const last = `${m[1]}-${m[2]}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
  return [
    {
      title: `Change to ${last} (the last day of ${MONTHS[mo - 1]})`,
      edits: [setScalar(input.text, at.node, last, at.step.parent?.flow === true)],
      preferred: true,
    },
  ];
}
