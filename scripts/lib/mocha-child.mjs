// Runs mocha (bdd) over the files given in WORKBACK_MOCHA in this process and sends the
// runner's stats to the parent over IPC: { passes, failures, pending, tests, failed }, where failed
// names each failed test with the first line of its error (for the summary, which a cut log keeps).
// Used by scripts/test.mjs for the unit stage (once per TZ) and the e2e stage.
import Mocha from 'mocha';

const { files, timeout = 20000, color = false, grep } = JSON.parse(process.env.WORKBACK_MOCHA || '{}');
const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec', ...(grep ? { grep } : {}) });
mocha.color(color); // (the constructor only ever turns colors on)
for (const f of files) mocha.addFile(f);
try {
  await mocha.loadFilesAsync();
} catch (e) {
  console.error(`could not load the tests: ${e && e.stack ? e.stack : e}`);
  process.exit(3);
}
const failed = [];
const runner = mocha.run(() => {
  const s = runner.stats || {};
  const stats = {
    passes: s.passes || 0,
    failures: s.failures || 0,
    pending: s.pending || 0,
    tests: s.tests || 0,
    failed,
  };
  if (process.send) process.send(stats, () => process.exit(stats.failures ? 1 : 0));
  else process.exit(stats.failures ? 1 : 0);
});
runner.on('fail', (test, err) => {
  const message = String((err && err.message) || err).split('\n')[0];
  failed.push({ title: test.fullTitle(), error: message.length > 400 ? `${message.slice(0, 400)}…` : message });
});
