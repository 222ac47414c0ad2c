/**
 * Entry of the integration tests (extensionTestsPath): runs inside the real VS Code extension
 * host, loads every out/test/integration/**\/*.test.js into mocha (bdd) and reports the
 * runner's stats to the file named by WORKBACK_TEST_RESULTS (scripts/test.mjs reads it),
 * after every test and at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // WORKBACK_TEST_GREP: only the tests whose full title matches (npm test -- --grep X)
  const grep = process.env.WORKBACK_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, reporter: 'spec', ...(grep ? { grep } : {}) });
  (mocha as unknown as { color(on: boolean): void }).color(false); // mocha 12 API, missing from @types/mocha 10
  // WORKBACK_TEST_ONLY=timeline,edits: only those files (a quicker run while working on one part)
  const only = (process.env.WORKBACK_TEST_ONLY ?? '').split(',').filter(Boolean);
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && (only.length === 0 || only.includes(path.basename(f, '.test.js'))))
    .sort()
    .map((f) => path.join(__dirname, f));
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const resultsFile = process.env.WORKBACK_TEST_RESULTS;
  const failed: { title: string; error: string }[] = [];
  // written after every test, so a run cut short by a hang still reports what it did
  const report = (stats: Mocha.Stats | undefined, finished: boolean): void => {
    if (!resultsFile) return;
    const s = {
      passes: stats?.passes ?? 0,
      failures: stats?.failures ?? 0,
      pending: stats?.pending ?? 0,
      tests: stats?.tests ?? 0,
      finished,
      failed,
    };
    try {
      fs.writeFileSync(resultsFile, JSON.stringify(s));
    } catch {
      // the runner reads what it can
    }
  };
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      report(runner.stats, true);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, err: unknown) => {
      failed.push({ title: test.fullTitle(), error: err instanceof Error ? err.message : String(err) });
    });
    runner.on('test end', () => report(runner.stats, false));
  });
}
