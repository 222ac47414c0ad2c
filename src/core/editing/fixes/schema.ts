/**
 * Fixes of schema errors:
 *  - schema-required: add the key with a value that passes (placeholders.ts)
 *  - schema-unknown-key: rename it to the suggested key, keep it as an x- key, or remove it
 *  - schema-type: quote a number or boolean used as text; one value where a list goes becomes
 *    a list of it; true or false for yes/no; an empty value is removed (optional key) or
 *    filled (required key)
 *  - schema-enum: each allowed value, the likeliest first
 *  - schema-unique: remove the repeated entry
 *  - schema-limit: fill or remove an empty text, shorten a long one, give an empty list its
 *    first entry
 */
import type { Diagnostic } from '../../diagnostic';
import { chainTo, nodeEnd } from '../../edit/nodes';
import { editSeq, renderFlow, type EditValue } from '../../edit/render';
import { formatScalar } from '../../edit/scalar';
import type { TextEdit } from '../../edit/text';
import { fillEmptyPair, removePair, setScalar } from '../../edit/yamlEdits';
import { schemaAt, type PathSeg } from '../../schemaView';
import { nodeAtPath, type MapNode, type Pair, type SeqNode, type SourceNode } from '../../sourceTree';
import { nearest } from '../../validate/suggest';
import { inertText } from '../inertText';
import { addKey, layoutOf, removeEntry, replaceWithFlow } from './edits';
import { isRequired, requiredValue } from './placeholders';
import { idFix } from './values';
import { pathOf, quoted, scalarAt, stringData, strings, type FixInput, type QuickFix } from './types';

/** How a value is shown in a fix's title. */
function shown(v: EditValue): string {
  return inertText(renderFlow(v, true), 60);
}

export function required(input: FixInput, diag: Diagnostic): QuickFix[] {
  const path = pathOf(diag);
  const key = stringData(diag, 'missing');
  const map = path && nodeAtPath(input.tree, path);
  if (!path || key === undefined || map?.kind !== 'map') return [];
  const value = requiredValue(input, path, key);
  if (value === undefined) return [];
  return [
    {
      title: `Add ${key}: ${shown(value)}`,
      edits: addKey(input.text, input.tree, map, path, key, value),
      preferred: true,
    },
  ];
}

export function unknownKey(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const map = at?.step.parent;
  const pair = at?.step.pair;
  if (!at || map?.kind !== 'map' || !pair || at.node !== pair.key) return [];
  const key = pair.key.text;
  const rename = (to: string): TextEdit => ({
    start: pair.key.start,
    end: pair.key.end,
    text: formatScalar(to, { flow: map.flow }),
  });
  const fixes: QuickFix[] = [];
  for (const s of strings(diag.data?.suggestions)) {
    if (map.byKey.has(s)) continue; // would make a duplicate key
    fixes.push({ title: `Rename ${quoted(key)} to "${s}"`, edits: [rename(s)], preferred: fixes.length === 0 });
  }
  if (/^[A-Za-z0-9_.-]+$/.test(key) && !map.byKey.has(`x-${key}`)) {
    fixes.push({ title: `Keep it as "x-${key}" (ignored by Workback)`, edits: [rename(`x-${key}`)] });
  }
  const removal = removePair(input.text, map, pair);
  if (removal) fixes.push({ title: `Remove ${quoted(key)}`, edits: removal });
  return fixes;
}

/** The pair holding the value at `path`, and its mapping. */
function pairAt(tree: SourceNode | undefined, path: readonly PathSeg[]): { map: MapNode; pair: Pair } | undefined {
  const parent = nodeAtPath(tree, path.slice(0, -1));
  const key = path[path.length - 1];
  const pair = parent?.kind === 'map' && typeof key === 'string' ? parent.byKey.get(key) : undefined;
  return pair && parent?.kind === 'map' ? { map: parent, pair } : undefined;
}

/** An empty value: removed when its key is optional, filled when it is required. */
function emptyValue(input: FixInput, path: readonly PathSeg[]): QuickFix[] {
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  if (typeof key === 'number') {
    const at = nodeAtPath(input.tree, path);
    const chain = at && chainTo(input.tree, { start: at.start, end: at.end });
    const removal = chain && removeEntry(input.text, chain);
    return removal ? [{ title: 'Remove the empty entry', edits: removal, preferred: true }] : [];
  }
  const found = pairAt(input.tree, path);
  if (!found) return [];
  if (!isRequired(parentPath, key) && !(parentPath.length === 1 && parentPath[0] === 'people')) {
    const removal = removePair(input.text, found.map, found.pair);
    return removal ? [{ title: `Remove the empty ${quoted(key)}`, edits: removal, preferred: true }] : [];
  }
  const value =
    parentPath[0] === 'people' && parentPath.length === 1 ? requiredPerson(key) : requiredValue(input, parentPath, key);
  if (value === undefined) return [];
  return [
    {
      title: `Fill in ${key}: ${shown(value)}`,
      edits: fillEmptyPair(input.text, found.map, found.pair, value, layoutOf(input.text, input.tree)),
      preferred: true,
    },
  ];
}

const requiredPerson = (id: string): EditValue => ({ kind: 'map', pairs: [['name', id]], flow: true });

const YES = /^(yes|y|on)$/i;
const NO = /^(no|n|off)$/i;

export function wrongType(input: FixInput, diag: Diagnostic): QuickFix[] {
  const path = pathOf(diag);
  const expected = stringData(diag, 'expected') ?? '';
  const node = path && nodeAtPath(input.tree, path);
  if (!path || !node) return path ? emptyValue(input, path) : [];
  if (node.kind === 'scalar' && node.value === null) return emptyValue(input, path);
  const view = schemaAt(path);
  if (node.kind === 'scalar' && expected.includes('string')) {
    // a number or boolean where text goes: quoted, unless the text would still be wrong
    if (view?.ref === 'duration' && /^[1-9]\d{0,4}$/.test(node.text))
      return [
        {
          title: `Change to ${node.text}d`,
          edits: [{ start: node.start, end: node.end, text: `${node.text}d` }],
          preferred: true,
        },
      ];
    const pattern = typeof view?.node.pattern === 'string' ? new RegExp(view.node.pattern) : undefined;
    if (node.style !== 'plain' || (pattern && !pattern.test(node.text))) return [];
    const quoted = JSON.stringify(node.text);
    return [
      { title: `Quote it: ${quoted}`, edits: [{ start: node.start, end: node.end, text: quoted }], preferred: true },
    ];
  }
  if (expected.includes('string') && node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar'))
    return listAsText(input, path, node);
  if (expected === 'boolean' && node.kind === 'scalar') {
    const yes = YES.test(node.text);
    const no = NO.test(node.text);
    return [true, false].map((v) => ({
      title: `Change to ${v}`,
      edits: [{ start: node.start, end: nodeEnd(input.text, node), text: String(v) }],
      preferred: v ? yes : no,
    }));
  }
  if (expected === 'array') return asList(input, node);
  return [];
}

/** A list of texts where one text goes: the texts joined by commas, on the key's line. */
function listAsText(input: FixInput, path: readonly PathSeg[], node: SeqNode): QuickFix[] {
  const found = pairAt(input.tree, path);
  if (!found) return [];
  const joined = node.items.map((i) => (i.kind === 'scalar' ? i.text : '')).join(', ');
  const value = formatScalar(joined, { flow: found.map.flow });
  const colon = input.text.indexOf(':', found.pair.key.end);
  return [
    {
      title: `Write it as one text: ${inertText(value, 60)}`,
      edits: [{ start: colon + 1, end: nodeEnd(input.text, node), text: ` ${value}` }],
      preferred: true,
    },
  ];
}

/** One value where a list goes: a list of it. */
function asList(input: FixInput, node: SourceNode): QuickFix[] {
  const text = input.text;
  if (node.kind === 'scalar' || node.flow) {
    const raw = text.slice(node.start, nodeEnd(text, node));
    const item =
      node.kind === 'scalar' && node.style === 'plain' && typeof node.value === 'string'
        ? formatScalar(node.text, { flow: true })
        : raw;
    return [
      {
        title: `Make it a list: [${inertText(item, 40)}]`,
        edits: [{ start: node.start, end: nodeEnd(text, node), text: `[${item}]` }],
        preferred: true,
      },
    ];
  }
  if (node.kind !== 'map') return [];
  // a block mapping becomes the list's one item: `- ` before its first key, two more spaces before its other lines
  const edits: TextEdit[] = [{ start: node.start, end: node.start, text: '- ' }];
  const end = nodeEnd(text, node);
  for (let i = text.indexOf('\n', node.start); i >= 0 && i + 1 < end; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] !== '\n' && text[i + 1] !== '\r') edits.push({ start: i + 1, end: i + 1, text: '  ' });
  }
  return [{ title: 'Make it a list of this one entry', edits, preferred: true }];
}

export function notAllowed(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const allowed = Array.isArray(diag.data?.allowed)
    ? (diag.data.allowed as unknown[]).filter(
        (a): a is string | number => typeof a === 'string' || typeof a === 'number',
      )
    : [];
  if (!at || allowed.length === 0) return [];
  const likely = likeliest(at.node.text, allowed.map(String));
  const ordered = [...allowed].sort((a, b) => Number(String(b) === likely) - Number(String(a) === likely));
  return ordered.map((v) => ({
    title: `Change to ${v}`,
    edits: [
      typeof v === 'number'
        ? { start: at.node.start, end: at.node.end, text: String(v) }
        : setScalar(input.text, at.node, v, at.step.parent?.flow === true),
    ],
    preferred: String(v) === likely,
  }));
}

const SYNONYMS: Record<string, string> = {
  finished: 'done',
  complete: 'done',
  completed: 'done',
  closed: 'done',
  resolved: 'done',
  started: 'doing',
  'in-progress': 'doing',
  in_progress: 'doing',
  'in progress': 'doing',
  wip: 'doing',
  active: 'doing',
  ongoing: 'doing',
  open: 'todo',
  new: 'todo',
  pending: 'todo',
  planned: 'todo',
  'to-do': 'todo',
  'to do': 'todo',
  waiting: 'blocked',
  'on-hold': 'blocked',
  'on hold': 'blocked',
  stuck: 'blocked',
};

/** The allowed value a person most likely meant: `Mon` or `monday` is mon, `finished` is done, else the nearest. */
function likeliest(text: string, allowed: string[]): string | undefined {
  const t = text.trim().toLowerCase();
  const exact = allowed.find(
    (a) => a.toLowerCase() === t || a === SYNONYMS[t] || (t.length >= 3 && a.length === 3 && t.startsWith(a)),
  );
  return exact ?? nearest(t, allowed, 1)[0];
}

export function repeated(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const removal = at && removeEntry(input.text, at.chain);
  return removal ? [{ title: `Remove the repeated ${quoted(at.node.text)}`, edits: removal, preferred: true }] : [];
}

const DEFAULT_WORKDAYS = /* @__PURE__ */ editSeq(['mon', 'tue', 'wed', 'thu', 'fri'], true);

export function limit(input: FixInput, diag: Diagnostic): QuickFix[] {
  const path = pathOf(diag);
  const max = typeof diag.data?.limit === 'number' ? diag.data.limit : undefined;
  const node = path && nodeAtPath(input.tree, path);
  if (!path || !node || max === undefined) return [];
  const last = path[path.length - 1];
  if (node.kind === 'seq' && node.items.length === 0) {
    // a list that needs an entry: the first one
    if (last === 'workdays')
      return [
        { title: 'Use mon to fri', edits: [replaceWithFlow(input.text, node, DEFAULT_WORKDAYS)], preferred: true },
      ];
    const value = requiredValue(input, path.slice(0, -1), String(last));
    return value !== undefined && typeof value === 'object'
      ? [
          {
            title: 'Add a first milestone',
            edits: [replaceWithFlow(input.text, node, { ...value, flow: true })],
            preferred: true,
          },
        ]
      : [];
  }
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return [];
  if (node.text === '') return emptyText(input, path);
  if (node.text.length <= max) return [];
  const cut = shorten(node.text, max);
  const ref = schemaAt(path)?.ref;
  if (ref === 'id' || ref === 'personId')
    return idFix(input, path, node, ref === 'id' ? 'item' : 'person', cut.replace(/[^A-Za-z0-9]+$/, ''));
  const flow = nodeAtPath(input.tree, path.slice(0, -1));
  return [
    {
      title: `Shorten to ${max} characters`,
      edits: [setScalar(input.text, node, cut, flow?.kind !== 'scalar' && flow?.flow === true)],
    },
  ];
}

/** An empty text: filled when its key is required, else removed. */
function emptyText(input: FixInput, path: readonly PathSeg[]): QuickFix[] {
  const key = path[path.length - 1];
  const node = nodeAtPath(input.tree, path);
  if (typeof key === 'number' || node?.kind !== 'scalar') return emptyValue(input, path);
  const parentPath = path.slice(0, -1);
  if (!isRequired(parentPath, key)) return emptyValue(input, path);
  const value = requiredValue(input, parentPath, key);
  const parent = nodeAtPath(input.tree, parentPath);
  if (typeof value !== 'string') return [];
  return [
    {
      title: `Fill in ${key}: ${shown(value)}`,
      edits: [setScalar(input.text, node, value, parent?.kind === 'map' && parent.flow)],
      preferred: true,
    },
  ];
}

/** `text` cut to at most `max` characters, at a space when there is one in the last fifth. */
function shorten(text: string, max: number): string {
  let cut = text.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}
