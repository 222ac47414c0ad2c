/**
 * From a keystroke to published diagnostics on a 1,000-task plan, timed in the extension host.
 * Each keystroke breaks or mends an owner (`p9` <-> `p9x`, an unknown person), so the problems
 * really change. Two times per keystroke, both without the debounce (the wait for typing to pause):
 *  - published: from the change event to the diagnostics set on the collection (the extension's
 *    own work: the check, the schedule, the conversion, and every other subscriber's share);
 *  - seen: to vscode.languages.onDidChangeDiagnostics, after the trip through the workbench.
 * Goal (issue 4): under 50 ms median for "published". WORKBACK_BENCH_RUNS sets the number of
 * keystrokes (bench/extension.bench.mjs asks for more); WORKBACK_BENCH_OUT names a JSON file.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { benchPlan } from '../../bench/generate';
import { getApi } from './helpers';
import { closeScratch, posOf, scratchPlan } from './languageHelpers';

const RUNS = Number(process.env.WORKBACK_BENCH_RUNS) || 12;
const GOAL_MS = 50;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

describe('diagnostics: speed on a 1,000-task plan', function () {
  this.timeout(240000);
  after(closeScratch);

  it(`from a keystroke to published diagnostics: under ${GOAL_MS} ms of extension-host work`, async () => {
    const api = await getApi();
    const { doc, editor } = await scratchPlan(benchPlan(1000));
    assert.equal(api.planIndex.get(doc.uri)?.result?.plan?.tasks.length, 1000);
    const debounce = api.settings().debounceMs;
    const at = posOf(doc, 'owner: p9', 9, 99); // just after `p9`, in the 100th task owned by p9
    const key = doc.uri.toString();
    const published: number[] = [];
    const seen: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const broken = i % 2 === 0;
      let changedAt = 0;
      const typed = new Promise<void>((resolve) => {
        const s = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document !== doc) return;
          changedAt = performance.now();
          s.dispose();
          resolve();
        });
      });
      const set = new Promise<[number, number]>((resolve) => {
        const s = api.planIndex.onDidChange(({ changed }) => {
          const entry = changed.find((c) => c.uri.toString() === key && c.version === doc.version);
          if (!entry) return;
          s.dispose();
          resolve([performance.now(), entry.checkMs]); // this listener runs after the diagnostics' own (registered at activation)
        });
      });
      const arrived = new Promise<number>((resolve) => {
        const s = vscode.languages.onDidChangeDiagnostics((e) => {
          if (!e.uris.some((u) => u.toString() === key)) return;
          const hasError = vscode.languages
            .getDiagnostics(doc.uri)
            .some(
              (d) =>
                d.code !== undefined && String(typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-person',
            );
          if (hasError !== broken) return;
          s.dispose();
          resolve(performance.now());
        });
      });
      const ok = await editor.edit(
        (b) => (broken ? b.insert(at, 'x') : b.delete(new vscode.Range(at, at.translate(0, 1)))),
        { undoStopBefore: false, undoStopAfter: false },
      );
      assert.ok(ok, 'edit applied');
      await typed;
      const [[tSet, checkMs], tSeen] = await Promise.all([set, arrived]);
      if (i < 2) continue; // two warm-up keystrokes
      checks.push(checkMs);
      published.push(tSet - changedAt - debounce);
      seen.push(tSeen - changedAt - debounce);
    }
    const results = {
      'keystroke to published diagnostics (minus debounce)': median(published),
      'keystroke to onDidChangeDiagnostics (minus debounce)': median(seen),
      'of which the check (the core, as the index timed it)': median(checks),
    };
    for (const [name, ms] of Object.entries(results))
      console.log(`      ${name.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms median of ${published.length}`);
    console.log(`      (debounce ${debounce} ms; activate() took ${api.activationMs.toFixed(1)} ms)`);
    if (process.env.WORKBACK_BENCH_OUT)
      writeFileSync(
        process.env.WORKBACK_BENCH_OUT,
        JSON.stringify(
          {
            runs: published.length,
            tasks: 1000,
            debounceMs: debounce,
            activationMs: api.activationMs,
            medians: results,
          },
          null,
          2,
        ),
      );
    // The goal is checked by the bench on a quiet machine; under `npm test` the tests share the
    // CPU with everything else, so only a gross regression fails here.
    assert.ok(
      median(published) < GOAL_MS * 6,
      `published after ${median(published).toFixed(1)} ms (limit ${GOAL_MS * 6} ms)`,
    );
  });
});
