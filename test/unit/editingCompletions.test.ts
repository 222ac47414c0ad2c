/**
 * Completion items from the schema and the plan: keys not yet present (required first, with
 * their documentation), enum values, ids in depends_on without the item itself and without
 * the ones that would close a cycle, person ids, dates, durations; and a whole task written
 * into a template-made plan with completion alone.
 */
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, parseDay, type CheckResult, type Day } from '../../src/core';
import { completionsAt, type CompletionEntry } from '../../src/core/editing';
import { schemaAt } from '../../src/core/schemaView';
import { templateById } from '../../src/templates';
import { benchPlan } from '../../bench/generate';

const PLAN = readFileSync(
  path.resolve(__dirname, '../../../test/fixtures/workspace/language/editing.workback.yaml'),
  'utf8',
);
const TODAY = parseDay('2026-07-01') as Day;
const CHECKED: CheckResult = checkPlan(PLAN, { today: TODAY });

/** Items at the last `|` of `to`, written in place of `from` in the fixture (the plan data is the fixture's). */
function items(
  from: string,
  to: string,
  base = PLAN,
  data: { plan?: CheckResult['plan']; schedule?: CheckResult['schedule'] } = CHECKED,
): CompletionEntry[] {
  assert.ok(base.includes(from), `fixture has ${JSON.stringify(from)}`);
  const marked = base.replace(from, to);
  const offset = marked.indexOf(to) + to.lastIndexOf('|');
  return completionsAt(marked.slice(0, offset) + marked.slice(offset + 1), offset, {
    plan: data.plan,
    schedule: data.schedule,
    today: TODAY,
  }).items;
}

const labels = (xs: CompletionEntry[]) =>
  [...xs].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((x) => x.label);

describe('editing: completion', () => {
  describe('keys', () => {
    it('at the root of an empty file: required keys first, each with its documentation and a fitting insert', () => {
      const xs = completionsAt('', 0, { today: TODAY }).items;
      assert.deepStrictEqual(labels(xs), [
        'workback',
        'title',
        'goal',
        'people',
        'milestones',
        'start',
        'calendar',
        'policy',
      ]);
      const by = new Map(xs.map((x) => [x.label, x]));
      assert.strictEqual(by.get('workback')!.insert, 'workback: $0');
      assert.strictEqual(by.get('workback')!.retrigger, true, 'the version completes next');
      assert.strictEqual(by.get('title')!.insert, 'title: $0');
      assert.strictEqual(by.get('title')!.retrigger, false);
      assert.strictEqual(by.get('goal')!.insert, 'goal:\n\t$0');
      assert.strictEqual(by.get('milestones')!.insert, 'milestones:\n\t- $0');
      assert.strictEqual(by.get('people')!.insert, 'people:\n\t$0');
      assert.strictEqual(by.get('goal')!.detail, 'required');
      assert.strictEqual(by.get('start')!.detail, 'optional');
      assert.strictEqual(by.get('goal')!.markdown, schemaAt(['goal'])!.markdownDescription);
      assert.match(by.get('milestones')!.markdown!, /A milestone without tasks is a checkpoint/);
    });

    it('only the keys not yet present in a task', () => {
      const xs = items('        duration: 3d\n', '        duration: 3d\n        |\n');
      assert.deepStrictEqual(labels(xs), [
        'priority',
        'due',
        'not_before',
        'status',
        'remaining',
        'done_on',
        'review_by',
        'reviewed_on',
        'interim',
        'tags',
        'notes',
      ]);
      const by = new Map(xs.map((x) => [x.label, x]));
      assert.strictEqual(by.get('tags')!.insert, 'tags: [$0]');
      assert.strictEqual(by.get('status')!.insert, 'status: $0');
      assert.strictEqual(by.get('status')!.retrigger, true);
      assert.strictEqual(by.get('notes')!.retrigger, false);
      assert.match(by.get('not_before')!.markdown!, /YYYY-MM-DD|cannot start before/);
    });

    it('a new task item: every task key, required first (id, title, owner)', () => {
      const xs = items('  - id: pilot', '      - |\n  - id: pilot');
      assert.deepStrictEqual(labels(xs).slice(0, 3), ['id', 'title', 'owner']);
      assert.strictEqual(xs.length, 17);
      assert.strictEqual(xs.find((x) => x.label === 'follow_ups')!.insert, 'follow_ups:\n\t- $0');
    });

    it('under tasks: before the dash: the insert brings its `- `', () => {
      const xs = items('    tasks:\n      - id: enroll-it', '    tasks:\n      |\n      - id: enroll-it');
      assert.strictEqual(xs.find((x) => x.label === 'id')!.insert, '- id: $0');
    });

    it('in a flow mapping, and on an existing key (name only)', () => {
      const xs = items('  lee:  { name: Lee Chen }', '  lee:  { name: Lee Chen, | }');
      assert.deepStrictEqual(labels(xs), ['email', 'role', 'capacity', 'away']);
      assert.strictEqual(xs[0]!.insert, 'email: $0');
      const ys = items('        duration: 3d', '        dura|tion: 3d');
      assert.strictEqual(ys.find((x) => x.label === 'duration')!.insert, 'duration');
    });

    it('people: no key suggestions (person ids are yours to choose)', () => {
      assert.deepStrictEqual(items('  lee:  { name: Lee Chen }\n', '  lee:  { name: Lee Chen }\n  |\n'), []);
    });
  });

  describe('ids in depends_on', () => {
    it('a task: not itself, not its milestone, nothing that depends on it', () => {
      // pick-method: pilot depends on design, rollout on pilot: every later item depends on it
      assert.deepStrictEqual(labels(items('depends_on: [licensing]', 'depends_on: [|licensing]')), ['licensing']);
      assert.deepStrictEqual(
        labels(items('depends_on: [licensing]', 'depends_on: [licensing, |]')),
        [],
        'licensing is listed already',
      );
    });

    it('a task of the last milestone: everything before it, without what is listed', () => {
      assert.deepStrictEqual(labels(items('          - comms', '          - comms\n          - |')), [
        'design',
        'licensing',
        'pick-method',
        'pilot',
        'enroll-it',
      ]);
    });

    it('a milestone: not its own tasks, not the milestones after it', () => {
      assert.deepStrictEqual(labels(items('depends_on: [design]', 'depends_on: [design, |]')), [
        'licensing',
        'pick-method',
      ]);
    });

    it('with titles, kinds and the computed dates', () => {
      const xs = items('          - comms', '          - comms\n          - |');
      const pick = xs.find((x) => x.label === 'pick-method')!;
      assert.strictEqual(pick.kind, 'task');
      assert.strictEqual(pick.detail, 'Choose MFA method');
      assert.strictEqual(
        pick.lazyText!(),
        'Task in design · owner Dana Whitfield (dana) · 3d\nStart by Wed 5 Aug 2026 · finish by Fri 7 Aug 2026',
      );
      const pilot = xs.find((x) => x.label === 'pilot')!;
      assert.deepStrictEqual(
        [pilot.kind, pilot.detail, pilot.lazyText!()],
        ['milestone', 'Pilot group enrolled', 'Milestone · 1 task\nDue Fri 14 Aug 2026'],
      );
    });

    it('in a half-typed list, from the last plan that parsed', () => {
      const xs = items('depends_on: [design]', 'depends_on: [design, |');
      assert.deepStrictEqual(labels(xs), ['licensing', 'pick-method']);
    });

    it('a new task without an id yet (or not checked yet): nothing that waits for its milestone', () => {
      // in design: pilot, enroll-it, rollout, comms and enroll-all wait for design; its own tasks are fine
      assert.deepStrictEqual(labels(items('  - id: pilot', '      - depends_on: [|]\n  - id: pilot')), [
        'licensing',
        'pick-method',
      ]);
      assert.deepStrictEqual(
        labels(items('  - id: pilot', '      - id: brand-new\n        depends_on: [|]\n  - id: pilot')),
        ['licensing', 'pick-method'],
      );
      // in rollout, the last milestone: everything but rollout itself
      assert.deepStrictEqual(
        labels(items('          - comms\n', '          - comms\n      - id: new\n        depends_on: [|]\n')),
        ['design', 'licensing', 'pick-method', 'pilot', 'enroll-it', 'comms', 'enroll-all'],
      );
    });

    it('in a huge plan: the 200 nearest ids (earlier ones first), narrowed by what is typed', function () {
      this.timeout(30000);
      const big = benchPlan(1000);
      const r = checkPlan(big);
      const at = big.indexOf('depends_on: [t998') + 13;
      const all = completionsAt(big, at, { plan: r.plan, schedule: r.schedule, today: TODAY });
      assert.strictEqual(all.incomplete, true);
      assert.strictEqual(all.items.length, 200);
      assert.deepStrictEqual(labels(all.items).slice(0, 4), ['t998', 't997', 't996', 't995']);
      assert.ok(
        !all.items.some((x) => x.label === 't999' || x.label === 'm99' || x.label === 't992'),
        'not itself, its milestone, or a listed one',
      );
      const typed = big.replace('depends_on: [t998, t992, t976]', 'depends_on: [t12, t992, t976]');
      const r2 = completionsAt(typed, typed.lastIndexOf('depends_on: [t12') + 16, {
        plan: r.plan,
        schedule: r.schedule,
        today: TODAY,
      });
      assert.ok(r2.items.length > 0 && r2.items.every((x) => /t.*1.*2/.test(x.label)), 'only ids matching t12');
      assert.ok(labels(r2.items).includes('t12') && labels(r2.items).includes('t512'));
      const small = completionsAt(PLAN, PLAN.indexOf('[licensing]') + 1, { plan: CHECKED.plan, today: TODAY });
      assert.strictEqual(small.incomplete, false);
    });

    it('quotes an id YAML would read as a number', () => {
      const text = PLAN.replace('id: comms', 'id: "2027"').replace('          - comms', '          - "2027"');
      const r = checkPlan(text, { today: TODAY });
      assert.deepStrictEqual(r.diagnostics, []);
      const xs = items('depends_on: [pilot]', 'depends_on: [pilot, |]', text, r);
      assert.strictEqual(
        xs.find((x) => x.label === '2027'),
        undefined,
        'a task of rollout itself is not offered to rollout',
      );
      assert.deepStrictEqual(
        items('depends_on: [licensing]\n', 'depends_on: [licensing]\n        x-note: |\n', text, r),
        [],
        'no values for an x- key',
      );
      const zs = items(
        '        duration: 2w\n',
        '        duration: 2w\n        due: 2026-09-30\n      - id: new\n        depends_on: [|]\n',
        text,
        r,
      );
      assert.strictEqual(zs.find((x) => x.label === '2027')!.insert, '"2027"');
    });
  });

  describe('values', () => {
    it('person ids with names for owner, with, escalate_to, goal.owner, review_by and consulted', () => {
      for (const [from, to] of [
        ['        owner: dana\n        duration: 3d', '        owner: |\n        duration: 3d'],
        ['            with: ravi', '            with: |'],
        ['  escalate_to: dana', '  escalate_to: |'],
        ['  owner: dana\nstart', '  owner: |\nstart'],
        // the method's person references: a reviewer, a stakeholder list
        [
          '        owner: dana\n        duration: 3d',
          '        owner: dana\n        review_by: |\n        duration: 3d',
        ],
        ['  owner: dana\nstart', '  owner: dana\n  consulted: [|]\nstart'],
      ] as const) {
        const xs = items(from, to);
        assert.deepStrictEqual(labels(xs), ['dana', 'ravi', 'lee'], to);
        assert.deepStrictEqual(
          xs.map((x) => x.detail),
          ['Dana Whitfield', 'Ravi Patel', 'Lee Chen'],
        );
      }
      const dana = items('  escalate_to: dana', '  escalate_to: |')[0]!;
      assert.strictEqual(dana.lazyText!(), 'IT director · dana@example.com\n2 open tasks');
      assert.strictEqual(dana.kind, 'person');
    });

    it('a space first right after a `-` or a `,`', () => {
      assert.strictEqual(
        items('  - id: pilot', '      -|\n  - id: pilot').find((x) => x.label === 'id')!.insert,
        ' id: $0',
      );
      assert.strictEqual(
        items('depends_on: [design]', 'depends_on: [design,|]').find((x) => x.label === 'licensing')!.insert,
        ' licensing',
      );
      assert.strictEqual(
        items('depends_on: [design]', 'depends_on: [design, |]').find((x) => x.label === 'licensing')!.insert,
        'licensing',
      );
      assert.strictEqual(
        items('depends_on: [design]', 'depends_on: [|]').find((x) => x.label === 'licensing')!.insert,
        'licensing',
      );
    });

    it('a space first right after the colon; the text only inside quotes', () => {
      assert.strictEqual(items('  escalate_to: dana', '  escalate_to:|')[0]!.insert, ' dana');
      assert.strictEqual(items('  escalate_to: dana', '  escalate_to: "|')[0]!.insert, 'dana');
    });

    it('status and weekdays (the ones not listed yet)', () => {
      const xs = items('        status: done', '        status: |');
      assert.deepStrictEqual(labels(xs), ['todo', 'doing', 'blocked', 'done']);
      assert.strictEqual(xs[0]!.detail, 'default');
      assert.match(xs[2]!.markdown!, /counts as not started/);
      assert.deepStrictEqual(labels(items('workdays: [mon, tue, wed, thu, fri]', 'workdays: [mon, tue, |]')), [
        'wed',
        'thu',
        'fri',
        'sat',
        'sun',
      ]);
    });

    it("dates: today, the next workday, the goal's due and the milestone's due", () => {
      const xs = items('        tags: [critical-system]', '        tags: [critical-system]\n        due: |');
      assert.deepStrictEqual(
        xs.map((x) => `${x.label} ${x.detail}`),
        [
          '2026-07-01 today · Wed 1 Jul 2026',
          '2026-07-02 next workday · Thu 2 Jul 2026',
          "2026-09-30 the goal's due · Wed 30 Sep 2026",
          '2026-08-14 the due of milestone pilot · Fri 14 Aug 2026',
        ],
      );
      assert.deepStrictEqual(labels(items('holidays: [2026-09-07, 2026-09-21]', 'holidays: [2026-09-07, |]')), [
        '2026-07-01',
        '2026-07-02',
        '2026-09-30',
      ]);
    });

    it('tags: those freezes name first (with the freeze), then those tasks use; none already listed', () => {
      const text = PLAN.replace(
        'calendar:\n',
        'calendar:\n  freezes:\n    - { from: 2026-08-03, to: 2026-08-07, tags: [change], name: "Retail $freeze" }\n',
      );
      const r = checkPlan(text, { today: TODAY });
      assert.ok(r.plan, 'the plan still builds');
      const xs = items('        tags: [critical-system]', '        tags: [|]', text, r);
      assert.deepStrictEqual(
        xs.map((x) => [x.label, x.detail, x.insert]),
        [
          ['change', 'freeze Retail $freeze · Mon 3 – Fri 7 Aug 2026 · 0 tasks', 'change'],
          ['critical-system', '1 task', 'critical-system'],
        ],
      );
      const again = items('        tags: [critical-system]', '        tags: [critical-system, |]', text, r);
      assert.deepStrictEqual(
        again.map((x) => x.label),
        ['change'],
      );
    });

    it("the next workday follows the plan's calendar", () => {
      const text = PLAN.replace('workdays: [mon, tue, wed, thu, fri]', 'workdays: [mon, tue, wed]');
      const r = checkPlan(text, { today: TODAY });
      const xs = items('start: 2026-07-01', 'start: |', text, r);
      assert.strictEqual(xs[1]!.label, '2026-07-06');
    });

    it('durations, booleans, the format version', () => {
      assert.deepStrictEqual(labels(items('        duration: 3d', '        duration: |')), [
        '1d',
        '2d',
        '3d',
        '5d',
        '1w',
        '2w',
        '4w',
      ]);
      assert.deepStrictEqual(labels(items('            done: true', '            done: |')), ['true', 'false']);
      assert.deepStrictEqual(labels(items('workback: 1', 'workback: |')), ['1']);
    });

    it('nothing for free text (titles, notes, outcome)', () => {
      assert.deepStrictEqual(items('        title: Choose MFA method', '        title: Choose |'), []);
      assert.deepStrictEqual(items('  outcome: Every staff account signs in with MFA', '  outcome: |'), []);
    });
  });

  describe('writing a plan with completion alone', () => {
    /** Accept an item as VS Code does: snippet text without its tab stops, \t one indentation level, new lines indented like the current one. */
    function accept(text: string, offset: number, item: CompletionEntry): { text: string; offset: number } {
      const lineStart = text.lastIndexOf('\n', item.replace.start - 1) + 1;
      const indent = /^ */.exec(text.slice(lineStart))![0];
      const body = item.insert.replace(/\t/g, '  ').replace(/\n/g, `\n${indent}`);
      const cursor = body.indexOf('$0');
      const inserted = body.replace('$0', '').replace(/\\([$}\\])/g, '$1');
      void offset;
      return {
        text: text.slice(0, item.replace.start) + inserted + text.slice(item.replace.end),
        offset: item.replace.start + (cursor < 0 ? inserted.length : cursor),
      };
    }
    const pick = (text: string, offset: number, label: string): { text: string; offset: number } => {
      const xs = completionsAt(text, offset, { plan: data.plan, schedule: data.schedule, today: TODAY }).items;
      const item = xs.find((x) => x.label === label);
      assert.ok(
        item,
        `"${label}" is offered at ${JSON.stringify(text.slice(offset - 30, offset))}|; offered: ${xs.map((x) => x.label).join(', ')}`,
      );
      return accept(text, offset, item);
    };
    const type = (s: { text: string; offset: number }, what: string) => ({
      text: s.text.slice(0, s.offset) + what + s.text.slice(s.offset),
      offset: s.offset + what.length,
    });
    /** Enter, then the cursor at the column of the line's key (after `- ` on an item's first line, as Tab gets it). */
    const enter = (s: { text: string; offset: number }) => {
      const lineStart = s.text.lastIndexOf('\n', s.offset - 1) + 1;
      return type(s, '\n' + ' '.repeat(/^[ -]*/.exec(s.text.slice(lineStart))![0].length));
    };
    let data: { plan?: CheckResult['plan']; schedule?: CheckResult['schedule'] } = {};

    it('adds a task to a template-made plan: keys, owner, duration and depends_on from completion', () => {
      const template = templateById('mfa-rollout')!;
      const start = template.render({ title: 'MFA for staff', due: TODAY + 98, today: TODAY });
      const base = checkPlan(start, { today: TODAY });
      assert.deepStrictEqual(base.diagnostics, []);
      data = base;
      // a new line under the evidence milestone's tasks, at the items' indentation
      const anchor = '        duration: 1d\n';
      let s = {
        text: start.slice(0, start.lastIndexOf(anchor) + anchor.length) + '      ',
        offset: start.lastIndexOf(anchor) + anchor.length + 6,
      };
      s.text += start.slice(start.lastIndexOf(anchor) + anchor.length);
      s = pick(s.text, s.offset, 'id');
      s = type(s, 'sign-off');
      s = enter(s);
      s = pick(s.text, s.offset, 'title');
      s = type(s, 'Sponsor signs off the evidence pack');
      s = enter(s);
      s = pick(s.text, s.offset, 'owner');
      s = pick(s.text, s.offset, 'sponsor');
      s = enter(s);
      s = pick(s.text, s.offset, 'duration');
      s = pick(s.text, s.offset, '1d');
      s = enter(s);
      s = pick(s.text, s.offset, 'depends_on');
      s = pick(s.text, s.offset, 'audit-report');
      const r = checkPlan(s.text, { today: TODAY });
      assert.deepStrictEqual(
        r.diagnostics.map((d) => d.message),
        [],
      );
      assert.ok(
        s.text.endsWith(
          [
            '      - id: audit-report',
            '        title: Export the authentication-methods report and the exception register',
            '        owner: security',
            '        duration: 1d',
            '      - id: sign-off',
            '        title: Sponsor signs off the evidence pack',
            '        owner: sponsor',
            '        duration: 1d',
            '        depends_on: [audit-report]',
          ].join('\n'),
        ),
        s.text.slice(-400),
      );
      const task = r.plan!.items.get('sign-off');
      assert.deepStrictEqual(task?.kind === 'task' && [task.owner, task.dependsOn.map((d) => d.id)], [
        'sponsor',
        ['audit-report'],
      ]);
    });

    it('starts an empty file with the required keys and the version', () => {
      data = {};
      let s = pick('', 0, 'workback');
      s = pick(s.text, s.offset, '1');
      assert.strictEqual(s.text, 'workback: 1');
      s = enter(s);
      s = pick(s.text, s.offset, 'goal');
      assert.strictEqual(s.text, 'workback: 1\ngoal:\n  ');
      s = pick(s.text, s.offset, 'due');
      s = pick(s.text, s.offset, '2026-07-01');
      assert.strictEqual(s.text, 'workback: 1\ngoal:\n  due: 2026-07-01');
      s = type(s, '\n');
      const keys = completionsAt(s.text, s.offset, { today: TODAY }).items.map((x) => x.label);
      assert.ok(!keys.includes('workback') && !keys.includes('goal') && keys.includes('milestones'), keys.join());
    });
  });
});
