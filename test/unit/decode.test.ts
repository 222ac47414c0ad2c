import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodePlanBytes, LineIndex } from '../../src/core';
import { firstInvalidUtf8 } from '../../src/core/decode';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const utf16 = (s: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = u >> 8;
  }
  return out;
};
/** Byte sequences that are never a character, or start one that is cut short. */
const BAD = [
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe9],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xe0, 0x80, 0x80],
  [0xf0, 0x8f, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5],
  [0xff],
  [0xfe],
];
/** Where an editor shows the character after `prefix`. */
const positionAfter = (prefix: string) => new LineIndex(`${prefix}\uFFFD`).position(prefix.length);

describe('decodePlanBytes', () => {
  it('round-trips any valid UTF-8 (a BOM kept as U+FEFF, or dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (text, bom) => {
        const bytes = bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text)) : utf8(text);
        assert.deepEqual(decodePlanBytes(bytes), { ok: true, text: bom ? `\uFEFF${text}` : text, encoding: 'utf-8' });
        assert.deepEqual(decodePlanBytes(bytes, { bom: 'drop' }), { ok: true, text, encoding: 'utf-8' });
      }),
      { numRuns: 2000 },
    );
  });

  it('reports a bad byte anywhere at its exact place: offset, line and column of the character shown there', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 100 }),
        fc.constantFrom(...BAD),
        fc.string({ unit: 'grapheme', maxLength: 50 }),
        (before, bad, after) => {
          const head = utf8(before);
          const d = decodePlanBytes(concat(head, new Uint8Array(bad), utf8(after)));
          assert.equal(d.ok, false);
          if (d.ok) return;
          assert.equal(d.diagnostic.code, 'invalid-encoding');
          assert.equal(d.diagnostic.severity, 'error');
          assert.deepEqual(d.diagnostic.data, { byteOffset: head.length });
          assert.deepEqual(d.diagnostic.span, { start: before.length, end: before.length + 1 });
          assert.deepEqual(d.diagnostic.range.start, positionAfter(before));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('says which bytes and where in its message', () => {
    const d = decodePlanBytes(utf8('workback: 1\r\ntitle: Caf\u0000').map((b) => (b === 0 ? 0xe9 : b)));
    assert.ok(!d.ok);
    assert.equal(
      d.diagnostic.message,
      'The file is not valid UTF-8: the bytes at offset 23 (E9) are not a character. Save the file as UTF-8.',
    );
    assert.deepEqual(d.diagnostic.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } });
  });

  it('agrees with the strict native decoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        assert.equal(firstInvalidUtf8(bytes) === bytes.length, valid);
      }),
      { numRuns: 5000 },
    );
  });

  it('decodes UTF-16 with its byte order mark, little- and big-endian', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.boolean(), (text, be) => {
        assert.deepEqual(decodePlanBytes(utf16(text, be), { bom: 'drop' }), {
          ok: true,
          text,
          encoding: be ? 'utf-16be' : 'utf-16le',
        });
        assert.deepEqual(decodePlanBytes(utf16(text, be)), {
          ok: true,
          text: `\uFEFF${text}`,
          encoding: be ? 'utf-16be' : 'utf-16le',
        });
      }),
      { numRuns: 500 },
    );
    const plan = decodePlanBytes(utf16('workback: 1\ntitle: Ümlaut 🚀\n', false), { bom: 'drop' });
    assert.ok(plan.ok && plan.text === 'workback: 1\ntitle: Ümlaut 🚀\n');
  });

  it('reports an unpaired surrogate and a cut last unit of UTF-16 where they are', () => {
    for (const be of [false, true]) {
      const lone = decodePlanBytes(utf16('a: 1\nb: x\uD800y', be), { bom: 'drop' });
      assert.ok(!lone.ok);
      assert.deepEqual(lone.diagnostic.range.start, { line: 1, character: 4 });
      assert.deepEqual(lone.diagnostic.data, { byteOffset: 2 + 2 * 9 });
      const odd = decodePlanBytes(concat(utf16('a: 1\n', be), new Uint8Array([0x41])), { bom: 'drop' });
      assert.ok(!odd.ok);
      assert.deepEqual(odd.diagnostic.range.start, { line: 1, character: 0 });
      assert.match(odd.diagnostic.message, /half a character/);
    }
  });

  it('recognises UTF-32 by its byte order mark and refuses it at the start', () => {
    for (const bom of [
      [0xff, 0xfe, 0, 0],
      [0, 0, 0xfe, 0xff],
    ]) {
      const d = decodePlanBytes(concat(new Uint8Array(bom), new Uint8Array([0x77, 0, 0, 0])));
      assert.ok(!d.ok);
      assert.match(d.diagnostic.message, /UTF-32/);
      assert.deepEqual(d.diagnostic.range.start, { line: 0, character: 0 });
    }
  });
});
