/**
 * The wording, place and order of every schema error a plan can produce, pinned whole: each
 * keyword's message (and the variants of it: a date with a time, a 0d duration, a number or a
 * boolean that needs quotes, a value described as a list, a mapping, empty or cut at 60
 * characters), its code, its range and its data. The fixtures pin codes and positions only.
 */
import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core';

type Row = [code: string, range: string, message: string, data: unknown];

function rows(text: string): Row[] {
  const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
  return checkPlan(text).diagnostics.map((d) => [d.code, `${at(d.range.start)}-${at(d.range.end)}`, d.message, d.data]);
}

const HEAD = 'workback: 1\ntitle: T\n';
const list = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i));

describe('schema errors: every message, place and order', () => {
  it('at the root: enum, empty text, wrong type, a bad person id, a missing key, an empty list, an unknown key, a repeat, a date with a time', () => {
    const text =
      'workback: 2\ntitle: ""\ngoal: [a]\npeople: { "-x": { name: A }, ok: {} }\nmilestones: []\nextra: 1\n' +
      'calendar: { workdays: [mon, mon, funday], holidays: [2026-01-01T10:00] }\n';
    assert.deepEqual(rows(text), [
      [
        'schema-enum',
        '1:11-1:12',
        '"workback" must be one of 1; got the number 2.',
        { allowed: [1], path: ['workback'] },
      ],
      ['schema-limit', '2:8-2:10', '"title" must not be empty.', { limit: 1, path: ['title'] }],
      ['schema-type', '3:7-3:9', '"goal" must be a mapping, not a list.', { expected: 'object', path: ['goal'] }],
      [
        'schema-format',
        '4:11-4:15',
        '"-x" is not a valid person id: use letters, digits, _, . or -, starting with a letter or digit.',
        { format: 'personId', path: ['people'] },
      ],
      [
        'schema-required',
        '4:30-4:32',
        'Missing required key "name" in person ok.',
        { missing: 'name', path: ['people', 'ok'] },
      ],
      ['schema-limit', '5:1-5:11', '"milestones" needs at least one entry.', { limit: 1, path: ['milestones'] }],
      [
        'schema-unknown-key',
        '6:1-6:6',
        'Unknown key "extra" in the plan. Allowed here: workback, title, goal, start, calendar, people, policy, milestones. (Keys starting with x- are allowed and ignored.)',
        { key: 'extra', suggestions: [], path: [] },
      ],
      ['schema-unique', '7:29-7:32', '"workdays" lists "mon" twice.', { path: ['calendar', 'workdays'] }],
      [
        'schema-enum',
        '7:34-7:40',
        '"workdays" must be one of "mon", "tue", "wed", "thu", "fri", "sat", "sun"; got "funday".',
        { allowed: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], path: ['calendar', 'workdays', '2'] },
      ],
      [
        'schema-format',
        '7:54-7:70',
        '"holidays" must be a calendar date YYYY-MM-DD without a time; got "2026-01-01T10:00".',
        { format: 'dayRange', path: ['calendar', 'holidays', '0'] },
      ],
    ]);
  });

  it('in nested items: formats by definition, quotes for numbers and booleans, unknown keys with a suggestion, items named by their list', () => {
    const text = `${HEAD}goal: { outcome: O, due: 2027-01-01, owner: 12, measure: M }
policy: { check_in_every: 0w, escalate_after: 3x, escalate_to: "bad id" }
people: { a: { name: A, email: nope, role: "" } }
milestones:
  - id: m
    title: M
    due: 2027-1-1
    tasks:
      - { id: -t, title: T, owner: a, duration: 0d, ownr: a, status: finished, tags: ["", x], due: true, notes: [1], depends_on: m }
      - { id: t2, title: T, owner: yes, follow_ups: [{ on: 2027-01-01, with: a, done: maybe, zz: 1 }, 3] }
      - 7
  - { title: N, tasks: {} }
  - { id: [x], tasks: [] }
`;
    assert.deepEqual(rows(text), [
      [
        'schema-type',
        '3:45-3:47',
        '"owner" must be text, but YAML reads 12 as a number: quote it ("12").',
        { expected: 'string', path: ['goal', 'owner'] },
      ],
      [
        'schema-format',
        '4:27-4:29',
        '"check_in_every" must be at least 1 workday; 0w is not a duration.',
        { format: 'duration', path: ['policy', 'check_in_every'] },
      ],
      [
        'schema-format',
        '4:47-4:49',
        '"escalate_after" must be a duration: a whole number and d (workdays) or w (weeks), e.g. 3d or 2w; 0d is not allowed; got "3x".',
        { format: 'duration', path: ['policy', 'escalate_after'] },
      ],
      [
        'schema-format',
        '4:64-4:72',
        '"escalate_to" must be a person id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `dana`); got "bad id".',
        { format: 'personId', path: ['policy', 'escalate_to'] },
      ],
      [
        'unknown-person',
        '4:64-4:72',
        '"bad id" (escalate_to) is not in people. Add them to people.',
        { person: 'bad id', suggestions: [] },
      ],
      [
        'schema-format',
        '5:32-5:36',
        '"email" must be an email address (name@example.com); got "nope".',
        { format: 'email', path: ['people', 'a', 'email'] },
      ],
      ['schema-limit', '5:44-5:46', '"role" must not be empty.', { limit: 1, path: ['people', 'a', 'role'] }],
      [
        'schema-format',
        '9:10-9:18',
        '"due" must be a date YYYY-MM-DD (e.g. 2026-09-30); got "2027-1-1".',
        { format: 'date', path: ['milestones', '0', 'due'] },
      ],
      [
        'schema-format',
        '11:15-11:17',
        '"id" must be an id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `enroll-it`); got "-t".',
        { format: 'id', path: ['milestones', '0', 'tasks', '0', 'id'] },
      ],
      [
        'schema-format',
        '11:49-11:51',
        '"duration" must be at least 1 workday; 0d is not a duration.',
        { format: 'duration', path: ['milestones', '0', 'tasks', '0', 'duration'] },
      ],
      [
        'schema-unknown-key',
        '11:53-11:57',
        'Unknown key "ownr" in a task. Did you mean "owner"? (Keys starting with x- are allowed and ignored.)',
        { key: 'ownr', suggestions: ['owner'], path: ['milestones', '0', 'tasks', '0'] },
      ],
      [
        'schema-enum',
        '11:70-11:78',
        '"status" must be one of "todo", "doing", "blocked", "done"; got "finished".',
        { allowed: ['todo', 'doing', 'blocked', 'done'], path: ['milestones', '0', 'tasks', '0', 'status'] },
      ],
      [
        'schema-limit',
        '11:87-11:89',
        '"tags" must not be empty.',
        { limit: 1, path: ['milestones', '0', 'tasks', '0', 'tags', '0'] },
      ],
      [
        'schema-type',
        '11:100-11:104',
        '"due" must be text, but YAML reads true as a boolean: quote it ("true").',
        { expected: 'string', path: ['milestones', '0', 'tasks', '0', 'due'] },
      ],
      [
        'schema-type',
        '11:113-11:115',
        '"notes" must be text, not a list.',
        { expected: 'string', path: ['milestones', '0', 'tasks', '0', 'notes'] },
      ],
      [
        'schema-type',
        '11:130-11:131',
        '"depends_on" must be a list, not "m".',
        { expected: 'array', path: ['milestones', '0', 'tasks', '0', 'depends_on'] },
      ],
      [
        'unknown-person',
        '12:36-12:39',
        '"yes" (owner of t2) is not in people. Add them to people.',
        { person: 'yes', suggestions: [] },
      ],
      [
        'schema-type',
        '12:87-12:92',
        '"done" must be true or false, not "maybe".',
        { expected: 'boolean', path: ['milestones', '0', 'tasks', '1', 'follow_ups', '0', 'done'] },
      ],
      [
        'schema-unknown-key',
        '12:94-12:96',
        'Unknown key "zz" in a follow-up. Did you mean "on"? (Keys starting with x- are allowed and ignored.)',
        { key: 'zz', suggestions: ['on'], path: ['milestones', '0', 'tasks', '1', 'follow_ups', '0'] },
      ],
      [
        'schema-type',
        '12:103-12:104',
        '"a follow-up" must be a mapping, not the number 3.',
        { expected: 'object', path: ['milestones', '0', 'tasks', '1', 'follow_ups', '1'] },
      ],
      [
        'schema-type',
        '13:9-13:10',
        '"a task" must be a mapping, not the number 7.',
        { expected: 'object', path: ['milestones', '0', 'tasks', '2'] },
      ],
      [
        'schema-required',
        '14:7-14:15',
        'Missing required key "id" in a milestone.',
        { missing: 'id', path: ['milestones', '1'] },
      ],
      [
        'schema-type',
        '14:24-14:25',
        '"tasks" must be a list, not a mapping.',
        { expected: 'array', path: ['milestones', '1', 'tasks'] },
      ],
      [
        'schema-required',
        '15:7-15:9',
        'Missing required key "title" in a milestone.',
        { missing: 'title', path: ['milestones', '2'] },
      ],
      [
        'schema-type',
        '15:11-15:13',
        '"id" must be text, not a list.',
        { expected: 'string', path: ['milestones', '2', 'id'] },
      ],
    ]);
  });

  it('limits of lengths and lists, long values cut at 60 characters, and a format error preferred to a length error at the same place', () => {
    const tags = list(101, (i) => `t${i}`).join(', ');
    const text = `${HEAD}goal: { outcome: O, due: 2027-01-01T${'0'.repeat(100)}, measure: M, owner: a }
people: { a: { name: A } }
milestones:
  - { id: "-${'z'.repeat(70)}", title: M, depends_on: [-q], tasks: [{ id: t, title: T, owner: a, tags: [${tags}] }] }
  - { id: m, title: ${'x'.repeat(501)} }
  - { id: ${'y'.repeat(101)}, title: M }
calendar: { workdays: [mon, tue, wed, thu, fri, sat, sun, mon] }
`;
    assert.deepEqual(rows(text), [
      [
        'schema-format',
        '3:26-3:137',
        '"due" must be a calendar date YYYY-MM-DD without a time; got "2027-01-01T0000000000000000000000000000000000000000000000...".',
        { format: 'date', path: ['goal', 'due'] },
      ],
      [
        'schema-format',
        '6:11-6:84',
        '"id" must be an id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `enroll-it`); got "-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...".',
        { format: 'id', path: ['milestones', '0', 'id'] },
      ],
      [
        'schema-format',
        '6:109-6:111',
        '"depends_on" must be an id: letters, digits, `_`, `.` or `-`, starting with a letter or digit (e.g. `enroll-it`); got "-q".',
        { format: 'id', path: ['milestones', '0', 'depends_on', '0'] },
      ],
      [
        'unknown-id',
        '6:109-6:111',
        '"-q" is not a task or milestone of this plan. Did you mean "m" or "t"?',
        { id: '-q', suggestions: ['m', 't'] },
      ],
      [
        'schema-limit',
        '6:151-6:155',
        '"tags" must have at most 100 entries.',
        { limit: 100, path: ['milestones', '0', 'tasks', '0', 'tags'] },
      ],
      [
        'schema-limit',
        '7:21-7:522',
        '"title" must have at most 500 characters.',
        { limit: 500, path: ['milestones', '1', 'title'] },
      ],
      [
        'schema-limit',
        '8:11-8:112',
        '"id" must have at most 100 characters.',
        { limit: 100, path: ['milestones', '2', 'id'] },
      ],
      [
        'schema-limit',
        '9:13-9:21',
        '"workdays" must have at most 7 entries.',
        { limit: 7, path: ['calendar', 'workdays'] },
      ],
      ['schema-unique', '9:59-9:62', '"workdays" lists "mon" twice.', { path: ['calendar', 'workdays'] }],
    ]);
  });

  it('too many people: a limit of keys, shown on the key', () => {
    const people = list(10001, (i) => `  p${i}: { name: P }\n`).join('');
    const text = `${HEAD}goal: { outcome: O, measure: M, due: 2027-01-01, owner: p0 }\npeople:\n${people}milestones:\n  - { id: m, title: M }\n`;
    assert.deepEqual(rows(text), [
      ['schema-limit', '4:1-4:7', '"people" must have at most 10000 keys.', { limit: 10000, path: ['people'] }],
    ]);
  });

  it('empty values and scalars where a mapping or a list belongs', () => {
    assert.deepEqual(rows('workback:\ntitle:\ngoal:\n  outcome:\n  due:\npeople:\nmilestones:\nstart: ~\n'), [
      [
        'schema-type',
        '1:1-1:9',
        '"workback" must be a whole number, not empty.',
        { expected: 'integer', path: ['workback'] },
      ],
      ['schema-type', '2:1-2:6', '"title" must be text, not empty.', { expected: 'string', path: ['title'] }],
      [
        'goal-no-owner',
        '3:1-3:5',
        'The goal has no owner: name who answers for it in goal.owner. Unless the policy names someone else, late work is escalated to them and they check in on the task owners.',
        undefined,
      ],
      [
        'goal-not-measurable',
        '3:1-3:5',
        'The goal has no measure: say how you will know it is met (a report, a number, an audit result) in goal.measure.',
        undefined,
      ],
      [
        'schema-type',
        '4:3-4:10',
        '"outcome" must be text, not empty.',
        { expected: 'string', path: ['goal', 'outcome'] },
      ],
      ['schema-type', '5:3-5:6', '"due" must be text, not empty.', { expected: 'string', path: ['goal', 'due'] }],
      ['schema-type', '6:1-6:7', '"people" must be a mapping, not empty.', { expected: 'object', path: ['people'] }],
      [
        'schema-type',
        '7:1-7:11',
        '"milestones" must be a list, not empty.',
        { expected: 'array', path: ['milestones'] },
      ],
      ['schema-type', '8:8-8:9', '"start" must be text, not empty.', { expected: 'string', path: ['start'] }],
    ]);
    assert.deepEqual(rows(`${HEAD}goal: { outcome: O, due: 2027-01-01, measure: M }\npeople: x\nmilestones: 5\n`), [
      [
        'goal-no-owner',
        '3:1-3:5',
        'The goal has no owner: name who answers for it in goal.owner. Unless the policy names someone else, late work is escalated to them and they check in on the task owners.',
        undefined,
      ],
      ['schema-type', '4:9-4:10', '"people" must be a mapping, not "x".', { expected: 'object', path: ['people'] }],
      [
        'schema-type',
        '5:13-5:14',
        '"milestones" must be a list, not the number 5.',
        { expected: 'array', path: ['milestones'] },
      ],
    ]);
  });

  it('missing keys of the plan: one problem per place, the first missing key speaks', () => {
    assert.deepEqual(rows('{}\n'), [
      ['schema-required', '1:1-1:1', 'Missing required key "workback" in the plan.', { missing: 'workback', path: [] }],
    ]);
    assert.deepEqual(rows('title: T\npeople: {}\n'), [
      ['schema-required', '1:1-1:6', 'Missing required key "workback" in the plan.', { missing: 'workback', path: [] }],
    ]);
  });
});
