/**
 * The arithmetic of the chart's layout, apart from the SVG it changes: the spacing of the date
 * ticks, the width of the section column, where a label that does not fit its bar goes, how a
 * long title is wrapped and cut. Text widths come in as a function (a canvas measure in the page).
 */

/** The width of a text, in pixels. */
export type Width = (text: string) => number;

/** Date ticks at least ~60 px apart: days, weeks or months as the axis allows. */
export function tickInterval(days: number, plotWidth: number): string {
  const perDay = Math.max(1, plotWidth) / Math.max(1, days);
  const steps: [string, number][] = [
    ['1day', 1],
    ['2day', 2],
    ['1week', 7],
    ['2week', 14],
    ['1month', 30.5],
    ['2month', 61],
    ['3month', 91.5],
    ['6month', 183],
  ];
  for (const [interval, len] of steps) if (len * perDay >= 60) return interval;
  return '12month';
}

/**
 * The section titles' column, from the widest title: it never takes more than a quarter of the
 * chart; longer titles are wrapped and cut with an ellipsis.
 */
export function sectionColumnWidth(widest: number, chartWidth: number): number {
  return Math.round(Math.min(Math.max(widest + 24, 90), Math.max(120, chartWidth * 0.25)));
}

/** The longest prefix of `text` that fits `room` with an ellipsis ('' when none). */
export function cutToFit(text: string, room: number, width: Width): string {
  if (width(text) <= room) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (width(`${text.slice(0, mid)}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? `${text.slice(0, lo).trimEnd()}…` : '';
}

/**
 * The lines of a section title wider than `max` (undefined when it fits): wrapped at spaces onto
 * as many lines as its `rows` have room for (two a row, at most six), the last line cut with an
 * ellipsis when even that is not enough. `title` has single spaces.
 */
export function sectionTitleLines(
  title: string,
  max: number,
  rows: number | undefined,
  width: Width,
): string[] | undefined {
  if (width(title) <= max) return undefined;
  const maxLines = Math.max(1, Math.min(6, (rows ?? 1) * 2));
  const lines: string[] = [];
  let current = '';
  let rest = '';
  const words = title.split(' ');
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const next = current ? `${current} ${word}` : word;
    if (width(next) <= max || !current) {
      current = next;
      continue;
    }
    if (lines.length + 1 >= maxLines) {
      rest = words.slice(w).join(' ');
      break;
    }
    lines.push(current);
    current = word;
  }
  lines.push(rest ? `${current} ${rest}` : current);
  const last = lines.length - 1;
  if (rest || width(lines[last]!) > max) lines[last] = cutToFit(lines[last]!, max, width) || '…';
  return lines;
}

/**
 * Where a task label that does not fit its bar goes: right of the bar where it fits, else left of
 * it when there is more room there (never over the section column). `x` is the label's anchor,
 * `room` the width it has there (it is cut to that when longer).
 */
export function outsideLabel(
  bar: { x: number; width: number },
  textWidth: number,
  column: number,
  chartWidth: number,
): { right: boolean; x: number; room: number } {
  const rightRoom = chartWidth - 6 - (bar.x + bar.width + 5);
  const leftRoom = bar.x - 5 - (column + 6);
  const right = textWidth <= rightRoom || (textWidth > leftRoom && rightRoom >= leftRoom);
  return right ? { right, x: bar.x + bar.width + 5, room: rightRoom } : { right, x: bar.x - 5, room: leftRoom };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The view box grown to hold everything drawn (`drawn`), with a 4 px margin where it grows. */
export function grownViewBox(vb: Box, drawn: Box): Box {
  const x0 = Math.min(vb.x, Math.floor(drawn.x) - 4);
  const y0 = Math.min(vb.y, Math.floor(drawn.y) - 4);
  const x1 = Math.max(vb.x + vb.width, Math.ceil(drawn.x + drawn.width) + 4);
  const y1 = Math.max(vb.y + vb.height, Math.ceil(drawn.y + drawn.height) + 4);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A task label as drawn: its row (the text's y) and its left and right edges. */
export interface LabelSpan {
  row: number;
  x0: number;
  x1: number;
}

/**
 * The labels to hide so that no two shown labels of one row overlap (compact mode puts a
 * section's tasks on one row): from left to right, a label is shown when it starts at least
 * `gap` past the end of the last one shown in its row. Linear after a sort; the hidden ones
 * keep their whole text in the bar's tooltip.
 */
export function overlappingLabels(spans: readonly LabelSpan[], gap = 4): Set<number> {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.row - spans[b]!.row || spans[a]!.x0 - spans[b]!.x0);
  const hidden = new Set<number>();
  let row = NaN;
  let end = -Infinity;
  for (const i of order) {
    const s = spans[i]!;
    if (s.row !== row) {
      row = s.row;
      end = -Infinity;
    }
    if (s.x0 < end + gap) hidden.add(i);
    else end = s.x1;
  }
  return hidden;
}
