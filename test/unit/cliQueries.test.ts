/** `workback schedule`, `tasks` and `follow-ups` driven through run() on an in-memory file system. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { memoryIO, type MemoryEntry } from './helpers/memoryIO';
import { run } from '../../src/cli/run';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/cli');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

const MFA = fixture('mfa-rollout.workback.yaml');
const HOSTILE = fixture('hostile.workback.yaml');
const UNKNOWN_OWNER = fixture('unknown-owner.workback.yaml');

async function cli(
  argv: string[],
  files: Record<string, MemoryEntry>,
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO(files, { cwd: '/work', env });
  const code = await run(argv, io);
  return { code, out: io.stdoutText, err: io.stderrText };
}

/** Rows of an aligned table as arrays of cells (split on runs of 2+ spaces). */
const rows = (table: string): string[][] =>
  table
    .trimEnd()
    .split('\n')
    .map((l) => l.trim().split(/ {2,}/));

/** Every line of terminal output is safe: no escape, bidi or zero-width character, no ##[, no line starting with ::. */
function assertInert(text: string): void {
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069]|##\[/);
  for (const line of text.split('\n')) assert.doesNotMatch(line, /^\s*::/);
}

describe('workback schedule', () => {
  const files = { '/work/plans/mfa.workback.yaml': MFA };

  it("--json gives docs/format.md's worked answer exactly", async () => {
    const r = await cli(['schedule', 'plans/mfa.workback.yaml', '--today', '2026-07-01', '--json'], files);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.equal(r.out, readFileSync(path.join(FIXTURES, 'mfa-rollout.schedule.json'), 'utf8'));
  });

  it('a table: id, owner, start by, finish by, earliest, slack, critical, status; then the critical path', async () => {
    const r = await cli(['schedule', 'plans/mfa.workback.yaml', '--today', '2026-07-01'], files);
    assert.equal(r.code, 0, r.err);
    const [title, blank, ...rest] = r.out.split('\n');
    assert.equal(title, 'MFA for every staff account: goal due Wed 2026-09-30, today 2026-07-01');
    assert.equal(blank, '');
    const table = rows(rest.join('\n').split('\n\n')[0]!);
    assert.deepEqual(table[0], ['id', 'owner', 'start by', 'finish by', 'earliest', 'slack', 'critical', 'status']);
    assert.deepEqual(table.slice(1), [
      ['licensing', 'ravi', 'Mon 2026-08-03', 'Tue 2026-08-04', '-', '-', 'done'],
      ['pick-method', 'dana', 'Wed 2026-08-05', 'Fri 2026-08-07', 'Wed 2026-07-01', '25', 'yes', 'todo'],
      ['enroll-it', 'lee', 'Mon 2026-08-10', 'Fri 2026-08-14', 'Mon 2026-07-06', '25', 'yes', 'todo'],
      ['comms', 'dana', 'Mon 2026-09-14', 'Tue 2026-09-15', 'Mon 2026-07-13', '44', 'todo'],
      ['enroll-all', 'lee', 'Wed 2026-09-16', 'Wed 2026-09-30', 'Wed 2026-07-15', '44', 'todo'],
    ]);
    assert.match(r.out, /\nMinimum slack 25 workdays\. Critical path: pick-method -> enroll-it\n$/);
  });

  it('late: the status says how late, and whom to escalate to; negative slack says how many workdays short', async () => {
    const r = await cli(['schedule', 'plans/mfa.workback.yaml', '--today', '2026-08-12'], files);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\npick-method .* 3 workdays late, escalated to dana\n/);
    assert.match(r.out, /\nenroll-it .* start 2 workdays late\n/);
    assert.match(
      r.out,
      /The goal cannot be met as planned: 5 workdays short\. Critical path: pick-method -> enroll-it\n$/,
    );
  });

  it('a plan with errors: errors on stderr in text format, nothing on stdout, exit 1', async () => {
    const r = await cli(['schedule', 'bad.workback.yaml', '--today', '2026-07-01', '--json'], {
      '/work/bad.workback.yaml': UNKNOWN_OWNER,
    });
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /^bad\.workback\.yaml:13:45 error unknown-person /);
  });

  it('earliest dates past 2199: the workback dates are printed, a warning on stderr says why earliest and slack are missing, exit 0', async () => {
    const late = [
      'workback: 1',
      'title: Far future',
      'goal: { outcome: Done, due: 2199-12-31, owner: dana }',
      'people:',
      '  dana: { name: Dana }',
      'milestones:',
      '  - id: m',
      '    title: M',
      '    tasks:',
      '      - { id: a, title: A, owner: dana, duration: 1w }',
      '',
    ].join('\n');
    const r = await cli(['schedule', 'far.workback.yaml', '--today', '2199-12-30'], {
      '/work/far.workback.yaml': late,
    });
    assert.equal(r.code, 0, r.err);
    const table = rows(r.out.split('\n\n')[1]!);
    assert.deepEqual(table[1]!.slice(0, 5), ['a', 'dana', 'Wed 2199-12-25', 'Tue 2199-12-31', '-']);
    assert.match(
      r.out,
      /\nSlack and the critical path are left out: the earliest dates would end after 2199 \(see the warning\)\.\n$/,
      'not "Every task is done."',
    );
    assert.match(
      r.err,
      /^far\.workback\.yaml:10:\d+ warning earliest-out-of-range Earliest dates cannot be computed: a \(duration 1w\)/,
    );
    assert.equal(r.err.split('\n').filter(Boolean).length, 1);
    const json = await cli(['schedule', 'far.workback.yaml', '--today', '2199-12-30', '--json'], {
      '/work/far.workback.yaml': late,
    });
    assert.equal(json.code, 0, json.err);
    const item = (JSON.parse(json.out) as { items: Record<string, unknown>[] }).items[0]!;
    assert.equal(item['start'], '2199-12-25');
    assert.equal(item['slack'], undefined);
  });

  it('a cyclic plan is an error, never an empty table', async () => {
    const cyclic = MFA.replace(
      '        duration: 2d\n        status: done',
      '        duration: 2d\n        depends_on: [enroll-all]',
    );
    for (const text of [cyclic]) {
      assert.notEqual(text, MFA);
      const r = await cli(['schedule', 'x.workback.yaml', '--today', '2026-07-01'], { '/work/x.workback.yaml': text });
      assert.equal(r.code, 1, r.out);
      assert.equal(r.out, '');
      assert.match(r.err, /^x\.workback\.yaml:\d+:\d+ error /);
    }
  });

  it('usage: exactly one plan file', async () => {
    const two = { ...files, '/work/plans/b.workback.yaml': MFA };
    for (const argv of [
      ['schedule'],
      ['schedule', 'a', 'b'],
      ['schedule', 'plans'],
      ['schedule', 'missing.workback.yaml'],
    ]) {
      const r = await cli(argv, two);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
    }
    assert.match((await cli(['schedule', 'plans'], two)).err, /takes one plan file; 'plans' names 2/);
    // A directory or glob naming exactly one plan is fine.
    assert.equal((await cli(['schedule', 'plans', '--today', '2026-07-01'], files)).code, 0);
  });

  it('hostile titles and names are neutralised in the table', async () => {
    const r = await cli(['schedule', 'h.workback.yaml', '--today', '2026-09-29'], { '/work/h.workback.yaml': HOSTILE });
    assert.equal(r.code, 0, r.err);
    assertInert(r.out);
    assert.match(r.out, /^Hostile \\u\{1b\}\[31mred\\u\{1b\}\[0m plan \\u\{202e\}evil: goal due/);
  });
});

describe('workback tasks', () => {
  const files = { '/work/plans/mfa.workback.yaml': MFA, '/work/plans/bad.workback.yaml': UNKNOWN_OWNER };
  const good = { '/work/plans/mfa.workback.yaml': MFA };

  it('my open tasks, most urgent first', async () => {
    const r = await cli(['tasks', '--me', 'lee', '--today', '2026-07-01'], good);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(rows(r.out), [
      ['status', 'prio', 'start by', 'finish by', 'slack', 'plan', 'task', 'title'],
      [
        'todo',
        'p3',
        'Mon 2026-08-10',
        'Fri 2026-08-14',
        '25',
        'plans/mfa.workback.yaml',
        'enroll-it',
        'Enroll the IT team',
      ],
      [
        'todo',
        'p3',
        'Wed 2026-09-16',
        'Wed 2026-09-30',
        '44',
        'plans/mfa.workback.yaml',
        'enroll-all',
        'Enroll everyone else',
      ],
    ]);
  });

  it('--me takes emails (any case), repeats and commas; overdue comes first', async () => {
    const r = await cli(['tasks', '--me', 'DANA@example.com,lee', '--today', '2026-08-12'], good);
    const [mine, escalated] = r.out.split('\n\n');
    assert.deepEqual(
      rows(mine!)
        .slice(1)
        .map((row) => [row[0], row[6]]),
      [
        ['3 workdays late, escalated to dana', 'pick-method'],
        ['start 2 workdays late', 'enroll-it'],
        ['todo', 'comms'],
        ['todo', 'enroll-all'],
      ],
    );
    // Dana is the one pick-method was escalated to: listed again, under its own heading
    assert.deepEqual(
      rows(escalated!).map((row) => [row[0], row[1], row[7]].filter((c) => c !== undefined).join(' | ')),
      ['Escalated to you:', 'to | tier | item', 'dana | 1 | pick-method'],
    );
    const repeated = await cli(['tasks', '--me', 'dana@example.com', '--me', 'lee', '--today', '2026-08-12'], good);
    assert.equal(repeated.out, r.out);
  });

  it('--json', async () => {
    const r = await cli(['tasks', '--me', 'lee', '--today', '2026-07-01', '--json'], good);
    const json = JSON.parse(r.out);
    assert.equal(json.today, '2026-07-01');
    assert.deepEqual(json.me, ['lee']);
    assert.deepEqual(json.tasks[0], {
      file: 'plans/mfa.workback.yaml',
      plan: 'MFA for every staff account',
      id: 'enroll-it',
      title: 'Enroll the IT team',
      milestone: 'pilot',
      owner: 'lee',
      status: 'todo',
      priority: 'p3',
      state: 'open',
      start: '2026-08-10',
      finish: '2026-08-14',
      earliestStart: '2026-07-06',
      earliestFinish: '2026-07-10',
      slack: 25,
      critical: true,
      daysLate: 0,
      escalate: false,
    });
  });

  it('a plan with errors is skipped with its errors on stderr; the others still answer; exit 1', async () => {
    const r = await cli(['tasks', '--me', 'lee', '--today', '2026-07-01'], files);
    assert.equal(r.code, 1);
    assert.match(r.out, /enroll-it/);
    assert.match(r.err, /^plans\/bad\.workback\.yaml:13:45 error unknown-person /m);
  });

  it('--me is required (or WORKBACK_ME); an unknown person gets a note', async () => {
    const missing = await cli(['tasks', '--today', '2026-07-01'], good);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--me is required/);
    const env = await cli(['tasks', '--today', '2026-07-01'], good, { WORKBACK_ME: 'lee' });
    assert.equal(env.code, 0);
    assert.match(env.out, /enroll-it/);
    const nobody = await cli(['tasks', '--me', 'nobody', '--today', '2026-07-01'], good);
    assert.equal(nobody.code, 0);
    assert.equal(nobody.out, 'No open tasks for nobody.\n');
    assert.match(nobody.err, /no plan has a person with id or email 'nobody'/);
  });

  it('hostile titles are neutralised', async () => {
    const r = await cli(['tasks', '--me', 'dana', '--today', '2026-09-29'], { '/work/h.workback.yaml': HOSTILE });
    assert.equal(r.code, 0, r.err);
    assertInert(r.out);
    assert.match(
      r.out,
      /Title \\u\{1b\}\[2J cleared\\n::add-mask::secret #\\u\{23\}\[stop-commands\]tok \\u\{200b\}zw \\u\{2066\}iso\\u\{2069\}\n/,
    );
    const json = await cli(['tasks', '--me', 'dana', '--today', '2026-09-29', '--json'], {
      '/work/h.workback.yaml': HOSTILE,
    });
    assert.doesNotMatch(json.out, /[\u001b\u202e\u2066\u200b]|##\[/);
    assert.match(
      JSON.parse(json.out).tasks[0].title,
      /^Title \u001b\[2J cleared\n::add-mask::secret ##\[stop-commands\]tok/,
    );
  });
});

describe('workback follow-ups', () => {
  const files = { '/work/mfa.workback.yaml': MFA };

  it('follow-ups and check-ins to do, overdue first, with escalation', async () => {
    const r = await cli(['follow-ups', '--today', '2026-08-20'], files);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(rows(r.out), [
      ['status', 'on', 'kind', 'with', 'plan', 'task', 'about'],
      // (pick-method is Dana's own, and Dana checks in: it has no check-in)
      [
        '3 workdays late, escalated to dana',
        'Mon 2026-08-17',
        'check-in',
        'dana',
        'mfa.workback.yaml',
        'enroll-it',
        'Enroll the IT team',
      ],
    ]);
  });

  it('--overdue and --me filter; nothing to do is said plainly', async () => {
    assert.equal((await cli(['follow-ups', '--today', '2026-07-01'], files)).out, 'No follow-ups to do.\n');
    const ravi = await cli(['follow-ups', '--today', '2026-08-20', '--overdue', '--me', 'ravi'], files);
    assert.equal(ravi.out, 'No overdue follow-ups.\n');
    const lee = await cli(['follow-ups', '--today', '2026-08-20', '--me', 'lee', '--json'], files);
    const json = JSON.parse(lee.out);
    assert.deepEqual(
      json.followUps.map(
        (f: { task: string; kind: string; on: string; overdue: boolean; daysLate: number; escalateTo?: string }) => [
          f.task,
          f.kind,
          f.on,
          f.overdue,
          f.daysLate,
          f.escalateTo,
        ],
      ),
      [['enroll-it', 'check-in', '2026-08-17', true, 3, 'dana']],
    );
  });

  it('hostile follow-up text is neutralised', async () => {
    const r = await cli(['follow-ups', '--today', '2026-09-29'], { '/work/h.workback.yaml': HOSTILE });
    assert.equal(r.code, 0, r.err);
    assertInert(r.out);
    assert.match(r.out, /\\r::error file=x::forged\\u\{1b\}\]8;;http:\/\/evil\\u\{7\} link/);
  });
});

describe('workback gantt', () => {
  const files = {
    '/work/plans/mfa.workback.yaml': MFA,
    '/work/plans/hostile.workback.yaml': HOSTILE,
    '/work/plans/bad.workback.yaml': UNKNOWN_OWNER,
  };

  it('prints the Mermaid Gantt of the plan: a section per milestone, LS to LF+1, markers', async () => {
    const r = await cli(['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01'], files);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'gantt');
    assert.ok(lines.includes('    dateFormat YYYY-MM-DD'));
    assert.ok(lines.includes('    section Method chosen with stakeholders'));
    // docs/format.md's worked answer: pick-method LS Wed 2026-08-05, LF Fri 2026-08-07 (end exclusive: 08-08); critical
    assert.ok(lines.includes('    Choose MFA method:crit, t2, 2026-08-05, 2026-08-08'), r.out);
    assert.ok(lines.includes('    Today:vert, today, 2026-07-01, 0d'));
    assert.ok(lines.includes('    Goal due:vert, goaldue, 2026-10-01, 0d'));
  });

  it('filters by milestone, owner and critical path', async () => {
    const one = await cli(['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01', '--milestone', 'pilot'], files);
    assert.deepEqual(
      one.out.split('\n').filter((l) => l.startsWith('    section')),
      ['    section Pilot group enrolled'],
    );
    const crit = await cli(['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01', '--critical'], files);
    assert.deepEqual(
      crit.out
        .split('\n')
        .filter((l) => /[:,] ?t\d+, /.test(l))
        .map((l) => l.trim().split(':')[0]),
      ['Choose MFA method', 'Enroll the IT team'],
    );
    const lee = await cli(['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01', '--owner', 'lee'], files);
    assert.deepEqual(
      lee.out
        .split('\n')
        .filter((l) => /[:,] ?t\d+, /.test(l))
        .map((l) => l.trim().split(':')[0]),
      ['Enroll the IT team', 'Enroll everyone else'],
    );
  });

  it('a date window keeps only the markers inside it (a far one would stretch the axis)', async () => {
    const marker = (out: string): string[] =>
      out
        .split('\n')
        .filter((l) => /:vert, /.test(l))
        .map((l) => l.trim());
    const all = await cli(['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01'], files);
    assert.deepEqual(marker(all.out), ['Today:vert, today, 2026-07-01, 0d', 'Goal due:vert, goaldue, 2026-10-01, 0d']);
    const august = await cli(
      ['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-01', '--from', '2026-08-01', '--to', '2026-08-31'],
      files,
    );
    assert.equal(august.code, 0, august.err);
    assert.deepEqual(marker(august.out), []);
    assert.ok(
      august.out.includes('Choose MFA method:crit, t2, 2026-08-05, 2026-08-08'),
      "the window's tasks are drawn",
    );
    // today inside the window and within a week of the first bar (Mon 3 Aug): drawn
    const late = await cli(
      ['gantt', 'plans/mfa.workback.yaml', '--today', '2026-07-29', '--from', '2026-07-27', '--to', '2026-08-31'],
      files,
    );
    assert.deepEqual(marker(late.out), ['Today:vert, today, 2026-07-29, 0d']);
  });

  it('hostile titles stay inert: one line each, no directive, no click', async () => {
    const r = await cli(['gantt', 'plans/hostile.workback.yaml', '--today', '2026-07-01'], files);
    assert.equal(r.code, 0, r.err);
    assertInert(r.out);
    assert.doesNotMatch(r.out, /%%|^\s*click/m);
  });

  it('a plan with errors: the errors on stderr, exit 1', async () => {
    const r = await cli(['gantt', 'plans/bad.workback.yaml', '--today', '2026-07-01'], files);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /unknown-person/);
  });
});
