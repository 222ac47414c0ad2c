/**
 * Property tests over thousands of random plans: the scheduler agrees with a naive reference
 * written straight from docs/format.md (full milestone expansion, day-by-day loops), and keeps the
 * invariants of the schedule (docs/format.md "How the schedule is computed"). Random cyclic graphs never hang or throw.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { formatDay, weekday, WEEKDAY_NAMES, type Day, type WeekdayName } from '../../src/core/day';
import { durationWorkdays, type Plan, type Task } from '../../src/core/model';
import { schedulePlan, type Schedule } from '../../src/core/schedule';
import { buildPlan, type MilestoneSpec, type PlanSpec, type TaskSpec } from './helpers/planBuilder';

// ---------------------------------------------------------------- random plans

const offsetArb = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });

const taskArb = fc.record({
  dur: fc.oneof(
    fc.integer({ min: 1, max: 8 }).map((n) => `${n}d`),
    fc.constantFrom('1w', '2w'),
  ),
  deps: fc.array(fc.nat(), { maxLength: 3 }),
  due: offsetArb(-60, 10),
  nb: offsetArb(-150, 5),
  status: fc.constantFrom('todo', 'todo', 'doing', 'blocked', 'done' as const),
});
const milestoneArb = fc.record({
  tasks: fc.array(taskArb, { maxLength: 4 }),
  deps: fc.array(fc.nat(), { maxLength: 2 }),
  due: offsetArb(-40, 10),
});
const shapeArb = fc.record({
  ms: fc.array(milestoneArb, { minLength: 1, maxLength: 6 }),
  workdays: fc.subarray([...WEEKDAY_NAMES], { minLength: 1 }),
  holidays: fc.array(fc.integer({ min: -250, max: 20 }), { maxLength: 15 }),
  goal: fc.integer({ min: 20454, max: 21184 }), // 2026-01-01 .. 2027-12-31
  start: offsetArb(-200, 0),
  today: fc.integer({ min: -220, max: 20 }),
});
type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A plan whose dependencies only point back in (milestone, task) order, so it is acyclic:
 * a milestone depends on earlier milestones or their tasks; a task also on earlier tasks of its milestone.
 * With `anyDeps`, dependencies may point anywhere (cycles, self-loops).
 */
function specOf(shape: Shape, anyDeps = false): { spec: PlanSpec; today: Day } {
  const iso = (off: number | undefined) => (off === undefined ? undefined : formatDay(shape.goal + off));
  const all: string[] = [];
  shape.ms.forEach((m, i) => {
    all.push(`m${i}`);
    m.tasks.forEach((_, j) => all.push(`t${i}_${j}`));
  });
  const earlier: string[] = [];
  const milestones: MilestoneSpec[] = shape.ms.map((m, i) => {
    const pick = (ns: number[], from: string[]) => (from.length ? ns.map((n) => from[n % from.length]!) : []);
    const before = [...earlier];
    const tasks: TaskSpec[] = m.tasks.map((t, j) => {
      const own = m.tasks.slice(0, j).map((_, k) => `t${i}_${k}`);
      const spec: TaskSpec = {
        id: `t${i}_${j}`,
        duration: t.dur,
        status: t.status,
        depends_on: pick(t.deps, anyDeps ? all : [...before, ...own]),
      };
      if (t.due !== undefined) spec.due = iso(t.due)!;
      if (t.nb !== undefined) spec.not_before = iso(t.nb)!;
      return spec;
    });
    earlier.push(`m${i}`, ...tasks.map((t) => t.id));
    const ms: MilestoneSpec = { id: `m${i}`, depends_on: pick(m.deps, anyDeps ? all : before), tasks };
    if (m.due !== undefined) ms.due = iso(m.due)!;
    return ms;
  });
  const spec: PlanSpec = {
    goal: { due: formatDay(shape.goal) },
    calendar: { workdays: shape.workdays as WeekdayName[], holidays: shape.holidays.map((h) => iso(h)!) },
    milestones,
  };
  if (shape.start !== undefined) spec.start = iso(shape.start)!;
  return { spec, today: shape.goal + shape.today };
}

// ---------------------------------------------------------------- the reference, straight from docs/format.md

interface Ref {
  ls: Map<string, Day>;
  lf: Map<string, Day>;
  es: Map<string, Day>;
  ef: Map<string, Day>;
  slack: Map<string, number>;
  minSlack: number | null;
  /** Item id -> the ids (tasks or checkpoints) it depends on, fully expanded. */
  deps: Map<string, Set<string>>;
}

function reference(plan: Plan, today: Day): Ref {
  const hol = new Set(plan.calendar.holidays);
  const isWork = (d: Day) => plan.calendar.workdays.includes(weekday(d)) && !hol.has(d);
  const prev = (d: Day) => {
    while (!isWork(d)) d--;
    return d;
  };
  const next = (d: Day) => {
    while (!isWork(d)) d++;
    return d;
  };
  const count = (a: Day, b: Day) => {
    let n = 0;
    for (let d = a; d < b; d++) if (isWork(d)) n++;
    return n;
  };
  const dur = (t: Task) => durationWorkdays(t.duration, plan.calendar);
  // Items and their expanded dependencies.
  const tasks = new Map(plan.tasks.map((t) => [t.id, t] as const));
  const checkpoints = new Map(plan.milestones.filter((m) => m.tasks.length === 0).map((m) => [m.id, m] as const));
  const expand = (id: string): string[] => {
    const m = plan.milestones.find((x) => x.id === id);
    if (m) return m.tasks.length ? m.tasks.map((t) => t.id) : [m.id];
    return tasks.has(id) ? [id] : [];
  };
  const deps = new Map<string, Set<string>>();
  for (const m of plan.milestones) {
    if (m.tasks.length === 0) deps.set(m.id, new Set(m.dependsOn.flatMap((r) => expand(r.id))));
    for (const t of m.tasks) deps.set(t.id, new Set([...t.dependsOn, ...m.dependsOn].flatMap((r) => expand(r.id))));
  }
  const ids = [...deps.keys()];
  const dependents = (id: string) => ids.filter((x) => deps.get(x)!.has(id));

  // Backward: sweep until every item is computed (each sweep computes at least one: the graph is acyclic).
  const ls = new Map<string, Day>();
  const lf = new Map<string, Day>();
  while (ls.size < ids.length) {
    for (const id of ids) {
      if (ls.has(id)) continue;
      const ds = dependents(id);
      if (!ds.every((x) => ls.has(x))) continue;
      const t = tasks.get(id);
      const own = t ? [t.due, plan.milestones.find((m) => m.id === t.milestone)!.due] : [checkpoints.get(id)!.due];
      const c = [
        plan.goal.due,
        ...own.filter((d): d is Day => d !== undefined),
        ...ds.map((x) => (tasks.has(x) ? ls.get(x)! - 1 : ls.get(x)!)),
      ];
      const finish = prev(Math.min(...c));
      let start = finish;
      if (t) for (let k = 1; k < dur(t); k++) start = prev(start - 1);
      lf.set(id, finish);
      ls.set(id, start);
    }
  }

  // Forward: a done task hands on nothing; a checkpoint hands on the latest of what it depends on.
  const out = new Map<string, Day>(); // -Infinity: constrains nothing
  const es = new Map<string, Day>();
  const ef = new Map<string, Day>();
  while (out.size < ids.length) {
    for (const id of ids) {
      if (out.has(id)) continue;
      const ds = [...deps.get(id)!];
      if (!ds.every((x) => out.has(x))) continue;
      const after = Math.max(-Infinity, ...ds.map((x) => out.get(x)!));
      const t = tasks.get(id);
      if (!t) out.set(id, after);
      else if (t.status === 'done') out.set(id, -Infinity);
      else {
        const start = next(Math.max(today, plan.start ?? -Infinity, t.notBefore ?? -Infinity, after + 1));
        let finish = start;
        for (let k = 1; k < dur(t); k++) finish = next(finish + 1);
        es.set(id, start);
        ef.set(id, finish);
        out.set(id, finish);
      }
    }
  }
  const slack = new Map<string, number>();
  for (const [id, start] of es)
    slack.set(id, start <= ls.get(id)! ? count(start, ls.get(id)!) : -count(ls.get(id)!, start));
  const minSlack = slack.size ? Math.min(...slack.values()) : null;
  return { ls, lf, es, ef, slack, minSlack, deps };
}

// ---------------------------------------------------------------- properties

const dates = (s: Schedule) =>
  new Map(
    s.items.map((i) => [i.id, [i.start, i.finish, i.earliestStart, i.earliestFinish, i.slack, i.critical]] as const),
  );

describe('schedule: properties over random plans', function () {
  this.timeout(60_000);

  it('equals the reference computed straight from docs/format.md, and keeps every invariant', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { spec, today } = specOf(shape);
        const plan = buildPlan(spec);
        const s = schedulePlan(plan, today);
        assert.ok(
          !s.diagnostics.some(
            (d) =>
              d.code === 'schedule-out-of-range' || d.code === 'earliest-out-of-range' || d.code === 'dependency-cycle',
          ),
        );
        const ref = reference(plan, today);
        const cal = {
          isWork: (d: Day) => plan.calendar.workdays.includes(weekday(d)) && !plan.calendar.holidays.includes(d),
        };
        const countWork = (a: Day, b: Day) => {
          let n = 0;
          for (let d = a; d <= b; d++) if (cal.isWork(d)) n++;
          return n;
        };
        assert.strictEqual(s.minSlack, ref.minSlack);
        assert.deepStrictEqual(
          s.items.map((i) => i.id),
          [...ref.deps.keys()],
        ); // file order
        for (const item of s.items) {
          const id = item.id;
          // Same dates as the reference.
          assert.strictEqual(item.start, ref.ls.get(id), `LS ${id}`);
          assert.strictEqual(item.finish, ref.lf.get(id), `LF ${id}`);
          assert.strictEqual(item.earliestStart, ref.es.get(id), `ES ${id}`);
          assert.strictEqual(item.earliestFinish, ref.ef.get(id), `EF ${id}`);
          assert.strictEqual(item.slack, ref.slack.get(id), `slack ${id}`);
          // No task starts or ends on a non-workday; each spans exactly its duration.
          for (const d of [item.start, item.finish, item.earliestStart, item.earliestFinish])
            if (d !== undefined) assert.ok(cal.isWork(d), `${id} on a non-workday`);
          const t = item.task;
          if (t) {
            const n = durationWorkdays(t.duration, plan.calendar);
            assert.strictEqual(countWork(item.start, item.finish), n);
            if (item.earliestStart !== undefined)
              assert.strictEqual(countWork(item.earliestStart, item.earliestFinish!), n);
          } else assert.strictEqual(item.start, item.finish);
          // Nothing finishes after a date that binds it.
          const m = plan.milestones.find((x) => x.id === item.milestone)!;
          for (const bound of [plan.goal.due, t?.due, m.due])
            if (bound !== undefined) assert.ok(item.finish <= bound, `${id} after a binding date`);
          // Every dependency finishes before its dependent starts (a checkpoint: on or before its day).
          for (const dep of ref.deps.get(id)!) {
            const before = s.byId.get(dep)!;
            assert.ok(t ? before.finish < item.start : before.finish <= item.start, `${dep} -> ${id}`);
            if (t && item.earliestStart !== undefined && before.earliestFinish !== undefined)
              assert.ok(before.earliestFinish < item.earliestStart);
          }
          // Slack sign: slack >= 0 iff ES <= LS; critical iff slack is the minimum.
          if (item.slack !== undefined) assert.strictEqual(item.slack >= 0, item.earliestStart! <= item.start);
          assert.strictEqual(item.critical, item.slack !== undefined && item.slack === s.minSlack);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a holiday never moves a task later', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: -250, max: 0 }), (shape, extra) => {
        const { spec, today } = specOf(shape);
        const before = dates(schedulePlan(buildPlan(spec), today));
        const more = {
          ...spec,
          calendar: { ...spec.calendar, holidays: [...spec.calendar!.holidays!, formatDay(shape.goal + extra)] },
        };
        const after = schedulePlan(buildPlan(more), today);
        if (after.items.length === 0) return; // the holiday took the last workday: reported, nothing to compare
        for (const [id, [ls, lf]] of dates(after)) {
          assert.ok(ls <= before.get(id)![0]!, `${id} LS later`);
          assert.ok(lf <= before.get(id)![1]!, `${id} LF later`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('shuffling milestones and tasks changes no date', () => {
    fc.assert(
      fc.property(shapeArb, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (shape, keys) => {
        const { spec, today } = specOf(shape);
        let k = 0;
        const shuffle = <T>(xs: T[]): T[] =>
          xs
            .map((x) => ({ x, key: keys[k++ % keys.length]! }))
            .sort((a, b) => a.key - b.key)
            .map((p) => p.x);
        const shuffled: PlanSpec = {
          ...spec,
          milestones: shuffle(spec.milestones.map((m) => ({ ...m, tasks: shuffle([...(m.tasks ?? [])]) }))),
        };
        const a = schedulePlan(buildPlan(spec), today);
        const b = schedulePlan(buildPlan(shuffled), today);
        assert.deepStrictEqual(new Map([...dates(b)].sort()), new Map([...dates(a)].sort()));
        assert.strictEqual(b.minSlack, a.minSlack);
      }),
      { numRuns: 500 },
    );
  });

  it('random graphs with cycles never hang or throw', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { spec, today } = specOf(shape, true);
        const s = schedulePlan(buildPlan(spec), today);
        const cyclic = s.diagnostics.some((d) => d.code === 'dependency-cycle');
        assert.strictEqual(cyclic, s.items.length === 0);
        if (cyclic) {
          const cycle = s.diagnostics.find((d) => d.code === 'dependency-cycle')!.data!['cycle'] as string[];
          assert.ok(cycle.length >= 1);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
