/** The GitHub Action's logic (src/cli/action.ts) on an in-memory workspace: inputs, log, job summary, exit code. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { actionInputs, runAction } from '../../src/cli/action';
import { memoryIO, type MemoryEntry } from './helpers/memoryIO';

const CLI = path.resolve(__dirname, '../../../test/fixtures/cli');
const GOOD = readFileSync(path.join(CLI, 'mfa-rollout.workback.yaml'), 'utf8');
const BAD = readFileSync(path.join(CLI, 'unknown-owner.workback.yaml'), 'utf8');
const WARNING = readFileSync(path.join(CLI, 'warning-only.workback.yaml'), 'utf8');

async function action(
  inputs: Record<string, string>,
  files: Record<string, MemoryEntry>,
  summary: string | null = '/summary.md',
): Promise<{ code: number; out: string; err: string; summaries: string[]; reads: readonly string[] }> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (summary) env.GITHUB_STEP_SUMMARY = summary;
  const io = memoryIO(files, { cwd: '/repo', env });
  const summaries: string[] = [];
  const code = await runAction(io, async (markdown) => {
    summaries.push(markdown);
    return Promise.resolve();
  });
  return { code, out: io.stdoutText, err: io.stderrText, summaries, reads: io.reads };
}

const TODAY = { today: '2026-07-01' };

describe('the GitHub Action', () => {
  it('reads its inputs as a runner passes them, with the defaults of action.yml', () => {
    const io = (env: Record<string, string>) => memoryIO({}, { env });
    assert.deepEqual(actionInputs(io({})), { paths: [], failOn: 'error', format: 'github' });
    assert.deepEqual(
      actionInputs(
        io({
          INPUT_PATHS: ' plans\n  "infra/**/*.workback.yaml" ',
          'INPUT_FAIL-ON': 'warning',
          INPUT_TODAY: '2026-07-01',
        }),
      ),
      { paths: ['plans', '"infra/**/*.workback.yaml"'], failOn: 'warning', format: 'github', today: '2026-07-01' },
    );
  });

  it('annotates the problems, appends each plan’s summary to the job summary, and fails on an error', async () => {
    const r = await action(TODAY, { '/repo/plans/good.workback.yaml': GOOD, '/repo/plans/bad.workback.yaml': BAD });
    assert.equal(r.code, 1);
    assert.match(r.out, /^::error file=plans\/bad\.workback\.yaml,line=13,col=45,.*::"nobody" \(owner of t1\)/);
    assert.equal(r.summaries.length, 1);
    const md = r.summaries[0]!;
    assert.match(md, /^## Workback plans on 2026-07-01\n/);
    assert.match(md, /### `plans\/bad\.workback\.yaml`: `Small plan with a typo`\n\nNot scheduled/);
    assert.match(md, /### `plans\/good\.workback\.yaml`: `[^`]+`\n\nGoal: /);
    assert.match(md, /\n2 files checked: 1 error, 0 warnings\.\n$/);
    // one pass over the plans serves the log and the job summary: each file is read once
    assert.deepEqual([...r.reads].sort(), ['/repo/plans/bad.workback.yaml', '/repo/plans/good.workback.yaml']);
  });

  it('fails by fail-on: a warning passes by default and fails with fail-on: warning', async () => {
    const files = { '/repo/w.workback.yaml': WARNING };
    assert.equal((await action(TODAY, files)).code, 0);
    const strict = await action({ ...TODAY, 'fail-on': 'warning' }, files);
    assert.equal(strict.code, 1);
    assert.match(strict.out, /^::warning file=w\.workback\.yaml/);
  });

  it('checks only the paths given, in the format given', async () => {
    const files = { '/repo/a/good.workback.yaml': GOOD, '/repo/b/bad.workback.yaml': BAD };
    const r = await action({ ...TODAY, paths: 'a', format: 'text' }, files);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.summaries[0]!, /1 file checked: 0 errors, 0 warnings\./);
    const json = await action({ ...TODAY, paths: 'b', format: 'json' }, files);
    assert.equal((JSON.parse(json.out) as { summary: { errors: number } }).summary.errors, 1);
  });

  it('a wrong input is a usage error that names it, and writes no summary', async () => {
    const r = await action({ ...TODAY, 'fail-on': 'never' }, { '/repo/a.workback.yaml': GOOD });
    assert.equal(r.code, 2);
    assert.match(r.err, /fail-on/);
    assert.deepEqual(r.summaries, []);
    const day = await action({ today: '2026-02-30' }, { '/repo/a.workback.yaml': GOOD });
    assert.equal(day.code, 2);
    assert.match(day.err, /today/);
  });

  it('an unreadable plan fails the step (exit 2), and the job summary still tells of the others, each note said once', async () => {
    const files: Record<string, MemoryEntry> = {
      '/repo/good.workback.yaml': GOOD,
      '/repo/locked.workback.yaml': { unreadable: true },
      '/repo/gone.workback.yaml': { symlink: '/nowhere.workback.yaml' },
    };
    const r = await action(TODAY, files);
    assert.equal(r.code, 2);
    assert.match(r.out, /^::error file=locked\.workback\.yaml,.*read-error/m);
    const notes = r.err.split('\n').filter((l) => l.includes('gone.workback.yaml'));
    assert.equal(notes.length, 1, r.err);
    assert.equal(r.summaries.length, 1);
    assert.match(r.summaries[0]!, /### `good\.workback\.yaml`/);
    assert.match(r.summaries[0]!, /### `locked\.workback\.yaml`\n\n1 problem:/);
  });

  it('takes one path a line (a path may hold spaces), and a path that starts with - is a path', async () => {
    const files = { '/repo/my plans/a.workback.yaml': BAD, '/repo/-b.workback.yaml': GOOD };
    const r = await action({ ...TODAY, paths: 'my plans/a.workback.yaml\n-b.workback.yaml' }, files);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^::error file=my plans\/a\.workback\.yaml,/m);
    assert.match(r.summaries[0]!, /2 files checked/);
  });

  it('without a job summary file (run outside a runner) it only checks', async () => {
    const r = await action(TODAY, { '/repo/a.workback.yaml': BAD }, null);
    assert.equal(r.code, 1);
    assert.deepEqual(r.summaries, []);
  });
});
