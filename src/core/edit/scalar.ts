/**
 * Scalars written by edits: plain when YAML 1.2 (core schema) reads the plain text back as the
 * same string, quoted otherwise, so `2026-07-01` stays plain and `no`, `123`, `a: b` or a
 * title with a `#` are quoted.
 */
import { resolvePlain } from '../parse/scalar';
import { FLOW_INDICATOR, INDICATOR } from '../parse/yamlChars';

export type ScalarEditValue = string | boolean | number;
export type QuoteStyle = 'plain' | 'single' | 'double';

/** YAML's printable characters (c-printable), minus line breaks and tabs. */
function isPrintable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

/** Whether every character is printable (surrogate pairs included; lone surrogates not). */
function allPrintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (!isPrintable(c)) return false;
  }
  return true;
}

/** Whether `s` holds one of `,[]{}`, which end a plain scalar in a flow collection. */
function hasFlowIndicator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && FLOW_INDICATOR[c]) return true;
  }
  return false;
}

/** Whether `s` can be written as a plain scalar and read back as the same string. */
export function isPlainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s.trim() !== s || !allPrintable(s)) return false;
  // no indicator first, even `-x` or `?x`, which the parser would read as plain: plain text a
  // person can read back without knowing that rule
  const first = s.charCodeAt(0);
  if (first < 128 && INDICATOR[first]) return false;
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #')) return false;
  if (flow && hasFlowIndicator(s)) return false;
  return resolvePlain(s) === s;
}

/** A double-quoted scalar: JSON-like escapes, every non-printable character escaped. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += ch + s[i + 1];
      i++;
    } else if (!isPrintable(c)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A scalar as YAML text. `quote` is the style to keep (an edited value keeps its quotes):
 * plain when allowed, single quotes when the text has no character that needs an escape,
 * double quotes otherwise.
 */
export function formatScalar(value: ScalarEditValue, options: { flow: boolean; quote?: QuoteStyle }): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  const quote = options.quote ?? 'plain';
  if (quote === 'plain' && isPlainSafe(value, options.flow)) return value;
  if (quote === 'single' && allPrintable(value)) return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

/** A mapping key as YAML text (plain when it can be). */
export function formatKey(key: string, flow: boolean): string {
  return formatScalar(key, { flow });
}
