/** "Did you mean ...?": the nearest names by edit distance, for typos in keys and ids. */

export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` candidates close to `name` (case-insensitive), nearest first. */
export function nearest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored: [number, string][] = [];
  let seen = 0;
  for (const c of candidates) {
    if (++seen > 50000) break; // bounded on huge plans
    const d = editDistance(lower, c.toLowerCase(), max);
    const prefix = c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase());
    if (d <= max || prefix) scored.push([prefix ? Math.min(d, 1) : d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, limit).map((s) => s[1]);
}
