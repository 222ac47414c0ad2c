/**
 * Golden schedules through real YAML (test/fixtures/schedule): parse, validate and schedule with
 * checkPlan, then compare with the hand-checked expectations written in each fixture:
 *   # TODAY: 2026-07-01
 *   # ROW: id LS LF ES EF slack [*]      (scheduleRows; `-` where a field is absent)
 *   # EXPECT: warning 4:8 goal-infeasible
 * and, when `<name>.schedule.json` exists, the exact machine-readable schedule.
 * `UPDATE_FIXTURES=1` rewrites the EXPECT lines only; ROW lines and JSON files are written by hand.
 */
import * as assert from 'assert';
import { existsSync, readFileSync } from 'node:fs';
import { checkPlan } from '../../src/core/check';
import { schedulePlan, toScheduleJson } from '../../src/core/schedule';
import { actualFor, loadFixtures, rewriteExpectations, updating } from './helpers/fixtures';
import { buildPlan, day, MFA_SPEC, scheduleRows } from './helpers/planBuilder';

describe('schedule: golden fixtures through YAML', () => {
  for (const fx of loadFixtures('schedule')) {
    it(fx.name, () => {
      assert.ok(fx.today !== undefined, 'a schedule fixture needs # TODAY:');
      const diagnostics = actualFor(fx);
      if (updating) rewriteExpectations(fx, diagnostics);
      else assert.deepStrictEqual(diagnostics, fx.expected);
      assert.deepStrictEqual(actualFor(fx, { engine: 'yaml' }), diagnostics, 'both YAML engines agree');

      const result = checkPlan(fx.text, { today: fx.today });
      assert.ok(result.schedule, 'the fixture schedules');
      const rows = [...fx.text.matchAll(/^# ROW: (.+)$/gm)].map((m) => m[1]!.trim());
      assert.deepStrictEqual(scheduleRows(result.schedule), rows);
      const jsonFile = fx.file.replace(/\.workback\.ya?ml$/, '.schedule.json');
      if (existsSync(jsonFile))
        assert.deepStrictEqual(toScheduleJson(result.schedule), JSON.parse(readFileSync(jsonFile, 'utf8')));
    });
  }

  it('docs/format.md example: the YAML plan and the built plan schedule alike', () => {
    const fx = loadFixtures('schedule').find((f) => f.name === 'format-example.workback.yaml')!;
    const fromYaml = checkPlan(fx.text, { today: day('2026-08-12') }).plan!;
    for (const today of ['2026-07-01', '2026-08-12', '2026-08-20', '2026-10-05']) {
      const a = schedulePlan(fromYaml, day(today));
      const b = schedulePlan(buildPlan(MFA_SPEC), day(today));
      assert.deepStrictEqual(toScheduleJson(a), toScheduleJson(b), today);
      assert.deepStrictEqual(
        a.diagnostics.map((d) => [d.code, d.message, d.data]),
        b.diagnostics.map((d) => [d.code, d.message, d.data]),
        today,
      );
    }
  });
});
