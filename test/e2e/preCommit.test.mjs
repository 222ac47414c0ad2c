// The pre-commit hook (.pre-commit-hooks.yaml) as pre-commit runs it: the repository installed
// as a node package the way pre-commit's node language does (in a checkout, `npm install`;
// then `npm pack`, whose whole stdout pre-commit takes as the tarball's name, so no lifecycle
// script may print there; then npm install -g of the tarball into the hook's environment; here
// offline, a link to node_modules standing in for the install of the tools), then the hook's
// entry run with the staged files its `files` pattern selects, in a repository with plans.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NPM, runCommand as run } from './helpers/commands.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOOKS = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  let tmp;
  let bin;
  const hook = HOOKS.find((h) => h.id === 'workback-check');

  before(function () {
    this.timeout(180000);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-pre-commit-'));
    // the checkout pre-commit makes: the files git tracks (and new ones it does not ignore)
    const checkout = path.join(tmp, 'checkout');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    for (const f of files) {
      mkdirSync(path.dirname(path.join(checkout, f)), { recursive: true });
      try {
        copyFileSync(path.join(ROOT, f), path.join(checkout, f));
      } catch {
        // a file deleted in the working tree but still in the index
      }
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
    const pack = run(NPM, ['pack'], checkout);
    assert.equal(pack.code, 0, `${pack.out}\n${pack.err}`);
    const tarball = path.join(checkout, pack.out.trim()); // as pre-commit reads it: nothing else may be on stdout
    assert.match(path.basename(tarball), /^workback-[\d.]+\.tgz$/);
    const list = run('tar', ['tzf', tarball], tmp);
    assert.deepEqual(list.out.trim().split('\n').sort(), [
      'package/LICENSE',
      'package/README.md',
      'package/bin/workback.js',
      'package/package.json',
    ]);
    const prefix = path.join(tmp, 'env');
    const install = run(
      NPM,
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--offline',
        '--no-audit',
        '--no-fund',
        '--cache',
        path.join(tmp, 'cache'),
        tarball,
      ],
      tmp,
    );
    assert.equal(install.code, 0, `${install.out}\n${install.err}`);
    bin = path.join(prefix, 'bin');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** A repository with plans, `staged` added to the index; the hook's entry run as pre-commit would. */
  function commit(staged) {
    const repo = mkdtempSync(path.join(tmp, 'repo-'));
    assert.equal(spawnSync('git', ['init', '-q'], { cwd: repo }).status, 0);
    for (const [name, text] of Object.entries(staged)) {
      mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      writeFileSync(path.join(repo, name), text);
    }
    execFileSync('git', ['add', '.'], { cwd: repo });
    const names = execFileSync('git', ['diff', '--cached', '--name-only', '-z'], { cwd: repo, encoding: 'utf8' })
      .split('\0')
      .filter((n) => n && new RegExp(hook.files).test(n));
    const [command, ...args] = hook.entry.split(' ');
    return { names, ...run(path.join(bin, command), [...args, ...names], repo) };
  }

  it('is a node hook whose entry is the package’s workback check, on plan files', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'workback check');
    assert.ok(new RegExp(hook.files).test('plans/a.workback.yaml'));
    assert.ok(new RegExp(hook.files).test('b.workback.yml'));
    assert.ok(!new RegExp(hook.files).test('infra/values.yaml'));
  });

  it('fails a commit that stages a plan with an error, naming it; other YAML is not passed', () => {
    const r = commit({
      'plans/bad.workback.yaml': readFileSync(
        path.join(ROOT, 'test', 'fixtures', 'cli', 'unknown-owner.workback.yaml'),
        'utf8',
      ),
      'infra/values.yaml': 'not: [a plan\n',
    });
    assert.deepEqual(r.names, ['plans/bad.workback.yaml']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^plans\/bad\.workback\.yaml:13:45 error unknown-person /m);
  });

  it('lets a commit of clean plans through', () => {
    const r = commit({
      'plans/mfa.workback.yaml': readFileSync(path.join(ROOT, 'examples', 'mfa-rollout.workback.yaml'), 'utf8'),
    });
    assert.equal(r.code, 0, `${r.out}\n${r.err}`);
    assert.match(r.err, /^1 file checked: 0 errors/);
  });
});
