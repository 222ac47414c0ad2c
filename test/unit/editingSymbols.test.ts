/**
 * Symbols of a plan: what is at an offset, definitions and every reference of task,
 * milestone and person ids, renames applied to the text byte for byte (quotes, flow and block
 * lists, CRLF kept), refusals, and the outline.
 */
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, type Plan } from '../../src/core';
import {
  applyEdits,
  definitionOf,
  occurrenceAt,
  outline,
  prepareRename,
  referencesOf,
  renameEdits,
  type TextEdit,
} from '../../src/core';

const PLAN = readFileSync(
  path.resolve(__dirname, '../../../test/fixtures/workspace/language/editing.workback.yaml'),
  'utf8',
);

function planOf(text: string): Plan {
  const r = checkPlan(text);
  assert.deepStrictEqual(
    r.diagnostics.map((d) => d.message),
    [],
  );
  return r.plan!;
}

/** Offset of the n-th (0-based) occurrence of `needle`, plus `delta`. */
function at(text: string, needle: string, n = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} #${n}`);
  }
  return i + delta;
}

/** The texts of spans, with their 1-based line numbers. */
function where(text: string, spans: { span: { start: number; end: number } }[]): string[] {
  return spans.map((o) => `${text.slice(0, o.span.start).split('\n').length}:${text.slice(o.span.start, o.span.end)}`);
}

function rename(text: string, offset: number, to: string): string {
  const edits = renameEdits(text, planOf(text), offset, to);
  assert.ok(Array.isArray(edits), JSON.stringify(edits));
  return applyEdits(text, edits as TextEdit[]);
}

describe('editing: symbols, references and rename', () => {
  const plan = planOf(PLAN);

  it('finds task, milestone and person ids at an offset (definitions and references)', () => {
    const o = (needle: string, n = 0) => {
      const x = occurrenceAt(plan, at(PLAN, needle, n));
      return x && `${x.kind} ${x.id} ${x.definition ? 'def' : 'ref'} ${x.role}`;
    };
    assert.strictEqual(o('id: pick-method', 0), undefined, 'on the key `id` itself: nothing');
    assert.strictEqual(occurrenceAt(plan, at(PLAN, 'id: pick-method', 0, 5)) && 'found', 'found');
    assert.strictEqual(o('pick-method'), 'item pick-method def id');
    assert.strictEqual(o('[licensing]'), 'item licensing ref depends_on');
    assert.strictEqual(occurrenceAt(plan, at(PLAN, '- comms', 0, 3))?.role, 'depends_on');
    assert.strictEqual(o('[design]'), 'item design ref depends_on');
    assert.strictEqual(o('dana:'), 'person dana def people');
    assert.strictEqual(o('owner: dana', 0), undefined);
    assert.strictEqual(occurrenceAt(plan, at(PLAN, 'owner: dana', 0, 8))?.role, 'goal.owner');
    assert.strictEqual(occurrenceAt(plan, at(PLAN, 'escalate_to: dana', 0, 14))?.role, 'escalate_to');
    assert.strictEqual(occurrenceAt(plan, at(PLAN, 'with: ravi', 0, 7))?.role, 'with');
    assert.strictEqual(occurrenceAt(plan, at(PLAN, 'title: Choose', 0, 9)), undefined, 'titles are not symbols');
    // both ends of the id count
    const s = at(PLAN, 'id: enroll-it', 0, 4);
    assert.strictEqual(occurrenceAt(plan, s)?.id, 'enroll-it');
    assert.strictEqual(occurrenceAt(plan, s + 'enroll-it'.length)?.id, 'enroll-it');
  });

  it('lists every reference, the definition first', () => {
    assert.deepStrictEqual(where(PLAN, referencesOf(plan, 'item', 'comms')), ['55:comms', '64:comms']);
    assert.deepStrictEqual(where(PLAN, referencesOf(plan, 'item', 'design')), ['23:design', '44:design']);
    assert.deepStrictEqual(where(PLAN, referencesOf(plan, 'person', 'dana')), [
      '15:dana',
      '9:dana',
      '21:dana',
      '33:dana',
      '57:dana',
    ]);
    assert.deepStrictEqual(where(PLAN, referencesOf(plan, 'person', 'ravi')), ['16:ravi', '28:ravi', '38:ravi']);
    assert.deepStrictEqual(where(PLAN, [definitionOf(plan, 'item', 'comms')!]), ['55:comms']);
    assert.deepStrictEqual(where(PLAN, [definitionOf(plan, 'person', 'lee')!]), ['17:lee']);
    assert.strictEqual(definitionOf(plan, 'person', 'nobody'), undefined);
  });

  it('renames a task id in its definition and every depends_on (flow and block)', () => {
    const out = rename(PLAN, at(PLAN, '- comms', 0, 3), 'announce');
    assert.strictEqual(
      out,
      PLAN.replace('id: comms', 'id: announce').replace('          - comms', '          - announce'),
    );
    const out2 = rename(PLAN, at(PLAN, 'id: licensing', 0, 5), 'licences');
    assert.strictEqual(
      out2,
      PLAN.replace('id: licensing', 'id: licences').replace('depends_on: [licensing]', 'depends_on: [licences]'),
    );
  });

  it('renames a milestone id', () => {
    const out = rename(PLAN, at(PLAN, '[pilot]'), 'pilot-group');
    assert.strictEqual(out, PLAN.replace('id: pilot', 'id: pilot-group').replace('[pilot]', '[pilot-group]'));
  });

  it('renames a person: the people key, owner, with, escalate_to and goal.owner', () => {
    const out = rename(PLAN, at(PLAN, 'dana:'), 'dwhitfield');
    assert.strictEqual(out, PLAN.replace(/\bdana\b(?!@)/g, 'dwhitfield'));
    assert.ok(out.includes('email: dana@example.com'), 'not inside other text');
    const out2 = rename(PLAN, at(PLAN, 'with: ravi', 0, 7), 'rpatel');
    assert.strictEqual(
      out2,
      PLAN.replace('  ravi: {', '  rpatel: {')
        .replace('owner: ravi', 'owner: rpatel')
        .replace('with: ravi', 'with: rpatel'),
    );
  });

  it('keeps quotes, quotes a numeric id, keeps CRLF', () => {
    const text = PLAN.replace('id: comms', 'id: "comms"').replace('          - comms', "          - 'comms'");
    const out = rename(text, at(text, '"comms"'), 'announce');
    assert.strictEqual(
      out,
      PLAN.replace('id: comms', 'id: "announce"').replace('          - comms', "          - 'announce'"),
    );
    const out2 = rename(PLAN, at(PLAN, '- comms', 0, 3), '2027');
    assert.strictEqual(
      out2,
      PLAN.replace('id: comms', 'id: "2027"').replace('          - comms', '          - "2027"'),
    );
    assert.deepStrictEqual(checkPlan(out2).diagnostics, []);
    const crlf = PLAN.replace(/\n/g, '\r\n');
    assert.strictEqual(
      rename(crlf, at(crlf, '- comms', 0, 3), 'announce'),
      crlf.replace('id: comms', 'id: announce').replace('          - comms', '          - announce'),
    );
  });

  it('refuses a clash, an invalid id, and a place that is not an id', () => {
    const err = (offset: number, to: string) => {
      const r = renameEdits(PLAN, plan, offset, to);
      assert.ok(!Array.isArray(r), `refused: ${to}`);
      return r.error;
    };
    assert.strictEqual(
      err(at(PLAN, '- comms', 0, 3), 'licensing'),
      '"licensing" is already the id of the task "Confirm licence count"; choose another one.',
    );
    assert.strictEqual(
      err(at(PLAN, '- comms', 0, 3), 'design'),
      '"design" is already the id of the milestone "Method chosen with stakeholders"; choose another one.',
    );
    assert.strictEqual(
      err(at(PLAN, 'dana:'), 'lee'),
      '"lee" is already the person id of the person "Lee Chen"; choose another one.',
    );
    assert.match(err(at(PLAN, '- comms', 0, 3), 'has space'), /not a valid id: use letters, digits/);
    assert.match(err(at(PLAN, '- comms', 0, 3), '-dash'), /not a valid id/);
    assert.match(err(at(PLAN, '- comms', 0, 3), 'x'.repeat(101)), /at most 100 characters/);
    assert.match(err(at(PLAN, 'dana:'), 'a:b'), /not a valid person id/);
    assert.strictEqual(
      err(at(PLAN, 'title: Choose', 0, 9), 'x'),
      'Only task, milestone and person ids can be renamed.',
    );
    assert.deepStrictEqual(
      renameEdits(PLAN, plan, at(PLAN, '- comms', 0, 3), 'comms'),
      [],
      'the same name: nothing to do',
    );
  });

  it("prepares a rename with the id's range (inside quotes)", () => {
    const text = PLAN.replace('id: comms', 'id: "comms"');
    const t = prepareRename(text, planOf(text), at(text, '"comms"'));
    assert.ok(!('error' in t));
    assert.strictEqual(text.slice(t.span.start, t.span.end), 'comms');
    assert.strictEqual(t.placeholder, 'comms');
  });

  it('outlines goal, people, then milestones with their tasks', () => {
    const o = outline(plan, PLAN);
    const show = (n: ReturnType<typeof outline>[number], depth = 0): string[] => [
      `${'  '.repeat(depth)}${n.kind} ${n.name} — ${n.detail} [${PLAN.slice(n.selection.start, n.selection.end)}]`,
      ...n.children.flatMap((c) => show(c, depth + 1)),
    ];
    assert.deepStrictEqual(
      o.flatMap((n) => show(n)),
      [
        'goal goal — Every staff account signs in with MFA [goal]',
        'people people — 3 people [people]',
        '  person dana — Dana Whitfield [dana]',
        '  person ravi — Ravi Patel [ravi]',
        '  person lee — Lee Chen [lee]',
        'milestone design — Method chosen with stakeholders [design]',
        '  task licensing — Confirm licence count [licensing]',
        '  task pick-method — Choose MFA method [pick-method]',
        'milestone pilot — Pilot group enrolled [pilot]',
        '  task enroll-it — Enroll the IT team [enroll-it]',
        'milestone rollout — All staff enrolled [rollout]',
        '  task comms — Announce to staff [comms]',
        '  task enroll-all — Enroll everyone else [enroll-all]',
      ],
    );
    // each entry's range holds its selection and its children
    const check = (n: ReturnType<typeof outline>[number]) => {
      assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, n.name);
      for (const c of n.children) {
        assert.ok(n.span.start <= c.span.start && c.span.end <= n.span.end, `${c.name} in ${n.name}`);
        check(c);
      }
    };
    o.forEach(check);
    assert.ok(PLAN.slice(o[2]!.span.start, o[2]!.span.end).startsWith('id: design'));
    assert.ok(PLAN.slice(o[1]!.span.start, o[1]!.span.end).endsWith('lee:  { name: Lee Chen }'));
  });

  it('shows plan text in the outline as inert text', () => {
    const text = PLAN.replace('title: Choose MFA method', 'title: "Evil\\u202e title\\nnext"');
    const node = outline(planOf(text), text)[2]!.children[1]!;
    assert.strictEqual(node.detail, 'Evil\\u{202e} title next');
  });
});
