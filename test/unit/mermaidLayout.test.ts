/**
 * The Gantt text's shape: unique section names when milestones share a title, and the
 * `markers: 'inView'` option that leaves out far or out-of-window markers. Every case is read
 * back through Mermaid's own parser.
 */
import assert from 'node:assert/strict';
import {
  checkPlan,
  formatDay,
  parseDay,
  toMermaidGantt,
  type GanttOptions,
  type Plan,
  type Schedule,
} from '../../src/core';
import { localDay, parseGantt } from './helpers/mermaidParser';

const task = (id: string, title: string, extra = '') =>
  `      - { id: ${id}, title: ${JSON.stringify(title)}, owner: dana, duration: 2d${extra} }`;
const milestone = (id: string, title: string, ...tasks: string[]) =>
  [`  - id: ${id}`, `    title: ${JSON.stringify(title)}`, '    tasks:', ...tasks].join('\n');

function plan(milestones: string[], due = '2026-09-30'): string {
  return [
    'workback: 1',
    'title: Layout',
    'goal:',
    '  outcome: Shipped',
    `  due: ${due}`,
    '  owner: dana',
    'people:',
    '  dana: { name: Dana }',
    'milestones:',
    ...milestones,
    '',
  ].join('\n');
}

function scheduled(text: string, today: string): { plan: Plan; schedule: Schedule } {
  const r = checkPlan(text, { today: parseDay(today) as number });
  assert.ok(r.plan && r.schedule, r.diagnostics.map((d) => d.message).join('\n'));
  return { plan: r.plan, schedule: r.schedule };
}

/** The markers Mermaid reads from the text, as `id@YYYY-MM-DD`. */
async function markersOf(text: string): Promise<string[]> {
  return (await parseGantt(text)).tasks.filter((t) => t.vert).map((t) => `${t.id}@${localDay(t.startTime)}`);
}

describe('Mermaid Gantt layout', function () {
  this.timeout(60000);

  describe('section names', () => {
    const twins = plan([
      milestone('a', 'Pilot', task('a1', 'A one')),
      milestone('b', 'Pilot', task('b1', 'B one')),
      milestone('g', 'Goal', task('g1', 'G one')),
      milestone('c', 'Pilot (b)', task('c1', 'C one')),
      milestone('d', 'Other', task('d1', 'D one')),
    ]);

    it('are unique: a repeated title gets its milestone id, and the goal keeps its own', async () => {
      const { plan: p, schedule } = scheduled(twins, '2026-07-01');
      const g = toMermaidGantt(p, schedule);
      const names = ['Pilot', 'Pilot (b)', 'Goal (g)', 'Pilot (b) (c)', 'Other', 'Goal'];
      assert.deepEqual(
        g.sections.map((s) => s.name),
        names,
      );
      assert.deepEqual(
        g.sections.map((s) => s.milestone),
        ['a', 'b', 'g', 'c', 'd', ''],
      );
      assert.deepEqual(
        g.sections.map((s) => s.rows),
        [1, 1, 1, 1, 1, 1],
      );
      const parsed = await parseGantt(g.text);
      assert.deepEqual(parsed.sections, names, 'Mermaid reads six distinct sections');
      const bars = parsed.tasks.filter((t) => !t.vert);
      assert.deepEqual(
        bars.map((b) => `${b.task}/${b.section}`),
        ['A one/Pilot', 'B one/Pilot (b)', 'G one/Goal (g)', 'C one/Pilot (b) (c)', 'D one/Other', 'Shipped/Goal'],
      );
    });

    it('keep a title that is unique as it is, and "Goal" when the goal is not drawn', async () => {
      const { plan: p, schedule } = scheduled(twins, '2026-07-01');
      const one = toMermaidGantt(p, schedule, { milestone: 'g' });
      assert.deepEqual(
        one.sections.map((s) => s.name),
        ['Goal'],
        'no goal row in a one-milestone view',
      );
      assert.deepEqual((await parseGantt(one.text)).sections, ['Goal']);
      const owners = toMermaidGantt(p, schedule, { owners: ['dana'] });
      assert.deepEqual(
        owners.sections.map((s) => s.name),
        ['Pilot', 'Pilot (b)', 'Goal', 'Pilot (b) (c)', 'Other'],
      );
    });

    it('count the rows of each section, checkpoints included', () => {
      const text = plan([
        milestone('a', 'Build', task('a1', 'One'), task('a2', 'Two', ', depends_on: [a1]')),
        '  - { id: cp, title: Checkpoint }',
      ]);
      const { plan: p, schedule } = scheduled(text, '2026-07-01');
      const g = toMermaidGantt(p, schedule);
      assert.deepEqual(
        g.sections.map((s) => [s.name, s.rows]),
        [
          ['Build', 2],
          ['Checkpoint', 1],
          ['Goal', 1],
        ],
      );
      assert.equal(
        g.sections.reduce((n, s) => n + s.rows, 0),
        g.rows.length,
      );
    });

    it('stay inert when a repeated title is hostile', async () => {
      const evil = 'x: y; #1 %%{init}%%\nsection z';
      const { plan: p, schedule } = scheduled(
        plan([milestone('a', evil, task('a1', 'One')), milestone('b', evil, task('b1', 'Two'))]),
        '2026-07-01',
      );
      const g = toMermaidGantt(p, schedule);
      assert.deepEqual((await parseGantt(g.text)).sections, [evil, `${evil} (b)`, 'Goal']);
    });
  });

  describe("markers: 'inView'", () => {
    // tasks in September 2026, the goal due on 30 September
    const text = plan([
      milestone('a', 'Build', task('a1', 'One', ', due: 2026-09-04'), task('a2', 'Two', ', depends_on: [a1]')),
    ]);
    const gantt = (today: string, o: GanttOptions) => {
      const { plan: p, schedule } = scheduled(text, today);
      return toMermaidGantt(p, schedule, o);
    };

    it("draws every marker by default, however far (the CLI's chart is unchanged)", async () => {
      const g = gantt('2026-01-05', {});
      assert.deepEqual(g.markers, ['today', 'goaldue']);
      assert.deepEqual(await markersOf(g.text), ['today@2026-01-05', 'goaldue@2026-10-01']);
      assert.equal(formatDay(g.axis!.from), '2026-01-05', 'the axis reaches back to today');
    });

    it('leaves out today months before the plan, and keeps the goal due near the rows', async () => {
      const g = gantt('2026-01-05', { markers: 'inView' });
      assert.deepEqual(g.markers, ['goaldue']);
      assert.deepEqual(await markersOf(g.text), ['goaldue@2026-10-01']);
      assert.equal(formatDay(g.axis!.from), '2026-09-03', 'the axis starts with the first bar');
      assert.equal(formatDay(g.axis!.to), '2026-10-01');
    });

    it('keeps today when it is near the rows', async () => {
      const g = gantt('2026-08-28', { markers: 'inView' });
      assert.deepEqual(await markersOf(g.text), ['today@2026-08-28', 'goaldue@2026-10-01']);
      assert.equal(formatDay(g.axis!.from), '2026-08-28');
    });

    it('leaves out markers outside the date window, and keeps those inside', async () => {
      const from = parseDay('2026-09-01') as number;
      const to = parseDay('2026-09-10') as number;
      const outside = gantt('2026-08-20', { markers: 'inView', from, to });
      assert.deepEqual(outside.markers, [], 'today before the window, the goal due after it');
      assert.deepEqual(await markersOf(outside.text), []);
      assert.deepEqual(
        outside.rows.map((r) => r.itemId),
        ['a1'],
        'only the rows in the window',
      );
      const inside = gantt('2026-09-07', { markers: 'inView', from, to });
      assert.deepEqual(await markersOf(inside.text), ['today@2026-09-07']);
      const whole = gantt('2026-09-07', { markers: 'inView', from, to: parseDay('2026-10-31') as number });
      assert.deepEqual(await markersOf(whole.text), ['today@2026-09-07', 'goaldue@2026-10-01']);
      // without the option a window keeps both markers, as before
      assert.deepEqual(await markersOf(gantt('2026-08-20', { from, to }).text), [
        'today@2026-08-20',
        'goaldue@2026-10-01',
      ]);
    });

    it('leaves out the goal due far after a one-milestone view', async () => {
      const long = plan([
        milestone('a', 'Early', task('a1', 'One', ', due: 2026-03-06')),
        milestone('b', 'Late', task('b1', 'Two')),
      ]);
      const { plan: p, schedule } = scheduled(long, '2026-03-02');
      const g = toMermaidGantt(p, schedule, { milestone: 'a', markers: 'inView' });
      assert.deepEqual(g.markers, ['today']);
      assert.deepEqual(await markersOf(g.text), ['today@2026-03-02']);
      assert.deepEqual(
        [formatDay(g.axis!.from), formatDay(g.axis!.to)],
        ['2026-03-02', '2026-03-07'],
        'from today to the end of the two-day bar',
      );
    });

    it('still obeys todayMarker: false', () => {
      assert.deepEqual(gantt('2026-09-07', { markers: 'inView', todayMarker: false }).markers, ['goaldue']);
    });

    it('draws no marker and has no axis when no row is left', () => {
      const g = gantt('2026-09-07', { markers: 'inView', from: parseDay('2027-01-01') as number });
      assert.deepEqual([g.rows.length, g.markers.length, g.axis], [0, 0, undefined]);
    });
  });
});
