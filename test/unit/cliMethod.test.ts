/**
 * The method's CLI against hand-computed answers (test/fixtures/schedule/method-ladders.workback.yaml,
 * today Wed 16 Sep 2026: patch-vpn and patch-edr 3 workdays overdue, p1, tier 2 of 2 to the
 * CISO; runbook waiting 3 workdays for Mira's review, tier 1 of 2 to Dana; patch-vpn's interim
 * control for Omar to put in place).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run';
import { memoryIO } from './helpers/memoryIO';
import { FIXTURES } from './helpers/fixtures';

const PLAN = readFileSync(path.join(FIXTURES, 'schedule', 'method-ladders.workback.yaml'), 'utf8');
const TODAY = ['--today', '2026-09-16'];

async function cli(argv: string[], files: Record<string, string> = { '/work/p.workback.yaml': PLAN }) {
  const io = memoryIO(files, { cwd: '/work' });
  const code = await run(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

describe('workback escalations, tasks --me, report', () => {
  it('escalations: every escalated item, the highest tier first, with tier, recipient, owner and lateness', async () => {
    const r = await cli(['escalations', ...TODAY, '--json']);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.out).escalations.map((e: Record<string, unknown>) => [
      e['item'],
      e['what'],
      e['owner'],
      e['daysLate'],
      e['tier'],
      e['tiers'],
      e['to'],
      e['priority'],
    ]);
    assert.deepEqual(rows, [
      ['patch-edr', 'task-overdue', 'omar', 3, 2, 2, 'ciso', 'p1'],
      ['patch-vpn', 'task-overdue', 'omar', 3, 2, 2, 'ciso', 'p1'],
      ['runbook', 'awaiting-review', 'mira', 3, 1, 2, 'dana', 'p3'],
    ]);
    const text = await cli(['escalations', ...TODAY, '--me', 'dana']);
    assert.match(text.out, /^to +tier +late/);
    assert.match(
      text.out,
      /\ndana +1 of 2 +3 workdays late +p3 +review +mira +p\.workback\.yaml +runbook +Write the runbook\n$/,
    );
    assert.equal((await cli(['escalations', ...TODAY, '--priority', 'p2,p4'])).out, 'Nothing is escalated.\n');
  });

  it('tasks --me lists my tasks, then what was escalated to me, my interim controls and my reviews', async () => {
    const omar = JSON.parse((await cli(['tasks', ...TODAY, '--me', 'omar', '--json'])).out);
    assert.deepEqual(
      omar.tasks.map((t: Record<string, unknown>) => [t['id'], t['priority'], t['tier'], t['escalateTo']]),
      [
        ['patch-vpn', 'p1', 2, 'ciso'],
        ['patch-edr', 'p1', 2, 'ciso'],
      ],
    );
    assert.deepEqual(
      omar.actions.map((a: Record<string, unknown>) => [a['kind'], a['item'], a['control']]),
      [['interim', 'patch-vpn', 'Block the VPN admin portal at the firewall']],
    );
    const ciso = await cli(['tasks', ...TODAY, '--me', 'ciso']);
    assert.match(ciso.out, /^No open tasks for ciso\.\n\nEscalated to you:\n/);
    assert.equal(ciso.out.match(/ciso +2 of 2/g)?.length, 2);
    const mira = await cli(['tasks', ...TODAY, '--me', 'mira']);
    assert.match(
      mira.out,
      /To review:\ndone +waiting .*\n2026-09-11 +3 workdays late +p3 +p\.workback\.yaml +runbook +Write the runbook\n$/,
    );
    const p4 = JSON.parse((await cli(['tasks', ...TODAY, '--me', 'omar', '--priority', 'p4', '--json'])).out);
    assert.deepEqual([p4.tasks.length, p4.actions.length], [0, 0]);
    assert.equal((await cli(['tasks', ...TODAY, '--me', 'omar', '--priority', 'p5'])).code, 2);
  });

  it('report: standing, progress by milestone, late work, escalations by tier, reviews and interim controls', async () => {
    const r = await cli(['report', ...TODAY]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^# Status report, Wed 16 Sep 2026\n/);
    assert.match(r.out, /\*\*Standing:\*\* \*\*at risk: 3 workdays behind\*\*\./);
    assert.match(r.out, /\*\*Progress:\*\* 2 of 4 tasks done\./);
    assert.match(
      r.out,
      /\| Critical systems patched \| 0 of 2 \| not yet due \|\n\| Everything else \| 2 of 2 \| {2}\|/,
    );
    assert.match(
      r.out,
      /### Escalations\n\n- `patch-edr` Patch the EDR console — 3 workdays late; escalated to Casey Ito, tier 2 of 2\n/,
    );
    assert.match(
      r.out,
      /### Awaiting review\n\n- `runbook` Write the runbook — by Mira Ruiz, done Fri 11 Sep 2026 \(3 workdays late\)\n/,
    );
    assert.match(
      r.out,
      /### Interim controls to put in place\n\n- Block the VPN admin portal at the firewall — by Omar Haddad/,
    );
    const json = JSON.parse((await cli(['report', ...TODAY, '--format', 'json'])).out);
    assert.deepEqual(json.plans[0].progress.milestones, [
      { id: 'pilot', done: 0, total: 2, review: 'pending' },
      { id: 'rest', done: 2, total: 2, review: null },
    ]);
  });

  it('report --for: only what that person owns, reviews, is escalated or is a stakeholder of', async () => {
    // Omar owns every late task but is no stakeholder: the review (Mira's, of his runbook) stays,
    // as it is about his work; a plan that does not name someone is left out for them.
    const omar = (await cli(['report', ...TODAY, '--for', 'omar'])).out;
    assert.match(omar, /### Your open tasks\n\n- `patch-vpn` Patch the VPN — 3 workdays late\n- `patch-edr`/);
    const stranger = PLAN.replace('  informed: [mira]\n', '').replace('  consulted: [ciso]\n', '');
    const mira = (await cli(['report', ...TODAY, '--for', 'mira'], { '/work/p.workback.yaml': stranger })).out;
    assert.doesNotMatch(mira, /### Late/, 'Mira owns no late work and is no stakeholder');
    assert.match(mira, /### Awaiting review\n\n- `runbook`/, 'but she reviews the runbook');
    assert.doesNotMatch(mira, /### Escalations[\s\S]*patch-/);
    const none = await cli(['report', ...TODAY, '--for', 'nobody']);
    assert.match(none.out, /No plan names this person\./);
    assert.match(none.err, /no plan has a person with id or email 'nobody'/);
  });

  it('gantt --priority keeps only tasks of those priorities: no checkpoint, no goal', async () => {
    const r = await cli(['gantt', 'p.workback.yaml', ...TODAY, '--priority', 'p1']);
    assert.equal(r.code, 0, r.err);
    const rows = r.out.split('\n').filter((l) => /:.*\bt\d+, \d{4}-/.test(l));
    assert.deepEqual(
      rows.map((l) => l.trim().split(':')[0]),
      ['Patch the VPN', 'Patch the EDR console'],
    );
    assert.doesNotMatch(r.out, /section Goal/);
    assert.match(r.out, /section Critical systems patched\n/);
    assert.doesNotMatch(r.out, /section Everything else/);
  });

  it('report escapes plan text: no link, mention, emphasis or HTML comes out of a title', async () => {
    const hostile = PLAN.replace(
      'title: Ladders, priorities, reviews and interim controls',
      'title: "[x](http://evil) @team <img src=x> *bold* \\u202e"',
    );
    const out = (await cli(['report', ...TODAY], { '/work/p.workback.yaml': hostile })).out;
    assert.ok(
      out.includes('\n## \\[x\\]\\(http\\:\\/\\/evil\\) \\@team \\<img src\\=x\\> \\*bold\\* \\\\u\\{202e\\}\n'),
      out,
    );
  });
});
