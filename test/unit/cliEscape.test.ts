/** src/cli/escape.ts: plan text can never drive a terminal, a CI log or a line-oriented format. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  escapeGithubData,
  escapeGithubProperty,
  escapePathForLine,
  escapeTerminal,
  safeJson,
} from '../../src/cli/escape';

/** Strings mixing the characters that matter with any code point (lone surrogates included). */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\u001b',
        '\n',
        '\r',
        '\t',
        '\u0000',
        '\u009b',
        '\u202e',
        '\u2066',
        '\u200b',
        '\u200d',
        '\ufeff',
        '\ud800',
        '\udc00',
        '#',
        '[',
        ':',
        ',',
        '%',
        '👩',
        '💻',
        'a',
        ' ',
      ),
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Anything a terminal or the GitHub runner could act on, after escaping. */
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|##\[/;

describe('cli escaping', () => {
  describe('escapeTerminal', () => {
    it('shows escape sequences and C0/C1 controls as visible escapes', () => {
      assert.equal(escapeTerminal('\u001b[31mred\u001b[0m'), '\\u{1b}[31mred\\u{1b}[0m');
      assert.equal(escapeTerminal('a\u0007b\u0000c\u007fd\u009be'), 'a\\u{7}b\\u{0}c\\u{7f}d\\u{9b}e');
      assert.equal(escapeTerminal('line\nbreak\r\ttab'), 'line\\nbreak\\r\\ttab');
    });

    it('neutralises bidi overrides and isolates (Trojan Source)', () => {
      assert.equal(escapeTerminal('\u202egnp.exe'), '\\u{202e}gnp.exe');
      for (const c of [
        0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
      ]) {
        const out = escapeTerminal(`x${String.fromCodePoint(c)}y`);
        assert.equal(out, `x\\u{${c.toString(16)}}y`);
      }
    });

    it('shows zero-width and invisible characters', () => {
      assert.equal(escapeTerminal('pay\u200bpal'), 'pay\\u{200b}pal');
      assert.equal(escapeTerminal('a\u2060b\ufeffc\u00add'), 'a\\u{2060}b\\u{feff}c\\u{ad}d');
      assert.equal(escapeTerminal('tag\u{e0041}'), 'tag\\u{e0041}');
      assert.equal(escapeTerminal('x\u2028y'), 'x\\u{2028}y');
    });

    it('keeps ordinary text, accents, CJK, emoji and ZWJ emoji sequences', () => {
      for (const s of [
        'Crème brûlée: 100% done, ok?',
        '日本語のタイトル',
        'ship it 🚀',
        'dev 👩‍💻 team',
        'עברית',
        'x::y',
      ]) {
        assert.equal(escapeTerminal(s), s);
      }
    });

    it('breaks the legacy GitHub command prefix ##[ wherever it is', () => {
      const out = escapeTerminal('done ##[add-mask]secret and ##[stop-commands]tok');
      assert.doesNotMatch(out, /##\[/);
      assert.equal(out, 'done #\\u{23}[add-mask]secret and #\\u{23}[stop-commands]tok');
    });

    it('escapes lone surrogates, keeps pairs', () => {
      assert.equal(escapeTerminal('a\ud800b'), 'a\\u{d800}b');
      assert.equal(escapeTerminal('a\udc00b'), 'a\\u{dc00}b');
      assert.equal(escapeTerminal('a\u{1f600}b'), 'a\u{1f600}b');
    });

    it('never leaves anything dangerous, for any string (property)', () => {
      fc.assert(
        fc.property(hostileText, (s) => {
          const out = escapeTerminal(s);
          assert.doesNotMatch(out.replace(/\u200d/g, ''), DANGEROUS);
          assert.ok(!out.includes('\n'));
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('escapePathForLine', () => {
    it('never lets a line start with a workflow command', () => {
      assert.equal(escapePathForLine('::add-mask::x.workback.yaml'), './::add-mask::x.workback.yaml');
      assert.equal(escapePathForLine(' ::error::x'), './ ::error::x');
      assert.equal(escapePathForLine('plans/a.workback.yaml'), 'plans/a.workback.yaml');
    });
  });

  describe('GitHub workflow commands', () => {
    it('percent-encodes %, CR and LF in data, so the command stays on one line', () => {
      assert.equal(escapeGithubData('50% done\r\n::add-mask::secret'), '50%25 done%0A::add-mask::secret');
      assert.equal(escapeGithubData('a\nb\rc'), 'a%0Ab%0Ac');
    });

    it('escapes : and , in properties too', () => {
      assert.equal(escapeGithubProperty('dir,x/a:b%.yaml'), 'dir%2Cx/a%3Ab%25.yaml');
      assert.equal(escapeGithubProperty('x\n::error::y'), 'x%0A%3A%3Aerror%3A%3Ay');
    });

    it('neutralises terminal escapes and ##[ in data', () => {
      const out = escapeGithubData('\u001b[2J ##[stop-commands]t \u202ex');
      assert.equal(out, '\\u{1b}[2J #\\u{23}[stop-commands]t \\u{202e}x');
    });

    it('never produces a line break or a raw control (property)', () => {
      fc.assert(
        fc.property(hostileText, (s) => {
          for (const out of [escapeGithubData(s), escapeGithubProperty(s)]) {
            assert.doesNotMatch(out.replace(/\u200d/g, ''), DANGEROUS);
          }
          assert.doesNotMatch(escapeGithubProperty(s), /[:,]/);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('safeJson', () => {
    it('parses back to exactly the same value (property)', () => {
      fc.assert(
        fc.property(fc.jsonValue(), hostileText, (v, s) => {
          assert.deepEqual(JSON.parse(safeJson(v)), JSON.parse(JSON.stringify(v)));
          assert.equal(JSON.parse(safeJson(s)), s);
        }),
        { numRuns: 300 },
      );
    });

    it('writes C1, bidi, zero-width characters and ##[ as \\u escapes', () => {
      const text = safeJson({ t: '\u009b2J \u202eevil \u200b ##[add-mask]x \u001b[31m' });
      assert.equal(text, '{"t":"\\u009b2J \\u202eevil \\u200b ##\\u005badd-mask]x \\u001b[31m"}');
      assert.doesNotMatch(text, DANGEROUS);
    });
  });
});
