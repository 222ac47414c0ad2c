/** The Gantt text: parsed by Mermaid's own parser, titles read back exactly, dates to the day. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { barSpan, checkPlan, formatDay, parseDay, toMermaidGantt, type Plan, type Schedule } from '../../src/core';
import { workCalendar } from '../../src/core/schedule/calendar';
import { FIXTURES, updating } from './helpers/fixtures';
import { localDay, parseGantt, renderGantt } from './helpers/mermaidParser';
import { SMALL_PLAN } from './helpers/plans';

const today = parseDay('2026-11-24') as number;
const EXAMPLES = path.resolve(FIXTURES, '../../examples');
const plans = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(path.join(EXAMPLES, f), 'utf8') })),
  ...readdirSync(path.join(FIXTURES, 'plans/valid')).map((f) => ({
    name: f,
    text: readFileSync(path.join(FIXTURES, 'plans/valid', f), 'utf8'),
  })),
];

/**
 * What a chart shows for a title (docs/format.md): the title itself, except the characters an
 * HTML parser cannot read back from a character reference (NUL, CR, C1 controls, lone
 * surrogates), which are shown as visible escapes.
 */
function shown(title: string): string {
  return title.replace(
    /[\0\r\u0080-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (ch) => (ch === '\r' ? '\\r' : `\\u{${ch.codePointAt(0)!.toString(16)}}`),
  );
}

function scheduled(text: string): { plan: Plan; schedule: Schedule } {
  const r = checkPlan(text, { today });
  assert.ok(r.plan && r.schedule, r.diagnostics.map((d) => d.message).join('\n'));
  return { plan: r.plan, schedule: r.schedule };
}

describe('Mermaid Gantt text', function () {
  this.timeout(60000);

  for (const { name, text } of plans) {
    it(`${name}: Mermaid parses it; one bar per task, exact titles and dates`, async () => {
      const { plan, schedule } = scheduled(text);
      const g = toMermaidGantt(plan, schedule);
      const golden = path.join(FIXTURES, 'mermaid', name.replace(/\.workback\.ya?ml$/, '.mmd'));
      if (updating) writeFileSync(golden, g.text);
      else if (name.startsWith('mfa') || name.startsWith('siem') || name.startsWith('edr'))
        assert.equal(g.text, readFileSync(golden, 'utf8'));
      const parsed = await parseGantt(g.text);
      assert.equal(parsed.title, plan.title);
      const bars = parsed.tasks.filter((t) => !t.vert);
      assert.equal(bars.length, g.rows.length);
      for (const [i, row] of g.rows.entries()) {
        const bar = bars[i]!;
        assert.equal(bar.id, row.chartId);
        if (row.kind === 'goal') continue;
        const item = schedule.byId.get(row.itemId)!;
        assert.equal(bar.task, item.kind === 'task' ? item.task!.title : item.checkpoint!.title);
        if (item.kind === 'task') {
          // where the bar goes (test/unit/timelineBars.test.ts): the latest dates, a done task where it happened
          const drawn = barSpan(plan, workCalendar(plan.calendar), item.task!, item, schedule.today);
          assert.equal(localDay(bar.startTime), formatDay(drawn.start), `${item.id} start`);
          assert.equal(localDay(bar.endTime), formatDay(drawn.finish + 1), `${item.id} end (exclusive)`);
          assert.equal(!!bar.crit, item.critical);
          assert.equal(!!bar.done, item.task!.status === 'done');
        }
      }
      assert.deepEqual(
        parsed.tasks.filter((t) => t.vert).map((t) => t.id),
        ['today', 'goaldue'],
      );
      assert.equal(localDay(parsed.tasks.find((t) => t.id === 'today')!.startTime), '2026-11-24');
    });
  }

  it('filters: milestone, owner, critical path, window', () => {
    const { plan, schedule } = scheduled(plans[0]!.text);
    const all = toMermaidGantt(plan, schedule);
    const m = plan.milestones[0]!.id;
    const one = toMermaidGantt(plan, schedule, { milestone: m });
    assert.ok(one.rows.every((r) => schedule.byId.get(r.itemId)!.milestone === m));
    assert.equal(one.rows.length + one.hidden, all.rows.length + all.hidden - 1 /* goal row */ + 0);
    const owner = plan.tasks[0]!.owner;
    assert.ok(
      toMermaidGantt(plan, schedule, { owners: [owner] }).rows.every(
        (r) => schedule.byId.get(r.itemId)!.task!.owner === owner,
      ),
    );
    assert.ok(
      toMermaidGantt(plan, schedule, { criticalOnly: true })
        .rows.filter((r) => r.kind !== 'goal')
        .every((r) => schedule.byId.get(r.itemId)!.critical),
    );
    const from = schedule.items[3]!.start;
    const win = toMermaidGantt(plan, schedule, { from, to: from + 7 });
    assert.ok(
      win.rows
        .filter((r) => r.kind !== 'goal')
        .every((r) => {
          const it = schedule.byId.get(r.itemId)!;
          return it.finish >= from && it.start <= from + 7;
        }),
    );
  });

  it('hostile titles never change the structure, and read back exactly (fast-check)', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom(
        'section x',
        'title y',
        'click t1 call alert()',
        'Excludes weekends',
        '%%{init: {"theme":"dark"}}%%',
        'a: b; c # d',
        '2026-07-01 cutover',
        'x\nsection y',
        '#35; #quot;',
        '<img src=x onerror=alert(1)>',
        '  padded  ',
        '🚀 déploiement',
        'مرحبا \u202Eevil',
        'TODAYMARKER on',
        'dateFormat X',
        'gantt',
        ':',
        ';',
        '#',
        '%',
        'vert',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 3 }), async ([planTitle, msTitle, taskTitle]) => {
        const text = SMALL_PLAN.replace('title: Small plan', `title: ${JSON.stringify(planTitle)}`)
          .replace('title: First milestone', `title: ${JSON.stringify(msTitle)}`)
          .replace('title: Task one', `title: ${JSON.stringify(taskTitle)}`);
        const r = checkPlan(text, { today });
        fc.pre(!!r.schedule);
        const g = toMermaidGantt(r.plan!, r.schedule!);
        const parsed = await parseGantt(g.text);
        assert.equal(parsed.title, shown(r.plan!.title));
        const bars = parsed.tasks.filter((t) => !t.vert);
        assert.deepEqual(
          bars.map((b) => b.id),
          ['t1', 't2', 'goal'],
        );
        assert.equal(bars[0]!.task, shown(r.plan!.tasks[0]!.title));
        assert.equal(bars[0]!.section, shown(r.plan!.milestones[0]!.title));
        assert.deepEqual(
          parsed.tasks.filter((t) => t.vert).map((t) => t.id),
          ['today', 'goaldue'],
        );
        for (const line of g.text.split('\n')) {
          assert.ok(!/^\s*(click|call|href)\b/i.test(line), `no click/call line: ${line}`);
          assert.ok(!line.includes('%%'), `no comment or directive: ${line}`);
          const data = /^\s{4}(?!section |title )[^:]*:(.*)$/.exec(line)?.[1];
          if (data !== undefined) assert.ok(!/\bafter\b/i.test(data), `no after in task data: ${line}`);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('every title reads back from the rendered SVG exactly, or visibly escaped (real render, fast-check)', async function () {
    const runs = Number(process.env.FC_RUNS ?? 300);
    this.timeout(Math.max(60000, runs * 1000));
    await fc.assert(
      fc.asyncProperty(hostilePlan, async (spec) => {
        const { plan, schedule } = scheduled(planText(spec));
        const g = toMermaidGantt(plan, schedule);
        const seen = await renderGantt(g.text);
        assert.equal(seen.title, shown(plan.title));
        assert.deepEqual([...seen.sections].sort(), g.sections.map((x) => shown(x.name)).sort());
        for (const row of g.rows) {
          const title = row.kind === 'goal' ? plan.goal.outcome : schedule.byId.get(row.itemId)!.task!.title;
          assert.equal(seen.labels.get(row.chartId), shown(title), row.chartId);
        }
      }),
      { numRuns: Math.max(10, Math.round(runs / 10)) },
    );
  });
});

/** Mermaid's entity placeholders, entity-like text and the code points around every range an HTML parser or Mermaid treats specially. */
const PLACEHOLDERS = ['ﬂ°°60¶ß', 'ﬂ°lt¶ß', 'ﬂ°°133¶ß', 'ﬂ°quot¶ß', 'ﬂ°°x3c¶ß'];
const placeholderPart = fc
  .constantFrom(...PLACEHOLDERS)
  .chain((p) =>
    fc.tuple(fc.nat(p.length), fc.nat(p.length)).map(([a, b]) => p.slice(Math.min(a, b), Math.max(a, b) + 1)),
  );
const entityLike = fc.constantFrom(
  '#60;',
  '#lt;',
  '&#60;',
  '&lt;',
  '#133;',
  '&#133;',
  '#x85;',
  '&#x85;',
  '#quot;',
  '#0;',
  '#13;',
  '#55296;',
  '#1114112;',
  '&nbsp;',
  '<br>',
  '<br/>',
  'style x:#1;',
  'classDef a fill:#f00;',
  '%%',
  ':',
  ';',
  '#',
  'section',
  'click',
);
const NEAR = [
  [0, 0x21],
  [0x7e, 0xa1],
  [0xad, 0xb7],
  [0xdf, 0xdf],
  [0xd7f0, 0xe010],
  [0xfaf0, 0xfb10],
  [0xfff0, 0xffff],
  [0x10fff0, 0x10ffff],
  [0x2000, 0x2070],
  [0x1f600, 0x1f680],
] as const;
const nearSpecial = fc
  .oneof(...NEAR.map(([lo, hi]) => fc.integer({ min: lo, max: hi })))
  .map((cp) => String.fromCodePoint(cp));
const hostileTitle = fc
  .array(fc.oneof(placeholderPart, entityLike, nearSpecial, fc.string({ unit: 'binary', maxLength: 4 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .filter((t) => t.trim().length > 0);
const hostilePlan = fc.record({
  title: hostileTitle,
  outcome: hostileTitle,
  milestones: fc.array(
    fc.record({ title: hostileTitle, tasks: fc.array(hostileTitle, { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** A YAML double-quoted scalar holding exactly `text`: every code unit outside printable ASCII as `\uXXXX`. */
function yamlQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c ? `\\u${c.toString(16).padStart(4, '0')}` : text[i];
  }
  return `${out}"`;
}

function planText(spec: { title: string; outcome: string; milestones: { title: string; tasks: string[] }[] }): string {
  const lines = [
    'workback: 1',
    `title: ${yamlQuoted(spec.title)}`,
    'goal:',
    `  outcome: ${yamlQuoted(spec.outcome)}`,
    '  due: 2026-12-30',
    '  owner: dana',
    'people:',
    '  dana: { name: Dana }',
    'milestones:',
  ];
  let n = 0;
  spec.milestones.forEach((m, i) => {
    lines.push(`  - id: m${i + 1}`, `    title: ${yamlQuoted(m.title)}`, '    tasks:');
    for (const t of m.tasks)
      lines.push(
        `      - id: t${++n}`,
        `        title: ${yamlQuoted(t)}`,
        '        owner: dana',
        '        duration: 2d',
      );
  });
  return lines.join('\n') + '\n';
}
