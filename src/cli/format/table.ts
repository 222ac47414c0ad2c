/** Aligned plain-text tables for terminals. Cells must already be escaped (escapeTerminal). */
import { formatDay, weekday, type Day } from '../../core';

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
}

/** Character width as a terminal shows it, roughly: one per code point. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The table as lines; the last column is not padded, so long titles do not pad every row. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => rows.reduce((w, r) => Math.max(w, width(r[i] ?? '')), width(c.header)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell));
        if (columns[i]!.right) return pad + cell;
        return i === cells.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd() + '\n';
  return line(columns.map((c) => c.header)) + rows.map(line).join('');
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Wed 2026-08-05`: sortable and readable. */
export function dayCell(day: Day | undefined): string {
  return day === undefined ? '-' : `${WEEKDAYS[weekday(day)]} ${formatDay(day)}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${Math.abs(n) === 1 ? one : many}`;
}
