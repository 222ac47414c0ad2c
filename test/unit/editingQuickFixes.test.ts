/**
 * Quick fixes: each applied to the text byte for byte, the diagnostic gone after a re-check,
 * comments, quotes, flow style and CRLF untouched. Also every fixture in
 * test/fixtures/plans/invalid whose problem has a fix: applying the preferred fix removes it.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, checkPlan, FIXABLE_CODES, parseDay, quickFixes, type Day } from '../../src/core';
import { fix, titles, TODAY } from './helpers/quickFixes';

const HEAD = `workback: 1
title: Fixes
goal:
  outcome: Done
  due: 2026-09-30   # the deadline
  owner: dana
people:
  dana: { name: Dana Whitfield, email: dana@example.com }
  lee:  { name: Lee Chen }   # field team
milestones:
`;

describe('editing: quick fixes', () => {
  describe('unknown person', () => {
    const text = `${HEAD}  - id: m1
    title: First
    tasks:
      - id: t1
        title: Task one
        owner: sam
`;
    it('offers to add them to people, or a near id', () => {
      assert.deepStrictEqual(titles(text, 'unknown-person'), ['* Add "sam" to people']);
      const near = text.replace('owner: sam', 'owner: danna');
      assert.deepStrictEqual(titles(near, 'unknown-person'), [
        '* Add "danna" to people',
        'Change to "dana" (Dana Whitfield)',
      ]);
      assert.strictEqual(
        fix(near, 'unknown-person', 'Change to "dana" (Dana Whitfield)'),
        text.replace('owner: sam', 'owner: dana'),
      );
    });

    it('adds a flow entry after the last person of a block map (comment kept)', () => {
      assert.strictEqual(
        fix(text, 'unknown-person', 'Add "sam" to people'),
        text.replace(
          '  lee:  { name: Lee Chen }   # field team\n',
          '  lee:  { name: Lee Chen }   # field team\n  sam: { name: sam }\n',
        ),
      );
    });

    it('adds a block entry where people are written in block style', () => {
      const block = text.replace(
        '  dana: { name: Dana Whitfield, email: dana@example.com }\n  lee:  { name: Lee Chen }   # field team\n',
        '    dana:\n        name: Dana Whitfield\n    lee:\n        name: Lee Chen\n',
      );
      assert.strictEqual(
        fix(block, 'unknown-person', 'Add "sam" to people'),
        block.replace('        name: Lee Chen\n', '        name: Lee Chen\n    sam:\n        name: sam\n'),
      );
    });

    it('adds to a flow map of people, and to an empty one', () => {
      const flow = text
        .replace(
          '  dana: { name: Dana Whitfield, email: dana@example.com }\n  lee:  { name: Lee Chen }   # field team\n',
          '',
        )
        .replace('people:\n', 'people: { dana: { name: Dana }, lee: { name: Lee } }\n');
      assert.strictEqual(
        fix(flow, 'unknown-person', 'Add "sam" to people'),
        flow.replace('lee: { name: Lee } }', 'lee: { name: Lee }, sam: { name: sam } }'),
      );
      const empty = flow
        .replace('people: { dana: { name: Dana }, lee: { name: Lee } }', 'people: {}')
        .replace('  owner: dana\n', '');
      assert.strictEqual(
        fix(empty, 'unknown-person', 'Add "sam" to people'),
        empty.replace('people: {}', 'people: { sam: { name: sam } }'),
      );
    });

    it('quotes a person id YAML would read as a number; keeps CRLF', () => {
      const num = text.replace('owner: sam', 'owner: "007"');
      assert.strictEqual(
        fix(num, 'unknown-person', 'Add "007" to people'),
        num.replace('# field team\n', '# field team\n  "007": { name: "007" }\n'),
      );
      const crlf = text.replace(/\n/g, '\r\n');
      assert.strictEqual(
        fix(crlf, 'unknown-person', 'Add "sam" to people'),
        crlf.replace('# field team\r\n', '# field team\r\n  sam: { name: sam }\r\n'),
      );
    });

    it("fixes a follow-up's with and policy.escalate_to the same way", () => {
      const f =
        text.replace(
          '        owner: sam\n',
          '        owner: lee\n        follow_ups:\n          - { on: 2026-07-06, with: ravi }\n',
        ) + 'policy:\n  escalate_to: boss\n';
      const once = fix(f, 'unknown-person', 'Add "ravi" to people', 0);
      const twice = fix(once, 'unknown-person', 'Add "boss" to people', 0);
      assert.strictEqual(
        twice,
        f.replace('# field team\n', '# field team\n  ravi: { name: ravi }\n  boss: { name: boss }\n'),
      );
      assert.deepStrictEqual(
        checkPlan(twice, { today: TODAY }).diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
    });
  });

  describe('unknown id', () => {
    const text = `${HEAD}  - id: m1
    title: First
    tasks:
      - id: licensing
        title: Licences
        owner: dana
      - id: pick
        title: Pick
        owner: lee
        depends_on: [licencing, m1x]
`;
    it('offers the nearest ids, and removing the dependency', () => {
      assert.deepStrictEqual(titles(text, 'unknown-id'), [
        '* Change to "licensing" (Licences)',
        'Remove the dependency on "licencing"',
      ]);
      assert.strictEqual(
        fix(text, 'unknown-id', 'Change to "licensing" (Licences)'),
        text.replace('[licencing, m1x]', '[licensing, m1x]'),
      );
      assert.strictEqual(
        fix(text, 'unknown-id', 'Change to "m1" (First)', 1),
        text.replace('[licencing, m1x]', '[licencing, m1]'),
      );
      assert.strictEqual(
        fix(text, 'unknown-id', 'Remove the dependency on "m1x"', 1),
        text.replace('[licencing, m1x]', '[licencing]'),
      );
      assert.strictEqual(
        fix(text, 'unknown-id', 'Remove the dependency on "licencing"'),
        text.replace('[licencing, m1x]', '[m1x]'),
      );
    });

    it('removes the whole key with the last entry; block lists lose their line', () => {
      const one = text.replace('[licencing, m1x]', '[licencing]');
      assert.strictEqual(
        fix(one, 'unknown-id', 'Remove the dependency on "licencing"'),
        one.replace('        depends_on: [licencing]\n', ''),
      );
      const block = text.replace(
        'depends_on: [licencing, m1x]',
        'depends_on:\n          - licencing   # typo\n          - m1',
      );
      assert.strictEqual(
        fix(block, 'unknown-id', 'Remove the dependency on "licencing"'),
        block.replace('          - licencing   # typo\n', '          # typo\n'),
      );
      assert.strictEqual(
        fix(block, 'unknown-id', 'Change to "licensing" (Licences)'),
        block.replace('- licencing ', '- licensing '),
      );
    });

    it('keeps quotes when replacing', () => {
      const q = text.replace('[licencing, m1x]', '["licencing"]');
      assert.strictEqual(
        fix(q, 'unknown-id', 'Change to "licensing" (Licences)'),
        q.replace('"licencing"', '"licensing"'),
      );
    });
  });

  describe('due after a binding date', () => {
    const text = `${HEAD}  - id: m1
    title: First
    due: 2026-08-14
    tasks:
      - id: t1
        title: Task one
        owner: dana
        due: 2026-08-20   # too late
        duration: 2d
  - id: m2
    title: Late checkpoint
    due: 2026-10-15
`;
    it('removes the due (its line; its comment stays) or aligns it', () => {
      assert.deepStrictEqual(titles(text, 'due-after-binding'), [
        '* Remove this due (it changes nothing)',
        'Align the due to 2026-08-14',
      ]);
      assert.strictEqual(
        fix(text, 'due-after-binding', 'Remove this due (it changes nothing)'),
        text.replace('        due: 2026-08-20   # too late\n', '        # too late\n'),
      );
      assert.strictEqual(
        fix(text, 'due-after-binding', 'Align the due to 2026-08-14'),
        text.replace('due: 2026-08-20', 'due: 2026-08-14'),
      );
      assert.strictEqual(
        fix(text, 'due-after-binding', 'Align the due to 2026-09-30', 1),
        text.replace('due: 2026-10-15', 'due: 2026-09-30'),
      );
      assert.strictEqual(
        fix(text, 'due-after-binding', 'Remove this due (it changes nothing)', 1),
        text.replace('    due: 2026-10-15\n', ''),
      );
    });

    it('in a flow mapping', () => {
      const flow = text.replace(
        '      - id: t1\n        title: Task one\n        owner: dana\n        due: 2026-08-20   # too late\n        duration: 2d\n',
        '      - { id: t1, title: Task one, owner: dana, due: 2026-08-20, duration: 2d }\n      - { id: t2, title: Two, owner: dana, due: 2026-08-21 }\n',
      );
      assert.strictEqual(
        fix(flow, 'due-after-binding', 'Remove this due (it changes nothing)'),
        flow.replace('owner: dana, due: 2026-08-20, duration', 'owner: dana, duration'),
      );
      assert.strictEqual(
        fix(flow, 'due-after-binding', 'Remove this due (it changes nothing)', 1),
        flow.replace('owner: dana, due: 2026-08-21 }', 'owner: dana }'),
      );
    });
  });

  describe('dependency cycle', () => {
    const text = `${HEAD}  - id: m1
    title: First
    tasks:
      - id: t1
        title: One
        owner: dana
        depends_on: [t3]
      - id: t2
        title: Two
        owner: dana
        depends_on: [t0, t1]
      - id: t3
        title: Three
        owner: dana
        depends_on:
          - t2
`.replace('[t0, t1]', '[t1]');
    it('offers to remove each edge of the cycle, its own first', () => {
      assert.deepStrictEqual(titles(text, 'dependency-cycle', 1), [
        '* Remove the dependency t2 → t1',
        'Remove the dependency t1 → t3',
        'Remove the dependency t3 → t2',
      ]);
    });

    it('removing any edge breaks the cycle: flow lists lose the entry, block lists the line', () => {
      assert.strictEqual(
        fix(text, 'dependency-cycle', 'Remove the dependency t1 → t3'),
        text.replace('        depends_on: [t3]\n', ''),
      );
      assert.strictEqual(
        fix(text, 'dependency-cycle', 'Remove the dependency t3 → t2'),
        text.replace('        depends_on:\n          - t2\n', ''),
      );
      const two = text.replace('depends_on: [t1]', 'depends_on: [t1, t3]');
      assert.strictEqual(
        fix(two, 'dependency-cycle', 'Remove the dependency t2 → t1'),
        text.replace('depends_on: [t1]', 'depends_on: [t3]'),
      );
    });

    it('a self-dependency and a task depending on its own milestone', () => {
      const self = text.replace('depends_on: [t3]', 'depends_on: [t1]');
      assert.strictEqual(
        fix(self, 'dependency-cycle', 'Remove the dependency t1 → t1'),
        self.replace('        depends_on: [t1]\n', ''),
      );
      const own = text
        .replace('depends_on: [t3]', 'depends_on: [m1]')
        .replace('        depends_on:\n          - t2\n', '')
        .replace('depends_on: [t1]', 'depends_on: [t0]')
        .replace(/ {8}depends_on: \[t0\]\n/, '');
      assert.strictEqual(
        fix(own, 'dependency-cycle', 'Remove the dependency t1 → m1'),
        own.replace('        depends_on: [m1]\n', ''),
      );
    });
  });

  describe('schema typos and more', () => {
    const text = `${HEAD}  - id: m1
    title: First
    tasks:
      - id: t1
        title: One
        owner: dana
        duraton: 2d     # typo
`;
    it('renames a mistyped key, or keeps it as an x- key', () => {
      assert.deepStrictEqual(titles(text, 'schema-unknown-key'), [
        '* Rename "duraton" to "duration"',
        'Keep it as "x-duraton" (ignored by Workback)',
        'Remove "duraton"',
      ]);
      assert.strictEqual(
        fix(text, 'schema-unknown-key', 'Rename "duraton" to "duration"'),
        text.replace('duraton: 2d', 'duration: 2d'),
      );
      assert.strictEqual(
        fix(text, 'schema-unknown-key', 'Keep it as "x-duraton" (ignored by Workback)'),
        text.replace('duraton: 2d', 'x-duraton: 2d'),
      );
    });

    it('never renames into a key that is already there', () => {
      const dup = text.replace('        duraton: 2d     # typo\n', '        duration: 1d\n        duraton: 2d\n');
      assert.deepStrictEqual(titles(dup, 'schema-unknown-key'), [
        'Keep it as "x-duraton" (ignored by Workback)',
        'Remove "duraton"',
      ]);
      assert.strictEqual(fix(dup, 'schema-unknown-key', 'Remove "duraton"'), dup.replace('        duraton: 2d\n', ''));
    });

    it('a duplicate id gets a free one', () => {
      const dup = text.replace(
        '        duraton: 2d     # typo\n',
        '      - id: t1\n        title: Again\n        owner: lee\n',
      );
      assert.strictEqual(
        fix(dup, 'duplicate-id', 'Rename this one to "t1-2"'),
        dup.replace('      - id: t1\n        title: Again', '      - id: t1-2\n        title: Again'),
      );
    });

    it('done_on on a task that is not done: set status, or remove done_on', () => {
      const d = text.replace(
        '        duraton: 2d     # typo\n',
        '        status: doing\n        done_on: 2026-06-30\n',
      );
      assert.strictEqual(fix(d, 'done-on-not-done', 'Set status: done'), d.replace('status: doing', 'status: done'));
      assert.strictEqual(fix(d, 'done-on-not-done', 'Remove done_on'), d.replace('        done_on: 2026-06-30\n', ''));
      const noStatus = text.replace('        duraton: 2d     # typo\n', '        done_on: 2026-06-30\n');
      // a new status goes where the format lists it: before done_on
      assert.strictEqual(
        fix(noStatus, 'done-on-not-done', 'Set status: done'),
        noStatus.replace('        done_on: 2026-06-30\n', '        status: done\n        done_on: 2026-06-30\n'),
      );
    });

    it('remaining on a task that is not doing: set status doing, or remove remaining; a done task only the removal', () => {
      const todo = text.replace(
        '        duraton: 2d     # typo\n',
        '        status: todo\n        remaining: 2d   # left\n',
      );
      assert.strictEqual(
        fix(todo, 'remaining-not-doing', 'Set status: doing'),
        todo.replace('status: todo', 'status: doing'),
      );
      assert.strictEqual(
        fix(todo, 'remaining-not-doing', 'Remove remaining'),
        todo.replace('        remaining: 2d   # left\n', '        # left\n'), // the comment stays
      );
      const done = todo.replace('status: todo', 'status: done');
      assert.deepStrictEqual(titles(done, 'remaining-not-doing'), ['Remove remaining']);
    });

    it('quotes a number used as an id, drops a time from a date', () => {
      const n = text.replace('id: t1', 'id: 123').replace('        duraton: 2d     # typo\n', '');
      assert.strictEqual(fix(n, 'schema-type', 'Quote it: "123"'), n.replace('id: 123', 'id: "123"'));
      const t = text
        .replace('due: 2026-09-30', 'due: 2026-09-30T17:00:00')
        .replace('        duraton: 2d     # typo\n', '');
      assert.strictEqual(
        fix(t, 'schema-format', 'Keep the date only: 2026-09-30'),
        text.replace('        duraton: 2d     # typo\n', ''),
      );
    });

    it('offers nothing for problems it cannot fix, and for a text that does not parse', () => {
      const broken = `${text}  - [`;
      const r = checkPlan(broken);
      assert.deepStrictEqual(
        r.diagnostics.map(
          (d) => quickFixes({ text: broken, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics }, d).length,
        ),
        r.diagnostics.map(() => 0),
      );
    });
  });

  describe('the invalid fixtures', () => {
    const dir = path.resolve(__dirname, '../../../test/fixtures/plans/invalid');
    // fixable codes whose instance in a fixture has no fix, and why (docs/diagnostics.md says the same)
    const NO_FIX: Record<string, string> = {
      'invalid-date-range.workback.yaml invalid-date': 'a year outside 1970-2199: the intended year is unknown',
    };
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.workback.yaml'))
      .sort()) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const today = /^# TODAY: (\S+)/m.exec(text)?.[1];
      const day = today ? (parseDay(today) as Day) : TODAY;
      const r = checkPlan(text, { today: day });
      // the problems found past a quote or bracket left open have no fix until it is closed
      const unclosed = r.diagnostics.some((d) => d.code === 'yaml-syntax' && /is not closed/.test(d.message));
      const seen = new Map<string, number>();
      r.diagnostics.forEach((d) => {
        if (!FIXABLE_CODES.has(d.code)) return;
        const n = seen.get(d.code) ?? 0;
        seen.set(d.code, n + 1);
        const name = `${file} ${d.code}${n ? ` #${n}` : ''}`;
        const noFix =
          NO_FIX[name] ?? (unclosed ? 'found past a bracket left open: fixed once it is closed' : undefined);
        it(`${name}: ${noFix ? `no fix (${noFix})` : 'the preferred fix removes it'}`, () => {
          const fixes = quickFixes({ text, tree: r.tree, plan: r.plan, diagnostics: r.diagnostics, today: day }, d);
          if (noFix)
            return assert.deepStrictEqual(
              fixes.map((f) => f.title),
              [],
            );
          const f = fixes.find((x) => x.preferred) ?? fixes[0];
          assert.ok(f, `a fix for ${d.message}`);
          const after = applyEdits(text, f.edits);
          const count = (t: string) =>
            checkPlan(t, { today: day }).diagnostics.filter((x) => x.code === d.code && x.message === d.message).length;
          assert.ok(
            count(after) < count(text),
            `${f.title}: ${checkPlan(after, { today: day })
              .diagnostics.map((x) => x.message)
              .join('\n')}`,
          );
        });
      });
    }
  });
});
