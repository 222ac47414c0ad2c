#!/usr/bin/env node
// npm test [unit] [integration] [e2e] [FILE…] [-- --grep PATTERN] [--no-build]: every test of the
// project, or only the stages named, or only the test files named (test/unit/edit.test.ts), or
// only the tests whose title matches PATTERN (--no-build: use dist/ and out/ as they are).
// scripts/lib/testArgs.mjs reads the command line.
//
//   build        npm run build (esbuild) + tsc -p . (tests compiled to out/) + tsc -p src/webview
//   lint         eslint . (the import rules between src/ folders, type-aware promise rules) and
//                prettier --check ., in a full run only
//   unit         mocha over out/test/unit/**/*.test.js, once per time zone, each in a child
//                process with TZ set (the core must not depend on the time zone); the growth tests
//                (complexity.*.test.js, timing stages as their input grows) once, alone, after them
//   install      tools/vscode-runtime/install.sh (idempotent: a real VS Code server + Chromium)
//   integration  mocha inside the real VS Code extension host (out/test/integration/index.js)
//                on a temporary copy of test/fixtures/workspace
//   e2e          mocha over test/e2e/*.test.mjs: the UI in headless Chromium (screenshots in
//                test-results/screenshots/), the grammar, npm start --check, the .vsix
//
// WORKBACK_TEST_ONLY=timeline,edits runs only those integration and e2e test files.
//
// Each stage reports the counts of mocha's runner stats; a stage that crashes counts as one
// failure. The summary names every failed test with its error's first line; the output ends with
// exactly one line `N passed, N failed`; the exit code is 0 only when nothing failed.
import { spawn, fork } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTestArgs, stemsFor, testStem } from './lib/testArgs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MOCHA_CHILD = path.join(ROOT, 'scripts', 'lib', 'mocha-child.mjs');
// Four time zones: UTC, UTC+14 (a day ahead of UTC), UTC-8/-7 and UTC+1/+2 with their
// DST changes (behind and ahead); WORKBACK_TEST_TZ names others (comma-separated)
const TIME_ZONES = (process.env.WORKBACK_TEST_TZ || 'UTC,Pacific/Kiritimati,America/Los_Angeles,Europe/Berlin')
  .split(',')
  .filter(Boolean);
const UNIT_PARALLEL = Math.max(2, os.availableParallelism()); // CPU-bound children: one per core
/** Unit test files that time stages as their input grows: run once, in a job of their own. */
const GROWTH_TESTS = /^complexity\..*\.test\.js$/;
const E2E_ORDER = ['grammar', 'ui', 'start', 'package'];
const args = parseTestArgs(process.argv.slice(2));
if (args.error) {
  console.error(args.error);
  process.exit(2);
}
const want = (s) => args.stages.length === 0 || args.stages.includes(s);
const noBuild = args.noBuild;
/** Keep the files whose stem was named for this stage (all of them when none was). */
const pickStems = (stage) => {
  const stems = stemsFor(args, stage);
  return (f) => stems.length === 0 || stems.includes(testStem(f));
};
const color = !!process.stdout.isTTY && !process.env.NO_COLOR;
const results = [];
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (s) => console.log(`\n=== ${s} ${'='.repeat(Math.max(3, 70 - s.length))}`);

/** Run a command, output streamed (or buffered and returned). Resolves to { code, output }. */
function run(cmd, args, { env = {}, buffer = false, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'],
    });
    let output = '';
    if (buffer) {
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
    }
    child.on('error', (e) => resolve({ code: 127, output: `${output}${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Run mocha in a child process; its stats come back over IPC. */
function mochaChild(files, { env = {}, timeout = 20000, buffer = false } = {}) {
  return new Promise((resolve) => {
    const child = fork(MOCHA_CHILD, [], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(color ? {} : { NO_COLOR: '1' }),
        ...env,
        WORKBACK_MOCHA: JSON.stringify({ files, timeout, color, grep: args.grep }),
      },
      stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit', 'ipc'],
    });
    let output = '';
    let stats;
    if (buffer) {
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
    }
    child.on('message', (m) => {
      stats = m;
    });
    child.on('error', (e) => {
      output += `${e.message}\n`;
    });
    child.on('close', (code) => resolve({ code, stats, output }));
  });
}

function record(name, ms, stats, crashed, note = '') {
  const r = {
    name,
    ms,
    crashed,
    passed: stats?.passes ?? 0,
    failed: (stats?.failures ?? 0) + (crashed ? 1 : 0),
    pending: stats?.pending ?? 0,
    note,
    failedTests: Array.isArray(stats?.failed) ? stats.failed : [],
  };
  results.push(r);
  console.log(
    `[test] ${name}: ${crashed ? 'CRASHED, ' : ''}passed ${r.passed}, failed ${r.failed}, pending ${r.pending} (${secs(ms)})${note ? ` ${note}` : ''}`,
  );
  return r;
}

/** A step that is not a test run (build, lint, install): ok, or one failure. */
function step(name, ms, ok, note = '') {
  if (!ok) return record(name, ms, undefined, true, note);
  results.push({ name, ms, crashed: false, passed: 0, failed: 0, pending: 0, step: true });
  console.log(`[test] ${name}: ok (${secs(ms)})`);
  return undefined;
}

function listFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
}

// ------------------------------------------------------------------ build
async function build() {
  if (noBuild) return true;
  banner('build: esbuild + tsc');
  const t = Date.now();
  let r = await run(process.execPath, ['esbuild.mjs']);
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (r.code === 0) {
    r = await run(process.execPath, [tsc, '-p', '.']);
    pruneStale(path.join(ROOT, 'out'));
  }
  // the webview has its own DOM tsconfig (esbuild does not type-check)
  if (r.code === 0 && existsSync(path.join(ROOT, 'src', 'webview', 'tsconfig.json')))
    r = await run(process.execPath, [tsc, '-p', 'src/webview', '--noEmit']);
  step('build', Date.now() - t, r.code === 0, '(esbuild or tsc failed: nothing else can run)');
  return r.code === 0;
}

/**
 * Delete compiled files whose source is gone (a deleted test must not run from a stale .js).
 * out/ is not wiped: another run in the same tree may be using it.
 */
function pruneStale(outDir) {
  for (const f of listFiles(outDir, '')) {
    const rel = path.relative(outDir, f);
    const base = rel.replace(/(\.d\.ts|\.js\.map|\.js|\.json)$/, '');
    const sources = rel.endsWith('.json') ? [rel] : [`${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.cts`];
    if (!sources.some((src) => existsSync(path.join(ROOT, src)))) rmSync(f, { force: true });
  }
}

// ------------------------------------------------------------------ lint
async function lint() {
  banner('lint: eslint ., prettier --check .');
  const t = Date.now();
  const r = await run(process.execPath, [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
  const f = await run(process.execPath, [
    path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
    '--check',
    '.',
  ]);
  step(
    'lint',
    Date.now() - t,
    r.code === 0 && f.code === 0,
    r.code !== 0 ? '(eslint found problems)' : '(files not formatted: npm run format)',
  );
}

// ------------------------------------------------------------------ unit
// The first time zone's output is streamed as it runs; every other time zone prints its counts
// as soon as it finishes, and its whole output only where it failed. The growth tests run once.
async function unit() {
  const files = listFiles(path.join(ROOT, 'out', 'test', 'unit'), '.test.js').filter(pickStems('unit'));
  const growth = files.filter((f) => GROWTH_TESTS.test(path.basename(f)));
  const dated = files.filter((f) => !growth.includes(f));
  banner(
    `unit: ${dated.length} file(s), TZ in ${TIME_ZONES.join(', ')}; ${growth.length} growth file(s) once${args.grep ? `; --grep ${args.grep}` : ''}`,
  );
  const zones = dated.length
    ? TIME_ZONES.map((tz, i) => ({ name: `unit TZ=${tz}`, files: dated, tz, stream: i === 0 }))
    : [];
  // the growth tests time stages, whatever the time zone: one job of their own, run alone once the
  // time zones are done, so that no other test of ours shares the machine while they measure
  // (V8's background threads stay on: with --single-threaded, the checks set beside a clean plan
  // measured 3.3-7.7x where they measure under 3x). With WORKBACK_GROWTH_LOG set, it streams: its
  // ratios are what was asked for.
  const growthJob = growth.length
    ? {
        name: 'unit growth',
        files: growth,
        tz: TIME_ZONES[0] ?? 'UTC',
        stream: Boolean(process.env.WORKBACK_GROWTH_LOG),
      }
    : undefined;
  const runOne = (job) => {
    const t = Date.now();
    return mochaChild(job.files, { env: { TZ: job.tz }, buffer: !job.stream, timeout: 60000 }).then((r) => {
      if (!job.stream && (r.code !== 0 || !r.stats)) {
        console.log(`\n--- ${job.name} (its whole output: it failed)`);
        process.stdout.write(r.output);
      }
      record(job.name, Date.now() - t, r.stats, !r.stats || (r.code !== 0 && !r.stats.failures));
    });
  };
  let next = 0;
  const lane = async () => {
    while (next < zones.length) await runOne(zones[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(UNIT_PARALLEL, zones.length) }, lane));
  if (growthJob) await runOne(growthJob);
}

// ------------------------------------------------------------------ VS Code
let harness;
/** The workbench's own start-up chatter, forwarded with the tests' output. */
const WORKBENCH_NOISE =
  /^(Ignoring fetching additional builtin extensions|Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache|ChatSessionStore:|\[Service Worker\]|Creation of workbench contribution)/;
async function install() {
  banner('install: a real VS Code (tools/vscode-runtime/install.sh)');
  const t = Date.now();
  const r = await run('bash', [path.join(ROOT, 'tools', 'vscode-runtime', 'install.sh')]);
  step('install', Date.now() - t, r.code === 0, '(the VS Code stages cannot run)');
  if (r.code !== 0) return false;
  harness = await import('../tools/vscode-runtime/lib.mjs');
  return true;
}

async function integration() {
  banner('integration: mocha in the VS Code extension host');
  const t = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-integration-'));
  const folder = path.join(tmp, 'workspace');
  cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  const resultsFile = path.join(tmp, 'results.json');
  let code = 1;
  let srv;
  try {
    const only = [
      ...(process.env.WORKBACK_TEST_ONLY ?? '').split(',').filter(Boolean),
      ...stemsFor(args, 'integration'),
    ];
    const picks = {
      ...(only.length ? { WORKBACK_TEST_ONLY: only.join(',') } : {}),
      ...(args.grep ? { WORKBACK_TEST_GREP: args.grep } : {}),
    };
    srv = harness.startServer({ env: { WORKBACK_TEST_RESULTS: resultsFile, NO_COLOR: '1', ...picks } });
    code = await harness.runExtensionTests({
      server: srv,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      folder,
      timeoutMs: 420000,
      screenshot: path.join(ROOT, 'test-results', 'integration-failure.png'),
      out: (line) => {
        if (!WORKBENCH_NOISE.test(line)) console.log(line);
      },
    });
  } catch (e) {
    console.error(`[test] integration: ${e && e.stack ? e.stack : e}`);
  }
  let stats;
  try {
    stats = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    stats = undefined;
  }
  // cut short (a hang, a crash of the extension host): what ran counts, plus one failure
  const crashed = !stats || !stats.finished || (code !== 0 && !stats.failures);
  if (srv) srv.stop({ removeState: !crashed && code === 0 });
  if (srv && code !== 0) console.log(`[test] VS Code server logs kept in ${srv.state}`);
  rmSync(tmp, { recursive: true, force: true });
  record('integration', Date.now() - t, stats, crashed);
}

async function e2e() {
  const only = (process.env.WORKBACK_TEST_ONLY ?? '').split(',').filter(Boolean);
  const named = pickStems('e2e');
  const picked = (f) => named(f) && (only.length === 0 || only.includes(path.basename(f, '.test.mjs')));
  const files = E2E_ORDER.map((n) => path.join(ROOT, 'test', 'e2e', `${n}.test.mjs`))
    .filter(existsSync)
    .filter(picked);
  const others = listFiles(path.join(ROOT, 'test', 'e2e'), '.test.mjs')
    .filter((f) => !files.includes(f))
    .filter(picked);
  banner(`e2e: ${[...files, ...others].map((f) => path.basename(f)).join(', ')}`);
  const t = Date.now();
  const shots = path.join(ROOT, 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  const r = await mochaChild([...files, ...others], { timeout: 180000, env: { WORKBACK_SCREENSHOTS: shots } });
  record('e2e', Date.now() - t, r.stats, !r.stats || (r.code !== 0 && !r.stats.failures));
}

// ------------------------------------------------------------------ main
try {
  if (await build()) {
    if (args.full) await lint();
    if (want('unit')) await unit();
    if (want('integration') || want('e2e')) {
      if (await install()) {
        if (want('integration')) await integration();
        if (want('e2e')) await e2e();
      }
    }
  }
} catch (e) {
  console.error(`[test] ${e && e.stack ? e.stack : e}`);
  results.push({ name: 'test.mjs', ms: 0, crashed: true, passed: 0, failed: 1, pending: 0 });
}

banner('summary');
for (const r of results) {
  const counts = r.step
    ? 'ok'.padEnd(39)
    : `passed ${String(r.passed).padStart(4)}  failed ${String(r.failed).padStart(3)}  pending ${String(r.pending).padStart(3)}`;
  console.log(`${r.name.padEnd(28)} ${counts}  ${secs(r.ms).padStart(8)}${r.crashed ? '  CRASHED' : ''}`);
  // named here too: a log cut to its last lines still says what failed, and why
  for (const f of r.failedTests ?? []) console.log(`  ✗ ${f.title}: ${String(f.error).split('\n')[0].slice(0, 400)}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`total time ${secs(Date.now() - t0)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
