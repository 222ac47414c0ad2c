// The GitHub Action as a runner runs it: action.yml's `main` (action/index.js, which runs the
// committed bundle bin/workback.js, which must be what `npm run build:committed` makes of the sources) in a temporary repository,
// with the GITHUB_* variables a runner sets and an INPUT_* variable for every input of
// action.yml (its default where the workflow gives none).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACTION = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

describe('the GitHub Action (action.yml)', () => {
  let tmp;
  let repo;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-action-'));
    repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'plans'), { recursive: true });
    copyFileSync(
      path.join(ROOT, 'examples', 'mfa-rollout.workback.yaml'),
      path.join(repo, 'plans', 'mfa.workback.yaml'),
    );
    copyFileSync(
      path.join(ROOT, 'test', 'fixtures', 'cli', 'unknown-owner.workback.yaml'),
      path.join(repo, 'plans', 'bad.workback.yaml'),
    );
    assert.equal(spawnSync('git', ['init', '-q'], { cwd: repo }).status, 0);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** The step `uses: ./` with `with:` inputs, as the runner starts it (node, cwd the workspace). */
  function step(withInputs) {
    const summary = path.join(tmp, `summary-${Math.random().toString(36).slice(2)}.md`);
    writeFileSync(summary, '');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_EVENT_NAME: 'pull_request',
      RUNNER_TEMP: tmp,
    };
    for (const [name, spec] of Object.entries(ACTION.inputs))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = withInputs[name] ?? spec.default ?? '';
    assert.equal(ACTION.runs.using, 'node24'); // GitHub retires Node 20 for actions in 2026; the bundle targets Node 20, which node24 runs
    const r = spawnSync(process.execPath, [path.join(ROOT, ACTION.runs.main)], { cwd: repo, env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr, summary: readFileSync(summary, 'utf8') };
  }

  it('declares the inputs paths, fail-on, today and format, and runs the committed bundle', () => {
    assert.deepEqual(Object.keys(ACTION.inputs).sort(), ['fail-on', 'format', 'paths', 'today']);
    assert.equal(ACTION.inputs['fail-on'].default, 'error');
    assert.equal(ACTION.inputs.format.default, 'github');
    assert.equal(ACTION.runs.main, 'action/index.js');
  });

  it('the committed bundle bin/workback.js, which action/index.js runs, is what npm run build:committed makes of the sources', function () {
    this.timeout(60000);
    const fresh = path.join(tmp, 'fresh');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'buildCommitted.mjs'), '--out', fresh], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const committed = readFileSync(path.join(ROOT, 'bin', 'workback.js'), 'utf8');
    assert.ok(
      committed === readFileSync(path.join(fresh, 'bin', 'workback.js'), 'utf8'),
      'bin/workback.js is stale: run npm run build:committed',
    );
    assert.match(
      readFileSync(path.join(ROOT, 'action', 'index.js'), 'utf8'),
      /require\('\.\.\/bin\/workback\.js'\)\.actionMain\(\)/,
    );
  });

  it('annotates the pull request, writes the job summary, and fails on an error', () => {
    const r = step({ today: '2026-11-24' });
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^::error file=plans\/bad\.workback\.yaml,line=13,col=45,.*title=workback unknown-person::/m);
    assert.match(r.out, /^::warning file=plans\/mfa\.workback\.yaml,line=65,col=17,.*follow-up-overdue::/m);
    assert.match(r.summary, /^## Workback plans on 2026-11-24\n/);
    assert.match(
      r.summary,
      /### `plans\/mfa\.workback\.yaml`: `MFA for every staff account`\n\nGoal: .*slack 9 workdays\./,
    );
    assert.match(r.summary, /\| 14 \| 2 \| 0 \| 0 \| 1 \|/);
    assert.match(r.summary, /\n2 files checked: 1 error, 1 warning\.\n$/);
  });

  it('passes on warnings by default, fails with fail-on: warning, and checks only the paths given', () => {
    assert.equal(step({ today: '2026-11-24', paths: 'plans/mfa.workback.yaml' }).code, 0);
    const strict = step({ today: '2026-11-24', paths: 'plans/mfa.workback.yaml', 'fail-on': 'warning' });
    assert.equal(strict.code, 1);
    assert.doesNotMatch(strict.out, /bad\.workback\.yaml/);
    assert.match(strict.summary, /1 file checked: 0 errors, 1 warning\./);
  });

  it('a wrong input fails the step with a usage error', () => {
    const r = step({ 'fail-on': 'sometimes' });
    assert.equal(r.code, 2);
    assert.match(r.err, /fail-on/);
    assert.equal(r.summary, '');
  });
});
