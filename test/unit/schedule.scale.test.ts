/** Size: deep chains never overflow the stack; big plans schedule fast. */
import * as assert from 'assert';
import { MAX_DAY, formatDay } from '../../src/core/day';
import { schedulePlan } from '../../src/core/schedule';
import { buildPlan, day, type MilestoneSpec, type PlanSpec, type TaskSpec } from './helpers/planBuilder';

const EVERY_DAY: PlanSpec['calendar'] = { workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };

function chain(n: number): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  for (let i = 0; i < n; i++) tasks.push(i ? { id: `t${i}`, depends_on: [`t${i - 1}`] } : { id: 't0' });
  return tasks;
}

describe('schedule: scale', function () {
  this.timeout(60_000);

  it('a 100,000-task chain: no stack overflow; it cannot fit in 1970..2199, and says so', () => {
    // Every day a workday; goal Tue 31 Dec 2199 = day 84005: t_i finishes on day 84005 - (99999 - i),
    // so t15994 starts on day 0 (1 Jan 1970) and t15993 would need day -1.
    const plan = buildPlan(
      { goal: { due: '2199-12-31' }, calendar: EVERY_DAY, milestones: [{ id: 'm', tasks: chain(100_000) }] },
      { lean: true },
    );
    const s = schedulePlan(plan, day('2026-01-01'));
    assert.deepStrictEqual(
      s.diagnostics.map((d) => [d.code, d.data?.['itemId']]),
      [['schedule-out-of-range', 't15993']],
    );
    assert.deepStrictEqual(s.items, []);
  });

  it('a 50,000-task chain schedules to the day', () => {
    const plan = buildPlan(
      { goal: { due: '2199-12-31' }, calendar: EVERY_DAY, milestones: [{ id: 'm', tasks: chain(50_000) }] },
      { lean: true },
    );
    const s = schedulePlan(plan, day('2026-01-01'));
    assert.deepStrictEqual(s.diagnostics, []);
    assert.strictEqual(s.items.length, 50_000);
    // t0 must start 49,999 days before the goal; from 1 Jan 2026 (day 20454) the chain starts today.
    assert.strictEqual(s.items[0]!.start, MAX_DAY - 49_999);
    assert.strictEqual(s.items[49_999]!.earliestFinish, day('2026-01-01') + 49_999);
    assert.strictEqual(s.minSlack, MAX_DAY - 49_999 - day('2026-01-01'));
    assert.ok(s.items.every((i) => i.critical));
  });

  it('100,000 chained checkpoints and 20,000 chained milestones', () => {
    const gates: MilestoneSpec[] = [];
    for (let i = 0; i < 100_000; i++) gates.push(i ? { id: `g${i}`, depends_on: [`g${i - 1}`] } : { id: 'g0' });
    const s = schedulePlan(
      buildPlan({ goal: { due: '2026-07-31' }, milestones: gates }, { lean: true }),
      day('2026-07-01'),
    );
    assert.strictEqual(s.items.length, 100_000);
    assert.ok(s.items.every((i) => formatDay(i.start) === '2026-07-31'));

    const ms: MilestoneSpec[] = [];
    for (let i = 0; i < 20_000; i++)
      ms.push({ id: `m${i}`, depends_on: i ? [`m${i - 1}`] : [], tasks: [{ id: `t${i}` }] });
    const t = schedulePlan(
      buildPlan({ goal: { due: '2199-12-31' }, calendar: EVERY_DAY, milestones: ms }, { lean: true }),
      day('2026-01-01'),
    );
    assert.deepStrictEqual(t.diagnostics, []);
    assert.strictEqual(t.items[0]!.start, MAX_DAY - 19_999);
  });

  it('a 100,000-task cycle: one diagnostic, no overflow, a bounded message', () => {
    const tasks = chain(100_000);
    tasks[0] = { id: 't0', depends_on: ['t99999'] };
    const s = schedulePlan(
      buildPlan({ goal: { due: '2026-07-31' }, milestones: [{ id: 'm', tasks }] }, { lean: true }),
      day('2026-07-01'),
    );
    assert.deepStrictEqual(
      s.diagnostics.map((d) => d.code),
      ['dependency-cycle'],
    );
    assert.strictEqual((s.diagnostics[0]!.data!['cycle'] as string[]).length, 100_000);
    assert.ok(s.diagnostics[0]!.message.length < 1000);
  });

  it('10,000 tasks with ~3 dependencies each and a 1000 x 1000 milestone fan schedule quickly', () => {
    // A deterministic pseudo-random plan: 100 milestones of 100 tasks, each task on 3 earlier items.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const ids: string[] = [];
    const ms: MilestoneSpec[] = [];
    for (let m = 0; m < 100; m++) {
      const tasks: TaskSpec[] = [];
      for (let j = 0; j < 100; j++) {
        const deps = ids.length ? [0, 1, 2].map(() => ids[Math.floor(rnd() * ids.length)]!) : [];
        tasks.push({ id: `t${m}_${j}`, duration: `${1 + Math.floor(rnd() * 5)}d`, depends_on: deps });
      }
      ids.push(...tasks.map((t) => t.id), `m${m}`);
      ms.push({ id: `m${m}`, tasks });
    }
    const plan = buildPlan({ goal: { due: '2199-12-31' }, milestones: ms }, { lean: true });
    schedulePlan(plan, day('2026-01-01')); // warm up
    const t0 = performance.now();
    const s = schedulePlan(plan, day('2026-01-01'));
    const ms10k = performance.now() - t0;
    assert.strictEqual(s.items.length, 10_000);
    assert.ok(ms10k < 1000, `10,000 tasks took ${ms10k.toFixed(1)} ms`); // the budget is 50 ms; generous here for loaded CI

    // Two milestones of 1000 tasks, the second depending on the first: 10^6 edges if expanded naively.
    const a: TaskSpec[] = [];
    const b: TaskSpec[] = [];
    for (let i = 0; i < 1000; i++) (a.push({ id: `a${i}` }), b.push({ id: `b${i}` }));
    const fan = buildPlan(
      {
        goal: { due: '2026-07-31' },
        milestones: [
          { id: 'A', tasks: a },
          { id: 'B', depends_on: ['A'], tasks: b },
        ],
      },
      { lean: true },
    );
    const f = schedulePlan(fan, day('2026-07-01'));
    assert.strictEqual(formatDay(f.byId.get('a999')!.finish), '2026-07-30');
    assert.strictEqual(formatDay(f.byId.get('b0')!.earliestStart!), '2026-07-02');
  });
});
