/**
 * A small glob matcher: `*` (any run of characters within a path segment), `?` (one
 * character), `**` (any number of whole segments, zero included) and `{a,b}` (alternatives,
 * nestable). No character classes; `[` and `]` are ordinary characters. Dotfiles match like
 * any other name. Matching is iterative, at worst pattern length x name length: no
 * backtracking blow-up whatever the pattern.
 */

/** The most alternatives one pattern may expand to: `{a,b}{c,d}...` grows fast. */
export const MAX_ALTERNATIVES = 256;

export function hasMagic(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/**
 * Expand `{a,b}` alternatives, left to right, nested braces included. A brace without a
 * matching close or without a comma is literal. Throws, naming the brace, when the expansion
 * passes `limit`. Two passes over the pattern and no recursion, so the time is the pattern's
 * length times the alternatives (at most `limit`) whatever the nesting.
 */
export function expandBraces(pattern: string, limit = MAX_ALTERNATIVES): string[] {
  const roles = matchBraces(pattern);
  if (!roles.includes(OPEN)) return [pattern];
  // The alternatives of the text so far, and those of each brace being read.
  let current = [''];
  const open: { at: number; outer: string[]; done: string[] }[] = [];
  let literal = '';
  const flush = () => {
    if (literal) current = current.map((s) => s + literal);
    literal = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const role = roles[i];
    if (role === 0) {
      literal += pattern[i];
      continue;
    }
    flush();
    if (role === OPEN) {
      open.push({ at: i, outer: current, done: [] });
      current = [''];
      continue;
    }
    const top = open[open.length - 1]!;
    for (const s of current) top.done.push(s);
    current = [''];
    // every alternative so far is in the result: stop as soon as there are too many
    if (top.outer.length * top.done.length > limit)
      throw new Error(
        `the pattern expands to more than ${limit} alternatives (at the brace at character ${top.at + 1})`,
      );
    if (role === CLOSE) {
      open.pop();
      current = top.outer.flatMap((o) => top.done.map((d) => o + d));
    }
  }
  flush();
  return current;
}

const OPEN = 1;
const COMMA = 2;
const CLOSE = 3;

/**
 * The role of each character: the braces that expand (a `{` with a matching `}` and a comma of
 * its own) and their commas; 0 for the rest. One pass with stacks of positions.
 */
function matchBraces(p: string): Int8Array {
  const roles = new Int8Array(p.length);
  // stacks of positions, as typed arrays: no growing and no garbage however deep the nesting
  const opens = new Int32Array(p.length);
  /** Where each open brace's commas start in `commas`. */
  const firstComma = new Int32Array(p.length);
  const commas = new Int32Array(p.length);
  let depth = 0;
  let commaCount = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === 0x7b /* { */) {
      opens[depth] = i;
      firstComma[depth++] = commaCount;
    } else if (c === 0x2c /* , */ && depth > 0) commas[commaCount++] = i;
    else if (c === 0x7d /* } */ && depth > 0) {
      const at = opens[--depth]!;
      const first = firstComma[depth]!;
      if (commaCount === first) continue; // `{x}`: literal
      roles[at] = OPEN;
      for (let k = first; k < commaCount; k++) roles[commas[k]!] = COMMA;
      roles[i] = CLOSE;
      commaCount = first;
    }
  }
  return roles;
}

/** Whether one path segment matches one pattern segment (`*` and `?`, no `/`). */
export function matchSegment(pattern: string, name: string): boolean {
  const p = Array.from(pattern);
  const s = Array.from(name);
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < s.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === s[si]))) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Whether path segments match pattern segments, `**` standing for any run of segments. */
export function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  while (si < path.length) {
    if (pi < pattern.length && pattern[pi] !== '**' && matchSegment(pattern[pi]!, path[si]!)) {
      pi++;
      si++;
    } else if (pi < pattern.length && pattern[pi] === '**') {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else return false;
  }
  while (pi < pattern.length && pattern[pi] === '**') pi++;
  return pi === pattern.length;
}

/**
 * A brace-free pattern split into the literal directory it starts from (`plans/2026` in
 * `plans/2026/**\/*.yaml`) and the segments to match below it.
 */
export interface GlobPlan {
  base: string;
  segments: string[];
}

export function splitGlob(pattern: string): GlobPlan {
  const parts = pattern.split('/');
  let i = 0;
  while (i < parts.length - 1 && !hasMagic(parts[i]!)) i++;
  const base = parts.slice(0, i).join('/');
  // `a/**/**/b` is `a/**/b`; empty segments (`a//b`) are dropped.
  const segments: string[] = [];
  for (const seg of parts.slice(i)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '**' && segments[segments.length - 1] === '**') continue;
    segments.push(seg);
  }
  return { base: base === '' && pattern.startsWith('/') ? '/' : base, segments };
}

/**
 * Whether a directory at `path` (segments below the base) may hold a match, so a walk can
 * skip the rest. Exact for patterns without `**`; with `**`, true once a `**` is reached.
 */
export function mayMatchBelow(pattern: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < path.length; i++) {
    const seg = pattern[i];
    if (seg === undefined) return false;
    if (seg === '**') return true;
    if (!matchSegment(seg, path[i]!)) return false;
  }
  return path.length < pattern.length;
}
