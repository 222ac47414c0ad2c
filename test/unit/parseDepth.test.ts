/**
 * Nesting: both engines refuse more than MAX_DEPTH levels, at the same place, counting the
 * collections YAML opens (quotes only where YAML starts a quoted scalar); and no text reaches
 * the `yaml` package's recursive composer nested deep enough to overflow it.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isPair } from 'yaml';
import { parseText, type Engine } from '../../src/core/parse/parseText';
import { MAX_DEPTH } from '../../src/core/parse/preflight';
import { composeGuarded } from '../../src/core/parse/yamlDepth';
import { parseYamlDocument } from '../../src/core/parse/yamlEngine';

const ENGINES: Engine[] = ['fast', 'yaml'];

/** The codes and the first span's start, for each engine (the same in both, or the test says which). */
function verdict(text: string): string {
  const out = ENGINES.map((engine) => {
    const r = parseText(text, { engine });
    const codes = [...new Set(r.diagnostics.map((d) => d.code))].join(',');
    return `${codes || 'ok'}@${r.diagnostics[0]?.span.start ?? '-'}`;
  });
  assert.equal(
    out[0],
    out[1],
    `the engines disagree on ${JSON.stringify(text.slice(0, 60))}: fast ${out[0]}, yaml ${out[1]}`,
  );
  return out[0]!;
}

const flow = (depth: number) => `a: ${'['.repeat(depth - 1)}x${']'.repeat(depth - 1)}\n`;
const block = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
/** A mapping's sequence at the mapping's own indentation, then a mapping in it: two levels a line. */
const sameColumn = (lines: number) =>
  'a:\n' + Array.from({ length: lines }, (_, i) => `${'  '.repeat(i)}- k${i}:`).join('\n') + ' x\n';

describe('nesting depth: exact, the same in both engines', () => {
  it(`${MAX_DEPTH} levels are read, one more is refused where it opens`, () => {
    for (const make of [flow, block]) {
      assert.equal(verdict(make(MAX_DEPTH)), 'ok@-');
      assert.match(verdict(make(MAX_DEPTH + 1)), /^too-deep@\d+$/);
    }
    // around the limit, two levels a line: the engines agree, and the verdict turns once
    const verdicts = Array.from({ length: 8 }, (_, i) => verdict(sameColumn(27 + i)).startsWith('too-deep'));
    assert.deepEqual(verdicts, [...verdicts].sort(), 'refused, then read again');
    assert.ok(verdicts[0] === false && verdicts[7] === true);
  });

  it('a quote inside a plain scalar starts nothing: nesting behind it counts (it\'s, 27" screen)', () => {
    for (const before of ["it's", '27" screen', "a 'b", 'x"y\'z']) {
      const deep = `a: [${before}, ${'['.repeat(5000)}\n`;
      const at = deep.indexOf('[', 4) + MAX_DEPTH - 2; // the outer `[` is level 2
      for (let round = 0; round < 2; round++) assert.equal(verdict(deep), `too-deep@${at}`, before);
      assert.match(verdict(`- ${before}\n- ${'- '.repeat(5000)}x\n`), /^too-deep@/, before);
      assert.match(verdict(`${before}: ${'{a: '.repeat(5000)}\n`), /^too-deep@/, before);
    }
  });

  it('brackets in a plain scalar, in quotes, in a block scalar or a comment are text', () => {
    const many = '['.repeat(3 * MAX_DEPTH);
    for (const text of [
      `a: x${many}\n`,
      `a: "${many}"\n`,
      `a: '${many}'\n`,
      `a: "x\n  ${many}"\n`,
      `a: |\n  ${many}\n`,
      `a: >-\n  x\n  ${many}\n`,
      `a: 1 # ${many}\n`,
      `a: [it's, "${many}"]\n`,
    ]) {
      assert.equal(verdict(text), 'ok@-', JSON.stringify(text.slice(0, 20)));
    }
  });

  it('the yaml package never composes a bomb: its Document stops with an error, no throw', () => {
    for (const text of [
      '['.repeat(200000),
      '- '.repeat(100000) + 'x',
      '{a: '.repeat(50000),
      Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
    ]) {
      const doc = parseYamlDocument(text);
      assert.ok(
        doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'),
        text.slice(0, 10),
      );
      assert.ok(!doc.errors.some((e) => /call stack/i.test(e.message)), text.slice(0, 10));
    }
  });
});

/** The depth of a Document's collections, as firstTooDeep counts them (iteratively). */
function documentDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = root ? [[root, 0]] : [];
  while (stack.length) {
    const [node, outer] = stack.pop()!;
    if (!isCollection(node)) continue;
    max = Math.max(max, outer + 1);
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, outer + 1], [item.value, outer + 1]);
      else stack.push([item, outer + 1]);
    }
  }
  return max;
}

describe('nesting bound: never below the real depth (the yaml engine skips its exact walk under it)', () => {
  /** Nested YAML in block and flow style, with indicators sharing a column, keys that are collections, comments. */
  const nested: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('x', "'q # [x'", '"[{"', '|\n  [ block\n', ''),
      fc.array(tie('node'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc
        .array(fc.tuple(fc.constantFrom('a', 'b', '? [k]', '"c"'), tie('node')), { maxLength: 3 })
        .map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      fc
        .array(tie('node'), { minLength: 1, maxLength: 3 })
        .map((xs) => xs.map((x) => `- ${x.replace(/\n/g, '\n  ')}`).join('\n')),
      fc
        .array(fc.tuple(fc.constantFrom('a', 'b', 'c # note'), tie('node')), { minLength: 1, maxLength: 3 })
        .map((ps) =>
          ps
            .map(
              ([k, v], i) =>
                `k${i}${k.startsWith('c') ? '' : k}:${v.includes('\n') && !v.startsWith('|') ? `\n  ${v.replace(/\n/g, '\n  ')}` : ` ${v}`}`,
            )
            .join('\n'),
        ),
    ),
  })).node;

  it('holds on generated nestings of every style', () => {
    fc.assert(
      fc.property(nested, (text) => {
        const { doc, maxBound } = composeGuarded(text, {
          schema: 'failsafe',
          uniqueKeys: false,
          strict: true,
          version: '1.2',
        });
        if (doc.errors.length) return;
        assert.ok(
          maxBound >= documentDepth(doc.contents),
          `bound ${maxBound} < depth ${documentDepth(doc.contents)} in ${JSON.stringify(text)}`,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('holds on the hand-made shapes near the limit', () => {
    for (const text of [
      flow(MAX_DEPTH),
      block(MAX_DEPTH),
      sameColumn(MAX_DEPTH / 2),
      `${'- '.repeat(MAX_DEPTH)}x\n`,
      `${'{a: '.repeat(MAX_DEPTH - 1)}x${'}'.repeat(MAX_DEPTH - 1)}\n`,
    ]) {
      const { doc, maxBound } = composeGuarded(text, {
        schema: 'failsafe',
        uniqueKeys: false,
        strict: true,
        version: '1.2',
      });
      assert.ok(maxBound >= documentDepth(doc.contents), JSON.stringify(text.slice(0, 40)));
    }
  });
});
