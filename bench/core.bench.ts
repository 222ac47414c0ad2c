/**
 * npm run bench: the core against the alternatives, in one run, medians side by side.
 *  - check: parse + positions + schema + semantic checks (what the editor runs on a keystroke)
 *  - check+schedule: the same with today's date (backward and forward passes, slack, late work);
 *    the date makes the plans late, so about 1,000 diagnostics (its ratio to the js-yaml load
 *    is printed on its own line: the goal is at most 2x at 1,000 and 10,000 tasks)
 *  - js-yaml load (core schema): the plain load by the fastest well-kept YAML parser
 *  - yaml parseDocument: the round-tripping Document most YAML tooling builds
 *  - schedulePlan alone on an already-built plan
 * Then the parse alone (text to source tree and plain value): the block engine (the check's
 * fast path), the `yaml` engine (its fallback), and js-yaml's event stream through the same
 * TreeBuilder (the fast path until the block engine; now only in the tests and here).
 * Then a cold pass: a fresh process checks 1,000 distinct 20-task plans (the sidebar
 * benchmark's workspace) once each, as the extension indexes a workspace.
 * Then the plans full of problems (issue 12's families, bench/problemPlans.ts): checkPlan on
 * each beside checkPlan on a clean plan of the same size, at 1,000 and 20,000 problems (that
 * section alone: node --expose-gc .bench/core.bench.js --problems, after npm run bench).
 * Peak memory (max RSS) is measured in a fresh process per measurement.
 */
import { spawnSync } from 'node:child_process';
import { load, CORE_SCHEMA } from 'js-yaml';
import { parseDocument } from 'yaml';
import { checkPlan, formatDay, parseDay, schedulePlan, type Day } from '../src/core';
import { parseText } from '../src/core/parse/parseText';
import { parseJsYaml } from '../test/unit/helpers/jsYamlEngine';
import { benchPlan } from './generate';
import { cleanPlan, PROBLEM_FAMILIES } from './problemPlans';

const today = parseDay('2027-03-01') as Day;

const subjects: Record<string, (text: string) => unknown> = {
  check: (t) => checkPlan(t),
  'check+schedule': (t) => checkPlan(t, { today }),
  'js-yaml load': (t) => load(t, { schema: CORE_SCHEMA }),
  'yaml parseDocument': (t) => parseDocument(t),
};

const parsers: Record<string, (text: string) => unknown> = {
  'block engine': (t) => parseText(t),
  'yaml engine': (t) => parseText(t, { engine: 'yaml' }),
  'js-yaml events': (t) => parseJsYaml(t),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Medians of each subject on `text`, run round-robin so that machine noise falls on every subject alike. */
function medians(fs: Record<string, (text: string) => unknown>, text: string, runs: number): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(fs)) {
    times[name] = [];
    fs[name]!(text);
    fs[name]!(text);
  }
  for (let r = 0; r < runs; r++) for (const [name, f] of Object.entries(fs)) times[name]!.push(time(() => f(text)));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(times)) out[k] = median(v);
  return out;
}

const runsFor = (n: number) => (n <= 100 ? 60 : n <= 1000 ? 25 : 11);

function measureTimes(n: number): Record<string, number> {
  const text = benchPlan(n);
  const runs = runsFor(n);
  const out = medians(subjects, text, runs);
  const plan = checkPlan(text).plan!;
  // a fresh plan object each time: the graph memoized per plan is rebuilt, as for a new text
  schedulePlan({ ...plan }, today);
  const sched: number[] = [];
  for (let r = 0; r < runs; r++) {
    const fresh = { ...plan };
    sched.push(time(() => schedulePlan(fresh, today)));
  }
  out.schedulePlan = median(sched);
  return out;
}

/** In a fresh process: 1,000 distinct plans of 20 tasks, each checked once with a date (milliseconds). */
async function coldPass(): Promise<number> {
  const { SIDEBAR_TODAY, sidebarPlan } = await import('./sidebarPlans.mjs'); // (an ES module: bench/sidebar.bench.mjs writes the same plans)
  const day = parseDay(SIDEBAR_TODAY) as Day;
  const texts = Array.from({ length: 1000 }, (_, i) => sidebarPlan(i, 20));
  return time(() => {
    for (const t of texts) checkPlan(t, { today: day });
  });
}

function coldPassMs(): number {
  const r = spawnSync(process.execPath, [__filename, '--cold'], { encoding: 'utf8' });
  return Number(/cold=([\d.]+)/.exec(r.stdout)?.[1]);
}

function peakMemoryMb(subject: string, n: number): number {
  const r = spawnSync(process.execPath, [__filename, '--memory', subject, String(n)], { encoding: 'utf8' });
  const kb = Number(/maxRSS=(\d+)/.exec(r.stdout)?.[1]);
  return kb / 1024;
}

function main(): void {
  if (process.argv[2] === '--cold') {
    void coldPass().then((ms) => console.log(`cold=${ms}`));
    return;
  }
  if (process.argv[2] === '--problems') {
    problemFamilies((x) => x.toFixed(x < 10 ? 2 : 1).padStart(9));
    return;
  }
  if (process.argv[2] === '--memory') {
    const f = subjects[process.argv[3]!]!;
    const text = benchPlan(Number(process.argv[4]));
    const base = process.resourceUsage().maxRSS;
    f(text);
    console.log(`maxRSS=${process.resourceUsage().maxRSS - base}`);
    return;
  }
  const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(9);
  console.log(`Workback core benchmark (node ${process.version}, medians in ms; lower is better)\n`);
  const header = [
    'tasks',
    'KB',
    ...Object.keys(subjects),
    'schedulePlan',
    'check/js-yaml',
    'check+sched/js-yaml',
    'yaml/check',
  ];
  console.log(header.map((h) => h.padStart(h.length > 9 ? h.length : 9)).join('  '));
  const goalRow: string[] = [];
  for (const n of [100, 1000, 10000]) {
    const t = measureTimes(n);
    if (n >= 1000)
      goalRow.push(
        `${n.toLocaleString('en-US')} tasks (${checkPlan(benchPlan(n), { today }).diagnostics.length} diagnostics): ${(t['check+schedule']! / t['js-yaml load']!).toFixed(2)}x`,
      );
    const row = [
      String(n).padStart(9),
      String(Math.round(benchPlan(n).length / 1024)).padStart(9),
      ...Object.keys(subjects).map((k) => fmt(t[k]!).padStart(k.length > 9 ? k.length : 9)),
      fmt(t.schedulePlan!).padStart(12),
      (t.check! / t['js-yaml load']!).toFixed(2).padStart(13) + 'x',
      (t['check+schedule']! / t['js-yaml load']!).toFixed(2).padStart(18) + 'x',
      (t['yaml parseDocument']! / t.check!).toFixed(1).padStart(9) + 'x',
    ];
    console.log(row.join('  '));
  }
  console.log(
    `\ncheckPlan with a late today (${formatDay(today)}) / js-yaml load, side by side: ${goalRow.join(', ')} (goal: at most 2x)`,
  );
  console.log('\nParsing alone (text to source tree and plain value), medians in ms:');
  console.log(
    ['tasks', ...Object.keys(parsers), 'js-yaml/block'].map((h) => h.padStart(Math.max(9, h.length))).join('  '),
  );
  for (const n of [100, 1000, 10000]) {
    const t = medians(parsers, benchPlan(n), runsFor(n));
    console.log(
      [
        String(n).padStart(9),
        ...Object.keys(parsers).map((k) => fmt(t[k]!).padStart(Math.max(9, k.length))),
        `${(t['js-yaml events']! / t['block engine']!).toFixed(1)}x`.padStart(13),
      ].join('  '),
    );
  }
  problemFamilies(fmt);
  const cold = [coldPassMs(), coldPassMs(), coldPassMs()].sort((a, b) => a - b);
  console.log(
    `\nCold pass, a fresh process checking 1,000 distinct 20-task plans once each: ${cold[1]!.toFixed(0)} ms (median of 3; ${cold.map((c) => c.toFixed(0)).join(', ')})`,
  );
  console.log('\nPeak memory (max RSS growth of a fresh process, MB) at 10,000 tasks:');
  for (const s of Object.keys(subjects)) console.log(`  ${s.padEnd(20)} ${peakMemoryMb(s, 10000).toFixed(0)} MB`);
  console.log(
    '\nGoals: check, and check+schedule with its late today, within 2x of the js-yaml load at 1,000 and 10,000 tasks; check+schedule at 1,000 tasks within 22 ms; schedulePlan under 50 ms at 10,000 tasks; the cold pass well under 1 s.',
  );
  console.log(
    'Reference points measured elsewhere on this machine kind: yaml-language-server ~100 ms (1,000 tasks) and ~950 ms (10,000) to publish schema diagnostics; TaskJuggler ~37 s to schedule 10,000 tasks.',
  );
}

/**
 * Each family of problems beside a clean plan of the same size, run round-robin. The fastest
 * run of each is shown: a run that follows the other's leaves its garbage to the collector, and
 * over a few milliseconds that noise is larger than the difference measured.
 */
function problemFamilies(fmt: (x: number) => string): void {
  console.log(
    '\nPlans full of problems: checkPlan on n problems of one kind / on a clean plan of the same size (fastest of 15, ms):',
  );
  console.log(['problems', 'KB', 'family', 'clean', 'ratio'].map((h) => h.padStart(9)).join('  ') + '  family');
  for (const n of [1000, 20000]) {
    for (const family of PROBLEM_FAMILIES) {
      const text = family.make(n);
      const clean = cleanPlan(text.length);
      let [t, base] = [Infinity, Infinity];
      for (let r = 0; r < 17; r++) {
        const [a, b] = [time(() => checkPlan(text)), time(() => checkPlan(clean))];
        if (r >= 2) [t, base] = [Math.min(t, a), Math.min(base, b)]; // two unmeasured rounds first
      }
      const row = [String(n).padStart(9), String(Math.round(text.length / 1024)).padStart(9), fmt(t), fmt(base)];
      console.log([...row, `${(t / base).toFixed(2)}x`.padStart(9), family.name].join('  '));
    }
  }
}

main();
