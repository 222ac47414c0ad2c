/** One resolver for plain scalars, YAML 1.2 core schema, shared by both engines. */
import type { ScalarValue } from '../sourceTree';

const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const TRUE_RE = /^(?:true|True|TRUE)$/;
const FALSE_RE = /^(?:false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF_RE = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN_RE = /^\.(?:nan|NaN|NAN)$/;

/** First characters a null, boolean or number can start with: ~ n N t T f F + - . 0-9. */
const MAY_BE_TYPED: boolean[] = (() => {
  const t: boolean[] = [];
  for (const c of '~nNtTfF+-.0123456789') t[c.charCodeAt(0)] = true;
  return t;
})();

/** The value of a plain (unquoted) scalar; quoted and block scalars are always strings. */
export function resolvePlain(text: string): ScalarValue {
  if (text.length > 32) return text; // no number or keyword is this long; keeps the regexes on short input
  if (text.length > 0 && !MAY_BE_TYPED[text.charCodeAt(0)]) return text; // most text starts with a letter that no keyword does
  if (NULL_RE.test(text)) return null;
  if (TRUE_RE.test(text)) return true;
  if (FALSE_RE.test(text)) return false;
  if (INT_RE.test(text)) return Number(text);
  if (OCT_RE.test(text)) return parseInt(text.slice(2), 8);
  if (HEX_RE.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_RE.test(text)) return Number(text);
  if (INF_RE.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN_RE.test(text)) return NaN;
  return text;
}
