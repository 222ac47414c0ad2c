/**
 * Lists of days and ranges of days (`holidays`, `away`, `freezes`): each entry is one day
 * `YYYY-MM-DD` or a mapping `{ from, to, name }`, both ends included. A range that ends before it
 * starts is `range-reversed` (on its `to`) and left out; a bad date is reported by the day reader.
 */
import type { RawDiagnostic } from '../diagnostic';
import type { DayRange, Freeze } from '../model';
import { spanOf, type MapNode, type SourceNode } from '../sourceTree';
import { get, map, seq, str, texts, type DayReader } from './nodeValues';

/** One entry: a day (a one-day range) or `{ from, to, name }`; undefined when it is not usable. */
function dayRange(
  n: SourceNode,
  day: DayReader,
  what: string,
  out: RawDiagnostic[],
): { range: DayRange; node: MapNode | undefined } | undefined {
  const m = map(n);
  if (!m) {
    const d = day(n, what);
    return d === undefined ? undefined : { range: { from: d, to: d }, node: undefined };
  }
  const fromNode = get(m, 'from');
  const toNode = get(m, 'to');
  const from = day(fromNode, `from of ${what}`);
  const to = day(toNode, `to of ${what}`);
  if (from === undefined || to === undefined) return undefined;
  if (to < from) {
    out.push({
      code: 'range-reversed',
      severity: 'error',
      message: `This ${what} ends on ${str(toNode)}, before it starts on ${str(fromNode)}: \`to\` must not be before \`from\`.`,
      span: spanOf(toNode!),
    });
    return undefined;
  }
  const range: DayRange = { from, to };
  const name = str(get(m, 'name'));
  if (name !== undefined) range.name = name;
  return { range, node: m };
}

/** A list of days and ranges, as written (reversed ranges and bad dates left out). */
export function dayRanges(
  list: SourceNode | undefined,
  day: DayReader,
  what: string,
  out: RawDiagnostic[],
): DayRange[] {
  const ranges: DayRange[] = [];
  for (const n of seq(list)) {
    const r = dayRange(n, day, what, out);
    if (r) ranges.push(r.range);
  }
  return ranges;
}

/** `calendar.freezes`: ranges with the tags they apply to (none: every task). */
export function freezes(list: SourceNode | undefined, day: DayReader, out: RawDiagnostic[]): Freeze[] {
  const all: Freeze[] = [];
  for (const n of seq(list)) {
    if (!map(n)) continue; // a freeze is always a mapping: the schema said so
    const r = dayRange(n, day, 'freeze', out);
    if (r) all.push({ ...r.range, tags: texts(get(r.node, 'tags')) });
  }
  return all;
}
