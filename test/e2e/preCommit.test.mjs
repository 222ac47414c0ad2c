// The pre-commit hook (.pre-commit-hooks.yaml) as pre-commit runs it: a script hook, its entry a
// path in pre-commit's checkout of this repository (the files git tracks) run with the staged
// files its `files` pattern selects, in a repository with plans; nothing installed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { runCommand as run } from './helpers/commands.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOOKS = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  let tmp;
  let checkout;
  const hook = HOOKS.find((h) => h.id === 'workback-check');

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-pre-commit-'));
    // the checkout pre-commit makes: the files git tracks (and new ones it does not ignore), modes kept
    checkout = path.join(tmp, 'checkout');
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
        chmodSync(path.join(checkout, f), statSync(path.join(ROOT, f)).mode);
      } catch {
        // a file deleted in the working tree but still in the index
      }
    }
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
    return { names, ...run(path.join(checkout, command), [...args, ...names], repo) };
  }

  it('is a script hook whose entry is the committed CLI, executable, on plan files', () => {
    assert.equal(hook.language, 'script');
    assert.equal(hook.entry, 'bin/workback.js check');
    assert.ok(statSync(path.join(checkout, 'bin', 'workback.js')).mode & 0o111, 'executable');
    assert.ok(readFileSync(path.join(checkout, 'bin', 'workback.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
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
