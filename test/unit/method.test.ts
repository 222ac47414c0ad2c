/**
 * The method carried through (docs/format.md "Escalation ladders", "Priority", "Interim
 * controls", "Reviews", "Finishing", "Stakeholders"): each rule at its boundaries, the edits
 * behind the sidebar's actions, and the quick fixes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  actions,
  checkPlan,
  detachSource,
  markGoalAchieved,
  markInterimInPlace,
  markReviewed,
  parseDay,
  type Day,
} from '../../src/core';
import { actionNodeId } from '../../src/extension/sidebar/nodes';
import { FIXTURES } from './helpers/fixtures';
import { codesOf, fix, titles } from './helpers/quickFixes';

const day = (s: string): Day => parseDay(s) as Day;

const PEOPLE = `people:
  dana: { name: Dana Whitfield }
  ciso: { name: Casey Ito }
  mira: { name: Mira Ruiz }
  omar: { name: Omar Haddad }
`;

/** A plan due Wed 30 Sep 2026 with the given policy and milestones (Mon-Fri). */
function plan(policy: string, milestones: string, goal = ''): string {
  return `workback: 1
title: Method
goal:
  outcome: Patched
  measure: Scanner clean
  due: 2026-09-30
  owner: dana
${goal}${PEOPLE}${policy}milestones:
${milestones}`;
}

const LADDERS = `policy:
  escalation:
    default:
      - { after: 2d, to: dana }
      - { after: 5d, to: ciso }
    p1:
      - { after: 0d, to: dana }
      - { after: 2d, to: ciso }
`;

/** One task due Fri 11 Sep (LF), doing, of the given priority (or none). */
const lateTask = (priority?: string, extra = ''): string => `  - id: m
    title: M
    due: 2026-09-11
    tasks:
      - id: t
        title: T
        owner: omar
        status: doing
${priority ? `        priority: ${priority}\n` : ''}${extra}`;

function only(text: string, code: string, today: string) {
  const found = checkPlan(text, { today: day(today) }).diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code}: ${found.map((d) => d.message).join(' | ')}`);
  return found[0]!;
}

describe('the method: escalation ladders', () => {
  // LF Fri 11 Sep: Mon 14 = 1 workday late, Tue 15 = 2, Wed 16 = 3, Fri 18 = 5, Mon 21 = 6.
  it("late by exactly a tier's after is not past it: the last tier whose after is less than L", () => {
    const text = plan(LADDERS, lateTask());
    const at = (today: string) => only(text, 'task-overdue', today);
    assert.equal(at('2026-09-15').data!['escalate'], false, 'L = 2 = after of tier 1: not escalated');
    assert.equal(at('2026-09-15').severity, 'warning', 'overdue is a warning anyway');
    assert.deepEqual(
      [at('2026-09-16').data!['escalateTo'], at('2026-09-16').data!['tier'], at('2026-09-16').data!['tiers']],
      ['dana', 1, 2],
    );
    assert.match(at('2026-09-16').message, /escalated to Dana Whitfield \(dana\), tier 1 of 2\.$/);
    assert.equal(at('2026-09-18').data!['escalateTo'], 'dana', 'L = 5 = after of tier 2: still tier 1');
    assert.match(at('2026-09-21').message, /escalated to Casey Ito \(ciso\), tier 2 of 2\.$/);
  });

  it('a 0d tier takes an item late by any amount, not one late by none', () => {
    const text = plan(LADDERS, lateTask('p1'));
    assert.equal(only(text, 'task-overdue', '2026-09-12').data!['escalate'], false, 'Saturday: 0 workdays late');
    assert.deepEqual(only(text, 'task-overdue', '2026-09-14').data!['tier'], 1);
    assert.equal(only(text, 'task-overdue', '2026-09-14').data!['escalateTo'], 'dana');
    assert.equal(only(text, 'task-overdue', '2026-09-16').data!['escalateTo'], 'ciso');
  });

  it("a task inherits its milestone's priority; its own wins; a priority without a ladder takes the default", () => {
    const inherited = plan(
      LADDERS,
      lateTask().replace('    due: 2026-09-11\n', '    due: 2026-09-11\n    priority: p1\n'),
    );
    assert.equal(checkPlan(inherited).plan!.tasks[0]!.priority, 'p1');
    assert.equal(only(inherited, 'task-overdue', '2026-09-14').data!['escalateTo'], 'dana');
    const own = inherited.replace('        status: doing\n', '        status: doing\n        priority: p3\n');
    assert.equal(checkPlan(own).plan!.tasks[0]!.priority, 'p3');
    assert.equal(only(own, 'task-overdue', '2026-09-14').data!['escalate'], false, 'p3: the default ladder');
    assert.equal(checkPlan(plan('', lateTask())).plan!.tasks[0]!.priority, 'p3', 'nothing written: p3');
  });

  it('the older escalate_after/escalate_to are a one-tier ladder: no tier named in the message', () => {
    const text = plan('policy: { escalate_after: 2d, escalate_to: ciso }\n', lateTask('p1'));
    const d = only(text, 'task-overdue', '2026-09-16');
    assert.deepEqual([d.data!['escalateTo'], d.data!['tier'], d.data!['tiers']], ['ciso', 1, 1]);
    assert.match(d.message, /escalated to Casey Ito \(ciso\)\.$/);
  });

  it('both forms at once, and tiers that do not rise, are errors at their places', () => {
    const both = plan(LADDERS.replace('policy:\n', 'policy:\n  escalate_after: 2d\n'), lateTask());
    const conflict = only(both, 'escalation-conflict', '2026-09-16');
    const lines = both.split('\n');
    assert.equal(
      lines[conflict.range.start.line]!.slice(conflict.range.start.character, conflict.range.end.character),
      'escalation',
    );
    assert.match(conflict.message, /Remove escalate_after, or write it as a tier/);
    assert.deepEqual(
      conflict.related?.map((r) => r.message),
      ['escalate_after is here'],
    );
    const flat = plan(LADDERS.replace('{ after: 2d, to: dana }', '{ after: 1w, to: dana }'), lateTask());
    const d = only(flat, 'escalation-not-rising', '2026-09-16');
    assert.match(d.message, /Tier 2 of the default ladder \(after 5d\) must come later than tier 1 \(after 1w\)/);
    assert.equal(
      codesOf(flat.replace('{ after: 5d, to: ciso }', '{ after: 6d, to: ciso }')).includes('escalation-not-rising'),
      false,
    );
  });

  it('every person a tier, a review, an interim or a stakeholder list names must be in people', () => {
    const text = plan(
      LADDERS.replace('to: ciso }\n    p1', 'to: cso }\n    p1'),
      lateTask('p1', '        review_by: mria\n        interim: { control: Block it, owner: omr }\n').replace(
        '    due: 2026-09-11\n',
        '    due: 2026-09-11\n    consulted: [legal]\n',
      ),
      '  informed: [ceo]\n',
    );
    const unknown = checkPlan(text)
      .diagnostics.filter((d) => d.code === 'unknown-person')
      .map((d) => d.message);
    assert.deepEqual(unknown, [
      '"ceo" (informed of the goal) is not in people. Did you mean "ciso"?',
      '"cso" (escalation default, tier 2) is not in people. Did you mean "ciso"?',
      '"legal" (consulted on m) is not in people. Add them to people.',
      '"mria" (review_by of t) is not in people. Did you mean "mira"?',
      '"omr" (interim owner of t) is not in people. Did you mean "omar"?',
    ]);
  });
});

describe('the method: interim controls', () => {
  it('a late p1 or p2 task without interim is warned; p3, on time, or with an interim is not', () => {
    const codes = (priority: string, today: string, extra = '') =>
      codesOf(plan('', lateTask(priority, extra)), day(today)).filter((c) => c === 'no-interim-control').length;
    assert.equal(codes('p1', '2026-09-14'), 1);
    assert.equal(codes('p2', '2026-09-14'), 1);
    assert.equal(codes('p3', '2026-09-14'), 0);
    assert.equal(codes('p1', '2026-09-11'), 0, 'due today: not late');
    assert.equal(codes('p1', '2026-09-14', '        interim: { control: Block it }\n'), 0);
    // a late start (todo, LS passed) counts too
    const todo = plan(
      '',
      lateTask('p2').replace('status: doing', 'status: todo').replace('due: 2026-09-11', 'due: 2026-09-30'),
    );
    assert.deepEqual(
      codesOf(todo, day('2026-10-01')).filter((c) => c === 'no-interim-control'),
      ['no-interim-control'],
    );
  });

  it("the quick fix inserts the skeleton with the task's owner; marking it in place is a byte-safe edit", () => {
    const text = plan('', lateTask('p1') + '        notes: keep   # a comment\n');
    const today = day('2026-09-14');
    assert.deepEqual(titles(text, 'no-interim-control', 0, today), ['* Add an interim control to "t"']);
    const fixed = fix(text, 'no-interim-control', 'Add an interim control to "t"', 0, today);
    assert.equal(
      fixed,
      text.replace(
        '        status: doing\n',
        '        status: doing\n        interim:\n          control: Say what protects the system until this is done\n          owner: omar\n          in_place: false\n',
      ),
    );
    const placed = markInterimInPlace(fixed, 't');
    assert.ok(placed.ok);
    assert.equal(placed.text, fixed.replace('in_place: false', 'in_place: true'));
    const again = markInterimInPlace(placed.text, 't');
    assert.equal(again.ok ? 'ok' : again.reason, 'unchanged');
  });
});

describe('the method: reviews', () => {
  const reviewed = (extra: string) =>
    plan(
      LADDERS,
      `  - id: m
    title: M
    review_by: ciso
    tasks:
      - id: t
        title: T
        owner: omar
        status: done
        done_on: 2026-09-11
        review_by: mira
${extra}`,
    );

  it('a done task awaits review from its done_on: late by the workdays since, on the ladder', () => {
    const text = reviewed('');
    const on = (today: string) =>
      checkPlan(text, { today: day(today) }).diagnostics.filter((d) => d.code === 'awaiting-review');
    const sameDay = on('2026-09-11');
    assert.equal(sameDay.length, 2, 'the task and its milestone, whose tasks are all done');
    assert.deepEqual(
      sameDay.map((d) => [d.data!['itemId'], d.data!['daysLate'], d.severity]),
      [
        ['m', 0, 'information'],
        ['t', 0, 'information'],
      ],
    );
    const later = on('2026-09-16');
    assert.deepEqual(
      later.map((d) => [d.data!['itemId'], d.data!['daysLate'], d.data!['escalateTo']]),
      [
        ['m', 3, 'dana'],
        ['t', 3, 'dana'],
      ],
    );
    assert.match(
      later[1]!.message,
      /^t is done and awaits review by Mira Ruiz \(mira\) since Fri 11 Sep 2026 \(3 workdays late\)/,
    );
  });

  it('a milestone is complete only once reviewed: a done task depending on it is warned', () => {
    const text = reviewed(`  - id: after
    title: After
    tasks:
      - { id: u, title: U, owner: omar, depends_on: [m], status: done, done_on: 2026-09-14 }
`);
    const d = checkPlan(text).diagnostics.find((x) => x.code === 'done-depends-on-open')!;
    assert.match(d.message, /milestone m awaits review by ciso/);
    const signed = text.replace('    review_by: ciso\n', '    review_by: ciso\n    reviewed_on: 2026-09-14\n');
    assert.equal(codesOf(signed).includes('done-depends-on-open'), false);
  });

  it("Mark reviewed writes reviewed_on today, on a task or a milestone, in the format's key order", () => {
    const text = reviewed('');
    const today = day('2026-09-16');
    const t = markReviewed(text, 't', today);
    assert.ok(t.ok);
    assert.equal(
      t.text,
      text.replace('        review_by: mira\n', '        review_by: mira\n        reviewed_on: 2026-09-16\n'),
    );
    const m = markReviewed(t.text, 'm', today);
    assert.ok(m.ok);
    assert.equal(m.text, t.text.replace('    review_by: ciso\n', '    review_by: ciso\n    reviewed_on: 2026-09-16\n'));
    assert.deepEqual(
      codesOf(m.text, today).filter((c) => c === 'awaiting-review'),
      [],
    );
    const fixed = fix(text, 'awaiting-review', 'Mark "m" reviewed today (2026-09-16)', 0, today);
    assert.equal(fixed, text.replace('    review_by: ciso\n', '    review_by: ciso\n    reviewed_on: 2026-09-16\n'));
  });
});

describe('the method: finishing and the SMART goal', () => {
  const done = (goal: string, status = 'done') =>
    plan(
      '',
      `  - id: m
    title: M
    tasks:
      - { id: a, title: A, owner: omar, status: done, done_on: 2026-09-25 }
      - { id: b, title: B, owner: omar, status: ${status}, done_on: 2026-09-29 }
`,
      goal,
    );

  it('every task done and no achieved_on: a note with a fix proposing the last done_on', () => {
    const text = done('');
    assert.deepEqual(titles(text, 'all-tasks-done'), ['* Mark the goal achieved on 2026-09-29']);
    const fixed = fix(text, 'all-tasks-done', 'Mark the goal achieved on 2026-09-29');
    assert.equal(fixed, text.replace('  owner: dana\n', '  owner: dana\n  achieved_on: 2026-09-29\n'));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('achieved_on on the due is on time; a day later is goal-met-late; open work is an error', () => {
    assert.deepEqual(codesOf(done('  achieved_on: 2026-09-30\n')), []);
    const late = checkPlan(done('  achieved_on: 2026-10-02\n')).diagnostics;
    assert.deepEqual(
      late.map((d) => [d.code, d.message]),
      [['goal-met-late', 'The goal was met on Fri 2 Oct 2026, 2 workdays after its due (Wed 30 Sep 2026).']],
    );
    const open = checkPlan(done('  achieved_on: 2026-09-30\n', 'doing'));
    assert.deepEqual(
      open.diagnostics.map((d) => d.code).filter((c) => c !== 'done-on-not-done'),
      ['achieved-with-open-work'],
    );
    assert.equal(markGoalAchieved(done(''), day('2026-09-29')).ok, true);
  });

  it('a finished plan keeps its finished-late notes but owes nothing: no review, follow-up or check-in', () => {
    const text = plan(
      'policy: { check_in_every: 1w }\n',
      `  - id: m
    title: M
    due: 2026-09-11
    tasks:
      - id: a
        title: A
        owner: omar
        status: done
        done_on: 2026-09-15
        review_by: mira
        follow_ups: [{ on: 2026-09-14, with: dana }]
`,
      '  achieved_on: 2026-09-15\n',
    );
    assert.deepEqual(codesOf(text, day('2026-10-20')), ['finished-late']);
    assert.deepEqual(codesOf(text.replace('  achieved_on: 2026-09-15\n', ''), day('2026-10-20')).sort(), [
      'all-tasks-done',
      'awaiting-review',
      'finished-late',
      'follow-up-overdue',
    ]);
  });

  it("a goal with no measure and no owner is warned, on the goal key; a wrong type is the schema's", () => {
    const text =
      'workback: 1\ntitle: T\ngoal: { outcome: O, due: 2026-09-30 }\npeople: { a: { name: A } }\nmilestones: [{ id: m, title: M }]\n';
    assert.deepEqual(codesOf(text), ['goal-no-owner', 'goal-not-measurable']);
    assert.deepEqual(codesOf(text.replace('due: 2026-09-30', 'due: 2026-09-30, measure: [x], owner: a')), [
      'schema-type',
    ]);
  });
});

describe('the method: what each person must do (core actions)', () => {
  it('reads the plan, not its diagnostics: a result kept without its tree (detachSource) answers the same', () => {
    const text = readFileSync(path.join(FIXTURES, 'schedule', 'method-ladders.workback.yaml'), 'utf8');
    const today = day('2026-09-16');
    const summary = (r: ReturnType<typeof checkPlan>) =>
      actions([{ file: 'p', plan: r.plan!, schedule: r.schedule! }], today).map((a) =>
        `${a.kind} ${a.item.id} ${a.kind === 'escalated' ? `${a.what} ${a.to} ${a.tier}/${a.tiers}` : ''}`.trim(),
      );
    const fresh = summary(checkPlan(text, { today }));
    assert.deepEqual(fresh, [
      'escalated patch-edr task-overdue ciso 2/2',
      'escalated patch-vpn task-overdue ciso 2/2',
      'escalated runbook awaiting-review dana 1/2',
      'interim patch-vpn',
      'review runbook',
    ]);
    assert.deepEqual(summary(detachSource(checkPlan(text, { today }))), fresh);
  });
});

describe('the method: edges found in review', () => {
  it('a task or goal done on a day off right after its date is no workday late', () => {
    // LF Fri 11 Sep; done Sat 12: no finished-late. The goal due Wed 30 Sep, met Sat 3 Oct: after it, 2 workdays.
    const text = plan(
      '',
      lateTask().replace('status: doing', 'status: done\n        done_on: 2026-09-12'),
      '  achieved_on: 2026-10-03\n',
    );
    const d = checkPlan(text, { today: day('2026-10-05') }).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.code, x.message]),
      [['goal-met-late', 'The goal was met on Sat 3 Oct 2026, 2 workdays after its due (Wed 30 Sep 2026).']],
    );
    const weekend = text.replace('due: 2026-09-30', 'due: 2026-10-02');
    assert.equal(
      checkPlan(weekend).diagnostics[0]!.message,
      'The goal was met on Sat 3 Oct 2026, after its due (Fri 2 Oct 2026).',
    );
  });

  it('a finished plan owes no milestone review: a done task depending on it is not warned', () => {
    const text = plan(
      '',
      `  - id: m
    title: M
    review_by: ciso
    tasks:
      - { id: a, title: A, owner: omar, status: done, done_on: 2026-09-10 }
  - id: n
    title: N
    tasks:
      - { id: b, title: B, owner: omar, depends_on: [m], status: done, done_on: 2026-09-11 }
`,
    );
    assert.ok(codesOf(text).includes('done-depends-on-open'));
    assert.match(
      checkPlan(text).diagnostics.find((x) => x.code === 'all-tasks-done')!.message,
      /1 review is still to be signed off/,
    );
    assert.deepEqual(codesOf(text.replace('  owner: dana\n', '  owner: dana\n  achieved_on: 2026-09-11\n')), []);
  });

  it('two escalated follow-ups of one task with one person are two rows with two ids', () => {
    const text = plan(
      'policy: { escalate_after: 1d, escalate_to: dana }\n',
      lateTask(
        undefined,
        '        follow_ups:\n          - { on: 2026-09-07, with: mira }\n          - { on: 2026-09-08, with: mira }\n',
      ),
    );
    const r = checkPlan(text, { today: day('2026-09-16') });
    const pf = { file: 'file:///p.workback.yaml', plan: r.plan!, schedule: r.schedule! };
    const rows = actions([pf], day('2026-09-16'), { me: ['dana'] }).filter(
      (a) => a.kind === 'escalated' && a.what === 'follow-up-overdue',
    );
    assert.equal(rows.length, 2);
    const ids = rows.map((entry) =>
      actionNodeId({ kind: 'action', uri: pf.file, plan: pf.plan, entry, group: 'escalated' }),
    );
    assert.notEqual(ids[0], ids[1]);
  });
});
