/**
 * `uniqueItems` in linear time, for the generated validator (scripts/lib/planValidator.mjs puts
 * it in place of ajv's loop, which compares every pair of items: quadratic in a list's length).
 * Items are compared as ajv's deep equality does for JSON-like data (a number equals itself,
 * NaN included; `1` is not `"1"`; mappings by their keys, in any order), through one canonical
 * key per item. Nesting depth is bounded by each YAML engine (64 levels: too-deep).
 */

/**
 * The pair ajv reports for a list with equal items: the last item `i` equal to an earlier one,
 * and the last earlier item `j` equal to it; undefined when all items differ.
 */
export function lastDuplicate(items: readonly unknown[]): [i: number, j: number] | undefined {
  const seen = new Map<string, number>();
  let found: [number, number] | undefined;
  for (let i = 0; i < items.length; i++) {
    const key = canonicalKey(items[i]);
    const j = seen.get(key);
    if (j !== undefined) found = [i, j];
    seen.set(key, i);
  }
  return found;
}

function canonicalKey(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `n${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (value === null) return 'z';
      if (Array.isArray(value)) {
        let out = '[';
        for (const item of value) out += canonicalKey(item) + ',';
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const k of Object.keys(record).sort()) out += `${JSON.stringify(k)}:${canonicalKey(record[k])},`;
      return out + '}';
    }
    default:
      return `?${String(value)}`;
  }
}
