/**
 * The model's typed reads of source-tree nodes. A value of the wrong kind or form reads as
 * undefined (the schema check already said so); a date of the right form that is not a day we
 * can use is reported, once, where it is read.
 */
import { parseDay, type Day } from '../day';
import type { RawDiagnostic } from '../diagnostic';
import { PRIORITIES, type Duration, type Priority, type Ref } from '../model';
import { spanOf, type MapNode, type SourceNode } from '../sourceTree';

const DURATION_RE = /^([1-9][0-9]{0,4})([dw])$/;
const AFTER_RE = /^(0|[1-9][0-9]{0,4})([dw])$/;

export const str = (n: SourceNode | undefined): string | undefined =>
  n !== undefined && n.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
export const map = (n: SourceNode | undefined): MapNode | undefined =>
  n !== undefined && n.kind === 'map' ? n : undefined;
const NO_ITEMS: readonly SourceNode[] = [];
export const seq = (n: SourceNode | undefined): readonly SourceNode[] =>
  n !== undefined && n.kind === 'seq' ? n.items : NO_ITEMS;
export const get = (m: MapNode | undefined, key: string): SourceNode | undefined => m?.byKey.get(key)?.value;

export function duration(n: SourceNode | undefined): Duration | undefined {
  const text = str(n);
  const m = text === undefined ? null : DURATION_RE.exec(text);
  return m ? { count: Number(m[1]), unit: m[2] as 'd' | 'w', text: text! } : undefined;
}

/** An escalation tier's `after`: a duration, or `0d` / `0w`. */
export function afterDuration(n: SourceNode | undefined): Duration | undefined {
  const text = str(n);
  const m = text === undefined ? null : AFTER_RE.exec(text);
  return m ? { count: Number(m[1]), unit: m[2] as 'd' | 'w', text: text! } : undefined;
}

/** A priority, when the value is one. */
export function priority(n: SourceNode | undefined): Priority | undefined {
  const text = str(n);
  return PRIORITIES.includes(text as Priority) ? (text as Priority) : undefined;
}

/** The ids of a list, where each is written; an item that is not text is left out. */
export function refs(n: SourceNode | undefined): Ref[] {
  const out: Ref[] = [];
  for (const item of seq(n)) {
    const id = str(item);
    if (id !== undefined) out.push({ id, span: spanOf(item) });
  }
  return out;
}

export function texts(n: SourceNode | undefined): string[] {
  const out: string[] = [];
  for (const item of seq(n)) {
    const t = str(item);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/**
 * Reads a date. `what` names the value in a message; `of` (an id) completes it, so that no text
 * is built for a good date.
 */
export type DayReader = (n: SourceNode | undefined, what: string, of?: string) => Day | undefined;

/** A DayReader that reports into `diagnostics`. */
export function dayReader(diagnostics: RawDiagnostic[]): DayReader {
  return (n, what, of) => {
    const text = str(n);
    if (text === undefined) return undefined;
    const d = parseDay(text);
    if (typeof d === 'number') return d;
    if (of !== undefined) what = `${what} ${of}`;
    if (d === 'not-a-date') {
      diagnostics.push({
        code: 'invalid-date',
        severity: 'error',
        message: `${text} is not a real calendar day (${what}).`,
        span: spanOf(n!),
      });
    } else if (d === 'out-of-range') {
      diagnostics.push({
        code: 'invalid-date',
        severity: 'error',
        message: `${text} lies outside the years 1970-2199 that plans may use (${what}).`,
        span: spanOf(n!),
      });
    }
    return undefined;
  };
}
