/** New YAML values as text, in block or flow style, laid out like the file around them. */
import type { Layout } from './nodes';
import { formatKey, formatScalar, type ScalarEditValue } from './scalar';
import { spaces } from './text';

/** A value an edit writes: a scalar, a mapping (ordered pairs) or a sequence. */
export type EditValue = ScalarEditValue | EditMap | EditSeq;
export interface EditMap {
  kind: 'map';
  pairs: readonly (readonly [string, EditValue])[];
  /** Written in flow style (`{ a: 1 }`) even where block style is used around it. */
  flow?: boolean;
}
export interface EditSeq {
  kind: 'seq';
  items: readonly EditValue[];
  /** Written in flow style (`[a, b]`) even where block style is used around it. */
  flow?: boolean;
}

export const editMap = (pairs: readonly (readonly [string, EditValue])[], flow = false): EditMap =>
  flow ? { kind: 'map', pairs, flow } : { kind: 'map', pairs };
export const editSeq = (items: readonly EditValue[], flow = false): EditSeq =>
  flow ? { kind: 'seq', items, flow } : { kind: 'seq', items };

const isScalar = (v: EditValue): v is ScalarEditValue => typeof v !== 'object';

/** Flow style: `{ a: 1, b: [x, y] }` (`padded`: spaces inside the braces of mappings). */
export function renderFlow(value: EditValue, padded: boolean): string {
  if (isScalar(value)) return formatScalar(value, { flow: true });
  if (value.kind === 'seq') return `[${value.items.map((v) => renderFlow(v, padded)).join(', ')}]`;
  if (value.pairs.length === 0) return '{}';
  const body = value.pairs.map(([k, v]) => `${formatKey(k, true)}: ${renderFlow(v, padded)}`).join(', ');
  return padded ? `{ ${body} }` : `{${body}}`;
}

/** The lines of one `key: value` pair in block style, its key at column `col`. */
export function blockPairLines(key: string, value: EditValue, col: number, layout: Layout): string[] {
  const k = `${spaces(col)}${formatKey(key, false)}:`;
  if (isScalar(value)) return [`${k} ${formatScalar(value, { flow: false })}`];
  if (value.flow) return [`${k} ${renderFlow(value, true)}`];
  if (value.kind === 'map') {
    if (value.pairs.length === 0) return [`${k} {}`];
    return [k, ...blockMapLines(value, col + layout.mapIndent, layout)];
  }
  if (value.items.length === 0) return [`${k} []`];
  return [k, ...blockSeqLines(value, col + layout.seqIndent, layout)];
}

/** The lines of a block mapping, its keys at column `col`. */
export function blockMapLines(value: EditMap, col: number, layout: Layout): string[] {
  return value.pairs.flatMap(([k, v]) => blockPairLines(k, v, col, layout));
}

/** The lines of a block sequence, its dashes at column `dashCol`; a mapping item's keys `itemOffset` right of the dash. */
export function blockSeqLines(
  value: EditSeq,
  dashCol: number,
  layout: Layout,
  itemOffset = layout.itemOffset,
): string[] {
  const out: string[] = [];
  for (const item of value.items) for (const line of blockItemLines(item, dashCol, layout, itemOffset)) out.push(line);
  return out;
}

/** The lines of one block sequence item. */
export function blockItemLines(
  item: EditValue,
  dashCol: number,
  layout: Layout,
  itemOffset = layout.itemOffset,
): string[] {
  const dash = `${spaces(dashCol)}-`;
  if (isScalar(item)) return [`${dash} ${formatScalar(item, { flow: false })}`];
  if (item.kind === 'seq' || item.flow || item.pairs.length === 0) return [`${dash} ${renderFlow(item, true)}`];
  const col = dashCol + Math.max(2, itemOffset);
  const lines = blockMapLines(item, col, layout);
  // the first pair shares the dash's line
  lines[0] = `${dash}${spaces(col - dashCol - 1)}${lines[0]!.slice(col)}`;
  return lines;
}
