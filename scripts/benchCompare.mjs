// npm run bench:compare -- REF [--runs N]: the core of git revision REF (before) against the
// working tree (after), side by side in one Node process, on the same generated plans: parse,
// check, and check with a late today (schedule included), at 1,000 and 10,000 tasks. The two
// builds alternate run by run, so the machine's drift falls on both alike; what is reported is
// the ratio after/before of the medians, with the spread of the per-round ratios.
//
// REF is checked out (read-only) into a temporary git worktree that shares this node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from './lib/nodeBundle.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ref = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
if (!ref || !Number.isInteger(RUNS) || RUNS < 3) {
  console.error('usage: npm run bench:compare -- REF [--runs N]   (REF: a commit, branch or tag; N >= 3, default 15)');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-compare-'));
const before = path.join(tmp, 'before');
try {
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', before, ref], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(before, 'node_modules'), 'dir');
  const requireBundle = createRequire(import.meta.url);
  /** Bundle a module made of these export lines, and load it. */
  const load = async (name, lines) => {
    const entry = path.join(tmp, `${name}.ts`);
    writeFileSync(entry, lines.join('\n') + '\n');
    const outfile = path.join(tmp, `${name}.js`);
    await esbuild.build({
      ...NODE_BUNDLE,
      entryPoints: [entry],
      outfile,
      nodePaths: [path.join(ROOT, 'node_modules')],
    });
    return requireBundle(outfile);
  };
  const core = (tree, name) =>
    load(name, [
      `export { checkPlan, parseDay } from ${JSON.stringify(path.join(tree, 'src/core'))};`,
      `export { parseText } from ${JSON.stringify(path.join(tree, 'src/core/parse/parseText'))};`,
    ]);
  const old = await core(before, 'before');
  const now = await core(ROOT, 'after');
  // the plans come from the working tree's generator, for both builds
  const plans = await load('plans', [
    `export { benchPlan } from ${JSON.stringify(path.join(ROOT, 'bench/generate'))};`,
  ]);
  compare(old, now, plans.benchPlan);
} finally {
  try {
    execFileSync('git', ['worktree', 'remove', '--force', before], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    // a worktree left behind is listed by `git worktree list` and pruned by `git worktree prune`
  }
  rmSync(tmp, { recursive: true, force: true });
}

function compare(old, now, benchPlan) {
  const today = now.parseDay('2027-03-01');
  const stages = {
    parse: (core, text) => core.parseText(text),
    check: (core, text) => core.checkPlan(text),
    'check+schedule': (core, text) => core.checkPlan(text, { today }),
  };
  console.log(`Core of ${ref} (before) against the working tree (after), alternating, ${RUNS} rounds; medians in ms\n`);
  console.log(
    ['tasks', 'stage', 'before', 'after', 'after/before', 'per-round ratios (min..max)']
      .map((h, i) => (i < 2 ? h.padEnd(i ? 16 : 7) : h.padStart(12)))
      .join('  '),
  );
  for (const n of [1000, 10000]) {
    const text = benchPlan(n);
    for (const [name, stage] of Object.entries(stages)) {
      for (let w = 0; w < 2; w++) {
        stage(old, text);
        stage(now, text);
      }
      const a = [];
      const b = [];
      for (let r = 0; r < RUNS; r++) {
        // which build goes first alternates too: the second of a pair may find the heap fuller
        const pair =
          r % 2
            ? [
                [b, now],
                [a, old],
              ]
            : [
                [a, old],
                [b, now],
              ];
        for (const [times, core] of pair) {
          // a full collection, then one run unmeasured: right after a collection V8's young
          // generation is small and a run costs up to 7x its steady time (test/unit/helpers/growth.ts)
          globalThis.gc?.();
          stage(core, text);
          const t = process.hrtime.bigint();
          stage(core, text);
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }
      const ratios = a.map((x, i) => b[i] / x).sort((x, y) => x - y);
      const row = [
        String(n).padEnd(7),
        name.padEnd(16),
        median(a).toFixed(1).padStart(12),
        median(b).toFixed(1).padStart(12),
        `${(median(b) / median(a)).toFixed(2)}x`.padStart(12),
        `${ratios[0].toFixed(2)}..${ratios[ratios.length - 1].toFixed(2)}`.padStart(12),
      ];
      console.log(row.join('  '));
    }
  }
}

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  return s[s.length >> 1];
}
