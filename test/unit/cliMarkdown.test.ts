/**
 * `workback check --format markdown`: each plan's summary and its problems, rendered by a
 * Markdown parser (markdown-it, with tables, raw HTML and link detection on, as a pull request
 * comment has them) to check that plan text only ever shows as code, read back exactly as
 * escaped for a terminal.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { checkPlan, parseDay, planSummary, type Day } from '../../src/core';
import { escapeTerminal, markdownCode } from '../../src/cli/escape';
import { MAX_LISTED } from '../../src/cli/format/markdown';
import { run } from '../../src/cli/run';
import { memoryIO, type MemoryEntry } from './helpers/memoryIO';

const ROOT = path.resolve(__dirname, '../../..');
const read = (...p: string[]): string => readFileSync(path.join(ROOT, ...p), 'utf8');
const md = new MarkdownIt({ html: true, linkify: true });

async function markdown(
  files: Record<string, MemoryEntry>,
  today = '2026-11-24',
): Promise<{ code: number; out: string }> {
  const io = memoryIO(files, { cwd: '/work' });
  const code = await run(['check', '--today', today, '--format', 'markdown'], io);
  return { code, out: io.stdoutText };
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text with what Markdown, HTML and GitHub act on, and what a terminal does. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('`', '``', '|', '\\', '*', '_', '[x](http://e)', '<b>', '&amp;', '@team', 'www.e.com', ' ', '\n'),
      fc.constantFrom('\u001b', '\u202e', '\u200b', '#', '!', '~', 'a', '\u00a0', '\t'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('workback check --format markdown', () => {
  it('plan text is one code span, read back as escaped for a terminal, in a table cell or not', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, inTable) => {
        const code = markdownCode(text, inTable);
        const want = escapeTerminal(text);
        if (want === '') return assert.equal(code, '');
        const html = inTable ? md.render(`| a |\n|---|\n| ${code} |\n`) : md.render(`x ${code} y\n`);
        const cell = inTable ? /<td>(.*)<\/td>/s.exec(html)?.[1] : /^<p>x (.*) y<\/p>\n$/s.exec(html)?.[1];
        assert.equal(cell, `<code>${escapeHtml(want)}</code>`, html);
      }),
      { numRuns: 3000 },
    );
  });

  it("summarises each example: goal, due date, slack, and the task counts the core's plan summary gives", async () => {
    const files: Record<string, MemoryEntry> = {};
    for (const f of ['mfa-rollout', 'edr-deployment', 'siem-migration'])
      files[`/work/examples/${f}.workback.yaml`] = read('examples', `${f}.workback.yaml`);
    const { code, out } = await markdown(files);
    assert.equal(code, 0);
    const html = md.render(out);
    assert.doesNotMatch(html, /<a |<b>|<script/);
    const today = parseDay('2026-11-24') as Day;
    for (const [name, text] of Object.entries(files)) {
      const r = checkPlan(text as string, { today });
      const s = planSummary({ file: name, plan: r.plan!, schedule: r.schedule! }, today);
      const file = name.slice('/work/'.length);
      assert.ok(out.includes(`### \`${file}\`: \`${s.title}\``), file);
      assert.ok(
        out.includes(`| ${s.tasks} | ${s.done} | ${s.lateStart} | ${s.overdue} | ${s.overdueFollowUps} |`),
        file,
      );
      assert.ok(s.slack.kind === 'slack' && out.includes(`slack ${s.slack.workdays} workdays`), file);
    }
    assert.match(out, /^## Workback plans on 2026-11-24\n/);
    assert.match(out, /\n\n3 files checked: 0 errors, \d+ warnings?(, \d+ information)?\.\n$/);
  });

  it('counts late starts, overdue tasks and follow-ups as the plan has them', () => {
    const text = `workback: 1
title: Counts
goal: { outcome: Done, due: 2026-12-31 }
people:
  a: { name: A }
milestones:
  - id: m
    title: M
    tasks:
      - { id: done, title: D, owner: a, duration: 2d, status: done, done_on: 2026-11-02 }
      - { id: late, title: L, owner: a, duration: 2d, due: 2026-11-20 }
      - { id: start, title: S, owner: a, duration: 10d, due: 2026-11-30 }
      - id: open
        title: O
        owner: a
        duration: 1d
        follow_ups:
          - { on: 2026-11-18, with: a, about: Ready? }
          - { on: 2026-12-10, with: a, about: Later }
`;
    const today = parseDay('2026-11-24') as Day;
    const r = checkPlan(text, { today });
    const s = planSummary({ file: 'c', plan: r.plan!, schedule: r.schedule! }, today);
    // late: due Fri 20 Nov, not done; start: 10 workdays ending Mon 30 Nov start Tue 17 Nov
    assert.deepEqual(
      {
        tasks: s.tasks,
        done: s.done,
        lateStart: s.lateStart,
        overdue: s.overdue,
        overdueFollowUps: s.overdueFollowUps,
      },
      { tasks: 4, done: 1, lateStart: 1, overdue: 1, overdueFollowUps: 1 },
    );
  });

  it(`a plan with errors: not scheduled, its problems listed (the first ${MAX_LISTED}) and the rest counted`, async () => {
    const tasks = Array.from({ length: 60 }, (_, i) => `      - { id: t${i}, title: T, owner: nobody${i} }\n`).join('');
    const text = `workback: 1\ntitle: Broken\ngoal: { outcome: O, measure: M, due: 2027-01-01, owner: a }\npeople:\n  a: { name: A }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n${tasks}`;
    const { code, out } = await markdown({ '/work/b.workback.yaml': text });
    assert.equal(code, 1);
    assert.match(out, /Not scheduled on 2026-11-24: the plan has errors\./);
    assert.match(out, /60 problems:/);
    assert.equal((out.match(/\| error \| `unknown-person` \|/g) ?? []).length, MAX_LISTED);
    assert.match(out, /\.\.\. and 10 more\./);
  });
});
