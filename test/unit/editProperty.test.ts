/**
 * Property (fast-check): every edit keeps every byte outside the span it means to change, and
 * every comment; applied again, it changes nothing. The edits: mark done, start, block, log a
 * check-in, mark a follow-up done, schedule a follow-up, rename, and every quick fix offered on
 * the plan. The plans (helpers/editPlans.ts) are written in random formatting: block, flow,
 * multi-line flow with a comment on every line, quoted keys and values, LF, CRLF and CR, a BOM,
 * `---`, tabs in comments, block scalars. The checks are of bytes, not only of values: the text
 * outside the intended spans is the same byte for byte (only white space and the commas between
 * flow entries may go with what is removed), each comment is still there exactly once, the
 * result parses to the expected value, and a second application changes nothing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPlan, parseDay, quickFixes, renameEdits, toPlain, type Day } from '../../src/core';
import {
  addFollowUp,
  applyEdits,
  blockTask,
  findTasks,
  logCheckIn,
  markFollowUpDone,
  markTaskDone,
  plainEqual,
  startTask,
  type PlanEditResult,
  type TextEdit,
} from '../../src/core/edit';
import { parseText } from '../../src/core/parse/parseText';
import type { MapNode, SourceNode } from '../../src/core/sourceTree';
import { planArb, renderPlan, type PlanSpec, type RenderedPlan } from './helpers/editPlans';

const TODAY = parseDay('2026-07-01') as Day;
type Span = { start: number; end: number };
type Plain = Record<string, unknown>;

function plainOf(text: string): Plain {
  const r = parseText(text);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error'),
    [],
    'the text parses',
  );
  return toPlain(r.tree!) as Plain;
}

const taskPlain = (plain: Plain, i: number): Plain => ((plain['milestones'] as Plain[])[0]!['tasks'] as Plain[])[i]!;
const nullObject = (o: Plain): Plain => Object.assign(Object.create(null) as Plain, o);

/** How often `s` occurs in `text`. */
const count = (text: string, s: string): number => text.split(s).length - 1;

/** Every recorded comment is in the new text as often as in the old one (once). */
function commentsKept(plan: RenderedPlan, after: string): void {
  for (const c of plan.comments)
    assert.equal(count(after, c), count(plan.text, c), `the comment ${JSON.stringify(c)} is kept`);
}

/** What the edits remove outside `intended` is white space and commas only; line breaks inserted are the file's. */
function bytesKept(before: string, edits: readonly TextEdit[], intended: readonly Span[], eol: string): void {
  for (const e of edits) {
    for (let i = e.start; i < e.end; i++) {
      if (intended.some((s) => s.start <= i && i < s.end)) continue;
      assert.match(
        before[i]!,
        /[\s,]/,
        `edit ${e.start}-${e.end} changes ${JSON.stringify(before.slice(e.start, e.end))} outside what it means to change`,
      );
    }
    for (const b of e.text.match(/\r\n|\r|\n/g) ?? [])
      assert.equal(b, eol, `inserted line breaks are the file's (${JSON.stringify(e.text)})`);
  }
}

/** The shape every edited text keeps: BOM, `---`, the final line break. */
function shapeKept(p: PlanSpec, after: string): void {
  assert.equal(after.startsWith('\ufeff'), p.bom, 'BOM kept');
  assert.equal(after.replace(/^\ufeff/, '').startsWith('---'), p.docStart, '--- kept');
  assert.equal(/[\r\n]$/.test(after), p.finalNewline, 'final line break kept');
}

type Op = 'done' | 'start' | 'block' | 'checkIn' | 'followUpDone' | 'schedule';

interface OpCase {
  run: (text: string) => PlanEditResult;
  /** The spans of the old text the edit means to change. */
  intended: (task: MapNode) => Span[];
  /** The task's plain value after the edit (undefined: the edit must be refused as unchanged). */
  expect: (task: Plain) => Plain | undefined;
}

const valueSpan = (task: MapNode | undefined, key: string): Span[] => {
  const v = task?.byKey.get(key)?.value;
  return v ? [{ start: v.start, end: v.end }] : [];
};
const pairSpan = (task: MapNode, key: string): Span[] => {
  const p = task.byKey.get(key);
  return p ? [{ start: p.key.start, end: p.value.end }] : [];
};
const followUp = (task: MapNode, k: number): MapNode | undefined => {
  const list = task.byKey.get('follow_ups')?.value;
  const item = list?.kind === 'seq' ? list.items[k] : undefined;
  return item?.kind === 'map' ? item : undefined;
};

function opCase(op: Op, i: number, k: number, spec: PlanSpec): OpCase {
  const id = `t${i}`;
  const t = spec.tasks[i]!;
  const open = (status: string): OpCase => ({
    run: (text) => (status === 'doing' ? startTask(text, id) : blockTask(text, id)),
    intended: (task) => [...valueSpan(task, 'status'), ...pairSpan(task, 'done_on')],
    expect: (task) => {
      if (task['status'] === status && !t.doneOn) return undefined;
      const { done_on: _gone, ...rest } = task;
      return nullObject({ ...rest, status });
    },
  });
  const addedFollowUp =
    (fu: Plain) =>
    (task: Plain): Plain =>
      nullObject({ ...task, follow_ups: [...((task['follow_ups'] as Plain[] | undefined) ?? []), nullObject(fu)] });
  switch (op) {
    case 'done':
      return {
        run: (text) => markTaskDone(text, id, TODAY),
        intended: (task) => [...valueSpan(task, 'status'), ...valueSpan(task, 'done_on')],
        expect: (task) =>
          task['status'] === 'done' && t.doneOn
            ? undefined
            : nullObject({ ...task, status: 'done', done_on: '2026-07-01' }),
      };
    case 'start':
      return open('doing');
    case 'block':
      return open('blocked');
    case 'checkIn':
      return {
        run: (text) => logCheckIn(text, id, TODAY, 'bo'),
        intended: () => [],
        expect: addedFollowUp({ on: '2026-07-01', with: 'bo', about: 'Check-in', done: true }),
      };
    case 'schedule':
      return {
        run: (text) =>
          addFollowUp(text, id, { on: TODAY + 7, with: 'cy', about: 'Next # step: the rest', done: false }),
        intended: () => [],
        expect: addedFollowUp({ on: '2026-07-08', with: 'cy', about: 'Next # step: the rest', done: false }),
      };
    case 'followUpDone': {
      const n = t.followUps.length ? k % t.followUps.length : 0;
      const ref = { taskId: id, index: n, on: `2026-06-1${n}`, with: ['ana', 'bo', 'cy'][n]! };
      return {
        run: (text) => markFollowUpDone(text, ref),
        intended: (task) => valueSpan(followUp(task, n), 'done'),
        expect: (task) => {
          if (!t.followUps.length || t.followUps[n]) return undefined;
          const fus = (task['follow_ups'] as Plain[]).map((f, x) => (x === n ? nullObject({ ...f, done: true }) : f));
          return nullObject({ ...task, follow_ups: fus });
        },
      };
    }
  }
}

function checkCommand(spec: PlanSpec, op: Op, pick: number, k: number): void {
  const plan = renderPlan(spec);
  const before = plan.text;
  const i = pick % spec.tasks.length;
  const c = opCase(op, i, k, spec);
  const task = findTasks(parseText(before).tree!, `t${i}`)[0]!.node;
  const want = plainOf(before);
  const expected = c.expect(taskPlain(want, i));
  const r = c.run(before);
  if (op === 'followUpDone' && spec.tasks[i]!.followUps.length === 0) {
    assert.ok(!r.ok && r.reason === 'not-found', 'no follow-up: refused with a message');
    return;
  }
  if (expected === undefined) {
    assert.ok(!r.ok && r.reason === 'unchanged', `refused as unchanged (${r.ok ? 'applied' : r.message})`);
    return;
  }
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(applyEdits(before, r.edits), r.text, 'the new text is exactly the edits applied');
  bytesKept(before, r.edits, c.intended(task), spec.eol);
  commentsKept(plan, r.text);
  shapeKept(spec, r.text);
  ((want['milestones'] as Plain[])[0]!['tasks'] as Plain[])[i] = expected;
  assert.ok(plainEqual(want, plainOf(r.text)), 'the result has exactly the intended value');
  const again = c.run(r.text);
  assert.ok(
    !again.ok && again.reason === 'unchanged',
    `applied again, it changes nothing (${again.ok ? JSON.stringify(again.edits) : again.message})`,
  );
}

/** Every scalar of the tree (its span): text that quick fixes may replace. */
function scalarSpans(tree: SourceNode | undefined): Span[] {
  const out: Span[] = [];
  const stack: SourceNode[] = tree ? [tree] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'scalar') out.push({ start: n.start, end: n.end });
    else if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
    else stack.push(...n.items);
  }
  return out;
}

function checkRename(spec: PlanSpec, pick: number): void {
  const plan = renderPlan(spec);
  const before = plan.text;
  const i = pick % spec.tasks.length;
  const checked = checkPlan(before, { today: TODAY });
  const idNode = findTasks(checked.tree!, `t${i}`)[0]!.idNode;
  const edits = renameEdits(before, checked.plan!, idNode.start + 1, `t${i}-new`);
  assert.ok(Array.isArray(edits), 'error' in edits ? edits.error : '');
  // the id's occurrences (its definition and every depends_on entry naming it) and nothing else
  const occurrences = scalarSpans(checked.tree).filter(
    (s) => before.slice(s.start, s.end).replace(/^['"]|['"]$/g, '') === `t${i}`,
  );
  bytesKept(before, edits, occurrences, spec.eol);
  const after = applyEdits(before, edits);
  commentsKept(plan, after);
  shapeKept(spec, after);
  const renamed = plainOf(after);
  assert.equal(taskPlain(renamed, i)['id'], `t${i}-new`);
  const again = checkPlan(after, { today: TODAY });
  const newId = findTasks(again.tree!, `t${i}-new`)[0]!.idNode;
  assert.deepEqual(renameEdits(after, again.plan!, newId.start + 1, `t${i}-new`), [], 'renamed again: no edit');
}

/** Gap text (outside every scalar) that a quick fix may remove with what it removes. */
const STRUCTURE = /[\s,:\-[\]{}]/;

function checkQuickFixes(spec: PlanSpec): number {
  const plan = renderPlan(spec);
  const before = plan.text;
  const checked = checkPlan(before, { today: TODAY });
  const input = {
    text: before,
    tree: checked.tree,
    plan: checked.plan,
    diagnostics: checked.diagnostics,
    today: TODAY,
  };
  const scalars = scalarSpans(checked.tree);
  let applied = 0;
  for (const d of checked.diagnostics) {
    for (const fix of quickFixes(input, d)) {
      const after = applyEdits(before, fix.edits);
      const what = `${d.code} "${fix.title}"`;
      for (const e of fix.edits) {
        for (let x = e.start; x < e.end; x++) {
          if (!scalars.some((s) => s.start <= x && x < s.end))
            assert.match(before[x]!, STRUCTURE, `${what} removes ${JSON.stringify(before.slice(e.start, e.end))}`);
        }
        for (const b of e.text.match(/\r\n|\r|\n/g) ?? [])
          assert.equal(b, spec.eol, `${what}: inserted line breaks are the file's`);
      }
      commentsKept(plan, after);
      shapeKept(spec, after);
      const next = checkPlan(after, { today: TODAY });
      assert.deepEqual(
        next.diagnostics.filter((x) => x.code.startsWith('yaml-')).map((x) => x.message),
        [],
        `${what}: the YAML still parses`,
      );
      const same = (ds: readonly { code: string; message: string }[]): number =>
        ds.filter((x) => x.code === d.code && x.message === d.message).length;
      assert.ok(
        same(next.diagnostics) < same(checked.diagnostics),
        `${what}: the problem is gone, so the fix is not offered again`,
      );
      applied++;
    }
  }
  return applied;
}

describe('edit: every edit keeps every byte it does not mean to change (fast-check)', function () {
  this.timeout(120000);
  const ops: Op[] = ['done', 'start', 'block', 'checkIn', 'followUpDone', 'schedule'];

  it("the sidebar's edits: bytes, comments, the intended value, and a second application changes nothing", () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(...ops), fc.nat(), fc.nat(), (spec, op, pick, k) =>
        checkCommand(spec, op, pick, k),
      ),
      { numRuns: 1600 },
    );
  });

  it("rename: only the id's occurrences change; renamed again, nothing changes", () => {
    fc.assert(
      fc.property(planArb, fc.nat(), (spec, pick) => checkRename(spec, pick)),
      { numRuns: 200 },
    );
  });

  it('every quick fix offered: no comment lost, nothing but structure removed outside values, the YAML parses, the problem is gone', () => {
    let applied = 0;
    fc.assert(
      fc.property(planArb, (spec) => {
        applied += checkQuickFixes(spec);
      }),
      { numRuns: 150 },
    );
    assert.ok(applied > 500, `${applied} fixes applied`);
  });
});
