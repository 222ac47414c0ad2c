// The `workback` grammar, tokenized by VS Code's own TextMate engine with the built-in YAML
// grammars of the installed VS Code: plan scopes are added, and nothing YAML gives is lost.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from './helpers/textmate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLANS = [
  ...readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => /\.workback\.ya?ml$/.test(f))
    .map((f) => path.join(ROOT, 'examples', f)),
  ...readdirSync(path.join(ROOT, 'test/fixtures/workspace/plans')).map((f) =>
    path.join(ROOT, 'test/fixtures/workspace/plans', f),
  ),
];

/** The scopes of every character of every line (without the root scope). */
function scopesByChar(lines) {
  return lines.map((tokens) => tokens.flatMap((t) => [...t.text].map(() => t.scopes.slice(1))));
}

/** The scopes (without the root) of the first token whose text is `text` on a line containing `lineHas`. */
function scopesOf(lines, text, src, lineHas = text) {
  const srcLines = src.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!srcLines[i].includes(lineHas)) continue;
    const t = lines[i].find((x) => x.text.trim() === text);
    if (t) return t.scopes.slice(1);
  }
  throw new Error(`no token "${text}" on a line with "${lineHas}"`);
}

describe('grammar source.workback', () => {
  const sample = readFileSync(path.join(ROOT, 'test/fixtures/workspace/plans/unknown-owner.workback.yaml'), 'utf8');
  let lines;
  before(async () => {
    lines = await tokenize(sample);
  });

  const last = (scopes) => scopes[scopes.length - 1];

  it('scopes dates', () => {
    assert.equal(last(scopesOf(lines, '2026-10-30', sample)), 'constant.numeric.date.workback');
    assert.equal(last(scopesOf(lines, '2026-09-07', sample)), 'constant.numeric.date.workback', 'in a flow list');
    assert.equal(last(scopesOf(lines, '2026-07-15', sample)), 'constant.numeric.date.workback');
  });

  it('scopes durations', () => {
    assert.equal(last(scopesOf(lines, '3d', sample)), 'constant.numeric.duration.workback');
    assert.equal(last(scopesOf(lines, '2w', sample)), 'constant.numeric.duration.workback');
  });

  it('scopes statuses', () => {
    assert.equal(last(scopesOf(lines, 'doing', sample)), 'constant.language.status.doing.workback');
    assert.equal(last(scopesOf(lines, 'todo', sample)), 'constant.language.status.todo.workback');
    assert.equal(last(scopesOf(lines, 'blocked', sample)), 'constant.language.status.blocked.workback');
  });

  it('scopes the ids in depends_on, flow and block', () => {
    assert.equal(last(scopesOf(lines, 'quote', sample, 'depends_on: [quote]')), 'variable.other.reference.workback');
    assert.equal(last(scopesOf(lines, 'image', sample, '- image')), 'variable.other.reference.workback');
    assert.ok(
      !scopesOf(lines, 'quote', sample, 'id: quote').includes('variable.other.reference.workback'),
      'a task id is not a reference',
    );
  });

  it('leaves keys, comments and text alone', async () => {
    assert.ok(scopesOf(lines, 'due', sample).includes('entity.name.tag.yaml'));
    assert.ok(scopesOf(lines, 'before the budget year closes', sample).includes('comment.line.number-sign.yaml'));
    const t = await tokenize('title: Meet on 2026-07-01 for 3d\nstatus: done later\n');
    assert.ok(
      t.flat().every((x) => !x.scopes.slice(1).some((s) => s.endsWith('.workback'))),
      JSON.stringify(t),
    );
  });

  it('loses nothing of YAML: every other character has exactly the YAML scopes', async () => {
    for (const file of PLANS) {
      const text = readFileSync(file, 'utf8');
      const ours = scopesByChar(await tokenize(text, 'source.workback'));
      const yaml = scopesByChar(await tokenize(text, 'source.yaml'));
      let compared = 0;
      for (let l = 0; l < ours.length; l++) {
        for (let c = 0; c < ours[l].length; c++) {
          if (ours[l][c].some((s) => s.endsWith('.workback'))) continue;
          assert.deepEqual(ours[l][c], yaml[l][c], `${path.basename(file)}:${l + 1}:${c + 1}`);
          compared++;
        }
      }
      assert.ok(
        compared > text.length / 2,
        `${path.basename(file)}: most characters keep their YAML scopes (${compared})`,
      );
    }
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
  it('comments with #, brackets and pairs as YAML has them', () => {
    assert.equal(conf.comments.lineComment, '#');
    assert.deepEqual(conf.brackets, [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]);
    assert.equal(conf.folding.offSide, true);
    assert.ok(new RegExp(conf.indentationRules.increaseIndentPattern).test('tasks:'));
    assert.ok(new RegExp(conf.indentationRules.increaseIndentPattern).test('  - '));
  });
});
