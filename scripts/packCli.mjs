#!/usr/bin/env node
// npm run pack:cli [-- --out DIR]: the CLI as an npm package, `workback-<version>.tgz` in DIR
// (default: the working directory). Staged in a temporary folder, like the .vsix: the committed
// CLI bundle bin/workback.js (a production build that carries everything it runs: no
// dependencies; npm run build:committed), the CLI's documentation as its README, and a package.json made from the root one with only what the
// CLI needs (name, version, license, bin, engines.node; not private, `files` limited). Then
// `npm pack` there. Install it with `npm install -g ./workback-<version>.tgz`, run it once with
// `npx --yes ./workback-<version>.tgz check`, or publish it with `npm publish <tarball>`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliManifest, cliReadme } from './lib/cliPackage.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const outDir = path.resolve(outArg >= 0 ? argv[outArg + 1] : process.cwd());
const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const stage = mkdtempSync(path.join(os.tmpdir(), 'workback-cli-'));
try {
  mkdirSync(path.join(stage, 'bin'));
  copyFileSync(path.join(ROOT, 'bin', 'workback.js'), path.join(stage, 'bin', 'workback.js'));
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cliManifest(root), null, 2)}\n`);
  writeFileSync(path.join(stage, 'README.md'), cliReadme(readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8')));
  copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
  mkdirSync(outDir, { recursive: true });
  const r = run('npm pack', npm(), ['pack', '--ignore-scripts', '--json', '--pack-destination', outDir]);
  const [info] = JSON.parse(r.stdout);
  console.log(
    `[pack:cli] ${path.relative(process.cwd(), path.join(outDir, info.filename)) || info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KB (${(info.unpackedSize / 1024).toFixed(0)} KB unpacked)`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function npm() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function run(what, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(`[pack:cli] ${what} failed (exit ${r.status ?? r.signal})\n${r.stdout}`);
    rmSync(stage, { recursive: true, force: true });
    process.exit(1);
  }
  return r;
}
