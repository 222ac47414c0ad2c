/**
 * Minimal edits on YAML text, general enough for any mapping or sequence of a plan: set a
 * scalar, insert pairs into a mapping after a given key, append an item to a sequence, remove
 * a pair. Each returns offsets-based edits that touch only the changed value's range or insert
 * only the new text, so comments, quotes, flow style, key order, line breaks and a BOM stay as
 * they are. Block or flow style and the indentation follow the surrounding text.
 */
import type { MapNode, Pair, ScalarNode, SeqNode, SourceNode } from '../sourceTree';
import { EditRefusal, emptyValueAt, itemOffsetOf, nodeEnd, type Layout } from './nodes';
import { blockItemLines, blockPairLines, renderFlow, type EditValue } from './render';
import { formatKey, formatScalar, type ScalarEditValue } from './scalar';
import {
  afterLine,
  breakLength,
  columnOf,
  eolOf,
  lineEndOf,
  lineStartOf,
  restOfLineIsBlank,
  startsItsLine,
  type TextEdit,
} from './text';

/** Replace a scalar's value, keeping its quote style when it has one. */
export function setScalar(text: string, node: ScalarNode, value: ScalarEditValue, flow: boolean): TextEdit {
  if (node.style === 'literal' || node.style === 'folded') {
    // `key: |` and its lines: the new value goes on the key's line, in place of the header's
    // indicators (a comment after them stays); the line break after the content and any blank
    // lines after it stay.
    let last = node.end - 1;
    while (last > node.start && /\s/.test(text[last]!)) last--;
    const indicators = /^[|>][0-9+-]{0,2}/.exec(text.slice(node.start, node.start + 3))?.[0].length ?? 1;
    const headerRest = text.slice(node.start + indicators, lineEndOf(text, node.start));
    return {
      start: node.start,
      end: lineEndOf(text, last),
      text: formatScalar(value, { flow }) + (headerRest.includes('#') ? headerRest : ''),
    };
  }
  const quote = node.style === 'single' || node.style === 'double' ? node.style : 'plain';
  const written = formatScalar(value, { flow, quote });
  const empty = emptyValueAt(text, node);
  if (empty !== undefined) {
    // `key:` with no value: the value goes after the colon, with a space
    return { start: empty.start, end: empty.end, text: ` ${written}` };
  }
  return { start: node.start, end: node.end, text: written };
}

/** Whether a flow collection is written with spaces inside its brackets (`{ a: 1 }`); an empty `{}` will be. */
function padded(text: string, node: SourceNode): boolean {
  return text[node.start + 1] === ' ' || (node.kind === 'map' && node.pairs.length === 0);
}

/**
 * Insert `pairs` into a mapping right after the pair with key `afterKey` (after the last pair
 * when undefined or absent). Block mappings get new lines at the mapping's indentation; flow
 * mappings get `, key: value` (on a new line when the pairs are written one a line).
 */
export function insertPairs(
  text: string,
  map: MapNode,
  afterKey: string | undefined,
  pairs: readonly (readonly [string, EditValue])[],
  layout: Layout,
): TextEdit[] {
  if (pairs.length === 0) return [];
  const anchor = (afterKey !== undefined ? map.byKey.get(afterKey) : undefined) ?? map.pairs[map.pairs.length - 1];
  if (map.flow) {
    const body = pairs.map(([k, v]) => `${formatKey(k, true)}: ${renderFlow(v, padded(text, map))}`).join(', ');
    if (!anchor) return [insertIntoEmptyFlow(text, map, body)];
    return flowInsertAfter(text, anchor.key.start, nodeEnd(text, anchor.value), body);
  }
  if (!anchor) throw new EditRefusal('an empty block mapping');
  const col = columnOf(text, map.pairs[0]!.key.start);
  const lines = pairs.flatMap(([k, v]) => blockPairLines(k, v, col, layout));
  return [insertLines(text, nodeEnd(text, anchor.value), lines)];
}

/** Append an item to a sequence: a new `- item` line (block), or `, item` (flow). */
export function appendItem(text: string, seq: SeqNode, item: EditValue, layout: Layout): TextEdit[] {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    const siblingMap = [...seq.items].reverse().find((i) => i.kind === 'map' && i.flow);
    const body = renderFlow(item, siblingMap ? padded(text, siblingMap) : true);
    if (!last) return [insertIntoEmptyFlow(text, seq, body)];
    return flowInsertAfter(text, last.start, nodeEnd(text, last), body);
  }
  if (!last) throw new EditRefusal('an empty block sequence');
  const dashCol = columnOf(text, seq.start);
  const mapItem = [...seq.items].reverse().find((i): i is MapNode => i.kind === 'map' && !i.flow);
  const offset = (mapItem && itemOffsetOf(text, seq, mapItem)) ?? layout.itemOffset;
  return [insertLines(text, nodeEnd(text, last), blockItemLines(item, dashCol, layout, offset))];
}

/**
 * Lines for a block value of a pair that has none yet (`key:` alone, or `key: ~`): they go
 * after the key's line. Returns the edits (the `~` or `null`, if any, is removed).
 */
export function fillEmptyPair(text: string, map: MapNode, pair: Pair, value: EditValue, layout: Layout): TextEdit[] {
  const v = pair.value;
  if (v.kind !== 'scalar' || v.value !== null) throw new EditRefusal('the pair has a value');
  const empty = emptyValueAt(text, v);
  const replaceValue = (written: string): TextEdit[] => [
    empty !== undefined
      ? { start: empty.start, end: empty.end, text: ` ${written}` }
      : { start: v.start, end: v.end, text: written },
  ];
  if (map.flow) return replaceValue(renderFlow(value, padded(text, map)));
  const col = columnOf(text, pair.key.start);
  const lines = blockPairLines(pair.key.text, value, col, layout).slice(1);
  // a scalar (or a value written in flow style) goes on the key's line
  if (lines.length === 0) return replaceValue(renderFlow(value, true));
  const edits: TextEdit[] = [];
  if (empty === undefined) {
    // `key: ~` -> `key:`
    let s = v.start;
    while (s > pair.key.end + 1 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    edits.push({ start: s, end: v.end, text: '' });
  }
  edits.push(insertLines(text, empty?.end ?? v.end, lines));
  return edits;
}

/**
 * Remove a pair (or the pair with key `key`) from a mapping, keeping every comment: a block
 * pair on its own lines loses those lines (a comment after its value stays, on a line of its
 * own); a flow pair loses its text and one comma (see removeFlowEntry); the first pair of a
 * sequence item (`- key: v`) hands its place to the next pair. Undefined when the pair is the
 * mapping's only one in a block item (the item would become something else).
 */
export function removePair(text: string, map: MapNode, key: string | Pair): TextEdit[] | undefined {
  const pair = typeof key === 'string' ? map.byKey.get(key) : key;
  const i = pair ? map.pairs.indexOf(pair) : -1;
  if (!pair || i < 0) return undefined;
  const next = map.pairs[i + 1];
  const prev = map.pairs[i - 1];
  const end = nodeEnd(text, pair.value);
  if (map.flow) return removeFlowEntry(text, pair.key.start, end, prev && nodeEnd(text, prev.value));
  if (!startsItsLine(text, pair.key.start)) {
    // `- key: v` with more pairs below: the next key moves up onto the dash's line (a comment
    // after the value stays on the dash's line: `- # note`)
    if (!next) return undefined;
    const comment = commentAfter(text, end);
    return [{ start: pair.key.start, end: comment ?? next.key.start, text: '' }];
  }
  return [removeLines(text, pair.key.start, end)];
}

/**
 * Remove item `index` of a sequence: the item and one comma from a flow list (see
 * removeFlowEntry), the item's lines from a block list (a comment after it stays). Undefined
 * when the text around it is not laid out as expected.
 */
export function removeItem(text: string, seq: SeqNode, index: number): TextEdit[] | undefined {
  const item = seq.items[index];
  if (!item) return undefined;
  const end = nodeEnd(text, item);
  if (seq.flow) {
    const prev = seq.items[index - 1];
    return removeFlowEntry(text, item.start, end, prev && nodeEnd(text, prev));
  }
  let dash = item.start - 1;
  while (dash >= 0 && (text[dash] === ' ' || text[dash] === '\t')) dash--;
  if (text[dash] !== '-' || !startsItsLine(text, dash)) return undefined;
  return [removeLines(text, dash, end)];
}

/** Offset of the comment on the line after `end` when only white space comes before it, else undefined. */
function commentAfter(text: string, end: number): number | undefined {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '#' && i > end ? i : undefined;
}

/** Offset of the next character after `from` that is not white space, a line break or in a comment. */
function nextToken(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /[ \t\r\n]/.test(text[i - 1]!))) i = lineEndOf(text, i);
    else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else break;
  }
  return i;
}

const skipSpaces = (text: string, from: number): number => {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
};

/**
 * Remove one entry of a flow collection (its text runs from `start` to `end`; the previous
 * entry ends at `prevEnd`) with exactly one comma: its own when it has one, else the previous
 * entry's. Only the entry, that comma and white space go, so a comment on any line (the
 * previous entry's included) stays. An entry alone on its line takes the line with it unless
 * a comment or a bracket is left on it.
 */
export function removeFlowEntry(text: string, start: number, end: number, prevEnd: number | undefined): TextEdit[] {
  const edits: TextEdit[] = [];
  let from = start;
  let to = end;
  const after = nextToken(text, end);
  if (text[after] === ',') {
    if (skipSpaces(text, end) === after)
      to = skipSpaces(text, after + 1); // `entry, ` on one line
    else edits.push({ start: after, end: skipSpaces(text, after + 1), text: '' }); // a comma on a later line
  } else if (prevEnd !== undefined) {
    const comma = nextToken(text, prevEnd);
    if (text[comma] !== ',') throw new EditRefusal('no comma between the flow entries');
    if (skipSpaces(text, comma + 1) === start)
      from = comma; // `, entry` on one line
    else edits.push({ start: comma, end: comma + 1, text: '' });
  } else to = skipSpaces(text, end); // the only entry: `{ }`
  if (from === start && startsItsLine(text, start)) {
    to = skipSpaces(text, to);
    const lineEnd = lineEndOf(text, to);
    if (to === lineEnd && lineEnd < text.length) {
      // nothing left on the line: the line goes
      from = lineStartOf(text, start);
      to = lineEnd + breakLength(text, lineEnd);
    }
  }
  edits.push({ start: from, end: to, text: '' });
  return edits;
}

/**
 * The whole lines from the one holding `start` to the one holding `end`, line break included;
 * when a comment follows `end` on its line, the text from `start` to the comment only (the
 * comment stays, at the removed key's indentation).
 */
function removeLines(text: string, start: number, end: number): TextEdit {
  const comment = commentAfter(text, end);
  if (comment !== undefined) return { start, end: comment, text: '' };
  const after = afterLine(text, end);
  let from = lineStartOf(text, start);
  if (after.breakFirst && from > 0) {
    // the last line of a file without a final line break: take the break before it instead
    from -= text[from - 1] === '\n' && text[from - 2] === '\r' ? 2 : 1;
  }
  return { start: from, end: after.at, text: '' };
}

/** New block lines after the line holding `end`, joined with the file's line break. */
function insertLines(text: string, end: number, lines: readonly string[]): TextEdit {
  const eol = eolOf(text);
  const { at, breakFirst } = afterLine(text, end);
  const body = lines.join(eol);
  return { start: at, end: at, text: breakFirst ? eol + body : body + eol };
}

/** Text into an empty flow collection (`[]`, `[ ]`, `{}`). */
function insertIntoEmptyFlow(text: string, node: MapNode | SeqNode, body: string): TextEdit {
  const open = node.start;
  const close = text.indexOf(node.kind === 'map' ? '}' : ']', open + 1);
  if (close < 0) throw new EditRefusal('an unclosed flow collection');
  const inner = text.slice(open + 1, close);
  // `{}` becomes `{ a: 1 }`, `[]` becomes `[a]`; spaces already inside are kept
  if (/^[ \t]*$/.test(inner))
    return { start: open + 1, end: close, text: inner.length > 0 || node.kind === 'map' ? ` ${body} ` : body };
  return { start: open + 1, end: open + 1, text: ` ${body},` };
}

/**
 * `, body` after a flow entry that starts at `entryStart` and ends at `entryEnd`. When the
 * entries are written one a line, the new one gets its own line with the same indentation
 * (and a trailing comma when the previous entry has one).
 */
function flowInsertAfter(text: string, entryStart: number, entryEnd: number, body: string): TextEdit[] {
  if (!startsItsLine(text, entryStart)) return [{ start: entryEnd, end: entryEnd, text: `, ${body}` }];
  const eol = eolOf(text);
  const indent = text.slice(lineStartOf(text, entryStart), entryStart).replace(/^\ufeff/, '');
  let i = entryEnd;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === ',') {
    const afterComma = i + 1;
    const at = restOfLineIsBlank(text, afterComma) ? lineEndOf(text, afterComma) : afterComma;
    return [{ start: at, end: at, text: `${eol}${indent}${body},` }];
  }
  if (restOfLineIsBlank(text, entryEnd)) {
    const lineEnd = lineEndOf(text, entryEnd);
    if (breakLength(text, lineEnd) > 0 || lineEnd === text.length) {
      return [
        { start: entryEnd, end: entryEnd, text: ',' },
        { start: lineEnd, end: lineEnd, text: `${eol}${indent}${body}` },
      ];
    }
  }
  return [{ start: entryEnd, end: entryEnd, text: `, ${body}` }];
}
