/**
 * The pure edits of src/core/edit, byte for byte: mark done, start, mark a follow-up done, log
 * a check-in, schedule a follow-up; in block and flow style, CRLF, BOM, comments after values,
 * quoted values, 2 and 4 spaces, a task on the file's last line with or without a final newline;
 * and the refusals (gone, ambiguous, unparsable).
 */
import assert from 'node:assert/strict';
import { checkPlan, parseDay, type Day } from '../../src/core';
import {
  addFollowUp,
  applyEdits,
  blockTask,
  editBase,
  editProblem,
  formatScalar,
  logCheckIn,
  markFollowUpDone,
  markTaskDone,
  nodeEnd,
  removeItem,
  removePair,
  startTask,
  type PlanEditResult,
} from '../../src/core/edit';
import { parseText } from '../../src/core/parse/parseText';

const TODAY = parseDay('2026-07-01') as Day;

/** A plan head: everything before the tasks (2-space layout). */
const HEAD = `workback: 1
title: T
goal: { outcome: O, due: 2026-09-30, owner: ana }
people:
  ana: { name: Ana, email: ana@example.com }
  bo: { name: Bo }
milestones:
  - id: m
    title: M
    tasks:
`;

/** The new text of a successful edit (and checks it is the edits applied and a valid plan). */
function ok(r: PlanEditResult, original: string): string {
  assert.ok(r.ok, r.ok ? '' : `refused (${r.reason}): ${r.message}`);
  assert.equal(applyEdits(original, r.edits), r.text);
  const check = checkPlan(r.text, { today: TODAY });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.code} ${d.message}`),
    [],
    'the edited plan has no errors',
  );
  return r.text;
}

function refused(r: PlanEditResult, reason: string, message: RegExp): void {
  assert.ok(!r.ok, 'the edit was refused');
  assert.equal(r.reason, reason);
  assert.match(r.message, message);
}

describe('edit: plan text edits (src/core/edit)', () => {
  describe('mark a task done', () => {
    it('block style: replaces the status value only and adds done_on on the next line', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
        status: doing
        tags: [x]
`;
      assert.equal(
        ok(markTaskDone(before, 'a', TODAY), before),
        `${HEAD}      - id: a
        title: A
        owner: ana
        status: done
        done_on: 2026-07-01
        tags: [x]
`,
      );
    });

    it('inserts status and done_on together after the last key before them (key order kept)', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
        duration: 2d
        notes: keep me last
`;
      assert.equal(
        ok(markTaskDone(before, 'a', TODAY), before),
        `${HEAD}      - id: a
        title: A
        owner: ana
        duration: 2d
        status: done
        done_on: 2026-07-01
        notes: keep me last
`,
      );
    });

    it('flow style stays flow: { id: x, status: todo }', () => {
      const before = `${HEAD}      - { id: a, title: A, owner: ana, status: todo }
      - {id: b, title: B, owner: ana}
`;
      const once = ok(markTaskDone(before, 'a', TODAY), before);
      assert.equal(
        once,
        `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-07-01 }
      - {id: b, title: B, owner: ana}
`,
      );
      assert.equal(
        ok(markTaskDone(once, 'b', TODAY), once),
        `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-07-01 }
      - {id: b, title: B, owner: ana, status: done, done_on: 2026-07-01}
`,
      );
    });

    it('a multi-line flow mapping gets the new keys inline after the anchor', () => {
      const before = `${HEAD}      - { id: a, title: A,
          owner: ana }
`;
      assert.equal(
        ok(markTaskDone(before, 'a', TODAY), before),
        `${HEAD}      - { id: a, title: A,
          owner: ana, status: done, done_on: 2026-07-01 }
`,
      );
    });

    it('CRLF and a BOM: new lines end with CRLF, the BOM stays', () => {
      const lf = `${HEAD}      - id: a
        title: A
        owner: ana
        status: todo
`;
      const before = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
      const after = ok(markTaskDone(before, 'a', TODAY), before);
      assert.equal(
        after,
        `\ufeff${lf.replace('status: todo', 'status: done\n        done_on: 2026-07-01').replace(/\n/g, '\r\n')}`,
      );
      assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
    });

    it('comments after values stay where they are', () => {
      const before = `${HEAD}      - id: a    # the id
        title: A # title
        owner: ana   # owner
        status: todo   # was blocked
        # a comment line
        duration: 1d
`;
      assert.equal(
        ok(markTaskDone(before, 'a', TODAY), before),
        `${HEAD}      - id: a    # the id
        title: A # title
        owner: ana   # owner
        status: done   # was blocked
        done_on: 2026-07-01
        # a comment line
        duration: 1d
`,
      );
    });

    it('quoted values keep their quotes; a quoted key is found', () => {
      const single = `${HEAD}      - id: a
        title: 'A: quoted'
        owner: ana
        status: 'todo'
        done_on: "2026-06-01"
`;
      assert.equal(
        ok(markTaskDone(single, 'a', TODAY), single),
        single.replace("status: 'todo'", "status: 'done'").replace('"2026-06-01"', '"2026-07-01"'),
      );
      const dq = `${HEAD}      - "id": "a"
        title: A
        owner: ana
        "status": "blocked"
`;
      assert.equal(
        ok(markTaskDone(dq, 'a', TODAY), dq),
        dq.replace('"status": "blocked"', '"status": "done"\n        done_on: 2026-07-01'),
      );
    });

    it('a task on the last line of a file without a final newline', () => {
      const block = `${HEAD}      - id: a
        title: A
        owner: ana`;
      assert.equal(
        ok(markTaskDone(block, 'a', TODAY), block),
        `${block}\n        status: done\n        done_on: 2026-07-01`,
      );
      const flow = `${HEAD}      - { id: a, title: A, owner: ana }`;
      assert.equal(
        ok(markTaskDone(flow, 'a', TODAY), flow),
        `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-07-01 }`,
      );
      const crlf = block.replace(/\n/g, '\r\n');
      assert.equal(
        ok(markTaskDone(crlf, 'a', TODAY), crlf),
        `${crlf}\r\n        status: done\r\n        done_on: 2026-07-01`,
      );
    });

    it('a task on the last line of a file with a final newline', () => {
      const block = `${HEAD}      - id: a
        title: A
        owner: ana
`;
      assert.equal(
        ok(markTaskDone(block, 'a', TODAY), block),
        `${block}        status: done\n        done_on: 2026-07-01\n`,
      );
    });

    it('4-space indentation', () => {
      const before = `workback: 1
title: T
goal:
    outcome: O
    due: 2026-09-30
people:
    ana: { name: Ana }
milestones:
    -   id: m
        title: M
        tasks:
            -   id: a
                title: A
                owner: ana
            -   id: b
                title: B
                owner: ana
`;
      assert.equal(
        ok(markTaskDone(before, 'a', TODAY), before),
        before.replace(
          '                owner: ana\n            -   id: b',
          '                owner: ana\n                status: done\n                done_on: 2026-07-01\n            -   id: b',
        ),
      );
    });

    it('an empty status value and a block scalar status', () => {
      const empty = `${HEAD}      - id: a
        title: A
        owner: ana
        status:
`;
      assert.equal(
        ok(markTaskDone(empty, 'a', TODAY), empty),
        `${empty.replace('status:\n', 'status: done\n')}        done_on: 2026-07-01\n`,
      );
      const literal = `${HEAD}      - id: a
        title: A
        owner: ana
        status: |-
          todo

        due: 2026-07-30
`;
      assert.equal(
        ok(markTaskDone(literal, 'a', TODAY), literal),
        `${HEAD}      - id: a
        title: A
        owner: ana
        status: done
        done_on: 2026-07-01

        due: 2026-07-30
`,
      );
    });

    it('empty values in flow style: `{ status: }` and `follow_ups:` with nothing', () => {
      const flow = `${HEAD}      - { id: a, title: A, owner: ana, status: }\n`;
      assert.equal(
        ok(markTaskDone(flow, 'a', TODAY), flow),
        `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-07-01 }\n`,
      );
      const fus = `${HEAD}      - { id: a, title: A, owner: ana, follow_ups: , tags: [x] }\n`;
      assert.equal(
        ok(logCheckIn(fus, 'a', TODAY, 'bo'), fus),
        `${HEAD}      - { id: a, title: A, owner: ana, follow_ups: [{ on: 2026-07-01, with: bo, about: Check-in, done: true }], tags: [x] }\n`,
      );
      const tilde = `${HEAD}      - id: a\n        title: A\n        owner: ana\n        follow_ups: ~\n`;
      assert.equal(
        ok(logCheckIn(tilde, 'a', TODAY, 'bo'), tilde),
        `${HEAD}      - id: a\n        title: A\n        owner: ana\n        follow_ups:\n          - on: 2026-07-01\n            with: bo\n            about: Check-in\n            done: true\n`,
      );
    });

    it('a nested flow value before the insertion point (depends_on: [a, b])', () => {
      const before = `${HEAD}      - { id: a, title: A, owner: ana }
      - { id: b, title: B, owner: ana, depends_on: [a,
            a] }
`;
      assert.equal(
        ok(markTaskDone(before, 'b', TODAY), before),
        `${HEAD}      - { id: a, title: A, owner: ana }
      - { id: b, title: B, owner: ana, depends_on: [a,
            a], status: done, done_on: 2026-07-01 }
`,
      );
    });

    it('already done: unchanged; done without done_on: only done_on is added', () => {
      const done = `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-06-30 }\n`;
      refused(markTaskDone(done, 'a', TODAY), 'unchanged', /already done/);
      const noDate = `${HEAD}      - { id: a, title: A, owner: ana, status: done }\n`;
      const r = markTaskDone(noDate, 'a', TODAY);
      assert.equal(
        ok(r, noDate),
        `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-07-01 }\n`,
      );
      assert.ok(r.ok && r.edits.length === 1 && r.edits[0]!.start === r.edits[0]!.end, 'one insertion');
    });
  });

  describe('start a task', () => {
    it('status: doing; a done_on left over is removed (block, on its own line)', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
        status: done
        done_on: 2026-06-30   # too early
        tags: [x]
`;
      assert.equal(
        ok(startTask(before, 'a'), before),
        `${HEAD}      - id: a
        title: A
        owner: ana
        status: doing
        # too early
        tags: [x]
`,
        'the comment after done_on stays',
      );
    });

    it('flow; the first pair of an item hands its dash to the next one', () => {
      const flow = `${HEAD}      - { id: a, title: A, owner: ana, status: done, done_on: 2026-06-30 }\n`;
      assert.equal(ok(startTask(flow, 'a'), flow), `${HEAD}      - { id: a, title: A, owner: ana, status: doing }\n`);
      const first = `${HEAD}      - done_on: 2026-06-30
        id: a
        title: A
        owner: ana
        status: done
`;
      assert.equal(
        ok(startTask(first, 'a'), first),
        `${HEAD}      - id: a
        title: A
        owner: ana
        status: doing
`,
      );
      const last = `${HEAD}      - id: a\n        title: A\n        owner: ana\n        status: done\n        done_on: 2026-06-30`;
      assert.equal(
        ok(startTask(last, 'a'), last),
        `${HEAD}      - id: a\n        title: A\n        owner: ana\n        status: doing`,
      );
    });

    it('flow: done_on as the first pair', () => {
      const flow = `${HEAD}      - { done_on: 2026-06-30, id: a, title: A, owner: ana, status: done }\n`;
      assert.equal(ok(startTask(flow, 'a'), flow), `${HEAD}      - { id: a, title: A, owner: ana, status: doing }\n`);
    });

    it('a multi-line flow task with done_on and no status: status where done_on was, every comment kept (it threw `overlapping edits`)', () => {
      const before = `${HEAD}      - { id: a,   # one
          title: A,   # two
          owner: ana,   # three
          done_on: 2026-06-30   # four
        }
`;
      assert.equal(ok(startTask(before, 'a'), before), before.replace('done_on: 2026-06-30', 'status: doing'));
      assert.equal(ok(blockTask(before, 'a'), before), before.replace('done_on: 2026-06-30', 'status: blocked'));
    });

    it('a multi-line flow task: done_on goes with one comma, and the previous line keeps its comment', () => {
      const before = `${HEAD}      - { id: a,   # one
          owner: ana, title: A,   # two
          status: done,   # three
          done_on: 2026-06-30   # four
        }
`;
      assert.equal(
        ok(startTask(before, 'a'), before),
        `${HEAD}      - { id: a,   # one
          owner: ana, title: A,   # two
          status: doing   # three
          # four
        }
`,
      );
      const trailing = before
        .replace('2026-06-30   # four', '2026-06-30,   # four')
        .replace('status: done,   # three\n', '');
      assert.equal(
        ok(startTask(trailing, 'a'), trailing),
        trailing.replace('done_on: 2026-06-30,   # four', 'status: doing,   # four'),
      );
      const middle = before.replace(
        'status: done,   # three\n          done_on: 2026-06-30   # four',
        'done_on: 2026-06-30,   # four\n          status: done   # three',
      );
      assert.equal(
        ok(startTask(middle, 'a'), middle),
        `${HEAD}      - { id: a,   # one
          owner: ana, title: A,   # two
          # four
          status: doing   # three
        }
`,
      );
    });

    it('refuses, with a message and without throwing, an edit that would lose a comment', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
        status: done
        done_on: [2026-06-30,   # inside the value
          ]
`;
      refused(
        startTask(before, 'a'),
        'unexpected',
        /could not start "a" safely: it would lose or change the comment "# inside the value"\. Edit it by hand; nothing was changed\./,
      );
    });

    it('a task without status gets status: doing', () => {
      const before = `${HEAD}      - { id: a, title: A, owner: ana, due: 2026-08-01 }\n`;
      assert.equal(
        ok(startTask(before, 'a'), before),
        `${HEAD}      - { id: a, title: A, owner: ana, due: 2026-08-01, status: doing }\n`,
      );
      refused(
        startTask(`${HEAD}      - { id: a, title: A, owner: ana, status: doing }\n`, 'a'),
        'unchanged',
        /already in progress/,
      );
    });
  });

  describe('follow-ups', () => {
    const BLOCK = `${HEAD}      - id: a
        title: A
        owner: ana
        follow_ups:
          - on: 2026-06-20
            with: bo
            about: First   # keep
          - on: 2026-06-25
            with: bo
            done: false
        tags: [x]
`;

    it('mark a follow-up done: done: false -> true, or done: true added after the last key', () => {
      const ref = { taskId: 'a', index: 1, on: '2026-06-25', with: 'bo' };
      assert.equal(ok(markFollowUpDone(BLOCK, ref), BLOCK), BLOCK.replace('done: false', 'done: true'));
      const first = { taskId: 'a', index: 0, on: '2026-06-20', with: 'bo' };
      assert.equal(
        ok(markFollowUpDone(BLOCK, first), BLOCK),
        BLOCK.replace(
          '            about: First   # keep\n',
          '            about: First   # keep\n            done: true\n',
        ),
      );
      const flow = `${HEAD}      - { id: a, title: A, owner: ana, follow_ups: [{on: 2026-06-20, with: bo}, { on: 2026-06-25, with: bo }] }\n`;
      assert.equal(
        ok(markFollowUpDone(flow, ref), flow),
        flow.replace('{ on: 2026-06-25, with: bo }', '{ on: 2026-06-25, with: bo, done: true }'),
      );
    });

    it('a stale index is found again by day and person; a gone or doubled one is refused', () => {
      const moved = { taskId: 'a', index: 0, on: '2026-06-25', with: 'bo' };
      assert.equal(ok(markFollowUpDone(BLOCK, moved), BLOCK), BLOCK.replace('done: false', 'done: true'));
      refused(
        markFollowUpDone(BLOCK, { taskId: 'a', index: 1, on: '2026-06-26', with: 'bo' }),
        'not-found',
        /no longer in the plan/,
      );
      const twice = BLOCK.replace('about: First   # keep', 'about: First').replace('2026-06-20', '2026-06-25');
      refused(
        markFollowUpDone(twice, { taskId: 'a', index: 5, on: '2026-06-25', with: 'bo' }),
        'ambiguous',
        /2 follow-ups/,
      );
    });

    it('log a check-in: appended to a block list with its indentation', () => {
      assert.equal(
        ok(logCheckIn(BLOCK, 'a', TODAY, 'bo'), BLOCK),
        BLOCK.replace(
          '            done: false\n',
          `            done: false
          - on: 2026-07-01
            with: bo
            about: Check-in
            done: true
`,
        ),
      );
    });

    it('log a check-in: follow_ups created (block, after the status group, before tags)', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
        status: doing
        tags: [x]
`;
      assert.equal(
        ok(logCheckIn(before, 'a', TODAY, 'ana'), before),
        `${HEAD}      - id: a
        title: A
        owner: ana
        status: doing
        follow_ups:
          - on: 2026-07-01
            with: ana
            about: Check-in
            done: true
        tags: [x]
`,
      );
    });

    it('log a check-in in a 4-space file with indented sequences: the file layout is followed', () => {
      const before = `workback: 1
title: T
goal: { outcome: O, due: 2026-09-30 }
people:
    ana: { name: Ana }
milestones:
    - id: m
      title: M
      tasks:
          - id: a
            title: A
            owner: ana`;
      assert.equal(
        ok(logCheckIn(before, 'a', TODAY, 'ana'), before),
        `${before}
            follow_ups:
                - on: 2026-07-01
                  with: ana
                  about: Check-in
                  done: true`,
      );
    });

    it('log a check-in: flow task, flow list, empty list, multi-line list, null value', () => {
      const flowTask = `${HEAD}      - { id: a, title: A, owner: ana }\n`;
      assert.equal(
        ok(logCheckIn(flowTask, 'a', TODAY, 'bo'), flowTask),
        `${HEAD}      - { id: a, title: A, owner: ana, follow_ups: [{ on: 2026-07-01, with: bo, about: Check-in, done: true }] }\n`,
      );
      const flowList = `${HEAD}      - id: a
        title: A
        owner: ana
        follow_ups: [{on: 2026-06-20, with: bo}]
`;
      assert.equal(
        ok(logCheckIn(flowList, 'a', TODAY, 'bo'), flowList),
        flowList.replace(
          '[{on: 2026-06-20, with: bo}]',
          '[{on: 2026-06-20, with: bo}, {on: 2026-07-01, with: bo, about: Check-in, done: true}]',
        ),
      );
      const empty = flowList.replace('[{on: 2026-06-20, with: bo}]', '[ ]');
      assert.equal(
        ok(logCheckIn(empty, 'a', TODAY, 'bo'), empty),
        flowList.replace(
          '[{on: 2026-06-20, with: bo}]',
          '[ { on: 2026-07-01, with: bo, about: Check-in, done: true } ]',
        ),
      );
      const multi = `${HEAD}      - id: a
        title: A
        owner: ana
        follow_ups: [
          { on: 2026-06-20, with: bo },   # first
        ]
`;
      assert.equal(
        ok(logCheckIn(multi, 'a', TODAY, 'bo'), multi),
        multi.replace('# first\n', '# first\n          { on: 2026-07-01, with: bo, about: Check-in, done: true },\n'),
      );
      const nul = `${HEAD}      - id: a
        title: A
        owner: ana
        follow_ups:   # none yet
        tags: [x]
`;
      assert.equal(
        ok(logCheckIn(nul, 'a', TODAY, 'bo'), nul),
        nul.replace(
          '# none yet\n',
          `# none yet
          - on: 2026-07-01
            with: bo
            about: Check-in
            done: true
`,
        ),
      );
    });

    it('schedule a follow-up: done: false; text that needs quotes is quoted', () => {
      const before = `${HEAD}      - id: a
        title: A
        owner: ana
`;
      const r = addFollowUp(before, 'a', {
        on: parseDay('2026-07-08') as Day,
        with: 'bo',
        about: 'Budget: approved? #2',
        done: false,
      });
      assert.equal(
        ok(r, before),
        `${before}        follow_ups:
          - on: 2026-07-08
            with: bo
            about: "Budget: approved? #2"
            done: false
`,
      );
    });
  });

  describe('refusals: nothing is changed', () => {
    it('a task that is gone, an id used twice, a text that does not parse', () => {
      const plan = `${HEAD}      - { id: a, title: A, owner: ana }\n      - { id: b, title: B, owner: ana }\n`;
      refused(markTaskDone(plan, 'zz', TODAY), 'not-found', /"zz" is no longer in the plan/);
      refused(markTaskDone(plan.replace('id: b', 'id: a'), 'a', TODAY), 'ambiguous', /2 tasks with the id "a"/);
      refused(
        markTaskDone(`${plan}      - { id: c, title: [\n`, 'a', TODAY),
        'not-parsed',
        /does not parse \(line \d+/,
      );
      refused(
        markTaskDone(plan.replace('title: A,', 'title: A, title: A2,'), 'a', TODAY),
        'not-parsed',
        /Duplicate key/,
      );
      refused(
        markTaskDone(plan.replace('title: A, owner: ana }', 'title: A, owner: ana, status: [todo] }'), 'a', TODAY),
        'unexpected',
        /not a single value/,
      );
      refused(markTaskDone('', 'a', TODAY), 'not-parsed', /does not parse/);
      refused(markTaskDone('- a\n- b\n', 'a', TODAY), 'not-parsed', /not a YAML mapping/);
    });

    it('follow_ups that are not a list', () => {
      const plan = `${HEAD}      - { id: a, title: A, owner: ana, follow_ups: nope }\n`;
      refused(logCheckIn(plan, 'a', TODAY, 'bo'), 'unexpected', /not a list/);
    });
  });

  describe('building blocks', () => {
    it('formatScalar: plain when YAML 1.2 reads it back as the same text', () => {
      assert.equal(formatScalar('2026-07-01', { flow: true }), '2026-07-01');
      assert.equal(formatScalar('no', { flow: false }), 'no');
      assert.equal(formatScalar('123', { flow: false }), '"123"');
      assert.equal(formatScalar('true', { flow: false }), '"true"');
      assert.equal(formatScalar('a, b', { flow: true }), '"a, b"');
      assert.equal(formatScalar('a, b', { flow: false }), 'a, b');
      assert.equal(formatScalar('- x', { flow: false }), '"- x"');
      assert.equal(formatScalar("it's", { flow: false, quote: 'single' }), "'it''s'");
      assert.equal(formatScalar('tab\there\u202e', { flow: false }), '"tab\\there\u202e"');
      assert.equal(formatScalar('bell\u0007', { flow: false, quote: 'single' }), '"bell\\u0007"');
      assert.equal(formatScalar(true, { flow: true }), 'true');
    });

    it('nodeEnd includes the closing brackets of flow collections', () => {
      const text = 'a: [x, {y: [1, 2 ] } ]  # c\nb: 1\n';
      const tree = parseText(text).tree!;
      assert.ok(tree.kind === 'map');
      const a = tree.byKey.get('a')!.value;
      assert.equal(text.slice(a.start, nodeEnd(text, a)), '[x, {y: [1, 2 ] } ]');
    });

    it("removeItem: an entry and its comma from a flow list, an entry's lines from a block list", () => {
      const without = (text: string, key: string, index: number): string => {
        const tree = parseText(text).tree!;
        assert.ok(tree.kind === 'map');
        const seq = tree.byKey.get(key)!.value;
        assert.ok(seq.kind === 'seq');
        const edits = removeItem(text, seq, index);
        assert.ok(edits, 'an edit');
        return applyEdits(text, edits);
      };
      const flow = 'a: [x, { y: 1 }, z]   # c\n';
      assert.equal(without(flow, 'a', 0), 'a: [{ y: 1 }, z]   # c\n');
      assert.equal(without(flow, 'a', 1), 'a: [x, z]   # c\n');
      assert.equal(without(flow, 'a', 2), 'a: [x, { y: 1 }]   # c\n');
      const block = 'a:\r\n  - x   # one\r\n  - id: y\r\n    title: Y\r\n  - z';
      assert.equal(without(block, 'a', 1), 'a:\r\n  - x   # one\r\n  - z');
      assert.equal(
        without(block, 'a', 2),
        'a:\r\n  - x   # one\r\n  - id: y\r\n    title: Y',
        'the last line, no final line break',
      );
      assert.equal(
        without(block, 'a', 0),
        'a:\r\n  # one\r\n  - id: y\r\n    title: Y\r\n  - z',
        'the comment after the item stays',
      );
    });

    it('removePair takes a pair (the second of two equal keys) as well as a key', () => {
      const text = 'a: 1\nb: 2   # first\nb: 3   # second\n';
      const tree = parseText(text).tree!;
      assert.ok(tree.kind === 'map');
      assert.equal(
        applyEdits(text, removePair(text, tree, tree.pairs[2]!)!),
        'a: 1\nb: 2   # first\n# second\n',
        'the comment stays',
      );
      assert.equal(applyEdits(text, removePair(text, tree, 'b')!), 'a: 1\n# first\nb: 3   # second\n');
    });
  });
});

describe('edit: the check behind quick fixes and renames, past the default size cap', () => {
  it('a plan over 5 MB (a raised workback.maxFileSize) is checked too: a lost comment is caught', () => {
    const text = `workback: 1\nx-pad: "${'a'.repeat(5.5 * 1024 * 1024)}"\ntitle: Big   # keep me\n`;
    const at = text.indexOf('   # keep me');
    assert.match(
      editProblem(editBase(text), [{ start: at, end: at + '   # keep me'.length, text: '' }]) ?? '',
      /comment "# keep me" would be lost/,
    );
  });
});
