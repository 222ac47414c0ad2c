/**
 * Text edits as offsets into a plan's text, and the line facts the edits need. Line breaks
 * are counted as editors count them: `\n`, `\r\n` and a lone `\r`.
 */

/** Replace `text.slice(start, end)` with `text` (an insertion when start === end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Sort, check they do not overlap, and merge edits that touch into one. */
export function normalizeEdits(edits: readonly TextEdit[], source: string): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) throw new Error(`overlapping edits at ${e.start}`);
    if (last && e.start === last.end) {
      out[out.length - 1] = { start: last.start, end: e.end, text: last.text + e.text };
    } else if (e.start !== e.end || e.text !== '') out.push({ ...e });
  }
  // An edit that replaces text with the same text is no edit.
  return out.filter((e) => source.slice(e.start, e.end) !== e.text);
}

/** The text with the edits applied (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** The file's line break: its first one (`\r\n`, `\n` or `\r`), `\n` when it has none. */
export function eolOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** Length of the line break at `i` (2 for `\r\n`), 0 when there is none. */
export function breakLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Offset of the line break ending the line holding `offset` (text.length on the last line). */
export function lineEndOf(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/** Column of `offset` in its line, a BOM on the first line not counted. */
export function columnOf(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  const bom = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return offset - start - bom;
}

/** Whether only spaces and tabs (and a BOM) come before `offset` on its line. */
export function startsItsLine(text: string, offset: number): boolean {
  for (let i = lineStartOf(text, offset); i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
  }
  return true;
}

/** Whether the rest of the line after `offset` is only spaces, tabs and a comment. */
export function restOfLineIsBlank(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBreak(c) || c === 35 /* # */) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Where new lines go after the line holding the end of a node (`end`, exclusive): the start of
 * the next line, or the end of the text when that line is the last one and has no line break
 * (then the new lines start with a line break and the text still ends without one).
 */
export function afterLine(text: string, end: number): { at: number; breakFirst: boolean } {
  if (
    end > 0 &&
    isBreak(text.charCodeAt(end - 1)) &&
    !(text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10)
  ) {
    return { at: end, breakFirst: false };
  }
  const e = lineEndOf(text, end);
  if (e >= text.length) return { at: text.length, breakFirst: true };
  return { at: e + breakLength(text, e), breakFirst: false };
}

export const spaces = (n: number): string => ' '.repeat(Math.max(0, n));
