/**
 * Hover texts (keys from the schema; tasks, milestones and references with their computed
 * dates and state; people with their open tasks), plan text kept inert, and the start-by
 * lenses' titles.
 */
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, parseDay, type CheckResult, type Day } from '../../src/core';
import {
  goalLensTitle,
  hoverAt,
  inertText,
  markdownEscape,
  planLenses,
  reanchorLenses,
  type HoverInfo,
} from '../../src/core/editing';
import { schemaAt } from '../../src/core/schemaView';

const PLAN = readFileSync(
  path.resolve(__dirname, '../../../test/fixtures/workspace/language/editing.workback.yaml'),
  'utf8',
);
const day = (s: string) => parseDay(s) as Day;
const ON_TIME = checkPlan(PLAN, { today: day('2026-07-01') });
const LATE = checkPlan(PLAN, { today: day('2026-08-12') });

/** The hover at `needle` + `delta`, as one string: markdown as is, plan text in «». */
function hover(
  needle: string,
  delta = 1,
  r: CheckResult = ON_TIME,
  text = PLAN,
): { range: string; text: string } | undefined {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const h: HoverInfo | undefined = hoverAt(text, i + delta, r);
  return (
    h && {
      range: text.slice(h.span.start, h.span.end),
      text: h.parts.map((p) => (p.kind === 'md' ? p.value : `«${p.value}»`)).join(''),
    }
  );
}

describe('editing: hover and lenses', () => {
  it('on a task id: its dates, slack, critical and state', () => {
    assert.deepStrictEqual(hover('id: pick-method', 5), {
      range: 'pick-method',
      text: [
        '**Task** «pick-method» — «Choose MFA method»',
        'Milestone «design» · owner «Dana Whitfield (dana)» · 3d · todo',
        'Start by **Wed 5 Aug 2026** · finish by **Fri 7 Aug 2026**',
        'Earliest start Wed 1 Jul 2026 · slack 25 workdays · **critical**',
        'Open as of Wed 1 Jul 2026',
      ].join('\n\n'),
    });
  });

  it('late and overdue, with the escalation', () => {
    assert.deepStrictEqual(hover('id: pick-method', 5, LATE)!.text.split('\n\n').slice(3), [
      'Earliest start Wed 12 Aug 2026 · 5 workdays behind · **critical**',
      '⚠ Overdue: 3 workdays late · escalated to «Dana Whitfield (dana)»',
    ]);
    assert.strictEqual(hover('id: enroll-it', 5, LATE)!.text.split('\n\n').pop(), '⚠ Late start: 2 workdays late');
  });

  it("on a task under a freeze and its owner's leave: the days each takes out, and why", () => {
    const text = readFileSync(
      path.resolve(__dirname, '../../../test/fixtures/schedule/freeze-leave.workback.yaml'),
      'utf8',
    );
    const r = checkPlan(text, { today: day('2026-11-09') });
    assert.deepStrictEqual(hover('id: push-policy', 5, r, text)!.text.split('\n\n').slice(4, 6), [
      '⛔ Leave of the owner «Leave» · Mon 16 – Fri 20 Nov 2026 · loses 5 workdays',
      '⛔ Freeze «Retail freeze» · Mon 30 Nov – Fri 4 Dec 2026 · loses 5 workdays · tag «change»',
    ]);
    assert.ok(!hover('id: brief-sites', 5, r, text)!.text.includes('⛔'), 'no freeze or leave for Dana');
    assert.deepStrictEqual(hover('  omar:', 3, r, text)!.text.split('\n\n').slice(1, 2), [
      'Away Mon 16 – Fri 20 Nov 2026 · «Leave»',
    ]);
  });

  it('on a reference in depends_on: the referenced item', () => {
    const h = hover('- comms', 3)!;
    assert.strictEqual(h.range, 'comms');
    assert.deepStrictEqual(h.text.split('\n\n'), [
      'Depends on **Task** «comms» — «Announce to staff»',
      'Milestone «rollout» · owner «Dana Whitfield (dana)» · 2d · todo',
      'Start by **Mon 14 Sep 2026** · finish by **Tue 15 Sep 2026**',
      'Earliest start Mon 13 Jul 2026 · slack 44 workdays',
      'Open as of Wed 1 Jul 2026',
    ]);
    assert.strictEqual(hover('[licensing]')!.text.split('\n\n').pop(), 'Done');
  });

  it('on a milestone: its tasks, due, dates and slack', () => {
    assert.deepStrictEqual(hover('id: pilot', 5)!.text.split('\n\n'), [
      '**Milestone** «pilot» — «Pilot group enrolled»',
      '1 task, 0 done · due Fri 14 Aug 2026 · depends on 1 item',
      'Start by **Mon 10 Aug 2026** · finish by **Fri 14 Aug 2026**',
      'Minimum slack 25 workdays · **on the critical path**',
    ]);
    const cp = PLAN.replace(
      '  - id: pilot',
      '  - id: cab\n    title: CAB approval\n    depends_on: [design]\n  - id: pilot',
    );
    const r = checkPlan(cp, { today: day('2026-07-01') });
    assert.deepStrictEqual(hover('id: cab', 5, r, cp)!.text.split('\n\n'), [
      '**Checkpoint** «cab» — «CAB approval»',
      'depends on 1 item',
      'Passes by **Wed 30 Sep 2026**',
    ]);
  });

  it('on a person: name, role, email, open tasks and what they answer for', () => {
    assert.deepStrictEqual(hover('dana:')!.text.split('\n\n'), [
      '**Person** «dana» — «Dana Whitfield»',
      '«IT director»',
      'Email «dana@example.com»',
      '2 open tasks',
      'owns the goal · late work is escalated to them',
    ]);
    assert.deepStrictEqual(hover('with: ravi', 7)!.text.split('\n\n'), [
      '**Person** «ravi» — «Ravi Patel»',
      'Email «ravi@msp.example»',
      '0 open tasks (1 done)',
    ]);
    assert.strictEqual(hover('owner: lee', 8)!.range, 'lee');
  });

  it('on a key: its documentation from the schema, also in a broken text', () => {
    const h = hover('        duration: 3d', 9)!;
    assert.strictEqual(h.range, 'duration');
    assert.strictEqual(
      h.text,
      `**duration**\n\n${schemaAt(['milestones', 0, 'tasks', 0, 'duration'])!.markdownDescription}`,
    );
    assert.strictEqual(
      hover('depends_on: [design]', 2)!.text.split('\n\n')[1],
      schemaAt(['milestones', 0, 'depends_on'])!.markdownDescription!.split('\n\n')[0],
    );
    const broken = PLAN.replace('depends_on: [licensing]', 'depends_on: [licensing');
    const r = checkPlan(broken, { today: day('2026-07-01') });
    assert.ok(!r.plan);
    assert.strictEqual(hover('  escalate_to', 4, r, broken)!.range, 'escalate_to');
    assert.strictEqual(hover('id: pick-method', 5, r, broken), undefined, 'no plan: no dates');
  });

  it('nothing on plain text, values and comments', () => {
    assert.strictEqual(hover('Choose MFA'), undefined);
    assert.strictEqual(hover('# Language'), undefined);
    assert.strictEqual(hover('2026-09-30'), undefined);
  });

  it('keeps plan text inert: one line, no bidi or zero-width characters, shortened', () => {
    const text = PLAN.replace(
      'title: Choose MFA method',
      'title: "[x](command:workbench.action.quit) <img src=x>\\u202e\\u200b\\nnext"',
    );
    const r = checkPlan(text, { today: day('2026-07-01') });
    const h = hoverAt(text, text.indexOf('id: pick-method') + 5, r)!;
    const title = h.parts[3]!;
    assert.deepStrictEqual(title, {
      kind: 'text',
      value: '[x](command:workbench.action.quit) <img src=x>\\u{202e}\\u{200b} next',
    });
    assert.ok(
      h.parts.filter((p) => p.kind === 'md').every((p) => !p.value.includes('command:')),
      'plan text never goes into markdown',
    );
    assert.strictEqual(inertText('x'.repeat(300)).length, 200);
    assert.ok(inertText('x'.repeat(300)).endsWith('…'));
  });

  it('lenses: start by, slack and critical on each task, feasibility on the goal', () => {
    const show = (r: CheckResult) =>
      planLenses(r.plan!, r.schedule, 0).map((l) => `${l.kind} ${PLAN.slice(l.span.start, l.span.end)}: ${l.title}`);
    assert.deepStrictEqual(show(ON_TIME), [
      'goal goal: goal feasible · minimum slack 25 workdays',
      'task licensing: done',
      'task pick-method: start by Wed 5 Aug · slack 25 workdays · critical',
      'task enroll-it: start by Mon 10 Aug · slack 25 workdays · critical',
      'task comms: start by Mon 14 Sep · slack 44 workdays',
      'task enroll-all: start by Wed 16 Sep · slack 44 workdays',
    ]);
    assert.deepStrictEqual(show(LATE).slice(0, 4), [
      'goal goal: goal 5 workdays short',
      'task licensing: done',
      'task pick-method: start by Wed 5 Aug · 5 workdays behind · critical · 3 workdays late',
      'task enroll-it: start by Mon 10 Aug · 5 workdays behind · critical · start 2 workdays late',
    ]);
  });

  it('lenses without a schedule: the goal says why', () => {
    const broken = PLAN.replace('owner: lee\n        duration: 1w', 'owner: nobody\n        duration: 1w');
    const r = checkPlan(broken, { today: day('2026-07-01') });
    assert.deepStrictEqual(
      planLenses(r.plan!, r.schedule, 1).map((l) => l.title),
      ['schedule not computed: 1 error to fix'],
    );
    assert.strictEqual(goalLensTitle(undefined, 3), 'schedule not computed: 3 errors to fix');
    const done = checkPlan(
      PLAN.replace(/        duration: (\w+)\n/g, '        duration: $1\n        status: done\n').replace(
        '        status: done\n        status: done\n',
        '        status: done\n',
      ),
      { today: day('2026-07-01') },
    );
    assert.strictEqual(planLenses(done.plan!, done.schedule, 0)[0]!.title, 'every task done');
    // no slack because the earliest dates leave the range (earliest-out-of-range): not "every task done"
    const far = checkPlan(PLAN.replace(/due: \d{4}-\d\d-\d\d/, 'due: 2199-12-31'), { today: day('2199-12-30') });
    assert.ok(far.diagnostics.some((d) => d.code === 'earliest-out-of-range'));
    assert.strictEqual(
      planLenses(far.plan!, far.schedule, 0)[0]!.title,
      'slack not computed: earliest dates past 2199',
    );
  });

  it('keeps the last lenses in place while the text has errors or does not parse', () => {
    const last = planLenses(ON_TIME.plan!, ON_TIME.schedule, 0);
    const broken = PLAN.replace(
      '        owner: dana\n        duration: 3d',
      '        owner: [dana\n\n\n        duration: 3d',
    );
    assert.ok(!checkPlan(broken).plan, 'does not parse');
    const moved = reanchorLenses(broken, last, goalLensTitle(undefined, 1));
    assert.deepStrictEqual(
      moved.map(
        (l) =>
          `${broken.slice(0, l.span.start).split('\n').length} ${broken.slice(l.span.start, l.span.end)}: ${l.title}`,
      ),
      [
        '5 goal: schedule not computed: 1 error to fix',
        '26 licensing: done',
        '31 pick-method: start by Wed 5 Aug · slack 25 workdays · critical',
        '48 enroll-it: start by Mon 10 Aug · slack 25 workdays · critical',
        '57 comms: start by Mon 14 Sep · slack 44 workdays',
        '61 enroll-all: start by Wed 16 Sep · slack 44 workdays',
      ],
    );
  });

  it("finds the goal's key as the parser does while the text does not parse: quoted, or not a key at all", () => {
    const last = planLenses(ON_TIME.plan!, ON_TIME.schedule, 0);
    const broken = PLAN.replace(
      '        owner: dana\n        duration: 3d',
      '        owner: [dana\n\n\n        duration: 3d',
    );
    const goalOf = (text: string) =>
      reanchorLenses(text, last, 'why')
        .filter((l) => l.kind === 'goal')
        .map((l) => text.slice(l.span.start, l.span.end));
    assert.deepStrictEqual(goalOf(broken.replace('\ngoal:', '\n"goal" :')), ['"goal"']);
    assert.deepStrictEqual(goalOf(broken.replace('\ngoal:', '\ngoal:x\nhold:')), []);
  });

  it('escapes plan text for markdown: every ASCII punctuation, spaces kept', () => {
    assert.strictEqual(
      markdownEscape('[x](command:a) <b> *y* `z` $(icon) &amp; #1 a_b'),
      '\\[x\\]\\(command\\:a\\) \\<b\\> \\*y\\* \\`z\\` \\$\\(icon\\) \\&amp\\; \\#1 a\\_b',
    );
    assert.strictEqual(markdownEscape('Plain title 2026'), 'Plain title 2026');
  });
});
