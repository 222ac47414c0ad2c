/**
 * One resolver for plain scalars, YAML 1.2 core schema, shared by both engines. Written out by
 * hand instead of a chain of regular expressions (null, booleans, int, octal, hex, float, inf,
 * nan): it runs on every plain key and value, and most of them (`title`, `t12`, `2026-07-01`)
 * start like a keyword or a number. No length limit: a number is a number at any length, as the
 * schema says, and each character is read once. Unit tests hold it to the regular expressions
 * and to the `yaml` package's core schema.
 */
import type { ScalarValue } from '../sourceTree';

/** The value of a plain (unquoted) scalar; quoted and block scalars are always strings. */
export function resolvePlain(text: string): ScalarValue {
  const n = text.length;
  if (n === 0) return null;
  const c = text.charCodeAt(0);
  switch (c) {
    case 0x7e /* ~ */:
      return n === 1 ? null : text;
    case 0x6e /* n */:
    case 0x4e /* N */:
      return text === 'null' || text === 'Null' || text === 'NULL' ? null : text;
    case 0x74 /* t */:
    case 0x54 /* T */:
      return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
    case 0x66 /* f */:
    case 0x46 /* F */:
      return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
    case 0x2b /* + */:
    case 0x2d /* - */:
    case 0x2e /* . */:
      return resolveNumber(text, n);
    default:
      return c >= 0x30 && c <= 0x39 ? resolveNumber(text, n) : text;
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf`, `\.nan`. */
function resolveNumber(text: string, n: number): ScalarValue {
  const c0 = text.charCodeAt(0);
  if (c0 === 0x30 && n > 2) {
    const c1 = text.charCodeAt(1);
    if (c1 === 0x6f /* o */) return allDigits(text, 2, n, 8) ? parseInt(text.slice(2), 8) : text;
    if (c1 === 0x78 /* x */) return allDigits(text, 2, n, 16) ? parseInt(text.slice(2), 16) : text;
  }
  let i = c0 === 0x2b || c0 === 0x2d ? 1 : 0;
  if (text.charCodeAt(i) === 0x2e /* . */ && n - i === 4) {
    const word = text.slice(i + 1);
    if (word === 'inf' || word === 'Inf' || word === 'INF') return c0 === 0x2d ? -Infinity : Infinity;
    if (i === 0 && (word === 'nan' || word === 'NaN' || word === 'NAN')) return NaN;
  }
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (text.charCodeAt(i) === 0x2e) {
    const fracStart = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (intDigits === 0 && i === fracStart) return text;
  } else if (intDigits === 0) return text;
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const s = text.charCodeAt(i);
    if (s === 0x2b || s === 0x2d) i++;
    const expStart = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === expStart) return text;
  }
  return i === n ? Number(text) : text;
}

function allDigits(text: string, from: number, to: number, radix: 8 | 16): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok =
      radix === 8 ? c >= 0x30 && c <= 0x37 : isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
    if (!ok) return false;
  }
  return true;
}
