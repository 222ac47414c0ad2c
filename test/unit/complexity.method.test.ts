/**
 * Growth tests for the method's stages (docs/format.md "The method"): checking a plan whose every
 * task is late p1 work with an interim control and a review awaited, on a ladder of several
 * tiers; what each person must do (`actions`); the status report and its Markdown, for everyone
 * and for one person. Time at 4n must stay under 6 times the time at n.
 */
import assert from 'node:assert/strict';
import { actions, checkPlan, statusReport, statusReportMarkdown, tasksFor, type PlanFile } from '../../src/core';
import { assertLinear } from './helpers/growth';
import { day } from './helpers/planBuilder';

const TODAY = day('2026-09-16');

/** n tasks in milestones of 10: every other one late (p1, with an interim), the rest done and awaiting review. */
function methodPlan(n: number): string {
  const lines = [
    'workback: 1',
    'title: Growth',
    'goal: { outcome: Done, measure: Checked, due: 2026-12-31, owner: dana, consulted: [ciso], informed: [mira] }',
    'people:',
    '  dana: { name: Dana }',
    '  ciso: { name: Casey }',
    '  mira: { name: Mira }',
    '  omar: { name: Omar }',
    'policy:',
    '  escalation:',
    '    default:',
    '      - { after: 0d, to: dana }',
    '      - { after: 2d, to: ciso }',
    '    p1:',
    '      - { after: 0d, to: dana }',
    '      - { after: 1d, to: ciso }',
    '      - { after: 3d, to: mira }',
    'milestones:',
  ];
  for (let m = 0; m * 10 < n; m++) {
    lines.push(`  - id: m${m}`, `    title: Milestone ${m}`, '    review_by: ciso', '    tasks:');
    for (let t = 0; t < 10 && m * 10 + t < n; t++) {
      const i = m * 10 + t;
      lines.push(
        i % 2
          ? `      - { id: t${i}, title: Task ${i}, owner: omar, status: done, done_on: 2026-09-0${1 + (i % 9)}, review_by: mira }`
          : `      - { id: t${i}, title: Task ${i}, owner: omar, priority: p1, due: 2026-09-0${1 + (i % 9)}, interim: { control: Block it, owner: omar } }`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function planFile(text: string): PlanFile {
  const r = checkPlan(text, { today: TODAY });
  if (!r.plan || !r.schedule) throw new Error(`not scheduled: ${r.diagnostics[0]?.message}`);
  return { file: 'growth.workback.yaml', plan: r.plan, schedule: r.schedule };
}

describe('growth: the method (ladders, reviews, interim controls, the report) is linear', function () {
  this.timeout(120_000);

  it('checking a plan of late p1 work, interim controls and reviews awaited, on a ladder', () =>
    assertLinear('method check', methodPlan, (text) => checkPlan(text, { today: TODAY }), 250));

  it('what each person must do, and their tasks, over many such plans', () => {
    const one = planFile(methodPlan(40));
    // sanity: every late task is escalated and has an interim control; every done one awaits review, late, so escalated too
    const kinds = actions([one], TODAY).map((a) => a.kind);
    assert.deepEqual(
      ['escalated', 'interim', 'review'].map((k) => kinds.filter((x) => x === k).length),
      [40, 20, 20],
    );
    assertLinear(
      'actions',
      (n) => Array.from({ length: n }, (_, i) => ({ ...one, file: `p${i}.workback.yaml` })),
      (files) => {
        actions(files, TODAY);
        actions(files, TODAY, { me: ['ciso'] });
        tasksFor(files, ['omar'], TODAY);
      },
      20,
    );
  });

  it('the status report and its Markdown, for everyone and for one person', () =>
    assertLinear(
      'report',
      (n) => planFile(methodPlan(n)),
      (pf) => {
        statusReportMarkdown(statusReport([pf], TODAY), TODAY);
        statusReportMarkdown(statusReport([pf], TODAY, ['omar']), TODAY, 'omar');
      },
      250,
    ));
});
