/**
 * The byte-level check after an edit: what the plain value cannot see. Every comment of the
 * text survives (the same comments, byte for byte, as a multiset), and an edit removes nothing
 * outside the spans it means to change but white space and the commas between flow entries.
 * Linear in the text's size (one walk of the tree, one scan of the text between its scalars).
 */
import type { Span } from '../diagnostic';
import { parseText } from '../parse/parseText';
import type { SourceNode } from '../sourceTree';
import { applyEdits, normalizeEdits, type TextEdit } from './text';

const isBreak = (c: number): boolean => c === 10 || c === 13;
/** Characters after which a `#` starts a comment: white space, a line break, a BOM. */
const beforeComment = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;

/** The scalars of the tree (keys and values) in text order: iterative, one visit each. */
function scalarSpans(tree: SourceNode | undefined): SourceNode[] {
  const out: SourceNode[] = [];
  const stack: SourceNode[] = tree ? [tree] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'scalar') out.push(n);
    else if (n.kind === 'map')
      for (let i = n.pairs.length - 1; i >= 0; i--) stack.push(n.pairs[i]!.value, n.pairs[i]!.key);
    else for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
  }
  // the walk is in text order already for both engines; a sort keeps this true whatever the tree
  for (let i = 1; i < out.length; i++)
    if (out[i]!.start < out[i - 1]!.start) return out.sort((a, b) => a.start - b.start);
  return out;
}

/** The comments found in `text` from `from` to `to` (a comment runs to its line's end). */
function scanComments(text: string, from: number, to: number, out: Span[]): number {
  let i = from;
  while (i < to) {
    if (text.charCodeAt(i) === 35 /* # */ && (i === 0 || beforeComment(text.charCodeAt(i - 1)))) {
      let e = i;
      while (e < text.length && !isBreak(text.charCodeAt(e))) e++;
      out.push({ start: i, end: e });
      i = e;
    } else i++;
  }
  return i;
}

/**
 * Every comment of a text that parsed to `tree`, in text order: each `#` after white space
 * that is not inside a scalar, and the comment on a block scalar's header line (`notes: | # x`).
 */
export function commentsOf(text: string, tree: SourceNode | undefined): string[] {
  return commentSpans(text, tree).map((c) => text.slice(c.start, c.end));
}

/** Where the comments of `commentsOf` are. */
export function commentSpans(text: string, tree: SourceNode | undefined): Span[] {
  const out: Span[] = [];
  let pos = 0;
  for (const s of scalarSpans(tree)) {
    if (s.start > pos) pos = scanComments(text, pos, s.start, out);
    if (s.kind === 'scalar' && (s.style === 'literal' || s.style === 'folded') && s.start >= pos) {
      let lineEnd = s.start;
      while (lineEnd < text.length && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
      scanComments(text, s.start, lineEnd, out);
    }
    if (s.end > pos) pos = s.end;
  }
  scanComments(text, pos, text.length, out);
  return out;
}

/**
 * A comment that differs between `before` and `after` as multisets (one lost, or one more
 * than before), for a message; undefined when they are the same. One count, one pass each.
 */
export function lostComment(before: readonly string[], after: readonly string[]): string | undefined {
  const count = new Map<string, number>();
  for (const c of after) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of before) {
    const n = count.get(c) ?? 0;
    if (n === 0) return c;
    count.set(c, n - 1);
  }
  for (const [c, n] of count) if (n > 0) return c;
  return undefined;
}

/** Characters an edit may remove around what it means to change: white space and the commas between flow entries. */
const isSeparator = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 44; /* , */

/**
 * The first offset an edit removes or replaces outside the `allowed` spans that is not a
 * separator (white space, a comma), or -1 when there is none. Edits and spans in any order;
 * linear after sorting.
 */
export function unintendedChange(text: string, edits: readonly TextEdit[], allowed: readonly Span[]): number {
  const spans = [...allowed].sort((a, b) => a.start - b.start);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let j = 0;
  for (const e of sorted) {
    let i = e.start;
    while (i < e.end) {
      while (j < spans.length && spans[j]!.end <= i) j++;
      const s = spans[j];
      if (s && s.start <= i) {
        i = s.end;
        continue;
      }
      if (!isSeparator(text.charCodeAt(i))) return i;
      i++;
    }
  }
  return -1;
}

/** The text before an edit, parsed once for every edit checked against it. */
export interface EditBase {
  text: string;
  tree: SourceNode | undefined;
  errors: number;
  comments: string[] | undefined;
}

/**
 * The parse behind the check: without the size cap, which the caller applied already (a plan
 * under a raised `workback.maxFileSize` must be checked too, not waved through without a tree).
 */
const parseUncapped = (text: string) => parseText(text, { maxSize: Number.MAX_SAFE_INTEGER });

export function editBase(text: string): EditBase {
  const parsed = parseUncapped(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
  return { text, tree: parsed.tree, errors, comments: parsed.tree ? commentsOf(text, parsed.tree) : undefined };
}

/**
 * Why edits computed without the command machinery (quick fixes, renames) are unsafe, or
 * undefined: they overlap, the YAML would break where it parsed, or a comment would be lost
 * (unless `dropsComments`: a fix that removes a whole document or directive lines on purpose).
 */
export function editProblem(base: EditBase, edits: readonly TextEdit[], dropsComments = false): string | undefined {
  let next: string;
  try {
    next = applyEdits(base.text, normalizeEdits(edits, base.text));
  } catch {
    return 'the edits overlap';
  }
  const after = parseUncapped(next);
  const errors = after.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > base.errors) return 'the YAML would break';
  if (dropsComments || !base.comments || !after.tree) return undefined;
  const lost = lostComment(base.comments, commentsOf(next, after.tree));
  return lost === undefined ? undefined : `the comment ${JSON.stringify(lost.slice(0, 80))} would be lost`;
}
