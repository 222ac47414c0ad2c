/** Properties: parse + validate never throw, ranges stay inside the text, both engines agree. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, LineIndex, parseDay } from '../../src/core';
import { FIXTURES } from './helpers/fixtures';
import { SMALL_PLAN } from './helpers/plans';

const EXAMPLES = path.resolve(FIXTURES, '../../examples');
const seeds = [
  SMALL_PLAN,
  ...['valid'].flatMap((d) =>
    readdirSync(path.join(FIXTURES, 'plans', d)).map((f) => readFileSync(path.join(FIXTURES, 'plans', d, f), 'utf8')),
  ),
];
try {
  for (const f of readdirSync(EXAMPLES))
    if (f.endsWith('.yaml')) seeds.push(readFileSync(path.join(EXAMPLES, f), 'utf8'));
} catch {
  /* examples are optional here */
}

const today = parseDay('2026-07-01') as number;

function assertRangesInside(text: string) {
  const lines = new LineIndex(text);
  const r = checkPlan(text, { today });
  for (const d of r.diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `${d.code}: line ${p.line} outside ${lines.lineCount}`);
      const lineLen =
        (p.line + 1 < lines.lineCount ? lines.lineStart(p.line + 1) : text.length) - lines.lineStart(p.line);
      assert.ok(
        p.character >= 0 && p.character <= lineLen,
        `${d.code}: character ${p.character} outside line ${p.line} (${lineLen})`,
      );
    }
    assert.ok(
      d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end,
      `${d.code}: span ${d.span.start}-${d.span.end}`,
    );
    assert.ok(d.message.length > 0);
  }
  return r;
}

const yamlish = fc.constantFrom(
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  '\n',
  '\n  ',
  '\n    ',
  '&a ',
  '*a',
  '!!str ',
  '|\n',
  '>-\n',
  '---\n',
  '...',
  '%YAML 1.2\n',
  '? ',
  '\t',
  '\r\n',
  '\uFEFF',
  'id: ',
  'depends_on: [',
  'x-',
  '2026-02-30',
  '0d',
  '__proto__',
  'null',
  '~',
  'true',
  '1e3',
  '\u202E',
  '\u0000',
);
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.oneof(yamlish, fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
);

function mutate(text: string, ms: { kind: string; at: number; what?: string; len?: number }[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'insert') t = t.slice(0, at) + m.what + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + (m.len ?? 1));
    else {
      const ls = t.lastIndexOf('\n', at - 1) + 1;
      const le = t.indexOf('\n', at);
      const line = t.slice(ls, le < 0 ? t.length : le + 1);
      t = t.slice(0, ls) + line + t.slice(ls);
    }
  }
  return t;
}

describe('properties of parsing and validation', function () {
  this.timeout(120000);

  it('never throws and keeps every range inside the text, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(yamlish, fc.string({ maxLength: 6 })), { maxLength: 40 }), (parts) => {
        assertRangesInside(parts.join(''));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1500) },
    );
  });

  it('never throws and keeps every range inside the text, on mutated valid plans', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => {
        assertRangesInside(mutate(seed, ms));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1500) },
    );
  });

  it('the fast engine and the yaml engine give the same diagnostics and the same plain value', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 0, maxLength: 3 }), (seed, ms) => {
        const text = mutate(seed, ms);
        const fast = checkPlan(text, { today, engine: 'fast' });
        const slow = checkPlan(text, { today, engine: 'yaml' });
        if (fast.engine === 'fast') fastRuns++;
        const view = (r: typeof fast) =>
          r.diagnostics.map((d) => `${d.severity} ${d.span.start}-${d.span.end} ${d.code} ${d.message}`);
        assert.deepEqual(view(fast), view(slow), `engines disagree on:\n${text}`);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1500) },
    );
    assert.ok(fastRuns > 300, `the fast engine should handle most texts (${fastRuns})`);
  });
});
