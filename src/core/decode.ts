/**
 * A plan file's bytes to its text, or an `invalid-encoding` diagnostic at the first byte that is
 * not part of a character. UTF-8 (with or without a byte order mark); UTF-16 LE or BE with its
 * byte order mark (decoded); UTF-32 is recognised by its byte order mark and refused. Linear in
 * the number of bytes: a native strict decode, and a scan for the position only when it fails.
 * Both the CLI and the extension's index read files through it.
 */
import type { Diagnostic } from './diagnostic';
import { LineIndex } from './lineIndex';

export type PlanEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodeOptions {
  /**
   * `keep` (default): a byte order mark becomes U+FEFF at the start of the text, as the CLI has
   * always read it; `drop`: it is left out, as an editor's document leaves it out.
   */
  bom?: 'keep' | 'drop';
}

export type Decoded = { ok: true; text: string; encoding: PlanEncoding } | { ok: false; diagnostic: Diagnostic };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodePlanBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const keep = options.bom !== 'drop';
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return failed(
      '',
      `The file is UTF-32 (it starts with a UTF-32 byte order mark); Workback reads UTF-8 and UTF-16. Save it as UTF-8.`,
      4,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le', keep);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', keep);
  const bom = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: keep || bom === 0 ? text : text.slice(1), encoding: 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(bytes, bom);
    const prefix = new TextDecoder('utf-8', { ignoreBOM: keep }).decode(bytes.subarray(0, at));
    const shown = Array.from(bytes.subarray(at, Math.min(bytes.length, at + 4)), hex).join(' ');
    return failed(
      prefix,
      `The file is not valid UTF-8: the bytes at offset ${at} (${shown}) are not a character. Save the file as UTF-8.`,
      at,
    );
  }
}

/** Offset of the first byte of the first ill-formed sequence (Unicode's table 3-7), from `from`; bytes.length when none. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return n;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', keep: boolean): Decoded {
  // Big-endian is swapped into little-endian: every JavaScript runtime decodes that one.
  const le = encoding === 'utf-16le' ? bytes : swapPairs(bytes);
  const even = le.length - (le.length % 2);
  const units = new Uint16Array(le.buffer.slice(le.byteOffset, le.byteOffset + even));
  const bad = firstUnpairedSurrogate(units);
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units.subarray(0, bad));
  const shown = keep ? text : text.slice(1);
  if (bad < units.length) {
    return failed(
      shown,
      `The UTF-16 file has a lone surrogate (0x${units[bad]!.toString(16).toUpperCase()}) at byte offset ${bad * 2}: it is not a character. Save the file as UTF-8.`,
      bad * 2,
    );
  }
  if (even < le.length)
    return failed(
      shown,
      `The UTF-16 file ends in half a character (an odd number of bytes). Save the file as UTF-8.`,
      even,
    );
  return { ok: true, text: shown, encoding };
}

function firstUnpairedSurrogate(units: Uint16Array): number {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u >= 0xdc00) return i;
    const next = units[i + 1];
    if (next === undefined || next < 0xdc00 || next > 0xdfff) return i;
    i++;
  }
  return units.length;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2) out[bytes.length - 1] = bytes[bytes.length - 1]!;
  return out;
}

/** The diagnostic at the character after `prefix` (the text decoded before the bad byte). */
function failed(prefix: string, message: string, byteOffset: number): Decoded {
  const lines = new LineIndex(`${prefix}\uFFFD`);
  const span = { start: prefix.length, end: prefix.length + 1 };
  return {
    ok: false,
    diagnostic: {
      code: 'invalid-encoding',
      severity: 'error',
      message,
      range: lines.range(span),
      span,
      data: { byteOffset },
    },
  };
}

function startsWith(bytes: Uint8Array, head: readonly number[]): boolean {
  return bytes.length >= head.length && head.every((b, i) => bytes[i] === b);
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
