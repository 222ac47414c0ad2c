#!/usr/bin/env node
// The extension itself (issue 4):
//  1. the production bundle dist/extension.js: its size (goal: under 400 KB, no Mermaid in it)
//     and what fills it, from esbuild's metafile;
//  2. loading it: require() of the minified bundle in Node with a stub `vscode` (the code-loading
//     share of activation, which VS Code counts and activate() itself cannot see);
//  3. the real VS Code extension host: activate() (goal: under 20 ms), and from a keystroke to
//     published diagnostics on a 1,000-task plan (goal: under 50 ms of extension-host work),
//     test/integration/diagnosticsPerformance.test.ts with more keystrokes.
// `--no-build` uses out/ and dist/ as they are (part 3 runs the development build of dist/);
// `--no-host` skips part 3; `--verbose` shows the extension host's test output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaForEditors, yamlEsmAlias } from '../scripts/lib/bundlePlugins.mjs';
import { runHostTests } from './lib/hostTests.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const noHost = process.argv.includes('--no-host');
const noBuild = process.argv.includes('--no-build');
const KB = 1024;
const GOALS = { bundleKB: 400, activateMs: 20, keystrokeMs: 50 };
const mark = (ok) => (ok ? '  ok' : '  OVER THE GOAL');

console.log('Workback extension: bundle, loading, activation, keystroke to diagnostics\n');

// ---------------------------------------------------------------- 1. the production bundle
const tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-extension-bench-'));
try {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production', '--outdir', tmp], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const bundle = path.join(tmp, 'extension.js');
  const bytes = statSync(bundle).size;
  console.log(
    `dist/extension.js (production)  ${(bytes / KB).toFixed(1).padStart(7)} KB${mark(bytes < GOALS.bundleKB * KB)} (goal: under ${GOALS.bundleKB} KB)`,
  );
  const esbuild = await import('esbuild');
  const meta = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/extension/extension.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    alias: yamlEsmAlias,
    plugins: [schemaForEditors],
  });
  const parts = new Map();
  for (const out of Object.values(meta.metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m
        ? m[1]
        : file
            .split('/')
            .slice(0, file.startsWith('src/') ? 3 : 1)
            .join('/')
            .replace(/\.ts$/, '');
      parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
    }
  }
  const mermaid = [...parts.keys()].some((k) => /^(mermaid|@mermaid-js\/)/.test(k));
  console.log(`  Mermaid in it: ${mermaid ? 'YES (it must not be)' : 'no'}; the largest parts:`);
  for (const [k, v] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`  ${k.padEnd(40)} ${(v / KB).toFixed(1).padStart(7)} KB`);

  // ---------------------------------------------------------------- 2. loading it
  const stub = path.join(tmp, 'vscode-stub.js');
  // every name of the stub is the stub again: callable, constructible, a base class (and the
  // prototype of the namespace object esbuild makes of it, so lookups fall through to it)
  writeFileSync(
    stub,
    'const s = new Proxy(function () {}, { get: (t, k) => (typeof k === "symbol" || k === "__esModule" ? undefined : k === "prototype" ? t.prototype : s), apply: () => s, construct: () => s, getPrototypeOf: () => s });\nmodule.exports = s;',
  );
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? stub : resolve.call(this, request, ...rest);
  };
  const loads = [];
  for (let i = 0; i < 15; i++) {
    delete require.cache[bundle];
    const t = performance.now();
    require(bundle);
    loads.push(performance.now() - t);
  }
  Module._resolveFilename = resolve;
  const first = loads[0];
  const rest = loads.slice(1).sort((a, b) => a - b);
  console.log(
    `\nrequire() of the bundle in Node (stub vscode): first ${first.toFixed(1)} ms, then median ${rest[rest.length >> 1].toFixed(1)} ms (V8 has seen the code)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// ---------------------------------------------------------------- 3. the extension host
if (!noHost) {
  if (!noBuild) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], {
      stdio: 'inherit',
    });
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: ROOT });
  }
  const { code, results: r } = await runHostTests('test/integration/diagnosticsPerformance.test.js', {
    env: { WORKBACK_BENCH_RUNS: '40' },
    log: process.argv.includes('--verbose') ? (s) => process.stdout.write(s) : undefined,
  });
  if (code !== 0) console.log(`\nthe extension-host test failed (exit ${code})`);
  if (r) {
    console.log(
      `\nVS Code extension host (1,000 tasks; median of ${r.runs} keystrokes; debounce ${r.debounceMs} ms, not counted)`,
    );
    console.log(
      `  ${'activate()'.padEnd(58)} ${r.activationMs.toFixed(2).padStart(8)}${mark(r.activationMs < GOALS.activateMs)}`,
    );
    for (const [name, ms] of Object.entries(r.medians)) {
      const goal = name.startsWith('keystroke to published') ? mark(ms < GOALS.keystrokeMs) : '';
      console.log(`  ${name.padEnd(58)} ${ms.toFixed(2).padStart(8)}${goal}`);
    }
    console.log(
      '\nThe goal applies to "published" (the extension host\'s work); onDidChangeDiagnostics adds the trip through the workbench and back.',
    );
  } else {
    process.exitCode = 1;
  }
}
