/**
 * `workback workload` against hand-computed answers: two plans that share Omar (by email, under
 * two ids and two spellings of the address) and Lee (by id, no email). Each plan alone books
 * nobody twice; together Omar has 2 tasks on Mon 21 - Wed 23 Sep 2026 and Lee 2 on Fri 11 Sep.
 */
import assert from 'node:assert/strict';
import { checkPlan, overbookedAcrossPlans, parseDay, workload } from '../../src/core';
import { run } from '../../src/cli/run';
import { memoryIO } from './helpers/memoryIO';

const EDR = `workback: 1
title: EDR
goal: { outcome: O, measure: M, due: 2026-09-25, owner: omar }
people:
  omar: { name: Omar Haddad, email: omar@msp.example }
  lee: { name: Lee Chen }
milestones:
  - id: m
    title: M
    tasks:
      - { id: a1, title: Push the agents, owner: omar, duration: 5d }
      - { id: a2, title: "Exclusions \\u001b[31m", owner: lee, duration: 2d, due: 2026-09-11 }
`;
const SIEM = `workback: 1
title: SIEM
goal: { outcome: O, measure: M, due: 2026-09-23, owner: ohaddad }
people:
  ohaddad: { name: O. Haddad, email: OMAR@msp.example, capacity: 3 }
  lee: { name: Lee C. }
milestones:
  - id: m
    title: M
    tasks:
      - { id: b1, title: Connect the firewalls, owner: ohaddad, duration: 3d }
      - { id: b2, title: Write the parsers, owner: lee, duration: 1d, due: 2026-09-11 }
`;
const FILES = { '/work/edr.workback.yaml': EDR, '/work/siem.workback.yaml': SIEM };
const TODAY = ['--today', '2026-09-01'];

async function cli(argv: string[]) {
  const io = memoryIO(FILES, { cwd: '/work' });
  const code = await run(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

describe('workback workload', () => {
  it('each person across plans, week by week, with the overbooked days, as text', async () => {
    const r = await cli(['workload', ...TODAY]);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.equal(
      r.out,
      [
        'Lee Chen: capacity 1, overbooked on 1 workday',
        '  Week of Mon 2026-09-07: 2 tasks, overbooked Fri 11 Sep 2026',
        '    plan                task  start by        finish by       title',
        '    edr.workback.yaml   a2    Thu 2026-09-10  Fri 2026-09-11  Exclusions \\u{1b}[31m',
        '    siem.workback.yaml  b2    Fri 2026-09-11  Fri 2026-09-11  Write the parsers',
        '',
        'Omar Haddad <omar@msp.example>: capacity 1, overbooked on 3 workdays',
        '  Week of Mon 2026-09-21: 2 tasks, overbooked Mon 21 – Wed 23 Sep 2026',
        '    plan                task  start by        finish by       title',
        '    edr.workback.yaml   a1    Mon 2026-09-21  Fri 2026-09-25  Push the agents',
        '    siem.workback.yaml  b1    Mon 2026-09-21  Wed 2026-09-23  Connect the firewalls',
        '',
      ].join('\n'),
    );
  });

  it('--json: the ids per plan, the smallest capacity, each week', async () => {
    const r = await cli(['workload', ...TODAY, '--json', '--person', 'ohaddad']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), {
      from: '2026-08-31',
      to: null,
      people: [
        {
          name: 'Omar Haddad',
          email: 'omar@msp.example',
          ids: [
            { file: 'edr.workback.yaml', id: 'omar' },
            { file: 'siem.workback.yaml', id: 'ohaddad' },
          ],
          capacity: 1,
          overbookedWorkdays: 3,
          weeks: [
            {
              week: '2026-09-21',
              tasks: [
                { file: 'edr.workback.yaml', id: 'a1', title: 'Push the agents', from: '2026-09-21', to: '2026-09-25' },
                {
                  file: 'siem.workback.yaml',
                  id: 'b1',
                  title: 'Connect the firewalls',
                  from: '2026-09-21',
                  to: '2026-09-23',
                },
              ],
              overbooked: [{ from: '2026-09-21', to: '2026-09-23' }],
            },
          ],
        },
      ],
    });
  });

  it('--from and --to clip the weeks and the overbooked days; a bad window is a usage error', async () => {
    const r = await cli(['workload', ...TODAY, '--json', '--from', '2026-09-22', '--to', '2026-09-22']);
    const people = JSON.parse(r.out).people;
    assert.deepEqual(
      people.map((p: { name: string; overbookedWorkdays: number }) => [p.name, p.overbookedWorkdays]),
      [['Omar Haddad', 1]],
    );
    const bad = await cli(['workload', ...TODAY, '--from', '2026-09-22', '--to', '2026-09-21']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--to 2026-09-21 is before --from 2026-09-22/);
    const beforeMonday = await cli(['workload', ...TODAY, '--to', '2026-08-01']);
    assert.match(beforeMonday.err, /--to 2026-08-01 is before this week's Monday, 2026-08-31 \(give --from\)/);
    const notADate = await cli(['workload', '--from', '2026-02-30']);
    assert.equal(notADate.code, 2);
    assert.match(notADate.err, /--from takes a real date YYYY-MM-DD, not '2026-02-30'/);
    assert.equal((await cli(['workload', ...TODAY, '--person', 'nobody'])).out, 'No open tasks for nobody.\n');
  });
});

describe('overbooking across plans', () => {
  const files = (edr: string, siem: string) =>
    [
      ['edr.workback.yaml', edr],
      ['siem.workback.yaml', siem],
    ].map(([file, text]) => {
      const r = checkPlan(text!, { today: parseDay('2026-09-01') as number });
      assert.ok(r.plan && r.schedule);
      return { file: file!, plan: r.plan, schedule: r.schedule, text: text! };
    });

  it("each plan gets the information on its own task, naming the other plan's", () => {
    const fs = files(EDR, SIEM);
    const found = overbookedAcrossPlans(fs);
    const shown = fs.flatMap((f) =>
      (found.get(f.file) ?? []).map((d) => [
        f.file,
        d.code,
        d.severity,
        f.text.slice(d.span.start, d.span.end),
        d.message,
      ]),
    );
    assert.deepEqual(shown, [
      [
        'edr.workback.yaml',
        'overbooked-across-plans',
        'information',
        'omar',
        'Omar Haddad (omar) is also booked in other plans on Mon 21 – Wed 23 Sep 2026 (capacity 1): siem.workback.yaml: b1.',
      ],
      [
        'edr.workback.yaml',
        'overbooked-across-plans',
        'information',
        'lee',
        'Lee Chen (lee) is also booked in other plans on Fri 11 Sep 2026 (capacity 1): siem.workback.yaml: b2.',
      ],
      [
        'siem.workback.yaml',
        'overbooked-across-plans',
        'information',
        'ohaddad',
        'O. Haddad (ohaddad) is also booked in other plans on Mon 21 – Wed 23 Sep 2026 (capacity 1): edr.workback.yaml: a1.',
      ],
      [
        'siem.workback.yaml',
        'overbooked-across-plans',
        'information',
        'lee',
        'Lee C. (lee) is also booked in other plans on Fri 11 Sep 2026 (capacity 1): edr.workback.yaml: a2.',
      ],
    ]);
  });

  it('says nothing when the plans do not overlap, nor when one plan alone overbooks the person', () => {
    // Omar's SIEM task a week earlier; Lee's EDR task a week earlier, and a second SIEM task on his day
    const edr = EDR.replace('duration: 2d, due: 2026-09-11', 'duration: 2d, due: 2026-09-04');
    const siem = SIEM.replace('due: 2026-09-23', 'due: 2026-09-18').replace(
      'owner: lee, duration: 1d, due: 2026-09-11 }',
      'owner: lee, duration: 1d, due: 2026-09-11 }\n      - { id: b3, title: More parsers, owner: lee, duration: 1d, due: 2026-09-11 }',
    );
    const fs = files(edr, siem);
    assert.equal(overbookedAcrossPlans(fs).size, 0);
    assert.equal(
      fs[1]!.schedule.diagnostics.filter((d) => d.code === 'owner-overbooked').length,
      2,
      'the plan says it',
    );
  });
});

describe('people across plans', () => {
  it('someone without an email joins the email of their id, never a person of their own plan', () => {
    const plan = (people: string, tasks: string) =>
      `workback: 1\ntitle: T\ngoal: { outcome: O, measure: M, due: 2026-09-25, owner: a }\npeople:\n  a: { name: A }\n${people}milestones:\n  - id: m\n    title: M\n    tasks:\n${tasks}`;
    const a = plan(
      '  omar: { name: Omar, email: o@x.example }\n',
      '      - { id: a1, title: T, owner: omar, duration: 2d }\n',
    );
    const b = plan(
      '  oh: { name: O. H., email: O@x.example }\n  omar: { name: Omar too }\n',
      '      - { id: b1, title: T, owner: oh, duration: 2d }\n      - { id: b2, title: T, owner: omar, duration: 2d }\n',
    );
    const c = plan('  omar: { name: Omar again }\n', '      - { id: c1, title: T, owner: omar, duration: 2d }\n');
    const files = [
      ['a', a],
      ['b', b],
      ['c', c],
    ].map(([file, text]) => {
      const r = checkPlan(text!, { today: parseDay('2026-09-01') as number });
      assert.ok(r.plan && r.schedule);
      return { file: file!, plan: r.plan, schedule: r.schedule };
    });
    const ids = workload(files, { from: parseDay('2026-08-31') as number }).map((p) =>
      p.ids.map((i) => `${i.file}:${i.id}`).join(' '),
    );
    // c's omar joins the email of the id "omar"; b's omar does not, as b's oh has that email
    assert.deepEqual(ids.sort(), ['a:omar b:oh c:omar', 'b:omar'].sort());
  });
});
