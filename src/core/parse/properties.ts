/** Spans of node properties (anchors, tags) and document-level markers, found in the text. */
import type { Span } from '../diagnostic';

/**
 * The span of the property token (`&name` or `!tag`) written before a node that starts at
 * `nodeStart`, scanning back over whitespace and other property tokens.
 */
export function findPropertyBefore(text: string, nodeStart: number, sigil: '&' | '!'): Span | undefined {
  let j = nodeStart;
  for (let guard = 0; guard < 4; guard++) {
    while (j > 0 && /\s/.test(text[j - 1]!)) j--;
    const end = j;
    while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
    if (end === j) return undefined;
    const first = text[j];
    if (first === sigil) return { start: j, end };
    if (first !== '&' && first !== '!') return undefined;
  }
  return undefined;
}

/** The first directive line (`%YAML 1.1`, `%TAG ...`). */
export function findDirective(text: string): Span {
  const m = /^%[^\r\n]*/m.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 1 };
}

/** The marker that starts the second document: the first `---` or `...` line after `from`. */
export function findSecondDocument(text: string, from: number): Span {
  const re = /^(?:---|\.\.\.)(?=\s|$)/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '---') return { start: m.index, end: m.index + 3 };
    // `...` ends the first document; the next `---` or content starts the second one
    const after = /\S/g;
    after.lastIndex = m.index + 3;
    const next = after.exec(text);
    if (next) {
      const dash = text.startsWith('---', next.index);
      return { start: next.index, end: next.index + (dash ? 3 : 1) };
    }
  }
  return { start: from, end: from };
}

/** A block scalar ends at its last non-blank character: engines differ on trailing blank lines. */
export function trimBlockEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
