/** New-plan templates: valid plans for any today and due, titles escaped, slugs for file names. */
import * as assert from 'assert';
import { checkPlan, formatDay, parseDay, type Day } from '../../src/core';
import { slugOf, TEMPLATES, templateById, yamlText } from '../../src/templates';

const day = (s: string): Day => parseDay(s) as Day;

describe('editing: new-plan templates', () => {
  it('offers MFA rollout, SIEM migration and EDR deployment, and a blank plan', () => {
    assert.deepStrictEqual(
      TEMPLATES.map((t) => t.id),
      ['mfa-rollout', 'siem-migration', 'edr-deployment', 'blank'],
    );
    assert.strictEqual(templateById('siem-migration')?.label, 'SIEM migration');
    assert.strictEqual(templateById('nope'), undefined);
  });

  for (const today of ['2026-07-01', '2026-12-24', '2027-02-27', '2028-02-29']) {
    for (const t of TEMPLATES) {
      it(`${t.id} from ${today}: no problem at its default due, feasible, dates from today`, () => {
        const t0 = day(today);
        const due = t0 + t.defaultWeeks * 7;
        const text = t.render({ title: 'Security roadmap: Q3 #1 "draft"', due, today: t0 });
        const r = checkPlan(text, { today: t0 });
        assert.deepStrictEqual(
          r.diagnostics.map((d) => `${d.code} ${d.message}`),
          [],
        );
        assert.strictEqual(r.plan?.title, 'Security roadmap: Q3 #1 "draft"');
        assert.strictEqual(formatDay(r.plan!.goal.due), formatDay(due));
        assert.ok(r.plan!.start! >= t0 && r.plan!.start! <= t0 + 3, 'starts on the next workday');
        assert.ok(r.schedule!.minSlack! >= 0, `feasible: min slack ${r.schedule!.minSlack}`);
        if (t.id === 'blank') assert.deepStrictEqual([r.plan!.milestones.length, r.plan!.tasks.length], [1, 1]);
        else assert.ok(r.plan!.tasks.length >= 10 && r.plan!.milestones.length >= 4);
        for (const task of r.plan!.tasks)
          for (const f of task.followUps) assert.ok(f.on >= t0, 'follow-ups are not in the past');
      });
    }
  }

  it('stays free of errors with a due too close to make (only the schedule warns)', () => {
    for (const t of TEMPLATES) {
      const t0 = day('2026-07-01');
      const r = checkPlan(t.render({ title: 'Rush', due: t0 + (t.id === 'blank' ? 2 : 14), today: t0 }), { today: t0 });
      assert.deepStrictEqual(
        r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
        [],
      );
      assert.ok(
        r.diagnostics.some((d) => d.code === 'goal-infeasible'),
        t.id,
      );
    }
  });

  it('writes any title as YAML that reads back the same', () => {
    for (const title of [
      'Plain title',
      'a: b',
      '- dash',
      '#hash',
      'yes',
      '123',
      ' padded ',
      "it's",
      'back\\slash',
      'tab\there',
      'ünï €',
      '',
    ]) {
      const r = checkPlan(`title: ${yamlText(title)}\n`);
      const tree = r.tree;
      assert.ok(tree?.kind === 'map', title);
      const v = tree.byKey.get('title')!.value;
      assert.strictEqual(v.kind === 'scalar' ? v.value : undefined, title.replace(/[\r\n]+/g, ' '), title);
    }
  });

  it('makes file names from titles', () => {
    assert.strictEqual(slugOf('MFA for Staff! 2027'), 'mfa-for-staff-2027');
    assert.strictEqual(slugOf('Ünïcode café'), 'unicode-cafe');
    assert.strictEqual(slugOf('!!!'), 'plan');
    assert.strictEqual(slugOf('x'.repeat(100)).length, 60);
  });
});
