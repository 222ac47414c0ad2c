/**
 * Fixes of YAML properties Workback refuses (yaml-anchor, yaml-tag): each value written out
 * where it is used. The source tree drops merge keys and aliases, so these read the `yaml`
 * package's Document of the same text (the engine that reported them), which keeps both.
 *  - an alias `*a`: its anchored value written in its place (in flow style)
 *  - an anchor `&a`: removed, and every alias of it written out
 *  - a merge key `<<: *a`: the merged keys written out (keys already in the mapping win)
 *  - a tag: removed (`!!str 2027` becomes "2027", so that the value stays text)
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Pair as YamlPair,
  type YAMLMap,
} from 'yaml';
import type { Diagnostic, Span } from '../../diagnostic';
import { formatScalar } from '../../edit/scalar';
import { columnOf, eolOf, type TextEdit } from '../../edit/text';
import { resolvePlain } from '../../parse/scalar';
import { parseYamlDocument } from '../../parse/yamlEngine';
import type { SourceNode } from '../../sourceTree';
import { inertText } from '../inertText';
import type { FixInput, QuickFix } from './types';

interface Parsed {
  doc: Document.Parsed;
  /** Offset of the Document's text in the plan's (a BOM). */
  shift: number;
}

function parse(text: string): Parsed {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = shift ? text.slice(1) : text;
  if (body.includes('\r')) body = body.replace(/\r(?!\n)/g, '\n'); // as the engines read it: one character for one
  return { doc: parseYamlDocument(body), shift };
}

const startOf = (p: Parsed, n: { range?: [number, number, number] | null }): number => (n.range?.[0] ?? -1) + p.shift;
const endOf = (p: Parsed, n: { range?: [number, number, number] | null }): number => (n.range?.[1] ?? -1) + p.shift;

/** The outermost value node of the tree that starts at `start`. */
function sourceNodeAt(tree: SourceNode | undefined, start: number): SourceNode | undefined {
  // breadth first: an outer node before the first value inside it
  const queue: SourceNode[] = tree ? [tree] : [];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    if (n.start === start) return n;
    if (n.start > start || n.end < start) continue;
    if (n.kind === 'map') for (const p of n.pairs) queue.push(p.value);
    else if (n.kind === 'seq') for (const item of n.items) queue.push(item);
  }
  return undefined;
}

/** A property token (`&a`, `!tag`) removed with the spaces after it (before it, at the end of a line). */
function removeToken(text: string, span: Span): TextEdit {
  let s = span.start;
  let e = span.end;
  while (text[e] === ' ' || text[e] === '\t') e++;
  if (e >= text.length || text[e] === '\n' || text[e] === '\r' || text[e] === '#') {
    e = span.end;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  }
  return { start: s, end: e, text: '' };
}

const QUOTES: Record<string, 'single' | 'double'> = { QUOTE_SINGLE: 'single', QUOTE_DOUBLE: 'double' };

/** The value a node of the Document stands for, written in flow style (an alias stays an alias). */
function valueText(p: Parsed, node: YamlNode | null, depth = 0): string {
  if (depth > 100) throw new Error('too deep');
  if (node === null) return '""';
  if (isAlias(node)) return `*${node.source}`;
  if (isScalar(node)) {
    const value = String(node.value ?? '');
    if (node.type === 'PLAIN' && typeof resolvePlain(value) !== 'string') return value; // a number, boolean or null stays one
    return formatScalar(value, { flow: true, quote: QUOTES[node.type ?? ''] ?? 'plain' });
  }
  if (isSeq(node)) return `[${node.items.map((i) => valueText(p, i as YamlNode | null, depth + 1)).join(', ')}]`;
  if (isMap(node)) {
    if (node.items.length === 0) return '{}';
    return `{ ${node.items.map((i) => `${valueText(p, (i as YamlPair).key as YamlNode | null, depth + 1)}: ${valueText(p, (i as YamlPair).value as YamlNode | null, depth + 1)}`).join(', ')} }`;
  }
  throw new Error('unexpected node');
}

/** Every pair of the Document, with the mapping holding it. */
function pairs(p: Parsed): { map: YAMLMap; pair: YamlPair }[] {
  const out: { map: YAMLMap; pair: YamlPair }[] = [];
  visit(p.doc, {
    Map: (_k, map) => {
      for (const pair of map.items) out.push({ map, pair: pair as YamlPair });
    },
  });
  return out;
}

const isMergeKey = (pair: YamlPair): boolean => isScalar(pair.key) && pair.key.value === '<<';

type Resolve = (alias: Alias) => YamlNode | undefined;

/**
 * What each alias of the Document stands for, found in one walk: the last node anchored with its
 * name before it, as `Alias.resolve` says (which walks the Document again for every alias: a
 * plan with many aliases took quadratic time).
 */
function resolver(p: Parsed): Resolve {
  const bound = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode | undefined>();
  visit(p.doc, {
    Node: (_k, n) => {
      if (isAlias(n)) targets.set(n, bound.get(n.source));
      else if (n.anchor) bound.set(n.anchor, n);
    },
  });
  return (alias) => targets.get(alias);
}

/** The edit that replaces `<<: value` with the keys it merges (keys the mapping has win; earlier sources win). */
function mergeEdit(input: FixInput, p: Parsed, map: YAMLMap, pair: YamlPair, resolve: Resolve): TextEdit | undefined {
  const value = pair.value as YamlNode | null;
  if (!isScalar(pair.key) || !value) return undefined;
  const sources = (isSeq(value) ? value.items : [value]).map((s) => (isAlias(s) ? resolve(s as Alias) : s));
  const have = new Set(
    map.items
      .filter((x) => !isMergeKey(x as YamlPair) && isScalar((x as YamlPair).key))
      .map((x) => String(((x as YamlPair).key as { value: unknown }).value)),
  );
  const lines: string[] = [];
  for (const src of sources) {
    if (!isMap(src)) return undefined;
    for (const item of src.items) {
      if (!isPair(item) || !isScalar(item.key) || !item.value) return undefined;
      const key = String(item.key.value);
      if (have.has(key)) continue;
      have.add(key);
      lines.push(`${formatScalar(key, { flow: true })}: ${valueText(p, item.value as YamlNode)}`);
    }
  }
  const start = startOf(p, pair.key);
  const end = endOf(p, value);
  const sep = map.flow ? ', ' : `${eolOf(input.text)}${' '.repeat(columnOf(input.text, start))}`;
  return { start, end, text: lines.join(sep) };
}

export function anchorFixes(input: FixInput, diag: Diagnostic): QuickFix[] {
  const token = input.text.slice(diag.span.start, diag.span.end);
  const p = parse(input.text);
  if (token === '<<') {
    const found = pairs(p).find((x) => isScalar(x.pair.key) && startOf(p, x.pair.key) === diag.span.start);
    const edit = found && mergeEdit(input, p, found.map, found.pair, resolver(p));
    return edit ? [{ title: 'Write out the merged keys', edits: [edit], preferred: true }] : [];
  }
  if (token.startsWith('*')) return aliasFix(input, p, diag);
  if (token.startsWith('&')) return anchorFix(input, p, diag, token.slice(1));
  return [];
}

function aliasFix(input: FixInput, p: Parsed, diag: Diagnostic): QuickFix[] {
  let alias: Alias | undefined;
  let holder: { map: YAMLMap; pair: YamlPair } | undefined;
  visit(p.doc, {
    Alias: (_k, a, path) => {
      if (startOf(p, a) !== diag.span.start) return undefined;
      alias = a;
      const parent = path[path.length - 1];
      const grand = path[path.length - 2];
      if (isPair(parent) && isMergeKey(parent) && isMap(grand)) holder = { map: grand, pair: parent };
      return visit.BREAK;
    },
  });
  if (!alias) return [];
  const name = inertText(alias.source, 40);
  const resolve = resolver(p);
  if (holder) {
    const edit = mergeEdit(input, p, holder.map, holder.pair, resolve);
    return edit ? [{ title: 'Write out the merged keys', edits: [edit], preferred: true }] : [];
  }
  const target = resolve(alias);
  return target
    ? [
        {
          title: `Write out the value of *${name}`,
          edits: [{ start: diag.span.start, end: diag.span.end, text: valueText(p, target) }],
          preferred: true,
        },
      ]
    : [];
}

function anchorFix(input: FixInput, p: Parsed, diag: Diagnostic, name: string): QuickFix[] {
  let anchored: YamlNode | undefined;
  visit(p.doc, {
    Node: (_k, n) => {
      if (n.anchor === name && startOf(p, n) >= diag.span.end && (!anchored || startOf(p, n) < startOf(p, anchored)))
        anchored = n;
    },
  });
  if (!anchored) return [];
  const edits: TextEdit[] = [removeToken(input.text, diag.span)];
  const merges = new Set<YamlPair>();
  const resolve = resolver(p);
  let count = 0;
  let failed = false;
  visit(p.doc, {
    Alias: (_k, a, path) => {
      if (a.source !== name || resolve(a) !== anchored) return;
      count++;
      const parent = path[path.length - 1];
      const grand = path[path.length - 2];
      if (isPair(parent) && isMergeKey(parent) && isMap(grand)) {
        if (merges.has(parent)) return;
        merges.add(parent);
        const edit = mergeEdit(input, p, grand, parent, resolve);
        if (edit) edits.push(edit);
        else failed = true;
        return;
      }
      edits.push({ start: startOf(p, a), end: endOf(p, a), text: valueText(p, anchored!) });
    },
  });
  if (failed) return [];
  const shown = inertText(name, 40);
  return [
    {
      title: count
        ? `Remove the anchor &${shown} and write out its ${count === 1 ? 'alias' : `${count} aliases`}`
        : `Remove the anchor &${shown}`,
      edits,
      preferred: true,
    },
  ];
}

export function tagFixes(input: FixInput, diag: Diagnostic): QuickFix[] {
  const token = input.text.slice(diag.span.start, diag.span.end);
  if (!token.startsWith('!')) return [];
  const edits: TextEdit[] = [removeToken(input.text, diag.span)];
  // the node it tags: after spaces, line breaks and other properties
  let i = diag.span.end;
  for (let guard = 0; guard < 8; guard++) {
    while (i < input.text.length && /\s/.test(input.text[i]!)) i++;
    if (input.text[i] !== '&' && input.text[i] !== '!') break;
    while (i < input.text.length && !/\s/.test(input.text[i]!)) i++;
  }
  const node = sourceNodeAt(input.tree, i);
  const quote =
    (token === '!!str' || token === '!<tag:yaml.org,2002:str>') &&
    node?.kind === 'scalar' &&
    node.style === 'plain' &&
    typeof resolvePlain(node.text) !== 'string';
  if (quote) edits.push({ start: node.start, end: node.end, text: JSON.stringify(node.text) });
  const shown = inertText(token, 40);
  return [
    {
      title: quote ? `Remove the tag ${shown} and quote the value` : `Remove the tag ${shown}`,
      edits,
      preferred: true,
    },
  ];
}
