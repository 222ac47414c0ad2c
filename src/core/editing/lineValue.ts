/**
 * The value written on one line of YAML after a `key:` or `- `, and the comment after it, read
 * without a parser by the parser's own rules (parse/plainScalars.ts, parse/quotedScalars.ts): a
 * quote or `#` inside a plain scalar is text, an escaped quote does not close a double-quoted
 * one, and in a flow collection quotes open only where an entry starts.
 */
import { AT_BREAK, AT_COLON, AT_COMMENT, scanPlainLine, type PlainStop } from '../parse/plainScalars';
import { closingQuote } from '../parse/quotedScalars';

/** Where the value read at a column ends (its trailing spaces and tabs left out) and where the comment after it starts (-1: none). */
export interface LineValue {
  end: number;
  comment: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const stop: PlainStop = { at: 0, kind: AT_BREAK };

/** The value that starts at `from` (the first character after the separating spaces) on `line`. */
export function readLineValue(line: string, from: number): LineValue {
  const c = line[from];
  if (c === undefined) return { end: from, comment: -1 };
  if (c === '#') return { end: from, comment: from };
  if (c === '"' || c === "'") {
    const close = closingQuote(line, from, true);
    // an unclosed quote: the rest of the line is its text
    if (close < 0) return { end: whiteEnd(line, from, line.length), comment: -1 };
    // after a quoted scalar only a comment may follow in a block; on a line of a flow
    // collection, more entries: read as such, for where the comment is
    return { end: close + 1, comment: readFlow(line, close + 1).comment };
  }
  if (c === '[' || c === '{') return readFlow(line, from);
  return readPlain(line, from);
}

/** A plain scalar, or anything else read as one (a block scalar's header): `: ` is text here, ` #` starts the comment. */
function readPlain(line: string, from: number): LineValue {
  let p = from;
  for (;;) {
    const end = scanPlainLine(line, p, false, stop);
    if (stop.kind === AT_COLON) {
      p = stop.at + 1;
      continue;
    }
    return { end: Math.max(end, p), comment: stop.kind === AT_COMMENT ? stop.at : -1 };
  }
}

/** Flow text from `from`: quoted and plain entries, indicators, up to the comment or the line's end. */
function readFlow(line: string, from: number): LineValue {
  let end = from;
  let p = from;
  while (p < line.length) {
    const c = line[p]!;
    if (isSpace(c)) {
      p++;
    } else if (c === '#' && (p === 0 || isSpace(line[p - 1]))) {
      return { end, comment: p };
    } else if (c === '"' || c === "'") {
      const close = closingQuote(line, p, true);
      if (close < 0) return { end: whiteEnd(line, p, line.length), comment: -1 };
      p = end = close + 1;
    } else if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}' || c === ':') {
      p = end = p + 1;
    } else {
      end = scanPlainLine(line, p, true, stop);
      if (stop.kind === AT_COMMENT) return { end, comment: stop.at };
      p = Math.max(stop.at, p + 1);
    }
  }
  return { end, comment: -1 };
}

/** The end of line[from, to) without the spaces and tabs at its end: other white space (a no-break space) is text. */
function whiteEnd(line: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpace(line[e - 1])) e--;
  return e;
}
