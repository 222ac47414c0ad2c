// Differential oracle (development only): Workback's scheduler against TaskJuggler 3 (`tj3`).
//
// Generates random plans (seeded) using the calendar features: workdays, plan holidays (days and
// `{ from, to }` ranges), change freezes (`calendar.freezes`, tagged and untagged), people's leave
// (`people.<id>.away`), durations in workdays, `depends_on` between tasks, task and milestone
// `due` and the goal's `due`; the plan's `start` and tasks' `not_before`; milestone `depends_on`,
// tasks depending on milestones, and checkpoints (milestones without tasks, with `depends_on`
// and `due`); `status: doing` with `remaining`. Each plan is scheduled by Workback (checkPlan, from the compiled
// core in out/) and by tj3, and every task's dates are compared:
//   - backward pass (ALAP): Workback's start/finish (LS/LF) against tj3 `scheduling alap` tasks;
//   - forward pass (ASAP) from today: earliestStart/earliestFinish (ES/EF) against tj3 ASAP tasks.
//
// The tj3 model, one project per plan holding both an ALAP and an ASAP copy of the tasks:
//   - plan workdays      -> project `workinghours` (9:00-12:00, 13:00-18:00 = 8 h, the default
//                           `dailyworkinghours`, on each workday; `off` on the others);
//   - holidays           -> global `leaves holiday` (they apply to every resource);
//   - a task             -> an `effort Nd` task with its own resource allocated (one resource per
//                           task and copy: Workback does no levelling, so nothing competes);
//   - owner's `away`     -> `leaves annual` on each resource of that owner's tasks;
//   - freezes            -> task `shifts` of a shift whose working hours are all `off`, over the
//                           (merged) freeze ranges whose tags the task has (or untagged ones);
//   - dependencies are flattened to tasks first (flatten): depending on a milestone is depending on
//     its tasks, a milestone's `depends_on` is every one of its tasks', and a checkpoint passes its
//     own dependencies on to what depends on it. A checkpoint's day is moved back to a workday of
//     the plan, but a task's calendar has no workday the plan lacks, so for the tasks it only
//     bounds what it depends on by its `due` (and the goal's) and by its successors' starts;
//   - ALAP: every task `precedes` its successors and a deadline milestone fixed at the start of
//           the day after min(goal due, task due, milestone due, due of every checkpoint that
//           depends on it), and is `scheduling alap`;
//   - ASAP: every task `depends` on its predecessors and on a milestone fixed at 00:00 of
//           max(today, start, not_before); a `doing` task with `remaining` depends only on a
//           milestone at today and has an effort of `remaining` days.
// Checkpoints' days are compared too (backward only): Workback's against the rule applied to
// tj3's latest starts of the tasks that depend on them (checkpointRows).
// A task's dates in tj3 are read from its bookings (an `export` report): the first and last
// booked day. So tj3's exclusive end instants never need interpreting, and the number of booked
// hours is checked too (duration x 8 h, or remaining x 8 h for a doing task's ASAP copy).
//
// Run (from the repository root; builds nothing unless --build):
//   npx tsc -p . && node scripts/oracle/tj3.mjs --runs 200
// Options:
//   --runs N     plans to generate (default 200)
//   --seed S     seed of the first plan (default 1); plan i uses seed S+i, so one plan can be
//                rerun alone with --seed S+i --runs 1
//   --jobs J     tj3 processes at once (default 2)
//   --build      run `npx tsc -p .` first
//   --keep       keep the work directory (the .tjp, the .yaml and tj3's output of every plan)
//   --verbose    print every plan's comparison, not only disagreements
//   --core DIR   the compiled core to test (default out/src/core; e.g. a mutated copy, to see
//                that the oracle catches a planted bug)
// Before the random plans, five plans worked out by hand (knownPlans: a freeze over a task's
// finish, leave over a due date, start and not_before, checkpoints and milestone depends_on,
// doing with remaining) are run: both sides must give the hand-computed dates.
// Exit status: 0 all agree; 1 some disagreement; 2 the oracle itself failed (tj3 error, a
// generated plan Workback rejects, a hand-worked plan tj3 gets wrong, ...).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TJ3 = process.env.TJ3 ?? 'tj3';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = { runs: 200, seed: 1, jobs: 2, build: false, keep: false, verbose: false, core: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      return v;
    };
    if (a === '--runs') opts.runs = num();
    else if (a === '--seed') opts.seed = num();
    else if (a === '--jobs') opts.jobs = Math.max(1, num());
    else if (a === '--build') opts.build = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--core') opts.core = resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${a} (see the header of ${fileURLToPath(import.meta.url)})`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Days: whole numbers (days since 1970-01-01), as in Workback, but computed here independently.

const MS_DAY = 86400000;
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / MS_DAY;
const iso = (d) => new Date(d * MS_DAY).toISOString().slice(0, 10);
/** 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (d) => (((d + 4) % 7) + 7) % 7;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const show = (d) => (d === undefined ? '—' : `${WEEKDAY_NAMES[weekdayOf(d)]} ${iso(d)}`);

/** Sorted, overlapping and adjacent ranges joined. */
function mergeRanges(ranges) {
  const out = [];
  for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random plans

/** mulberry32: small, seeded, good enough for test data. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // lo..hi included
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const TAGS = ['change', 'prod', 'db'];
const WORKWEEKS = [
  ['mon', 'tue', 'wed', 'thu', 'fri'],
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  ['sun', 'mon', 'tue', 'wed', 'thu'],
  ['mon', 'tue', 'wed', 'thu'],
  ['tue', 'thu', 'sat'],
];

/**
 * A plan as plain data (days as numbers). Holidays, freezes and leave cluster where the tasks
 * are likely to be (before the goal's due, after today) so that they actually meet them.
 */
function randomPlan(seed) {
  const r = rng(seed);
  const goalDue = dayOf('2026-06-01') + r.int(0, 900);
  const today = goalDue - r.int(0, 120);
  // a day where the tasks are likely to be: before the goal's due (the backward pass) or after
  // today (the forward pass)
  const near = () => (r.chance(0.5) ? goalDue - r.int(-3, 60) : today + r.int(-3, 60));
  const range = (maxLen) => {
    const from = near();
    return { from, to: from + r.int(0, maxLen - 1) };
  };
  const workdays = r.chance(0.7) ? WORKWEEKS[0] : r.pick(WORKWEEKS);

  const holidays = [];
  for (let i = r.int(0, 3); i > 0; i--) holidays.push(r.chance(0.5) ? { day: near() } : range(10));

  const freezes = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const f = range(15);
    f.tags = r.chance(0.3) ? [] : TAGS.filter(() => r.chance(0.4));
    if (!f.tags.length && r.chance(0.5)) f.tags = [r.pick(TAGS)];
    freezes.push(f);
  }

  const people = [];
  const nPeople = r.int(1, 3);
  for (let i = 0; i < nPeople; i++) {
    const away = [];
    for (let j = r.int(0, 2); j > 0; j--) away.push(r.chance(0.2) ? { day: near() } : range(12));
    people.push({ id: `p${i}`, away });
  }

  const nTasks = r.int(1, 12);
  const nMilestones = r.int(1, Math.min(3, nTasks));
  const milestones = [];
  for (let m = 0; m < nMilestones; m++) {
    milestones.push({ id: `m${m}`, due: r.chance(0.15) ? goalDue - r.int(0, 60) : undefined, tasks: [] });
  }
  const tasks = [];
  for (let i = 0; i < nTasks; i++) {
    // depends only on earlier tasks: a DAG
    const deps = [];
    for (let j = 0; j < i; j++) if (r.chance(Math.min(0.5, 1.5 / i))) deps.push(tasks[j].id);
    const task = {
      id: `t${i + 1}`,
      owner: r.pick(people).id,
      duration: r.int(1, 8),
      deps,
      due: r.chance(0.25) ? goalDue - r.int(0, 60) : undefined,
      tags: TAGS.filter(() => r.chance(0.3)),
      milestone: milestones[i < nMilestones ? i : r.int(0, nMilestones - 1)],
    };
    tasks.push(task);
    task.milestone.tasks.push(task);
  }
  // Later features, drawn after the rest (so the draws above stay as they were): the plan's
  // `start`, tasks' `not_before`, checkpoints, milestone `depends_on`, tasks depending on
  // milestones, and `status: doing` with `remaining`.
  const start = r.chance(0.3) ? today + r.int(-10, 30) : undefined;
  for (const t of tasks) {
    if (r.chance(0.25)) t.notBefore = today + r.int(-5, 40);
    if (r.chance(0.15)) {
      t.doing = true;
      t.remaining = r.int(1, t.duration + 1);
    }
  }
  for (let c = r.int(0, 2); c > 0; c--) {
    milestones.push({ id: `c${c}`, due: r.chance(0.4) ? goalDue - r.int(0, 60) : undefined, tasks: [], deps: [] });
  }
  const items = [...tasks, ...milestones];
  for (const m of milestones) m.deps ??= [];
  // random extra edges, each kept only if the plan stays acyclic
  const tryDep = (from, to) => {
    if (from === to || from.deps.includes(to.id)) return;
    from.deps.push(to.id);
    if (hasCycle({ tasks, milestones })) from.deps.pop();
  };
  for (let i = r.int(0, 4); i > 0; i--) tryDep(r.pick(milestones), r.pick(items));
  for (let i = r.int(0, 3); i > 0; i--) tryDep(r.pick(tasks), r.pick(milestones));
  return { seed, goalDue, today, start, workdays, holidays, freezes, people, milestones, tasks };
}

const isCheckpoint = (m) => m.tasks.length === 0;

/**
 * Whether the dependencies hold a cycle. Nodes: tasks and milestones. A task depends on its own
 * `depends_on` and its milestone's; a milestone with tasks stands for all of them (it depends on
 * each); a checkpoint depends on its `depends_on`.
 */
function hasCycle(p) {
  const edges = new Map();
  for (const t of p.tasks) edges.set(t.id, [...t.deps, ...(t.milestone.deps ?? [])]);
  for (const m of p.milestones) edges.set(m.id, isCheckpoint(m) ? [...(m.deps ?? [])] : m.tasks.map((t) => t.id));
  const state = new Map(); // 1 visiting, 2 done
  const visit = (id) => {
    if (state.get(id) === 2) return false;
    if (state.get(id) === 1) return true;
    state.set(id, 1);
    for (const d of edges.get(id)) if (visit(d)) return true;
    state.set(id, 2);
    return false;
  };
  return [...edges.keys()].some(visit);
}

/**
 * The dependencies flattened to tasks, computed here from the rules in docs/format.md
 * ("Dependencies"): `preds` of a task are the tasks it must follow (directly, through a
 * milestone, through its milestone's `depends_on` and through checkpoints, transitively);
 * `cpDue` is the earliest `due` of a checkpoint that (transitively) depends on the task.
 * A checkpoint's day is the earliest of its due, the goal's due, the day before each successor
 * task's LS and the day of each successor checkpoint, moved back to a workday of the plan; a task's
 * calendar has no workday the plan lacks, so "finish on or before that day" is the same as
 * "finish before each successor task's LS and by every such due and the goal's due".
 */
function flatten(p) {
  const byId = new Map([...p.tasks, ...p.milestones].map((x) => [x.id, x]));
  const memo = new Map();
  /** The tasks that depending on `id` means depending on. */
  const resolve = (id) => {
    if (memo.has(id)) return memo.get(id);
    const x = byId.get(id);
    let out;
    if (x.milestone) out = new Set([id]);
    else if (!isCheckpoint(x)) out = new Set(x.tasks.map((t) => t.id));
    else out = new Set((x.deps ?? []).flatMap((d) => [...resolve(d)]));
    memo.set(id, out);
    return out;
  };
  const preds = new Map();
  for (const t of p.tasks) {
    preds.set(t.id, [...new Set([...t.deps, ...(t.milestone.deps ?? [])].flatMap((d) => [...resolve(d)]))]);
  }
  const cpDue = new Map();
  for (const c of p.milestones) {
    if (!isCheckpoint(c) || c.due === undefined) continue;
    for (const id of resolve(c.id)) cpDue.set(id, Math.min(cpDue.get(id) ?? Infinity, c.due));
  }
  return { preds, cpDue };
}

/**
 * Two plans worked out by hand, run before the random ones: both Workback and tj3 must give
 * these dates, or the model (not only one side) is wrong. Dates: LS, LF, ES, EF.
 */
function knownPlans() {
  const d = dayOf;
  // without `milestones`, every task is in one milestone m0; with them, `tasks` is filled from theirs
  const plan = (seed, fields) => {
    const p = { seed, workdays: WORKWEEKS[0], holidays: [], freezes: [], ...fields };
    if (!p.milestones) p.milestones = [{ id: 'm0', tasks: p.tasks }];
    p.tasks = [];
    for (const m of p.milestones) {
      m.deps ??= [];
      for (const t of m.tasks) {
        Object.assign(t, { deps: t.deps ?? [], tags: t.tags ?? [], milestone: m });
        p.tasks.push(t);
      }
    }
    return p;
  };
  return [
    {
      // A freeze over the goal's week: the task finishes the Friday before it (backward), and
      // from Thursday 10 it stops for the freeze and ends on Monday 21 (forward).
      what: 'a freeze over the finish',
      plan: plan('known-freeze', {
        goalDue: d('2026-12-18'),
        today: d('2026-12-10'),
        freezes: [{ from: d('2026-12-14'), to: d('2026-12-18'), tags: ['change'] }],
        people: [{ id: 'p0', away: [] }],
        tasks: [{ id: 't1', owner: 'p0', duration: 3, tags: ['change'] }],
      }),
      expect: { t1: ['2026-12-09', '2026-12-11', '2026-12-10', '2026-12-21'] },
    },
    {
      // Leave Mon 7 - Thu 10 over t2's due (Wed 9): t2 ends Friday 4 (backward); from Friday 4
      // it does one day, then waits for Friday 11 (forward); t3 follows on Monday 14.
      what: 'leave over a due date',
      plan: plan('known-leave', {
        goalDue: d('2026-12-18'),
        today: d('2026-12-04'),
        people: [
          { id: 'p0', away: [] },
          { id: 'p1', away: [{ from: d('2026-12-07'), to: d('2026-12-10') }] },
        ],
        tasks: [
          { id: 't2', owner: 'p1', duration: 2, due: d('2026-12-09') },
          { id: 't3', owner: 'p0', duration: 1, deps: ['t2'] },
        ],
      }),
      expect: {
        t2: ['2026-12-03', '2026-12-04', '2026-12-04', '2026-12-11'],
        t3: ['2026-12-18', '2026-12-18', '2026-12-14', '2026-12-14'],
      },
    },
    {
      // Today Tue 1, start Thu 3: t2 starts on Thu 3 (forward); t1 not before Sat 5 starts on
      // Monday 7, and t3 after it on Wed 9. Backward, neither moves anything.
      what: 'start and not_before',
      plan: plan('known-not-before', {
        goalDue: d('2026-12-18'),
        today: d('2026-12-01'),
        start: d('2026-12-03'),
        people: [{ id: 'p0', away: [] }],
        tasks: [
          { id: 't1', owner: 'p0', duration: 2, notBefore: d('2026-12-05') },
          { id: 't2', owner: 'p0', duration: 1 },
          { id: 't3', owner: 'p0', duration: 1, deps: ['t1'] },
        ],
      }),
      expect: {
        t1: ['2026-12-16', '2026-12-17', '2026-12-07', '2026-12-08'],
        t2: ['2026-12-18', '2026-12-18', '2026-12-03', '2026-12-03'],
        t3: ['2026-12-18', '2026-12-18', '2026-12-09', '2026-12-09'],
      },
    },
    {
      // Milestone m1 depends on checkpoint c1, which depends on m0 (t1). Backward: t2 (5 days)
      // starts Mon 14, so c1's day is Sun 13, moved back to Fri 11; checkpoint c2 (due Wed 9,
      // depending on t1) is earlier still: t1 finishes Wed 9. Forward from Tue 1: t1 Tue 1 - Wed 2,
      // c1 passes on Wed 2, t2 and t3 start Thu 3.
      what: 'checkpoints and milestone depends_on',
      plan: plan('known-checkpoint', {
        goalDue: d('2026-12-18'),
        today: d('2026-12-01'),
        people: [{ id: 'p0', away: [] }],
        milestones: [
          { id: 'm0', tasks: [{ id: 't1', owner: 'p0', duration: 2 }] },
          { id: 'c1', tasks: [], deps: ['m0'] },
          { id: 'c2', tasks: [], deps: ['t1'], due: d('2026-12-09') },
          {
            id: 'm1',
            deps: ['c1'],
            tasks: [
              { id: 't2', owner: 'p0', duration: 5 },
              { id: 't3', owner: 'p0', duration: 1 },
            ],
          },
        ],
      }),
      expect: {
        t1: ['2026-12-08', '2026-12-09', '2026-12-01', '2026-12-02'],
        t2: ['2026-12-14', '2026-12-18', '2026-12-03', '2026-12-09'],
        t3: ['2026-12-18', '2026-12-18', '2026-12-03', '2026-12-03'],
        c1: ['2026-12-11', '2026-12-11', null, null],
        c2: ['2026-12-09', '2026-12-09', null, null],
      },
    },
    {
      // Today Sat 5, start Tue 8. t2 is doing with 2 days left: Mon 7 - Tue 8, though it depends
      // on t1 and may not start before Thu 10; t3 follows it on Wed 9. t1 waits for the start:
      // Tue 8 - Wed 9. Backward t2 keeps its 4 days: Mon 14 - Thu 17.
      what: 'doing with remaining',
      plan: plan('known-remaining', {
        goalDue: d('2026-12-18'),
        today: d('2026-12-05'),
        start: d('2026-12-08'),
        people: [{ id: 'p0', away: [] }],
        tasks: [
          { id: 't1', owner: 'p0', duration: 2 },
          { id: 't2', owner: 'p0', duration: 4, deps: ['t1'], notBefore: d('2026-12-10'), doing: true, remaining: 2 },
          { id: 't3', owner: 'p0', duration: 1, deps: ['t2'] },
        ],
      }),
      expect: {
        t1: ['2026-12-10', '2026-12-11', '2026-12-08', '2026-12-09'],
        t2: ['2026-12-14', '2026-12-17', '2026-12-07', '2026-12-08'],
        t3: ['2026-12-18', '2026-12-18', '2026-12-09', '2026-12-09'],
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The plan as Workback YAML

const yamlRange = (x) => (x.day !== undefined ? iso(x.day) : `{ from: ${iso(x.from)}, to: ${iso(x.to)} }`);
const list = (xs) => `[${xs.join(', ')}]`;

function toYaml(p) {
  const out = [
    'workback: 1',
    `title: Oracle plan ${p.seed}`,
    `goal: { outcome: Done, measure: Shown, due: ${iso(p.goalDue)}, owner: p0 }`,
    ...(p.start !== undefined ? [`start: ${iso(p.start)}`] : []),
    'calendar:',
    `  workdays: ${list(p.workdays)}`,
  ];
  if (p.holidays.length) out.push(`  holidays: ${list(p.holidays.map(yamlRange))}`);
  if (p.freezes.length) {
    out.push('  freezes:');
    for (const f of p.freezes) {
      const tags = f.tags.length ? `, tags: ${list(f.tags)}` : '';
      out.push(`    - { from: ${iso(f.from)}, to: ${iso(f.to)}${tags} }`);
    }
  }
  out.push('people:');
  for (const person of p.people) {
    const away = person.away.length ? `, away: ${list(person.away.map(yamlRange))}` : '';
    out.push(`  ${person.id}: { name: Person ${person.id}, capacity: 99${away} }`);
  }
  out.push('milestones:');
  for (const m of p.milestones) {
    out.push(`  - id: ${m.id}`, `    title: Milestone ${m.id}`);
    if (m.due !== undefined) out.push(`    due: ${iso(m.due)}`);
    if (m.deps?.length) out.push(`    depends_on: ${list(m.deps)}`);
    if (isCheckpoint(m)) continue;
    out.push('    tasks:');
    for (const t of m.tasks) {
      const fields = [`id: ${t.id}`, `title: Task ${t.id}`, `owner: ${t.owner}`, `duration: ${t.duration}d`];
      if (t.deps.length) fields.push(`depends_on: ${list(t.deps)}`);
      if (t.due !== undefined) fields.push(`due: ${iso(t.due)}`);
      if (t.notBefore !== undefined) fields.push(`not_before: ${iso(t.notBefore)}`);
      if (t.doing) fields.push('status: doing', `remaining: ${t.remaining}d`);
      if (t.tags.length) fields.push(`tags: ${list(t.tags)}`);
      out.push(`      - { ${fields.join(', ')} }`);
    }
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// The plan as a TaskJuggler project

const asRange = (x) => (x.day !== undefined ? { from: x.day, to: x.day } : x);
/** A tj3 interval covering the days from..to (both included). */
const interval = (r) => `${iso(r.from)} +${r.to - r.from + 1}d`;

/** The freeze ranges that take days out of this task's calendar, merged (tj3 shifts may not overlap). */
function freezesOf(p, task) {
  return mergeRanges(p.freezes.filter((f) => !f.tags.length || f.tags.some((tag) => task.tags.includes(tag))));
}

/** Every task's bound in the backward pass, before successors: min(goal, task, milestone due). */
const boundOf = (p, t, flat) =>
  Math.min(p.goalDue, t.due ?? Infinity, t.milestone.due ?? Infinity, flat.cpDue.get(t.id) ?? Infinity);
/** The floor of a task's forward pass: today, or for a task not `doing`, max(today, start, not_before). */
const floorOf = (p, t) => (t.doing ? p.today : Math.max(p.today, p.start ?? -Infinity, t.notBefore ?? -Infinity));

function toTjp(p) {
  const off = [...p.holidays, ...p.freezes, ...p.people.flatMap((q) => q.away)].map(asRange);
  const flat = flatten(p);
  const days = [p.goalDue, p.today, ...off.map((r) => r.from), ...off.map((r) => r.to)];
  if (p.start !== undefined) days.push(p.start);
  for (const t of p.tasks) if (t.notBefore !== undefined) days.push(t.notBefore);
  for (const x of [...p.tasks, ...p.milestones]) if (x.due !== undefined) days.push(x.due);
  // Room before and after every date for the longest chain of tasks, all of it, with every day
  // off in the way. tj3 takes longer the longer the project, so no more than that.
  const work = p.tasks.reduce((n, t) => n + t.duration + (t.remaining ?? 0), 0);
  const daysOff = off.reduce((n, r) => n + r.to - r.from + 1, 0);
  const margin = Math.ceil(work / p.workdays.length) * 7 + 7 + daysOff;
  const projectStart = Math.min(...days) - margin;
  const projectEnd = Math.max(...days) + margin;
  const succ = new Map(p.tasks.map((t) => [t.id, []]));
  for (const t of p.tasks) for (const d of flat.preds.get(t.id)) succ.get(d).push(t.id);
  const person = new Map(p.people.map((q) => [q.id, q]));

  const out = [
    `project oracle "Oracle plan ${p.seed}" ${iso(projectStart)} - ${iso(projectEnd)} {`,
    '  timezone "UTC"',
    '  timingresolution 60min',
    '  dailyworkinghours 8',
  ];
  for (let w = 0; w < 7; w++) {
    const on = p.workdays.includes(WEEKDAYS[w]);
    out.push(`  workinghours ${WEEKDAYS[w]} ${on ? '9:00 - 12:00, 13:00 - 18:00' : 'off'}`);
  }
  out.push('}', 'shift frozen "Change freeze" { workinghours mon - sun off }');
  for (const h of p.holidays) out.push(`leaves holiday "holiday" ${interval(asRange(h))}`);

  for (const copy of ['alap', 'asap']) {
    for (const t of p.tasks) {
      const away = person.get(t.owner).away.map((x) => `leaves annual ${interval(asRange(x))}`);
      out.push(`resource r_${copy}_${t.id} "${t.owner} for ${t.id} (${copy})" { ${away.join(' ')} }`);
    }
  }

  for (const t of p.tasks) {
    out.push(`task due_${t.id} "Bound of ${t.id}" { start ${iso(boundOf(p, t, flat) + 1)} }`);
    out.push(`task floor_${t.id} "Floor of ${t.id}" { start ${iso(floorOf(p, t))} }`);
  }
  for (const copy of ['alap', 'asap']) {
    for (const t of p.tasks) {
      const effort = copy === 'asap' && t.doing ? t.remaining : t.duration;
      const attrs = [`effort ${effort}d`, `allocate r_${copy}_${t.id}`];
      const frozen = freezesOf(p, t);
      if (frozen.length) attrs.push(`shifts ${frozen.map((f) => `frozen ${interval(f)}`).join(', ')}`);
      if (copy === 'alap') {
        attrs.push(`precedes ${[`due_${t.id}`, ...succ.get(t.id).map((s) => `alap_${s}`)].join(', ')}`);
        attrs.push('scheduling alap');
      } else {
        // a `doing` task has started: only today holds it back
        const preds = t.doing ? [] : flat.preds.get(t.id).map((d) => `asap_${d}`);
        attrs.push(`depends ${[`floor_${t.id}`, ...preds].join(', ')}`);
        attrs.push('scheduling asap');
      }
      out.push(`task ${copy}_${t.id} "${t.id} (${copy})" {\n  ${attrs.join('\n  ')}\n}`);
    }
  }
  out.push('export "bookings" { definitions - taskattributes booking resourceattributes - }');
  return out.join('\n') + '\n';
}

/** Booked days and hours per task from tj3's export (`supplement task X { booking r D-HH:MM-+0000 + 8.0h, ... }`). */
function parseBookings(text) {
  const byTask = new Map();
  let current;
  for (const line of text.split('\n')) {
    const head = /^supplement task (\S+) \{/.exec(line);
    if (head) {
      current = { days: new Set(), hours: 0 };
      byTask.set(head[1], current);
    }
    const m = /(\d{4}-\d\d-\d\d)-\d\d:\d\d(?::\d\d)?-[+-]\d{4} \+ ([\d.]+)h/.exec(line);
    if (m && current) {
      current.days.add(dayOf(m[1]));
      current.hours += Number(m[2]);
    }
  }
  const out = new Map();
  for (const [id, b] of byTask) {
    const days = [...b.days].sort((x, y) => x - y);
    out.set(id, { first: days[0], last: days[days.length - 1], hours: b.hours });
  }
  return out;
}

function runTj3(dir) {
  return new Promise((done) => {
    const child = spawn(TJ3, ['--no-color', '--silent', 'plan.tjp'], { cwd: dir });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', (e) => done({ code: -1, output: String(e) }));
    child.on('close', (code) => done({ code, output: (stdout + stderr).trim() }));
  });
}

// ---------------------------------------------------------------------------------------------
// Workback

function loadCore(dir = join(ROOT, 'out', 'src', 'core')) {
  const entry = join(dir, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} not found: build first (npx tsc -p .) or pass --build`);
  return createRequire(import.meta.url)(entry);
}

function workback(core, yaml, today) {
  const { diagnostics, schedule } = core.checkPlan(yaml, { today: core.parseDay(iso(today)) });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const items = new Map();
  for (const it of schedule?.items ?? []) items.set(it.id, it);
  return { errors, items };
}

// ---------------------------------------------------------------------------------------------
// Comparing

const FIELDS = [
  ['LS', 'start', 'alap', 'first'],
  ['LF', 'finish', 'alap', 'last'],
  ['ES', 'earliestStart', 'asap', 'first'],
  ['EF', 'earliestFinish', 'asap', 'last'],
];

/** One row per task: Workback's and tj3's four dates, and what differs. */
function compare(p, wb, booked) {
  const rows = [];
  const problems = [];
  for (const t of p.tasks) {
    const it = wb.items.get(t.id);
    const row = { id: t.id, wb: {}, tj: {}, diff: [] };
    for (const [name, wbKey, copy, end] of FIELDS) {
      const b = booked.get(`${copy}_${t.id}`);
      row.wb[name] = it?.[wbKey] ?? undefined;
      row.tj[name] = b?.[end];
      if (row.wb[name] !== row.tj[name]) row.diff.push(name);
    }
    for (const copy of ['alap', 'asap']) {
      const hours = booked.get(`${copy}_${t.id}`)?.hours ?? 0;
      const want = (copy === 'asap' && t.doing ? t.remaining : t.duration) * 8;
      if (hours !== want) problems.push(`tj3 booked ${hours} h for ${copy}_${t.id}, not ${want}`);
    }
    rows.push(row);
  }
  const cpRows = checkpointRows(p, wb, rows);
  return { rows, cpRows, problems, disagrees: [...rows, ...cpRows].some((r) => r.diff.length) };
}

/**
 * Checkpoints (backward only; they have no earliest dates in Workback): the day by the rule in
 * docs/format.md, worked out from tj3's latest starts of the tasks that depend on each: the
 * earliest of its own due, the goal's due, the day before the LS of each task that depends on it
 * (directly or through its milestone's depends_on) and the day of each checkpoint that depends on
 * it, moved back to a workday of the plan's calendar.
 */
function checkpointRows(p, wb, taskRows) {
  const holidays = p.holidays.map(asRange);
  const planWorkday = (d) =>
    p.workdays.includes(WEEKDAYS[weekdayOf(d)]) && !holidays.some((h) => d >= h.from && d <= h.to);
  const tjLS = new Map(taskRows.map((r) => [r.id, r.tj.LS]));
  const day = new Map();
  const dayOfCp = (c) => {
    if (day.has(c.id)) return day.get(c.id);
    let d = Math.min(p.goalDue, c.due ?? Infinity);
    for (const t of p.tasks) {
      if (t.deps.includes(c.id) || (t.milestone.deps ?? []).includes(c.id)) d = Math.min(d, tjLS.get(t.id) - 1);
    }
    for (const m of p.milestones) if (isCheckpoint(m) && (m.deps ?? []).includes(c.id)) d = Math.min(d, dayOfCp(m));
    while (!planWorkday(d)) d--;
    day.set(c.id, d);
    return d;
  };
  const rows = [];
  for (const c of p.milestones.filter(isCheckpoint)) {
    const it = wb.items.get(c.id);
    const row = { id: c.id, wb: {}, tj: {}, diff: [] };
    const d = dayOfCp(c);
    for (const [name, wbKey] of FIELDS) {
      row.wb[name] = it?.[wbKey] ?? undefined;
      row.tj[name] = name === 'LS' || name === 'LF' ? d : undefined;
      if (row.wb[name] !== row.tj[name]) row.diff.push(name);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * How much of the calendar the plan really exercised: per kind of day off, the tasks whose
 * Workback window (LS..LF or ES..EF) holds one of those days on a weekday that is a workday.
 */
function coverage(p, rows, counts) {
  const inside = (r, a, b) => r.to >= a && r.from <= b;
  const onWorkday = (r, a, b) => {
    for (let d = Math.max(r.from, a); d <= Math.min(r.to, b); d++)
      if (p.workdays.includes(WEEKDAYS[weekdayOf(d)])) return true;
    return false;
  };
  for (const row of rows) {
    const t = p.tasks.find((x) => x.id === row.id);
    const away = p.people.find((q) => q.id === t.owner).away.map(asRange);
    const kinds = { holiday: p.holidays.map(asRange), freeze: freezesOf(p, t), leave: away };
    for (const [kind, ranges] of Object.entries(kinds)) {
      for (const [a, b] of [
        [row.wb.LS, row.wb.LF],
        [row.wb.ES, row.wb.EF],
      ]) {
        if (a !== undefined && ranges.some((r) => inside(r, a, b) && onWorkday(r, a, b))) {
          counts[kind]++;
          break;
        }
      }
    }
    counts.tasks++;
  }
  // the later features, counted where they decide a date (by Workback's dates)
  const flat = flatten(p);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const t of p.tasks) {
    const preds = flat.preds.get(t.id);
    const afterPreds = Math.max(-Infinity, ...preds.map((d) => byId.get(d).wb.EF + 1));
    const floor = floorOf(p, t);
    // start / not_before: the floor is later than today and every predecessor
    if (!t.doing && floor > p.today && floor > afterPreds) counts.floor++;
    // dependencies that come only through a milestone's depends_on or a checkpoint
    if (preds.some((d) => !t.deps.includes(d))) counts.indirect++;
    // a checkpoint's due is the tightest bound on the task
    const cp = flat.cpDue.get(t.id);
    if (cp !== undefined && cp < Math.min(p.goalDue, t.due ?? Infinity, t.milestone.due ?? Infinity)) counts.cpDue++;
    // doing: something it no longer waits for would have held it back
    if (t.doing && (floor > p.today || afterPreds > p.today)) counts.doing++;
  }
}

function table(rows) {
  const lines = [`  task   ${FIELDS.map(([n]) => `${n} workback / tj3`.padEnd(34)).join('')}`];
  for (const r of rows) {
    const cells = FIELDS.map(([n]) => {
      const mark = r.diff.includes(n) ? '≠' : ' ';
      return `${mark}${show(r.wb[n])} / ${show(r.tj[n])}`.padEnd(34);
    });
    lines.push(`  ${r.id.padEnd(6)} ${cells.join('')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    const b = spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npx tsc -p . failed');
  }
  const core = loadCore(opts.core);
  const work = mkdtempSync(join(tmpdir(), 'workback-tj3-'));
  const started = Date.now();
  let agreed = 0;
  const disagreements = [];
  const failures = [];
  /** Hand-worked plans on which Workback gives other dates than the hand (counted as disagreements). */
  const handWrong = [];
  const covered = { tasks: 0, holiday: 0, freeze: 0, leave: 0, floor: 0, indirect: 0, cpDue: 0, doing: 0 };

  /** Schedule one plan both ways; returns the rows, or undefined when the oracle failed. */
  const run = async (p) => {
    const yaml = toYaml(p);
    const dir = join(work, String(p.seed));
    mkdirSync(dir);
    writeFileSync(join(dir, 'plan.workback.yaml'), yaml);
    writeFileSync(join(dir, 'plan.tjp'), toTjp(p));
    const wb = workback(core, yaml, p.today);
    if (wb.errors.length) {
      const list = wb.errors.map((e) => `  ${e.code}: ${e.message}`).join('\n');
      failures.push({ seed: p.seed, yaml, why: `Workback rejects the plan:\n${list}` });
      return undefined;
    }
    const tj = await runTj3(dir);
    if (tj.code !== 0 || !existsSync(join(dir, 'bookings.tji'))) {
      failures.push({ seed: p.seed, yaml, why: `tj3 failed (exit ${tj.code}) in ${dir}:\n${tj.output}` });
      return undefined;
    }
    const result = compare(p, wb, parseBookings(readFileSync(join(dir, 'bookings.tji'), 'utf8')));
    if (result.problems.length) failures.push({ seed: p.seed, yaml, why: result.problems.join('\n') });
    if (opts.verbose)
      console.log(
        `seed ${p.seed}: ${result.disagrees ? 'DISAGREE' : 'agree'}\n${table([...result.rows, ...result.cpRows])}`,
      );
    return { yaml, ...result };
  };

  // the hand-worked plans first: both sides must give the known dates
  for (const k of knownPlans()) {
    const result = await run(k.plan);
    if (!result) continue;
    const wrong = { Workback: [], tj3: [] };
    for (const row of [...result.rows, ...result.cpRows]) {
      FIELDS.forEach(([name], i) => {
        const w = k.expect[row.id]?.[i];
        const want = w === null ? undefined : dayOf(w);
        for (const [side, got] of [
          ['Workback', row.wb[name]],
          ['tj3', row.tj[name]],
        ]) {
          if (got !== want) wrong[side].push(`  ${row.id} ${name}: ${side} ${show(got)}, by hand ${show(want)}`);
        }
      });
    }
    // tj3 wrong: the model is broken (an oracle failure); Workback wrong: a bug found by hand
    if (wrong.tj3.length)
      failures.push({ seed: k.plan.seed, yaml: result.yaml, why: `${k.what}:\n${wrong.tj3.join('\n')}` });
    if (wrong.Workback.length)
      handWrong.push({ seed: k.plan.seed, yaml: result.yaml, why: `${k.what}:\n${wrong.Workback.join('\n')}` });
  }

  const one = async (seed) => {
    const p = randomPlan(seed);
    const result = await run(p);
    if (!result) return;
    coverage(p, result.rows, covered);
    if (result.disagrees)
      disagreements.push({ seed, yaml: result.yaml, today: p.today, rows: [...result.rows, ...result.cpRows] });
    else agreed++;
  };

  // a small pool: `jobs` tj3 processes at once
  const seeds = Array.from({ length: opts.runs }, (_, i) => opts.seed + i);
  const worker = async () => {
    for (let s = seeds.shift(); s !== undefined; s = seeds.shift()) await one(s);
  };
  await Promise.all(Array.from({ length: opts.jobs }, worker));

  for (const d of disagreements.sort((a, b) => a.seed - b.seed)) {
    console.log(`\n=== DISAGREEMENT: seed ${d.seed} (rerun: --seed ${d.seed} --runs 1 --keep), today ${show(d.today)}`);
    console.log(d.yaml.replace(/^/gm, '  | '));
    console.log(table(d.rows.filter((r) => r.diff.length)));
  }
  for (const h of handWrong) {
    console.log(
      `\n=== DISAGREEMENT WITH THE HAND-WORKED ANSWER: ${h.seed}\n${h.why}\n${h.yaml.replace(/^/gm, '  | ')}`,
    );
  }
  for (const f of failures) {
    console.log(`\n=== ORACLE FAILURE: seed ${f.seed}\n${f.why}\n${f.yaml.replace(/^/gm, '  | ')}`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${opts.runs} plans (seeds ${opts.seed}..${opts.seed + opts.runs - 1}) in ${secs}s: ` +
      `${agreed} agree, ${disagreements.length} disagree, ${failures.length} oracle failures` +
      (handWrong.length ? `; Workback gets ${handWrong.length} hand-worked plan(s) wrong.` : '.'),
  );
  console.log(
    `Of ${covered.tasks} tasks, a window (LS..LF or ES..EF) held a workday taken out by a holiday in ` +
      `${covered.holiday}, by a freeze in ${covered.freeze}, by leave in ${covered.leave}; ` +
      `start/not_before was later than today and every predecessor in ${covered.floor}, a dependency ` +
      `came only through a milestone's depends_on or a checkpoint in ${covered.indirect}, a checkpoint's ` +
      `due was the tightest bound in ${covered.cpDue}, and ${covered.doing} doing tasks ignored a later ` +
      `start/not_before or an unfinished predecessor.`,
  );
  if (opts.keep || disagreements.length || handWrong.length || failures.length) console.log(`Work directory: ${work}`);
  else rmSync(work, { recursive: true, force: true });
  process.exitCode = failures.length ? 2 : disagreements.length || handWrong.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
