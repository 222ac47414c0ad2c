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
 * matching close or without a comma is literal. Throws when the expansion passes `limit`.
 */
export function expandBraces(pattern: string, limit = MAX_ALTERNATIVES): string[] {
  const open = findBrace(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const head = pattern.slice(0, start);
  const tails = expandBraces(pattern.slice(end + 1), limit);
  const out: string[] = [];
  for (const part of parts) {
    for (const mid of expandBraces(part, limit)) {
      for (const tail of tails) {
        out.push(head + mid + tail);
        if (out.length > limit) throw new Error(`the pattern expands to more than ${limit} alternatives`);
      }
    }
  }
  return out;
}

/** The first `{...}` with a top-level comma: its bounds and its comma-separated parts. */
function findBrace(p: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = p.indexOf('{'); start >= 0; start = p.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < p.length; i++) {
      const c = p[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break; // `{x}`: literal, try the next brace
          const bounds = [start, ...commas, i];
          const parts = bounds.slice(1).map((b, k) => p.slice(bounds[k]! + 1, b));
          return { start, end: i, parts };
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
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
