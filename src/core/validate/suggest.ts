/**
 * "Did you mean ...?": the nearest names by edit distance, for typos in keys and ids. The
 * candidates are indexed once: by each string with one character deleted (so a candidate one
 * typo away, an inserted, missing, wrong or swapped letter, is found by lookups however many
 * candidates there are), by length, and sorted for prefixes. Each question then costs a bounded
 * amount of work: at most `DISTANCE_BUDGET` edit distances (those found by the deletions first,
 * then the nearest lengths), each linear in the candidate's length for names of up to 32
 * characters (bit-parallel) and within a band of `MAX_DISTANCE` otherwise.
 *
 * The wide search (the nearest lengths, for names two or more edits away) also draws on one
 * budget per index (an index of a plan's names lives for one check), in proportion to the
 * number of candidates: a file with a thousand unknown
 * references costs about what its size costs, not a thousand full searches. Past it, a question
 * still gets every candidate one edit away and every prefix (found by lookups), in full.
 */

/** Names longer than this get no suggestion (ids and keys are at most 100 characters). */
const MAX_NAME = 100;
/** Edit distances computed for one question. */
const DISTANCE_BUDGET = 500;
/** The same for names over 32 characters, whose distance costs a band of the full table. */
const LONG_DISTANCE_BUDGET = 100;
/** Candidates looked at that start with the name (all as good as each other). */
const PREFIX_BUDGET = 50;
const MAX_DISTANCE = 8;
/** Longer candidates are not indexed by deletions (the index grows with the square of the length). */
const DELETION_INDEX_MAX = 32;
/** The wide search's budget of one index: this many distances per candidate, and a floor. */
const WIDE_BUDGET_PER_CANDIDATE = 4;
const WIDE_BUDGET_FLOOR = 2000;

interface Candidate {
  name: string;
  lower: string;
}

export class Suggester {
  private readonly byLength = new Map<number, Candidate[]>();
  private readonly byLower = new Map<string, Candidate[]>();
  private readonly sorted: Candidate[] = [];
  /** Candidates of up to `DELETION_INDEX_MAX` characters by each string with one character deleted. */
  private readonly byDeletion = new Map<string, Candidate[]>();
  /** Distances the wide search may still compute, over all questions. */
  private wideBudget: number;

  /**
   * `shared: false` gives every question the whole wide search: for a small fixed set (a
   * mapping's keys in the schema), whose index lives as long as the process and must answer
   * the same whatever was asked before.
   */
  constructor(candidates: Iterable<string>, options: { shared?: boolean } = {}) {
    for (const name of candidates) {
      if (name.length > MAX_NAME + MAX_DISTANCE) continue;
      const c = { name, lower: name.toLowerCase() };
      this.sorted.push(c);
      listIn(this.byLength, c.lower.length).push(c);
      listIn(this.byLower, c.lower).push(c);
      if (c.lower.length <= DELETION_INDEX_MAX) for (const d of deletions(c.lower)) listIn(this.byDeletion, d).push(c);
    }
    this.sorted.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    this.wideBudget =
      options.shared === false ? Infinity : WIDE_BUDGET_FLOOR + WIDE_BUDGET_PER_CANDIDATE * this.sorted.length;
  }

  /** Up to `limit` candidates close to `name` (case-insensitive), nearest first. */
  nearest(name: string, limit = 3): string[] {
    if (name.length === 0 || name.length > MAX_NAME) return [];
    const lower = name.toLowerCase();
    const max = Math.min(MAX_DISTANCE, Math.max(2, Math.floor(name.length / 3)));
    const scores = new Map<string, number>();
    const score = (c: Candidate, s: number) => {
      const prev = scores.get(c.name);
      if (prev === undefined || s < prev) scores.set(c.name, s);
    };
    this.prefixes(lower, score);
    this.near(lower, max, score, () => kthBest(scores, limit));
    return [...scores]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map((s) => s[0]);
  }

  /** Candidates that start with the name, or that the name starts with: as good as one edit. */
  private prefixes(lower: string, score: (c: Candidate, s: number) => void): void {
    for (let k = 1; k <= lower.length; k++) {
      for (const c of this.byLower.get(lower.slice(0, k)) ?? []) score(c, k === lower.length ? 0 : 1);
    }
    let i = lowerBound(this.sorted, lower);
    for (let n = 0; n < PREFIX_BUDGET && i < this.sorted.length && this.sorted[i]!.lower.startsWith(lower); n++, i++) {
      score(this.sorted[i]!, this.sorted[i]!.lower.length === lower.length ? 0 : 1);
    }
  }

  /**
   * Candidates within `max` edits, within the budget: first those one deletion away on either
   * side (one insertion, deletion, substitution or swap of two letters), then the others, the
   * nearest lengths first. `kth` is the score the answer's last place holds so far: a candidate
   * whose length differs by more cannot take it, so the wide search stops there.
   */
  private near(lower: string, max: number, score: (c: Candidate, s: number) => void, kth: () => number): void {
    let budget = lower.length > 32 ? LONG_DISTANCE_BUDGET : DISTANCE_BUDGET;
    const distance = distanceTo(lower);
    // a candidate found both ways is measured twice: cheaper than remembering it
    const consider = (c: Candidate): boolean => {
      if (budget-- <= 0) return false;
      const d = distance(c.lower, max);
      if (d <= max) score(c, d);
      return true;
    };
    const keys = [lower, ...deletions(lower)];
    for (const key of keys) {
      for (const c of this.byDeletion.get(key) ?? []) if (!consider(c)) return;
      for (const c of this.byLower.get(key) ?? []) if (!consider(c)) return;
    }
    const wide = (c: Candidate): boolean => this.wideBudget-- > 0 && consider(c);
    for (let diff = 0; diff <= max && kth() >= diff; diff++) {
      for (const len of diff === 0 ? [lower.length] : [lower.length - diff, lower.length + diff]) {
        for (const c of this.byLength.get(len) ?? []) if (!wide(c)) return;
      }
    }
  }
}

/** The `k`-th lowest score as far as the wide search needs it: 0, 1, or Infinity for anything more (or fewer than `k` scores). */
function kthBest(scores: Map<string, number>, k: number): number {
  if (scores.size < k) return Infinity;
  let zeros = 0;
  let ones = 0;
  for (const s of scores.values()) {
    if (s === 0) zeros++;
    else if (s === 1) ones++;
  }
  return zeros >= k ? 0 : zeros + ones >= k ? 1 : Infinity;
}

/** Up to `limit` of `candidates` close to `name` (case-insensitive), nearest first. */
export function nearest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return new Suggester(candidates).nearest(name, limit);
}

/** The edit distance between `a` and `b`, or `max + 1` once it is known to be larger. */
export function editDistance(a: string, b: string, max = Infinity): number {
  return distanceTo(a)(b, max);
}

function distanceTo(a: string): (b: string, max: number) => number {
  if (a.length > 0 && a.length <= 32) {
    const masks = new Map<number, number>();
    for (let i = 0; i < a.length; i++) {
      const ch = a.charCodeAt(i);
      masks.set(ch, (masks.get(ch) ?? 0) | (1 << i));
    }
    return (b, max) => {
      if (Math.abs(a.length - b.length) > max) return max + 1;
      const d = bitParallel(masks, a.length, b);
      return d > max ? max + 1 : d;
    };
  }
  return (b, max) => banded(a, b, max);
}

/** Myers' bit-vector edit distance (Hyyrö's form), for a pattern of 1 to 32 characters: O(|text|). */
function bitParallel(masks: Map<number, number>, m: number, text: string): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = masks.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/** The classic table, only within `max` of its diagonal, stopping once a row passes `max`. */
function banded(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const band = Math.min(max, Math.max(a.length, b.length));
  const big = band + 1;
  let prev = new Int32Array(b.length + 1).fill(big);
  let cur = new Int32Array(b.length + 1).fill(big);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    cur[from - 1] = from === 1 && i <= band ? i : big;
    let rowMin = cur[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost, big);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < b.length) cur[to + 1] = big;
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** `s` with each one of its characters deleted (each distinct result once). */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < s.length; k++) {
    if (k > 0 && s[k] === s[k - 1]) continue; // deleting either of two equal neighbours gives the same
    out.push(s.slice(0, k) + s.slice(k + 1));
  }
  return out;
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function lowerBound(sorted: readonly Candidate[], lower: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.lower < lower) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
