// Runs compiled mocha test files (out/test/integration/*.test.js) inside the real VS Code
// extension host of the project's harness, on a copy of the fixture workspace, and returns what
// the tests wrote to WORKBACK_BENCH_OUT (their numbers as JSON; undefined when they wrote none),
// with mocha's exit code.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runHostTests(testFile, { env = {}, log } = {}) {
  log ??= () => {};
  const harness = await import(path.join(ROOT, 'tools/vscode-runtime/lib.mjs'));
  if (!harness.isInstalled()) harness.install({ quiet: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-bench-'));
  const out = path.join(tmp, 'results.json');
  const runner = path.join(tmp, 'runner.js');
  writeFileSync(
    runner,
    `
const Mocha = (m => m.default || m)(require(${JSON.stringify(path.join(ROOT, 'node_modules', 'mocha'))}));
exports.run = async function () {
  const mocha = new Mocha({ ui: 'bdd', timeout: 300000, color: false, reporter: 'spec' });
  mocha.addFile(${JSON.stringify(path.join(ROOT, 'out', testFile))});
  await mocha.loadFilesAsync();
  await new Promise((resolve, reject) => mocha.run((n) => (n ? reject(new Error(n + ' failed')) : resolve())));
};`,
  );
  cpSync(path.join(ROOT, 'test/fixtures/workspace'), path.join(tmp, 'workspace'), { recursive: true });
  const srv = harness.startServer({ env: { ...env, WORKBACK_BENCH_OUT: out } });
  let code = 1;
  try {
    code = await harness.runExtensionTests({
      server: srv,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: runner,
      folder: path.join(tmp, 'workspace'),
      timeoutMs: 600000,
      out: log,
      err: log,
    });
  } finally {
    srv.stop({ removeState: true });
  }
  const results = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  rmSync(tmp, { recursive: true, force: true });
  return { code, results };
}
