/**
 * The `yaml` engine: the round-tripping Document of the `yaml` package (failsafe schema,
 * so every scalar arrives as text and the one core resolver decides its type). Used when
 * the block engine gives up (its syntax errors are precise and plentiful), when an edit
 * needs the Document, and in tests as the reference the block engine must match.
 */
import {
  Alias,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Scalar,
  YAMLParseError,
  type Node as YamlNode,
  type Document,
} from 'yaml';
import type { RawDiagnostic } from '../diagnostic';
import type { ScalarStyle } from '../sourceTree';
import type { EngineResult } from './engineResult';
import { MAX_DEPTH, tooDeep } from './preflight';
import { findDirective, findPropertyBefore, findSecondDocument, trimBlockEnd } from './properties';
import { closingQuote } from './quotedScalars';
import { TreeBuilder } from './treeBuilder';
import { placeUnclosed } from './unclosed';
import { composeGuarded, type GuardedDocument } from './yamlDepth';

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

function compose(text: string): GuardedDocument {
  return composeGuarded(text, {
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: true,
    prettyErrors: false,
    version: '1.2',
    keepSourceTokens: false,
  });
}

/** The Document of the text; nested too deep, it stops there with an error (yamlDepth.ts). */
export function parseYamlDocument(text: string): Document.Parsed {
  const { doc, tooDeep: at } = compose(text);
  if (at >= 0)
    doc.errors.push(
      new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', `Nesting is deeper than ${MAX_DEPTH} levels here`),
    );
  return doc;
}

export function parseWithYaml(text: string): EngineResult {
  const { doc, tooDeep: bound, maxBound } = compose(text);
  // Too deep, the file is not parsed, as the block engine says: nothing else is reported. Where
  // the bound stopped the Document, the collection past MAX_DEPTH is in what was composed. A
  // bound that never passed MAX_DEPTH (every plan) spares the walk that looks for it.
  const exact = maxBound > MAX_DEPTH ? firstTooDeep(doc.contents as YamlNode | null) : -1;
  const deep = exact >= 0 ? exact : bound;
  if (deep >= 0) return { diagnostics: [tooDeep(Math.min(deep, Math.max(text.length - 1, 0)))], tree: undefined };
  const diagnostics: RawDiagnostic[] = [];
  let multiple = false;
  for (const err of doc.errors) {
    if (err.code === 'MULTIPLE_DOCS') {
      multiple = true;
      continue;
    }
    const [start, end] = err.pos;
    const s = Math.min(start, text.length);
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: syntaxMessage(err.code, err.message),
      span: { start: s, end: Math.min(Math.max(end, s + 1), text.length) },
    });
  }
  if (diagnostics.length) {
    const placed = placeUnclosed(text, diagnostics);
    return placed.repair
      ? { diagnostics: placed.diagnostics, tree: undefined, repair: placed.repair }
      : { diagnostics: placed.diagnostics, tree: undefined };
  }
  const b = new TreeBuilder();
  const dirs = doc.directives;
  if (
    dirs &&
    (dirs.yaml.explicit ||
      Object.keys(dirs.tags).some((h) => h !== '!' && h !== '!!') ||
      doc.warnings.some((w) => w.code === 'BAD_DIRECTIVE'))
  ) {
    b.report({
      code: 'yaml-directive',
      severity: 'error',
      message: 'Directives are not allowed: plans are YAML 1.2 and need none.',
      span: findDirective(text),
    });
  }
  if (doc.contents) walk(text, doc.contents as YamlNode, b);
  if (multiple) {
    b.report({
      code: 'yaml-multiple-documents',
      severity: 'error',
      message: 'A plan file holds one YAML document; remove this second one or move it to its own file.',
      span: findSecondDocument(text, b.root ? b.root.end : 0),
    });
  }
  return { diagnostics: b.diagnostics, tree: b.root, plain: b.plain };
}

/**
 * A quoted scalar whose last quote is not a closing one: `'it''` at the end of a line is a
 * quote written twice (a `'` in the text), so the scalar goes on. The `yaml` package reads it
 * as closed, without an error (js-yaml and the YAML spec say it is not); so does no other plan
 * reader, so it is reported as the syntax error it is, at the scalar's end.
 */
function unclosed(text: string, s: number, e: number, b: TreeBuilder): void {
  const quote = text[s] === '"' ? '"' : "'";
  b.report({
    code: 'yaml-syntax',
    severity: 'error',
    message: `Missing closing ${quote}quote: ${quote === "'" ? "'' is a quote inside the text, not its end" : 'the last " is escaped'}.`,
    span: { start: Math.max(s, e - 1), end: e },
  });
}

type Item = YamlNode | null | { close: true };

/** The start of the first collection nested deeper than MAX_DEPTH, in document order, or -1. */
function firstTooDeep(root: YamlNode | null): number {
  const stack: [YamlNode, number][] = root ? [[root, 0]] : [];
  while (stack.length) {
    const [node, outer] = stack.pop()!;
    if (!isCollection(node)) continue;
    const depth = outer + 1;
    if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
    const children: YamlNode[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        if (item.key) children.push(item.key as YamlNode);
        if (item.value) children.push(item.value as YamlNode);
      } else if (item) children.push(item as YamlNode);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth]);
  }
  return -1;
}

/** Walks the Document with an explicit stack: no recursion however deep the file. */
function walk(text: string, root: YamlNode, b: TreeBuilder): void {
  const stack: Item[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === null) {
      b.scalar(-1, -1, 'plain', '');
      continue;
    }
    if ('close' in item && item.close === true) {
      b.close();
      continue;
    }
    const node = item as YamlNode;
    const start = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      const a = node as Alias;
      const [s, e] = a.range ?? [start, start + 1];
      b.report({
        code: 'yaml-anchor',
        severity: 'error',
        message: 'Aliases (*name) are not allowed in plans: write the value out.',
        span: { start: s, end: Math.min(e, s + 1 + a.source.length) },
      });
      b.scalar(s, Math.min(e, s + 1 + a.source.length), 'plain', '');
      continue;
    }
    properties(text, node, b);
    if (isScalar(node)) {
      const sc = node as Scalar;
      const style = STYLES[sc.type ?? 'PLAIN'] ?? 'plain';
      const value = String(sc.value ?? '');
      const [s, e] = sc.range ?? [start, start];
      if (style === 'plain' && value === '' && s === e) b.scalar(-1, -1, style, '');
      else b.scalar(s, style === 'literal' || style === 'folded' ? trimBlockEnd(text, s, e) : e, style, value);
      if ((style === 'single' || style === 'double') && closingQuote(text, s, false) !== e - 1) unclosed(text, s, e, b);
    } else if (isMap(node)) {
      b.openMap(start, node.flow === true);
      stack.push({ close: true });
      const items = node.items;
      for (let i = items.length - 1; i >= 0; i--) {
        const p = items[i]!;
        if (!isPair(p)) continue;
        stack.push((p.value as YamlNode | null) ?? null);
        stack.push((p.key as YamlNode | null) ?? null);
      }
    } else if (isSeq(node)) {
      b.openSeq(start, node.flow === true);
      stack.push({ close: true });
      for (let i = node.items.length - 1; i >= 0; i--) stack.push((node.items[i] as YamlNode | null) ?? null);
    }
  }
}

function properties(text: string, node: YamlNode, b: TreeBuilder): void {
  const start = node.range?.[0] ?? 0;
  if (node.anchor) {
    const span = findPropertyBefore(text, start, '&') ?? charAt(text, start);
    b.report({
      code: 'yaml-anchor',
      severity: 'error',
      message: 'Anchors (&name) are not allowed in plans: write each value where it is used.',
      span,
    });
  }
  if (node.tag) {
    const span = findPropertyBefore(text, start, '!') ?? charAt(text, start);
    b.report({
      code: 'yaml-tag',
      severity: 'error',
      message: 'Explicit tags are not allowed in plans: write the value plainly (quote it to make it text).',
      span,
    });
  }
}

/** One character at `at`, kept inside the text (a node can start at its very end). */
function charAt(text: string, at: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(at, text.length));
  return { start, end: Math.min(start + 1, text.length) };
}

function syntaxMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAB_AS_INDENT') return `Tabs cannot indent YAML; use spaces. (${first})`;
  return first;
}
