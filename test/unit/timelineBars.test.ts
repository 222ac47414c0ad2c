/**
 * Issue 13, item 3: what a bar spans (docs/timeline.md, "What a bar spans"). A done task with
 * `done_on` ends on that day, as long as its duration in workdays; a done task without it stays
 * where it was planned; a task in progress that is late is drawn from its earliest dates. And
 * item 5: the chart as a fenced Mermaid block, for Markdown.
 */
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { barSpan, checkPlan, formatDay, ganttMarkdown, parseDay, toMermaidGantt, type Day } from '../../src/core';
import { workCalendar } from '../../src/core/schedule/calendar';
import { windowChoices } from '../../src/extension/timeline/largePlan';

const TODAY = parseDay('2026-11-24') as Day; // a Tuesday

function plan(tasks: string, calendar = ''): string {
  return `workback: 1
title: Bars
goal: { outcome: Done, due: 2026-12-18, owner: dana }
${calendar}people:
  dana: { name: Dana Whitfield }
milestones:
  - id: m
    title: M
    tasks:
${tasks}`;
}

/** Each task's bar as drawn in the Gantt text: [first day, last day]. */
function bars(text: string, options = {}): Map<string, [string, string]> {
  const r = checkPlan(text, { today: TODAY });
  assert.ok(r.plan && r.schedule, r.diagnostics.map((d) => d.message).join('\n'));
  const out = new Map<string, [string, string]>();
  for (const line of toMermaidGantt(r.plan, r.schedule, options).text.split('\n')) {
    const m = /^ {4}(\w+):.*, t\d+, (\S+), (\S+)$/.exec(line);
    if (m) out.set(m[1]!, [m[2]!, formatDay((parseDay(m[3]!) as Day) - 1)]); // Mermaid's end is exclusive
  }
  return out;
}

describe('the timeline: what a bar spans', () => {
  it('a done task with done_on: the workdays of its duration that end that day', () => {
    const b = bars(
      plan(`      - { id: a, title: Three, owner: dana, duration: 3d, status: done, done_on: 2026-11-06 }
      - { id: b, title: Saturday, owner: dana, duration: 2d, status: done, done_on: 2026-11-07 }
      - { id: c, title: One, owner: dana, duration: 1d, status: done, done_on: 2026-11-02 }
`),
    );
    assert.deepEqual(b.get('Three'), ['2026-11-04', '2026-11-06'], 'Wed 4 to Fri 6');
    assert.deepEqual(b.get('Saturday'), ['2026-11-05', '2026-11-07'], 'done on a Saturday: Thu, Fri and that day');
    assert.deepEqual(b.get('One'), ['2026-11-02', '2026-11-02']);
  });

  it("counts weeks and days off on the plan's own calendar", () => {
    const b = bars(
      plan(
        `      - { id: a, title: Week, owner: dana, duration: 1w, status: done, done_on: 2026-11-12 }\n`,
        'calendar: { workdays: [mon, tue, wed, thu], holidays: [2026-11-10] }\n',
      ),
    );
    // 1w = 4 workdays (Mon-Thu), ending Thu 12 Nov: Thu 12, Wed 11, (Tue 10 off), Mon 9, Thu 5
    assert.deepEqual(b.get('Week'), ['2026-11-05', '2026-11-12']);
  });

  it('a done task without done_on stays where it was planned; an open one at its latest dates', () => {
    const text = plan(`      - { id: a, title: Done, owner: dana, duration: 2d, status: done }
      - { id: b, title: Open, owner: dana, duration: 2d }
`);
    const r = checkPlan(text, { today: TODAY });
    const b = bars(text);
    for (const [title, id] of [
      ['Done', 'a'],
      ['Open', 'b'],
    ] as const) {
      const item = r.schedule!.byId.get(id)!;
      assert.deepEqual(b.get(title), [formatDay(item.start), formatDay(item.finish)], title);
    }
  });

  it('a task in progress that is late is drawn from its earliest dates; one on time at its latest', () => {
    const text = plan(`      - { id: late, title: Late, owner: dana, duration: 5d, status: doing, due: 2026-11-20 }
      - { id: fine, title: Fine, owner: dana, duration: 2d, status: doing }
`);
    const r = checkPlan(text, { today: TODAY });
    const late = r.schedule!.byId.get('late')!;
    const fine = r.schedule!.byId.get('fine')!;
    assert.ok(late.finish < TODAY, 'past its latest finish');
    const b = bars(text);
    assert.deepEqual(b.get('Late'), [formatDay(late.earliestStart!), formatDay(late.earliestFinish!)]);
    assert.ok(late.earliestStart! >= TODAY, 'from today on');
    assert.deepEqual(b.get('Fine'), [formatDay(fine.start), formatDay(fine.finish)]);
    const cal = workCalendar(r.plan!.calendar);
    assert.equal(barSpan(r.plan!, cal, late.task!, late, TODAY).basis, 'earliest');
    assert.equal(barSpan(r.plan!, cal, fine.task!, fine, TODAY).basis, 'latest');
  });

  it('a date window keeps a done task by where it is drawn, not where it was planned', () => {
    const text = plan(`      - { id: a, title: Early, owner: dana, duration: 2d, status: done, done_on: 2026-11-03 }
      - { id: b, title: Later, owner: dana, duration: 2d }
`);
    const november = { from: parseDay('2026-11-01') as Day, to: parseDay('2026-11-10') as Day };
    const b = bars(text, november);
    assert.deepEqual([...b.keys()], ['Early'], 'Later is planned for December');
  });
});

describe('the timeline as a Mermaid block (Copy as Mermaid)', () => {
  it('is one fenced block whose text is the chart, whatever the titles hold', () => {
    const md = new MarkdownIt({ html: true });
    for (const title of ['Plain', '```', 'a ``` b', '~~~', '</code></pre><script>x()</script>', '`x`']) {
      const text = plan(`      - { id: a, title: ${JSON.stringify(title)}, owner: dana, duration: 2d }\n`);
      const r = checkPlan(text, { today: TODAY });
      const chart = toMermaidGantt(r.plan!, r.schedule!).text;
      const tokens = md.parse(ganttMarkdown(chart), {});
      assert.deepEqual(
        tokens.map((t) => t.type),
        ['fence'],
        title,
      );
      assert.equal(tokens[0]!.info, 'mermaid');
      assert.equal(tokens[0]!.content, chart, title);
    }
  });
});

describe('the date windows offered for large plans', () => {
  it('count a done task where it is drawn', () => {
    const text = plan(`      - { id: a, title: Early, owner: dana, duration: 2d, status: done, done_on: 2026-11-03 }
      - { id: b, title: Later, owner: dana, duration: 2d }
`);
    const r = checkPlan(text, { today: TODAY });
    const windows = windowChoices(r.plan!, r.schedule!, { criticalOnly: false, compact: false }, 10);
    assert.equal(windows[0]!.from, '2026-11-02', 'the Monday of the week Early was done (planned in December)');
    assert.equal(
      windows.reduce((n, w) => n + w.rows, 0),
      2,
      'each row in one window',
    );
  });
});
