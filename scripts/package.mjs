#!/usr/bin/env node
// npm run package [-- --out <file.vsix>] [-- --list]: a production build (minified, no source
// maps), then `vsce package --no-dependencies` into a .vsix holding only what users need
// (.vscodeignore). Both happen in a temporary staging folder, so the working tree's dist/
// (a dev build, maybe in use by a running test or `npm start`) is left alone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listZip } from './lib/zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const pkg = (await import(path.join(ROOT, 'package.json'), { with: { type: 'json' } })).default;
const out = path.resolve(outArg >= 0 ? argv[outArg + 1] : path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

/** Not copied to the staging folder (built there, linked, or never shipped); .vscodeignore picks among the rest. */
const NOT_COPIED = new Set([
  'node_modules',
  'src',
  'dist',
  'out',
  '.git',
  'test',
  'test-results',
  '.vscode-test',
  '.scratch',
  '.bench',
]);

for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
  if (!existsSync(path.join(ROOT, f))) {
    console.error(`[package] ${f} is missing: the .vsix ships it`);
    process.exit(1);
  }
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'workback-package-'));
try {
  for (const f of readdirSync(ROOT)) {
    if (!NOT_COPIED.has(f) && !f.endsWith('.vsix'))
      cpSync(path.join(ROOT, f), path.join(stage, f), { recursive: true });
  }
  // the build reads src/ and node_modules/ where they are; vsce does not follow these links
  symlinkSync(path.join(ROOT, 'src'), path.join(stage, 'src'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'));
  run('production build', process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production']);
  run('vsce package', process.execPath, [
    path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--out',
    out,
  ]);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
const entries = listZip(out);
if (argv.includes('--list')) for (const e of entries) console.log(`${String(e.size).padStart(10)}  ${e.name}`);
console.log(
  `[package] ${path.relative(process.cwd(), out) || out}: ${entries.length} files, ${(statSync(out).size / 1024).toFixed(0)} KB`,
);

function run(what, cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: stage,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CI: process.env.CI || 'true' },
  });
  if (r.status !== 0) {
    console.error(`[package] ${what} failed (exit ${r.status ?? r.signal})`);
    rmSync(stage, { recursive: true, force: true });
    process.exit(1);
  }
}
