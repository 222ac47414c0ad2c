/** resolvePlain, written out by hand for speed, against the YAML 1.2 core schema's regular expressions and the `yaml` package. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isScalar, parseDocument } from 'yaml';
import { parseText, type Engine } from '../../src/core/parse/parseText';
import { resolvePlain } from '../../src/core/parse/scalar';
import type { ScalarValue } from '../../src/core/sourceTree';

/** The core schema as regular expressions, in the order the resolver used to try them. */
function reference(text: string): ScalarValue {
  if (/^(?:~|null|Null|NULL|)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

describe('resolvePlain: the YAML 1.2 core schema', () => {
  it('keywords, numbers and text', () => {
    const cases = [
      '',
      '~',
      '~~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'False',
      'FALSE',
      'no',
      'on',
      'yes',
      '0',
      '-0',
      '+12',
      '007',
      '0o17',
      '0o8',
      '0o',
      '0x1F',
      '0xg',
      '0x',
      '0X1F',
      '1.',
      '.5',
      '-.5',
      '1e3',
      '1E-3',
      '1e',
      '1.5e+2',
      '.',
      '+',
      '-',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '-.nan',
      '.NaN',
      '1_000',
      '2026-07-01',
      '1w',
      '3d',
      't12',
      'title',
      '12345678901234567890123456789012345',
      '1'.repeat(33),
      '-' + '9'.repeat(400),
      '0x' + 'f'.repeat(40),
      '0o' + '7'.repeat(40),
      '0.' + '5'.repeat(60) + 'e-3',
      '1'.repeat(40) + 'x',
    ];
    for (const c of cases) assert.deepStrictEqual(resolvePlain(c), reference(c), JSON.stringify(c));
  });

  it('agrees with the regular expressions on random number-like text', () => {
    const numberish = fc.string({
      unit: fc.constantFrom(...'0123456789+-.eExoabcdfABCDEFinINaNtrueTRUfalsFLSnulNUL~_ '.split('')),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 40 })), (s) => {
        assert.deepStrictEqual(resolvePlain(s), reference(s), JSON.stringify(s));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 5000) },
    );
  });

  it("agrees with the `yaml` package's core schema at any length", () => {
    fc.assert(
      fc.property(fc.oneof(numberLike(300), fc.string({ maxLength: 60 })), (s) => {
        const expected = coreValue(s);
        fc.pre(expected !== undefined);
        assert.deepStrictEqual(resolvePlain(s), expected, JSON.stringify(s));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    );
  });

  it('both engines type a long number as a value, and refuse it as a key, as the `yaml` package reads it', () => {
    for (const engine of ['fast', 'yaml'] as Engine[]) {
      fc.assert(
        fc.property(numberLike(120), (s) => {
          const expected = coreValue(s);
          fc.pre(expected !== undefined && !/^[-?:]/.test(s));
          const value = parseText(`k: ${s}\n`, { engine });
          assert.deepStrictEqual(
            (value.plain as Record<string, unknown>).k,
            expected,
            `${engine}: ${JSON.stringify(s)}`,
          );
          const key = parseText(`${s}: v\n`, { engine });
          const refused = key.diagnostics.some((d) => d.code === 'yaml-key-not-string');
          assert.equal(refused, typeof expected !== 'string', `${engine}: key ${JSON.stringify(s)}`);
        }),
        { numRuns: Number(process.env.FC_RUNS ?? 200) },
      );
    }
  });
});

/** The `yaml` package's core-schema value of `s`, when `s` alone is a document of one plain scalar. */
function coreValue(s: string): ScalarValue | undefined {
  const doc = parseDocument(s, { schema: 'core', version: '1.2' });
  const node = doc.contents;
  if (doc.errors.length || !isScalar(node) || node.type !== 'PLAIN' || node.source !== s) return undefined;
  return node.value as ScalarValue;
}

/** Text shaped like a YAML number, long or short: digits, signs, dots, exponents, 0x/0o prefixes. */
function numberLike(maxDigits: number): fc.Arbitrary<string> {
  // lengths drawn evenly (fast-check's own sizes stay short)
  const digits = (chars: string) =>
    fc
      .integer({ min: 0, max: maxDigits })
      .chain((n) => fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: n, maxLength: n }));
  const sign = fc.constantFrom('', '-', '+');
  const decimal = fc
    .tuple(
      sign,
      digits('0123456789'),
      fc.constantFrom('', '.'),
      digits('0123456789'),
      fc.constantFrom('', 'e', 'E-', 'e+'),
      digits('0123456789'),
    )
    .map((parts) => parts.join(''));
  const radix = fc
    .tuple(fc.constantFrom('0x', '0o', '0X'), digits('0123456789abcdefABCDEFg'), fc.constantFrom('', 'x', '_'))
    .map((parts) => parts.join(''));
  return fc.oneof(decimal, radix);
}
