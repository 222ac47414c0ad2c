/**
 * Property (fast-check): on random valid plans (block or flow tasks, 2 or 4 spaces, indented or
 * not sequences, LF or CRLF, a BOM or not, a final newline or not, comments after values, quoted
 * or plain status, follow-ups in either style), "mark done" and "log a check-in" change only
 * what they must: every edit replaces the status/done_on value or inserts new text, every other
 * byte stays, the result parses with the task done, and the plain value is otherwise unchanged.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPlan, parseDay, toPlain, type Day } from '../../src/core';
import { applyEdits, findTasks, logCheckIn, markTaskDone, plainEqual } from '../../src/core/edit';
import { parseText } from '../../src/core/parse/parseText';

const TODAY = parseDay('2026-07-01') as Day;
const PEOPLE = ['ana', 'bo', 'cy'];
const STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;

interface TaskSpec {
  title: string;
  titleStyle: 'plain' | 'single' | 'double';
  owner: string;
  status: (typeof STATUSES)[number] | undefined;
  statusStyle: 'plain' | 'single' | 'double';
  doneOn: boolean;
  duration: boolean;
  comments: boolean;
  flow: boolean;
  followUps: number;
  followUpsFlow: boolean;
  tags: boolean;
}

interface PlanSpec {
  indent: 2 | 4;
  seqIndented: boolean;
  eol: '\n' | '\r\n';
  bom: boolean;
  finalNewline: boolean;
  tasks: TaskSpec[];
}

const quoteAs = (s: string, style: 'plain' | 'single' | 'double'): string =>
  style === 'single' ? `'${s.replace(/'/g, "''")}'` : style === 'double' ? JSON.stringify(s) : s;

const taskArb: fc.Arbitrary<TaskSpec> = fc.record({
  title: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}[A-Za-z0-9]$/),
  titleStyle: fc.constantFrom('plain' as const, 'single' as const, 'double' as const),
  owner: fc.constantFrom(...PEOPLE),
  status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
  statusStyle: fc.constantFrom('plain' as const, 'single' as const, 'double' as const),
  doneOn: fc.boolean(),
  duration: fc.boolean(),
  comments: fc.boolean(),
  flow: fc.boolean(),
  followUps: fc.integer({ min: 0, max: 2 }),
  followUpsFlow: fc.boolean(),
  tags: fc.boolean(),
});

const planArb: fc.Arbitrary<PlanSpec> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  seqIndented: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 5 }),
});

function render(p: PlanSpec): string {
  const u = ' '.repeat(p.indent);
  const seq = p.seqIndented ? u : '';
  const L: string[] = [
    '# a plan', 'workback: 1', 'title: Generated', 'goal:', `${u}outcome: Done`, `${u}due: 2026-12-18`, `${u}owner: ana`,
    'people:', ...PEOPLE.map((id) => `${u}${id}: { name: ${id.toUpperCase()} }`), 'milestones:',
    `${seq}- id: m`, `${seq}  title: M`, `${seq}  tasks:`,
  ];
  const taskDash = `${seq}  ${seq}`;
  p.tasks.forEach((t, i) => {
    const fus = Array.from({ length: t.followUps }, (_, k) => ({ on: `2026-06-${String(10 + k).padStart(2, '0')}`, with: PEOPLE[k % PEOPLE.length]! }));
    const c = (s: string): string => (t.comments ? `${s}   # note` : s);
    if (t.flow) {
      const parts = [`id: t${i}`, `title: ${quoteAs(t.title, t.titleStyle)}`, `owner: ${t.owner}`];
      if (t.duration) parts.push('duration: 2d');
      if (t.status) parts.push(`status: ${quoteAs(t.status, t.statusStyle)}`);
      if (t.doneOn) parts.push('done_on: 2026-06-30');
      if (fus.length) parts.push(`follow_ups: [${fus.map((f) => `{ on: ${f.on}, with: ${f.with} }`).join(', ')}]`);
      if (t.tags) parts.push('tags: [a, b]');
      L.push(c(`${taskDash}- { ${parts.join(', ')} }`));
      return;
    }
    const k = `${taskDash}  `;
    L.push(c(`${taskDash}- id: t${i}`), c(`${k}title: ${quoteAs(t.title, t.titleStyle)}`), c(`${k}owner: ${t.owner}`));
    if (t.duration) L.push(`${k}duration: 2d`);
    if (t.status) L.push(c(`${k}status: ${quoteAs(t.status, t.statusStyle)}`));
    if (t.doneOn) L.push(c(`${k}done_on: 2026-06-30`));
    if (fus.length) {
      if (t.followUpsFlow) L.push(`${k}follow_ups: [${fus.map((f) => `{on: ${f.on}, with: ${f.with}}`).join(', ')}]`);
      else {
        L.push(`${k}follow_ups:`);
        for (const f of fus) L.push(c(`${k}${seq}- on: ${f.on}`), `${k}${seq}  with: ${f.with}`);
      }
    }
    if (t.tags) L.push(`${k}tags: [a, b]`);
  });
  return (p.bom ? '\ufeff' : '') + L.join(p.eol) + (p.finalNewline ? p.eol : '');
}

function plainOf(text: string): Record<string, unknown> {
  const r = parseText(text);
  assert.deepEqual(r.diagnostics, []);
  return toPlain(r.tree!) as Record<string, unknown>;
}

function taskPlain(plain: Record<string, unknown>, i: number): Record<string, unknown> {
  return ((plain['milestones'] as Record<string, unknown>[])[0]!['tasks'] as Record<string, unknown>[])[i]!;
}

/** Checks shared by both properties: text, line breaks, BOM, final newline, the plan still valid. */
function checkShape(p: PlanSpec, before: string, after: string, edits: readonly { start: number; end: number; text: string }[]): void {
  assert.equal(applyEdits(before, edits), after, 'the new text is exactly the edits applied');
  assert.equal(after.startsWith('\ufeff'), p.bom, 'BOM kept');
  assert.equal(after.endsWith(p.eol), p.finalNewline, 'final newline kept');
  for (const e of edits) {
    const breaks = e.text.match(/\r\n|\r|\n/g) ?? [];
    assert.ok(breaks.every((b) => b === p.eol), `inserted line breaks are the file's (${JSON.stringify(e.text)})`);
  }
  const check = checkPlan(after, { today: TODAY });
  assert.deepEqual(check.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
}

describe('edit: properties on random plans (fast-check)', function () {
  this.timeout(120000);

  it('mark done keeps every other byte, and the result parses with status done', () => {
    fc.assert(fc.property(planArb, fc.nat(), (p, pick) => {
      const before = render(p);
      const i = pick % p.tasks.length;
      const t = p.tasks[i]!;
      const r = markTaskDone(before, `t${i}`, TODAY);
      if (t.status === 'done' && t.doneOn) {
        assert.ok(!r.ok && r.reason === 'unchanged');
        return;
      }
      assert.ok(r.ok, r.ok ? '' : r.message);
      checkShape(p, before, r.text, r.edits);
      // each edit replaces the status or done_on value of the task, or only inserts
      const task = findTasks(parseText(before).tree!, `t${i}`)[0]!;
      const spans = ['status', 'done_on'].map((k) => task.node.byKey.get(k)?.value).filter((v) => v !== undefined).map((v) => `${v.start}-${v.end}`);
      for (const e of r.edits) assert.ok(e.start === e.end || spans.includes(`${e.start}-${e.end}`), `edit ${e.start}-${e.end} is a value of the task`);
      // the plain value: the task done today, everything else the same
      const want = plainOf(before);
      Object.assign(taskPlain(want, i), { status: 'done', done_on: '2026-07-01' });
      assert.ok(plainEqual(want, plainOf(r.text)), 'only status and done_on changed');
      const typed = checkPlan(r.text, { today: TODAY }).plan!.tasks[i]!;
      assert.equal(typed.status, 'done');
      assert.equal(typed.doneOn, TODAY);
      // flow stays flow, block stays block
      assert.equal(findTasks(parseText(r.text).tree!, `t${i}`)[0]!.node.flow, t.flow);
    }), { numRuns: 300 });
  });

  it('log a check-in only inserts, and appends one done follow-up', () => {
    fc.assert(fc.property(planArb, fc.nat(), (p, pick) => {
      const before = render(p);
      const i = pick % p.tasks.length;
      const r = logCheckIn(before, `t${i}`, TODAY, 'bo');
      assert.ok(r.ok, r.ok ? '' : r.message);
      checkShape(p, before, r.text, r.edits);
      for (const e of r.edits) {
        if (e.start !== e.end) assert.match(before.slice(e.start, e.end), /^\s*$/, 'only whitespace is replaced (an empty list)');
      }
      const want = plainOf(before);
      const task = taskPlain(want, i);
      const fu = { on: '2026-07-01', with: 'bo', about: 'Check-in', done: true };
      task['follow_ups'] = [...((task['follow_ups'] as unknown[] | undefined) ?? []), fu];
      assert.ok(plainEqual(want, plainOf(r.text)), 'only one follow-up added');
      const typed = checkPlan(r.text, { today: TODAY }).plan!.tasks[i]!;
      assert.deepEqual(typed.followUps.map((f) => [f.on, f.with, f.done]).at(-1), [TODAY, 'bo', true]);
    }), { numRuns: 300 });
  });
});
