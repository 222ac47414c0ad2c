/**
 * The cursor's context in a plan, read from lines and indentation: many positions in a clean
 * plan, then the same questions while the text is half-typed (where the YAML does not parse).
 * `|` marks the cursor.
 */
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../../src/core';
import { cursorContext, type CursorContext } from '../../src/core/editing';

const PLAN = readFileSync(
  path.resolve(__dirname, '../../../test/fixtures/workspace/language/editing.workback.yaml'),
  'utf8',
);

/** The plan with `from` replaced by `to`, whose last `|` is the cursor. */
function edit(from: string, to: string, base = PLAN): { text: string; offset: number } {
  assert.ok(base.includes(from), `fixture has ${JSON.stringify(from)}`);
  const marked = base.replace(from, to);
  const offset = marked.indexOf(to) + to.lastIndexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function ctx(from: string, to: string, base = PLAN): CursorContext & { replaced: string } {
  const { text, offset } = edit(from, to, base);
  const c = cursorContext(text, offset);
  return { ...c, replaced: text.slice(c.replace.start, c.replace.end) };
}

/** The essentials of a context, for deepStrictEqual. */
function brief(c: CursorContext & { replaced: string }): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: c.kind, path: c.path };
  if (c.prefix) out.prefix = c.prefix;
  if (c.replaced) out.replaced = c.replaced;
  if (c.itemId !== undefined) out.itemId = c.itemId;
  if (c.siblings.length) out.siblings = c.siblings;
  if (c.flow) out.flow = true;
  if (c.needsDash) out.needsDash = true;
  if (c.needsSpace) out.needsSpace = true;
  if (c.quoted) out.quoted = true;
  if (c.hasColon) out.hasColon = true;
  return out;
}

describe('editing: cursor context', () => {
  it('the fixture is a clean plan (positions below are in valid YAML)', () => {
    assert.deepStrictEqual(checkPlan(PLAN).diagnostics, []);
  });

  describe('in a clean plan', () => {
    it('a new key at the root: the keys present are listed', () => {
      const c = ctx('start: 2026-07-01\n', 'start: 2026-07-01\n|\n');
      assert.deepStrictEqual(brief(c), { kind: 'key', path: [] });
      assert.deepStrictEqual(c.present, [
        'workback',
        'title',
        'goal',
        'start',
        'calendar',
        'people',
        'policy',
        'milestones',
      ]);
    });

    it('a comment line with a tab before its `#` does not end the keys present', () => {
      const c = ctx(
        '  owner: dana\nstart',
        '  outcome: x\n\t# a note\n  owner: dana\n  |\nstart',
        'goal:\n  owner: dana\nstart: 2026-07-01\n',
      );
      assert.deepStrictEqual(brief(c), { kind: 'key', path: ['goal'] });
      assert.deepStrictEqual(c.present, ['outcome', 'owner']);
    });

    it('a new key in goal', () => {
      const c = ctx('  owner: dana\nstart', '  owner: dana\n  |\nstart');
      assert.deepStrictEqual(brief(c), { kind: 'key', path: ['goal'] });
      assert.deepStrictEqual(c.present, ['outcome', 'measure', 'due', 'owner']);
    });

    it('a new key in a task, with the task id and the keys present', () => {
      const c = ctx('        duration: 3d\n', '        duration: 3d\n        |\n');
      assert.deepStrictEqual(brief(c), { kind: 'key', path: ['milestones', 0, 'tasks', 1], itemId: 'pick-method' });
      assert.deepStrictEqual(c.present, ['id', 'title', 'owner', 'duration', 'depends_on', 'follow_ups']);
    });

    it('a new key in a follow-up (a list in a list in a list)', () => {
      const c = ctx('            done: true\n', '            done: true\n            |\n');
      assert.deepStrictEqual(brief(c), {
        kind: 'key',
        path: ['milestones', 0, 'tasks', 1, 'follow_ups', 0],
        itemId: 'pick-method',
      });
      assert.deepStrictEqual(c.present, ['on', 'with', 'about', 'done']);
    });

    it('a new key of a milestone after its tasks', () => {
      const c = ctx('        tags: [critical-system]\n', '        tags: [critical-system]\n    |\n');
      assert.deepStrictEqual(brief(c), { kind: 'key', path: ['milestones', 1], itemId: 'pilot' });
      assert.deepStrictEqual(c.present, ['id', 'title', 'due', 'depends_on', 'tasks']);
    });

    it('on a key name: the whole key is replaced, only the name inserted', () => {
      const c = ctx('        duration: 3d', '        dura|tion: 3d');
      assert.deepStrictEqual(brief(c), {
        kind: 'key',
        path: ['milestones', 0, 'tasks', 1],
        prefix: 'dura',
        replaced: 'duration',
        itemId: 'pick-method',
        hasColon: true,
      });
      assert.ok(!c.present.includes('duration'), 'the key being edited is not counted as present');
    });

    it('values: owner, status, with, escalate_to, goal.owner, due, workback', () => {
      assert.deepStrictEqual(
        brief(ctx('        owner: dana\n        duration: 3d', '        owner: da|na\n        duration: 3d')),
        {
          kind: 'value',
          path: ['milestones', 0, 'tasks', 1, 'owner'],
          prefix: 'da',
          replaced: 'dana',
          itemId: 'pick-method',
        },
      );
      assert.deepStrictEqual(brief(ctx('        status: done', '        status: |done')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 0, 'status'],
        replaced: 'done',
        itemId: 'licensing',
      });
      assert.deepStrictEqual(brief(ctx('            with: ravi', '            with: ravi|')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'follow_ups', 0, 'with'],
        prefix: 'ravi',
        replaced: 'ravi',
        itemId: 'pick-method',
      });
      assert.deepStrictEqual(brief(ctx('  escalate_to: dana', '  escalate_to: |dana')), {
        kind: 'value',
        path: ['policy', 'escalate_to'],
        replaced: 'dana',
      });
      assert.deepStrictEqual(brief(ctx('  owner: dana\nstart', '  owner: d|ana\nstart')), {
        kind: 'value',
        path: ['goal', 'owner'],
        prefix: 'd',
        replaced: 'dana',
      });
      assert.deepStrictEqual(brief(ctx('    due: 2026-08-14', '    due: 2026-08|-14')), {
        kind: 'value',
        path: ['milestones', 1, 'due'],
        prefix: '2026-08',
        replaced: '2026-08-14',
        itemId: 'pilot',
      });
      assert.deepStrictEqual(brief(ctx('workback: 1', 'workback: |1')), {
        kind: 'value',
        path: ['workback'],
        replaced: '1',
      });
    });

    it('flow lists: depends_on, workdays, holidays, tags', () => {
      assert.deepStrictEqual(brief(ctx('depends_on: [licensing]', 'depends_on: [lic|ensing]')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 0],
        prefix: 'lic',
        replaced: 'licensing',
        itemId: 'pick-method',
        flow: true,
      });
      assert.deepStrictEqual(brief(ctx('depends_on: [licensing]', 'depends_on: [licensing, |]')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 1],
        itemId: 'pick-method',
        siblings: ['licensing'],
        flow: true,
      });
      assert.deepStrictEqual(
        brief(ctx('workdays: [mon, tue, wed, thu, fri]', 'workdays: [mon, tue, |wed, thu, fri]')),
        {
          kind: 'value',
          path: ['calendar', 'workdays', 2],
          replaced: 'wed',
          siblings: ['mon', 'tue', 'thu', 'fri'],
          flow: true,
        },
      );
      assert.deepStrictEqual(brief(ctx('holidays: [2026-09-07, 2026-09-21]', 'holidays: [2026-09-07, |2026-09-21]')), {
        kind: 'value',
        path: ['calendar', 'holidays', 1],
        replaced: '2026-09-21',
        siblings: ['2026-09-07'],
        flow: true,
      });
      assert.deepStrictEqual(brief(ctx('depends_on: [design]', 'depends_on: [|design]')), {
        kind: 'value',
        path: ['milestones', 1, 'depends_on', 0],
        replaced: 'design',
        itemId: 'pilot',
        flow: true,
      });
    });

    it('a flow list over lines: an entry on a line below its bracket, after other entries', () => {
      assert.deepStrictEqual(brief(ctx('depends_on: [licensing]', 'depends_on: [licensing,\n          pilot, |]')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 2],
        itemId: 'pick-method',
        siblings: ['licensing', 'pilot'],
        flow: true,
      });
      assert.deepStrictEqual(brief(ctx('depends_on: [licensing]', 'depends_on: [\n          licensing, [a, |]]')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 1, 1],
        itemId: 'pick-method',
        siblings: ['a'],
        flow: true,
      });
    });

    it('a flow list over lines: a quoted entry holding ` #` is no comment, a comment on a line of it is', () => {
      const quoted = ctx('depends_on: [licensing]', "depends_on: [licensing,\n          pilot, 'x # |y']");
      assert.deepStrictEqual(brief(quoted), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 2],
        prefix: 'x # ',
        replaced: 'x # y',
        itemId: 'pick-method',
        siblings: ['licensing', 'pilot'],
        flow: true,
        quoted: true,
      });
      assert.strictEqual(
        ctx('depends_on: [licensing]', 'depends_on: [licensing, # a n|ote\n          pilot]').kind,
        'none',
      );
      assert.strictEqual(
        ctx('depends_on: [licensing]', 'depends_on: [licensing,\n          pilot, # a n|ote\n          ]').kind,
        'none',
      );
    });

    it('a block list of depends_on', () => {
      assert.deepStrictEqual(brief(ctx('          - comms', '          - co|mms')), {
        kind: 'value',
        path: ['milestones', 2, 'tasks', 1, 'depends_on', 0],
        prefix: 'co',
        replaced: 'comms',
        itemId: 'enroll-all',
      });
    });

    it('flow mappings: a key and a value in people', () => {
      const k = ctx('  lee:  { name: Lee Chen }', '  lee:  { name: Lee Chen, | }');
      assert.deepStrictEqual(brief(k), { kind: 'key', path: ['people', 'lee'], flow: true });
      assert.deepStrictEqual(k.present, ['name']);
      const k2 = ctx(
        '  ravi: { name: Ravi Patel, email: ravi@msp.example }',
        '  ravi: { name: Ravi Patel, |email: ravi@msp.example }',
      );
      assert.deepStrictEqual(brief(k2), {
        kind: 'key',
        path: ['people', 'ravi'],
        replaced: 'email',
        flow: true,
        hasColon: true,
      });
      assert.deepStrictEqual(k2.present, ['name'], 'the key at the cursor is not present; keys after it are');
      assert.deepStrictEqual(brief(ctx('  lee:  { name: Lee Chen }', '  lee:  { name: Lee| Chen }')), {
        kind: 'value',
        path: ['people', 'lee', 'name'],
        prefix: 'Lee',
        replaced: 'Lee',
        flow: true,
      });
    });

    it('nothing in comments, titles and block scalars', () => {
      assert.strictEqual(ctx('# Language features', '# Language| features').kind, 'none');
      assert.strictEqual(ctx('  lee:  { name: Lee Chen }', '  lee:  { name: Lee Chen } # n|ote').kind, 'none');
      const title = ctx('        title: Choose MFA method', '        title: Choose |MFA method');
      assert.deepStrictEqual(
        title.path,
        ['milestones', 0, 'tasks', 1, 'title'],
        'a text value: no completion applies to it',
      );
      const notes = ctx(
        '        tags: [critical-system]\n',
        '        notes: |\n          First line\n          sec|ond\n',
      );
      assert.strictEqual(notes.kind, 'none');
    });
  });

  describe('in half-typed text (the YAML does not parse)', () => {
    const broken = (from: string, to: string) => {
      const { text } = edit(from, to);
      assert.ok(
        checkPlan(text).diagnostics.some((d) => d.code === 'yaml-syntax'),
        `the text is broken: ${to}`,
      );
      return ctx(from, to);
    };

    it('an unclosed depends_on: [', () => {
      assert.deepStrictEqual(brief(broken('depends_on: [licensing]', 'depends_on: [licensing, |')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 1],
        itemId: 'pick-method',
        siblings: ['licensing'],
        flow: true,
      });
      assert.deepStrictEqual(brief(broken('depends_on: [design]', 'depends_on: [|')), {
        kind: 'value',
        path: ['milestones', 1, 'depends_on', 0],
        itemId: 'pilot',
        flow: true,
      });
    });

    it('a partial key on a new line of a task', () => {
      const c = broken('        duration: 3d\n', '        duration: 3d\n        ow|\n');
      assert.deepStrictEqual(brief(c), {
        kind: 'key',
        path: ['milestones', 0, 'tasks', 1],
        prefix: 'ow',
        replaced: 'ow',
        itemId: 'pick-method',
      });
      assert.ok(c.present.includes('owner'));
    });

    it('a new list item in tasks after `- `', () => {
      const c = ctx('  - id: pilot', '      - |\n  - id: pilot');
      assert.deepStrictEqual(brief(c), { kind: 'key', path: ['milestones', 0, 'tasks', 2] });
      assert.deepStrictEqual(c.present, []);
      const c2 = ctx('  - id: pilot', '      - i|\n  - id: pilot');
      assert.deepStrictEqual(brief(c2), {
        kind: 'key',
        path: ['milestones', 0, 'tasks', 2],
        prefix: 'i',
        replaced: 'i',
      });
    });

    it('under tasks: before the `- ` is typed', () => {
      const c = ctx('    tasks:\n      - id: enroll-it', '    tasks:\n      |\n      - id: enroll-it');
      assert.deepStrictEqual(brief(c), {
        kind: 'key',
        path: ['milestones', 1, 'tasks', 0],
        itemId: 'pilot',
        needsDash: true,
      });
    });

    it('owner: with nothing after the colon yet (and without the space)', () => {
      assert.deepStrictEqual(
        brief(ctx('        owner: dana\n        duration: 3d', '        owner: |\n        duration: 3d')),
        { kind: 'value', path: ['milestones', 0, 'tasks', 1, 'owner'], itemId: 'pick-method' },
      );
      assert.deepStrictEqual(
        brief(ctx('        owner: dana\n        duration: 3d', '        owner:|\n        duration: 3d')),
        { kind: 'value', path: ['milestones', 0, 'tasks', 1, 'owner'], itemId: 'pick-method', needsSpace: true },
      );
    });

    it('a depends_on list broken over lines', () => {
      assert.deepStrictEqual(brief(broken('depends_on: [licensing]', 'depends_on: [licensing,\n          |')), {
        kind: 'value',
        path: ['milestones', 0, 'tasks', 1, 'depends_on', 1],
        itemId: 'pick-method',
        siblings: ['licensing'],
        flow: true,
      });
    });

    it('a new block list entry', () => {
      assert.deepStrictEqual(brief(ctx('          - comms', '          - comms\n          - |')), {
        kind: 'value',
        path: ['milestones', 2, 'tasks', 1, 'depends_on', 1],
        itemId: 'enroll-all',
        siblings: ['comms'],
      });
      assert.deepStrictEqual(brief(ctx('  holidays: [2026-09-07, 2026-09-21]', '  holidays:\n    - |')), {
        kind: 'value',
        path: ['calendar', 'holidays', 0],
      });
    });

    it('a quoted value being typed', () => {
      assert.deepStrictEqual(
        brief(broken('        owner: dana\n        duration: 3d', '        owner: "d|\n        duration: 3d')),
        {
          kind: 'value',
          path: ['milestones', 0, 'tasks', 1, 'owner'],
          prefix: 'd',
          replaced: 'd',
          itemId: 'pick-method',
          quoted: true,
        },
      );
    });

    it('a task written as a flow mapping', () => {
      const c = broken(
        '      - id: comms\n        title: Announce to staff\n        owner: dana\n        duration: 2d',
        '      - { id: comms, title: Announce, owner: dana, depends_on: [|',
      );
      assert.deepStrictEqual(brief(c), {
        kind: 'value',
        path: ['milestones', 2, 'tasks', 0, 'depends_on', 0],
        itemId: 'comms',
        flow: true,
      });
      const k = ctx(
        '      - id: comms\n        title: Announce to staff\n        owner: dana\n        duration: 2d',
        '      - { id: comms, title: Announce, | }',
      );
      assert.deepStrictEqual(brief(k), {
        kind: 'key',
        path: ['milestones', 2, 'tasks', 0],
        itemId: 'comms',
        flow: true,
      });
      assert.deepStrictEqual(k.present, ['id', 'title']);
    });

    it("a compact list (dashes at the key's indentation)", () => {
      const text = 'workback: 1\nmilestones:\n- id: a\n  tasks:\n  - id: t\n    |\n';
      const offset = text.indexOf('|');
      const c = cursorContext(text.replace('|', ''), offset);
      assert.deepStrictEqual(
        [c.kind, c.path, c.itemId, c.present],
        ['key', ['milestones', 0, 'tasks', 0], 't', ['id']],
      );
    });

    it('CRLF line breaks and a BOM', () => {
      const text = '\ufeffworkback: 1\r\ngoal:\r\n  due: 2026-09-30\r\n  \r\n';
      const offset = text.indexOf('  \r\n') + 2;
      const c = cursorContext(text, offset);
      assert.deepStrictEqual([c.kind, c.path, c.present], ['key', ['goal'], ['due']]);
      const c2 = cursorContext(text, 3);
      assert.deepStrictEqual([c2.kind, c2.path, text.slice(c2.replace.start, c2.replace.end)], ['key', [], 'workback']);
    });

    it('an empty file and a file of comments: root keys', () => {
      assert.deepStrictEqual([cursorContext('', 0).kind, cursorContext('', 0).path], ['key', []]);
      const t = '# my plan\n\n';
      assert.deepStrictEqual(cursorContext(t, t.length).kind, 'key');
    });
  });
});
