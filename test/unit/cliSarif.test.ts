/**
 * `workback check --format sarif`: valid SARIF 2.1.0 by the official schema (vendored in
 * test/fixtures/sarif, its source named there), one result per diagnostic at exactly the
 * region the JSON format gives, rules from src/core/codes.ts with help that exists in
 * docs/diagnostics.md, and plan text escaped.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CODES } from '../../src/core';
import { escapeTerminal } from '../../src/cli/escape';
import { DIAGNOSTICS_HELP, pathUri } from '../../src/cli/format/sarif';
import { run } from '../../src/cli/run';
import { memoryIO, type MemoryEntry } from './helpers/memoryIO';

const ROOT = path.resolve(__dirname, '../../..');
const read = (...p: string[]): string => readFileSync(path.join(ROOT, ...p), 'utf8');

function sarifValidator(): (value: unknown) => string[] {
  // the schema's `language` pattern has a stray `]` that is an error in a Unicode regular expression
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(read('test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json')) as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/** Every example, the CLI fixtures (a hostile plan, a broken one, an unknown owner), under names that need encoding. */
function workspace(): Record<string, MemoryEntry> {
  const files: Record<string, MemoryEntry> = {};
  for (const f of readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.workback.yaml')))
    files[`/work/examples/${f}`] = read('examples', f);
  for (const f of readdirSync(path.join(ROOT, 'test', 'fixtures', 'cli')).filter((f) => f.endsWith('.workback.yaml')))
    files[`/work/plans/a b#%/${f}`] = read('test', 'fixtures', 'cli', f);
  return files;
}

async function check(format: string, files: Record<string, MemoryEntry>): Promise<{ code: number; out: string }> {
  const io = memoryIO(files, { cwd: '/work' });
  const code = await run(['check', '--today', '2026-11-24', '--format', format], io);
  return { code, out: io.stdoutText };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

interface JsonFile {
  file: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }[];
}

describe('workback check --format sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0, one result per diagnostic at the JSON format’s exact region', async () => {
    const files = workspace();
    const sarif = await check('sarif', files);
    const json = await check('json', files);
    assert.equal(sarif.code, json.code);
    const log = JSON.parse(sarif.out) as {
      runs: { results: Result[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    assert.deepEqual(validate(log), []);
    const expected = (JSON.parse(json.out) as { files: JsonFile[] }).files.flatMap((f) =>
      f.diagnostics.map((d) => ({ file: f.file, ...d })),
    );
    const results = log.runs[0]!.results;
    assert.ok(expected.length > 10, `${expected.length} diagnostics`);
    assert.equal(results.length, expected.length);
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as Record<string, string>;
    results.forEach((r, i) => {
      const d = expected[i]!;
      const where = r.locations[0]!.physicalLocation;
      assert.equal(decodeURIComponent(where.artifactLocation.uri), d.file);
      assert.deepEqual(where.region, {
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      });
      assert.equal(r.ruleId, d.code);
      assert.equal(log.runs[0]!.tool.driver.rules[r.ruleIndex]!.id, d.code);
      assert.equal(r.level, level[d.severity]);
      assert.equal(r.message.text, escapeTerminal(d.message));
    });
  });

  it('names every code as a rule, with help that docs/diagnostics.md has a section for', async () => {
    const log = JSON.parse((await check('sarif', {})).out) as {
      runs: { results: unknown[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    assert.deepEqual(validate(log), []);
    assert.deepEqual(log.runs[0]!.results, []);
    const rules = log.runs[0]!.tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      Object.keys(CODES),
    );
    const sections = new Set([...read('docs', 'diagnostics.md').matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]));
    for (const r of rules) {
      assert.equal(r.helpUri, `${DIAGNOSTICS_HELP}#${r.id}`);
      assert.ok(sections.has(r.id), `docs/diagnostics.md has no section for ${r.id}`);
    }
  });

  it('shows plan text escaped: no control, bidi or zero-width character reaches a viewer', async () => {
    const out = (
      await check('sarif', { '/work/h.workback.yaml': read('test', 'fixtures', 'cli', 'hostile.workback.yaml') })
    ).out;
    const log = JSON.parse(out) as { runs: { results: Result[] }[] };
    const texts = log.runs[0]!.results.map((r) => r.message.text);
    assert.ok(
      texts.some((t) => t.includes('\\u{202e}')),
      texts.join('\n'),
    );
    for (const t of texts)
      assert.doesNotMatch(t, /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    assert.doesNotMatch(out, /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]|##\[/);
  });

  it('the schema check fails on a broken log (the validator is not a rubber stamp)', async () => {
    const log = JSON.parse((await check('sarif', workspace())).out) as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    assert.notDeepEqual(validate(log), []);
  });

  it('writes a path as a URI: relative as a reference, absolute as file:, each segment percent-encoded', () => {
    assert.equal(pathUri('plans/a b#%/x.workback.yaml'), 'plans/a%20b%23%25/x.workback.yaml');
    assert.equal(pathUri('../up/é.workback.yaml'), '../up/%C3%A9.workback.yaml');
    assert.equal(pathUri('/srv/plans/a b.workback.yaml'), 'file:///srv/plans/a%20b.workback.yaml');
    assert.equal(pathUri('D:/x y/a.workback.yaml'), 'file:///D:/x%20y/a.workback.yaml');
    assert.equal(pathUri('a\ud800.workback.yaml'), 'a%EF%BF%BD.workback.yaml'); // never throws
    for (const p of ['/srv/a.yaml', 'D:/x y/a.yaml', 'plans/a b#%/x.yaml'])
      assert.ok(URL.canParse(pathUri(p), 'file:///base/'), p);
  });
});
