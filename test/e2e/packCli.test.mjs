// `npm run pack:cli`: the CLI as an npm package that holds the CLI and only what it needs, and
// that works as a person would use it, offline: installed from the tarball into an empty
// prefix, or run once through npx, in a folder that holds only plans.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NPM, NPX, runCommand as run } from './helpers/commands.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** No network: a fresh cache and --offline (the package has no dependencies to fetch). */
const offline = (tmp) => ['--offline', '--no-audit', '--no-fund', '--cache', path.join(tmp, 'cache')];

describe('npm run pack:cli', () => {
  let tmp;
  let tarball;
  let plans;
  before(function () {
    this.timeout(120000);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-pack-cli-'));
    const r = run(process.execPath, [path.join(ROOT, 'scripts', 'packCli.mjs'), '--out', tmp], ROOT);
    assert.equal(r.code, 0, `${r.out}\n${r.err}`);
    tarball = path.join(tmp, `${PKG.name}-${PKG.version}.tgz`);
    // a folder that holds only plans: one clean, one with an unknown owner
    plans = path.join(tmp, 'plans');
    mkdirSync(plans);
    copyFileSync(path.join(ROOT, 'examples', 'mfa-rollout.workback.yaml'), path.join(plans, 'mfa.workback.yaml'));
    copyFileSync(
      path.join(ROOT, 'test', 'fixtures', 'cli', 'unknown-owner.workback.yaml'),
      path.join(plans, 'bad.workback.yaml'),
    );
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the CLI and only what it needs, and is small', () => {
    const list = run('tar', ['tzf', tarball], tmp);
    assert.equal(list.code, 0, list.err);
    assert.deepEqual(list.out.trim().split('\n').sort(), [
      'package/LICENSE',
      'package/README.md',
      'package/bin/workback.js',
      'package/package.json',
    ]);
    const size = statSync(tarball).size;
    console.log(`      ${path.basename(tarball)}: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < 200 * 1024, `${size} bytes (the whole repository's was 2.1 MB)`);
  });

  it('can be published: not private, no dependencies, a bin, files limited; its README links work off the repository', () => {
    const unpacked = path.join(tmp, 'unpacked');
    mkdirSync(unpacked);
    assert.equal(run('tar', ['xzf', tarball, '-C', unpacked], tmp).code, 0);
    const pkg = JSON.parse(readFileSync(path.join(unpacked, 'package', 'package.json'), 'utf8'));
    assert.equal(pkg.name, PKG.name);
    assert.equal(pkg.version, PKG.version);
    assert.equal(pkg.private, undefined);
    assert.deepEqual(pkg.bin, { workback: 'bin/workback.js' });
    assert.deepEqual(pkg.files, ['bin/workback.js']);
    assert.equal(pkg.dependencies, undefined);
    const cli = readFileSync(path.join(unpacked, 'package', 'bin', 'workback.js'), 'utf8');
    assert.ok(cli.startsWith('#!/usr/bin/env node\n'));
    assert.ok(!cli.includes('sourceMappingURL'), 'a production build, no source map');
    const readme = readFileSync(path.join(unpacked, 'package', 'README.md'), 'utf8');
    assert.match(readme, /npm install -g/);
    assert.deepEqual(readme.match(/\]\((?!https?:|#)[^)]*\)/g) ?? [], [], 'relative links');
  });

  it('npm pack of the repository itself also holds the CLI alone: the committed bundle (.npmignore)', () => {
    const r = run(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    assert.equal(r.code, 0, r.err);
    const [info] = JSON.parse(r.out);
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'bin/workback.js', 'package.json']);
    assert.deepEqual(PKG.bin, { workback: 'bin/workback.js' });
  });

  it('installed into an empty prefix, `workback check` works in a folder that holds only plans', function () {
    this.timeout(120000);
    const prefix = path.join(tmp, 'prefix');
    const install = run(NPM, ['install', '-g', '--prefix', prefix, ...offline(tmp), tarball], tmp);
    assert.equal(install.code, 0, `${install.out}\n${install.err}`);
    const bin = path.join(prefix, process.platform === 'win32' ? 'workback.cmd' : path.join('bin', 'workback'));
    const version = run(bin, ['--version'], plans);
    assert.equal(version.out.trim(), PKG.version);
    const check = run(bin, ['check', '--today', '2026-07-01', '--format', 'github'], plans);
    assert.equal(check.code, 1, check.err);
    assert.match(check.out, /^::error file=bad\.workback\.yaml,line=13,col=45,.*title=workback unknown-person::/m);
    assert.equal(check.err, '2 files checked: 1 error, 0 warnings\n');
    const sarif = run(bin, ['check', 'mfa.workback.yaml', '--today', '2026-07-01', '--format', 'sarif'], plans);
    assert.equal(sarif.code, 0, sarif.err);
    assert.equal(JSON.parse(sarif.out).version, '2.1.0');
  });

  it('runs once through npx from the tarball, installing nothing', function () {
    this.timeout(120000);
    writeFileSync(path.join(plans, 'bad.workback.yaml'), ''); // now empty: the only error
    copyFileSync(tarball, path.join(plans, path.basename(tarball)));
    // as docs/cli.md says: npx --yes ./workback-<version>.tgz check
    const r = run(NPX, ['--yes', ...offline(tmp), `./${path.basename(tarball)}`, 'check'], plans);
    assert.equal(r.code, 1, `${r.out}\n${r.err}`);
    assert.match(r.out, /^bad\.workback\.yaml:1:1 error empty-file /m);
  });
});
