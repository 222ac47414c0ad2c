import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CODES, FIXABLE_CODES } from '../../src/core';
import { FIXTURES } from './helpers/fixtures';

describe('docs/diagnostics.md lists exactly the codes of src/core/codes.ts', () => {
  it('one heading per code, in order, with its severity', () => {
    const doc = readFileSync(path.resolve(FIXTURES, '../../docs/diagnostics.md'), 'utf8');
    const headings = [...doc.matchAll(/^### `([a-z-]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(headings, Object.keys(CODES));
    for (const [code, info] of Object.entries(CODES)) {
      const section = doc.slice(doc.indexOf(`### \`${code}\``)).split(/^### /m)[1] ?? '';
      assert.match(
        section,
        new RegExp(`\\b${info.severity}\\b`, 'i'),
        `${code} should say its severity ${info.severity}`,
      );
    }
  });

  it('every code has an invalid fixture or an inline test that produces it', () => {
    const fixtureText = ['plans/invalid', 'schedule']
      .flatMap((d) => {
        try {
          return require('node:fs')
            .readdirSync(path.join(FIXTURES, d))
            .map((f: string) => readFileSync(path.join(FIXTURES, d, f), 'utf8'));
        } catch {
          return [];
        }
      })
      .join('\n');
    const tests = require('node:fs')
      .readdirSync(path.resolve(FIXTURES, '../unit'))
      .filter((f: string) => f.endsWith('.ts'))
      .map((f: string) => readFileSync(path.resolve(FIXTURES, '../unit', f), 'utf8'))
      .join('\n');
    // internal-error is what a bug in Workback looks like: there is no input that should produce it
    const missing = Object.keys(CODES).filter(
      (c) =>
        c !== 'internal-error' &&
        !fixtureText.includes(` ${c}\n`) &&
        !tests.includes(`'${c}'`) &&
        !tests.includes(`error ${c} `),
    );
    assert.deepEqual(missing, []);
  });

  it('says of every code what its quick fix does, or why there is none: "none" exactly for the codes without one', () => {
    const doc = readFileSync(path.resolve(FIXTURES, '../../docs/diagnostics.md'), 'utf8');
    const none: string[] = [];
    for (const code of Object.keys(CODES)) {
      const section = doc.slice(doc.indexOf(`### \`${code}\``)).split(/^### /m)[1] ?? '';
      const line = /^\*\*Quick fix:\*\* (.+)$/m.exec(section)?.[1];
      assert.ok(line, `${code} has a **Quick fix:** line`);
      if (/^none\b/.test(line)) none.push(code);
    }
    assert.deepEqual(
      none,
      Object.keys(CODES).filter((c) => !FIXABLE_CODES.has(c)),
    );
  });

  it('every code with a quick fix has an integration test applying it in VS Code', () => {
    const dir = path.resolve(FIXTURES, '../integration');
    const sources = require('node:fs')
      .readdirSync(dir)
      .filter((f: string) => f.endsWith('.test.ts'))
      .map((f: string) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    // applyFix(text, 'code', 'title' ...) in test/integration/languageQuickFix*.test.ts
    const applied = new Set(
      [...sources.matchAll(/applyFix\([^,]+,\s*'([a-z-]+)'/g)].map((m: RegExpMatchArray) => m[1]),
    );
    assert.deepEqual(
      [...FIXABLE_CODES].filter((c) => !applied.has(c)),
      [],
    );
  });
});
