/** resolvePlain, written out by hand for speed, against the YAML 1.2 core schema's regular expressions. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolvePlain } from '../../src/core/parse/scalar';
import type { ScalarValue } from '../../src/core/sourceTree';

/** The core schema as regular expressions, in the order the resolver used to try them. */
function reference(text: string): ScalarValue {
  if (text.length > 32) return text;
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
    const cases = ['', '~', '~~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'no', 'on', 'yes',
      '0', '-0', '+12', '007', '0o17', '0o8', '0o', '0x1F', '0xg', '0x', '0X1F', '1.', '.5', '-.5', '1e3', '1E-3', '1e', '1.5e+2', '.', '+', '-',
      '.inf', '-.Inf', '+.INF', '.nan', '-.nan', '.NaN', '1_000', '2026-07-01', '1w', '3d', 't12', 'title', '12345678901234567890123456789012345'];
    for (const c of cases) assert.deepStrictEqual(resolvePlain(c), reference(c), JSON.stringify(c));
  });

  it('agrees with the regular expressions on random number-like text', () => {
    const numberish = fc.string({ unit: fc.constantFrom(...'0123456789+-.eExoabcdfABCDEFinINaNtrueTRUfalsFLSnulNUL~_ '.split('')), maxLength: 12 });
    fc.assert(fc.property(fc.oneof(numberish, fc.string({ maxLength: 40 })), (s) => {
      assert.deepStrictEqual(resolvePlain(s), reference(s), JSON.stringify(s));
    }), { numRuns: Number(process.env.FC_RUNS ?? 5000) });
  });
});
