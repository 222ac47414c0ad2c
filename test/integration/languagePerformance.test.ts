/**
 * Completion and hover on a 1,000-task plan, timed in the extension host: the providers
 * themselves (called directly on the index's current entry, so nothing is checked again) and
 * the whole round trip through vscode.execute*Provider. Goal: under 30 ms median each.
 * WORKBACK_BENCH_RUNS sets the number of runs (bench/language.bench.mjs asks for more);
 * WORKBACK_BENCH_OUT names a JSON file for the numbers.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { benchPlan } from '../../bench/generate';
import { PlanCompletionProvider } from '../../src/extension/language/completion';
import { PlanHoverProvider } from '../../src/extension/language/hover';
import { PlanDocuments } from '../../src/extension/language/planDocuments';
import { getApi } from './helpers';
import { closeScratch, completions, indexed, posOf, scratchPlan } from './languageHelpers';

const RUNS = Number(process.env.WORKBACK_BENCH_RUNS) || 15;
const GOAL_MS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function time(runs: number, f: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    await f();
    if (i >= 2) out.push(performance.now() - t); // two warm-up runs
  }
  return out;
}

describe('language: speed on a 1,000-task plan', function () {
  this.timeout(240000);
  after(closeScratch);

  it(`completion and hover: under ${GOAL_MS} ms median in the extension host (the providers)`, async () => {
    const api = await getApi();
    const text = benchPlan(1000);
    const { doc } = await scratchPlan(text);
    await indexed(doc);
    assert.ok(api.planIndex.get(doc.uri)?.result?.plan?.tasks.length === 1000);
    const docs = new PlanDocuments(api.planIndex as never, () => api.today.today);
    const completion = new PlanCompletionProvider(docs, () => api.today.today);
    const hover = new PlanHoverProvider(docs);
    // depends_on of the last task (about 990 candidates), an owner, a key slot, a task id
    const deps = posOf(doc, 'depends_on: [t998', 13);
    const owner = posOf(doc, 'owner: p9', 8, 99);
    const hoverAt = posOf(doc, 'id: t999', 5);
    const key = posOf(doc, 'id: t500', 0);
    const results: Record<string, number> = {};
    const runs: [string, () => unknown][] = [
      ['completion depends_on (provider)', () => completion.provideCompletionItems(doc, deps)],
      ['completion owner (provider)', () => completion.provideCompletionItems(doc, owner)],
      ['completion keys (provider)', () => completion.provideCompletionItems(doc, key)],
      ['hover task (provider)', () => hover.provideHover(doc, hoverAt)],
      ['completion depends_on (executeCompletionItemProvider)', () => completions(doc, deps)],
      ['completion owner (executeCompletionItemProvider)', () => completions(doc, owner)],
      [
        'hover task (executeHoverProvider)',
        () => vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, hoverAt),
      ],
    ];
    for (const [name, f] of runs) results[name] = median(await time(RUNS, f));
    const items = completion.provideCompletionItems(doc, deps).items;
    for (const [name, ms] of Object.entries(results))
      console.log(`      ${name.padEnd(56)} ${ms.toFixed(2).padStart(8)} ms median of ${RUNS}`);
    console.log(
      `      (${items.length} of about 1,100 ids sent for depends_on; checks made by the providers: ${docs.stats.checks}, results reused: ${docs.stats.reused})`,
    );
    if (process.env.WORKBACK_BENCH_OUT)
      writeFileSync(
        process.env.WORKBACK_BENCH_OUT,
        JSON.stringify(
          { runs: RUNS, tasks: 1000, medians: results, offered: items.length, checks: docs.stats.checks },
          null,
          2,
        ),
      );
    assert.equal(items.length, 200, 'the 200 nearest ids of about 1,100 (typing narrows them)');
    assert.equal(completion.provideCompletionItems(doc, deps).isIncomplete, true);
    assert.equal(docs.stats.checks, 0, 'the index entry is reused: nothing is checked again per request');
    // The goal is checked by the bench (a quiet machine); under `npm test` the tests share the CPU
    // with everything else, so only a gross regression fails here.
    const limit = process.env.WORKBACK_BENCH_RUNS ? GOAL_MS : GOAL_MS * 4;
    for (const [name, ms] of Object.entries(results))
      if (name.includes('(provider)')) assert.ok(ms < limit, `${name}: ${ms.toFixed(1)} ms (limit ${limit} ms)`);
    docs.dispose();
  });
});
