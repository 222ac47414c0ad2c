/**
 * Entry of the integration tests (extensionTestsPath): runs inside the real VS Code extension
 * host, loads every out/test/integration/**\/*.test.js into mocha (bdd) and reports the
 * runner's stats to the file named by WORKBACK_TEST_RESULTS (scripts/test.mjs reads it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, reporter: 'spec' });
  (mocha as unknown as { color(on: boolean): void }).color(false); // mocha 12 API, missing from @types/mocha 10
  const files = fs.readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f));
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const resultsFile = process.env.WORKBACK_TEST_RESULTS;
  const failures: { title: string; error: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      const stats = { passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0, tests: s?.tests ?? 0, duration: s?.duration ?? 0, failed: failures };
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(stats));
      if (stats.failures > 0) reject(new Error(`${stats.failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, err: unknown) => {
      failures.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) });
    });
  });
}
