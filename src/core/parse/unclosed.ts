/**
 * A quote or a bracket left open: the `yaml` package reports it where it gives up (the end of
 * the file for a `"`, the next line for a `[`), far from the mistake. The concrete syntax tree
 * of the `yaml` package shows where the value opened; the problem is reported there, with the
 * place YAML read on to as related information, and a repair (the closing character at the end
 * of the opening line) lets the rest of the file be checked (docs/diagnostics.md, `yaml-syntax`).
 */
import { Parser } from 'yaml';
import type { RawDiagnostic, Span } from '../diagnostic';
import { closingQuote } from './quotedScalars';

/** Where to put the missing character so that the rest of the file can be read. */
export interface Repair {
  /** The opening quote or bracket. */
  from: number;
  at: number;
  insert: string;
}

export interface Unclosed {
  /** The offset of the opening quote or bracket. */
  open: number;
  kind: 'double' | 'single' | 'flow-seq' | 'flow-map';
}

const CLOSER: Record<Unclosed['kind'], string> = { double: '"', single: "'", 'flow-seq': ']', 'flow-map': '}' };

interface Token {
  type?: string;
  offset?: number;
  source?: string;
  start?: unknown;
  end?: unknown;
}

/**
 * The quote or flow bracket of the text that is never closed: the first quote so left, else the
 * first bracket. A quote left open reads on over the brackets after it (`["a]` leaves the `[`
 * open too), so the quote is the mistake to point at.
 */
export function findUnclosed(text: string): Unclosed | undefined {
  let quote: Unclosed | undefined;
  let bracket: Unclosed | undefined;
  const consider = (u: Unclosed): void => {
    if (u.kind === 'double' || u.kind === 'single') {
      if (!quote || u.open < quote.open) quote = u;
    } else if (!bracket || u.open < bracket.open) bracket = u;
  };
  // an explicit stack: a token's children, whatever their shape (items, key, value, sep...)
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const t = v as Token;
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && t.offset !== undefined) {
      const close = closingQuote(text, t.offset, false);
      if (close !== t.offset + (t.source?.length ?? 0) - 1)
        consider({ open: t.offset, kind: t.type === 'double-quoted-scalar' ? 'double' : 'single' });
    } else if (t.type === 'flow-collection' && t.offset !== undefined) {
      const opener = (t.start as Token | undefined)?.source;
      const ends = Array.isArray(t.end) ? (t.end as Token[]) : [];
      const closed = ends.some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end');
      if (!closed) consider({ open: t.offset, kind: opener === '{' ? 'flow-map' : 'flow-seq' });
    }
    for (const k of Object.keys(v)) if (k !== 'source') stack.push((v as Record<string, unknown>)[k]);
  }
  return quote ?? bracket;
}

/** The end of the opening line's text: where the missing character goes (before a comment, in a list). */
function repairAt(text: string, u: Unclosed): number {
  let eol = text.indexOf('\n', u.open);
  if (eol < 0) eol = text.length;
  if (eol > u.open && text[eol - 1] === '\r') eol--;
  if (u.kind === 'flow-seq' || u.kind === 'flow-map') {
    const comment = text.slice(u.open, eol).search(/\s#/);
    if (comment >= 0) eol = u.open + comment;
  }
  while (eol > u.open + 1 && (text[eol - 1] === ' ' || text[eol - 1] === '\t')) eol--;
  return eol;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The syntax errors of `text`, with an unclosed quote or bracket moved to where it opens. The
 * errors the `yaml` package reports from there on follow from it and are dropped (the repaired
 * text tells the real ones); `repair` is undefined when nothing is left open.
 */
export function placeUnclosed(
  text: string,
  errors: RawDiagnostic[],
): { diagnostics: RawDiagnostic[]; repair: Repair | undefined } {
  const u = errors.length ? findUnclosed(text) : undefined;
  if (!u) return { diagnostics: errors, repair: undefined };
  const before = errors.filter((d) => d.span.end <= u.open);
  const gaveUp: Span = errors.find((d) => d.span.start >= u.open)?.span ?? { start: text.length, end: text.length };
  const close = CLOSER[u.kind];
  const what =
    u.kind === 'double' || u.kind === 'single'
      ? `This ${close}quoted value is not closed`
      : `This ${text[u.open]} ${u.kind === 'flow-seq' ? 'list' : 'mapping'} is not closed`;
  const diagnostic: RawDiagnostic = {
    code: 'yaml-syntax',
    severity: 'error',
    message: `${what}: add the closing ${close} on this line (YAML reads on to line ${lineOf(text, gaveUp.start)}).`,
    span: { start: u.open, end: u.open + 1 },
    related: [{ message: `YAML reads the value on to here, looking for the closing ${close}.`, span: gaveUp }],
  };
  return { diagnostics: [...before, diagnostic], repair: { from: u.open, at: repairAt(text, u), insert: close } };
}
