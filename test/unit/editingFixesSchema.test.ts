/**
 * Quick fixes of schema errors and malformed values, byte for byte: missing keys added where the
 * format lists them, wrong types, enums, forms of dates, durations, ids and emails, limits,
 * repeated workdays, days that do not exist.
 */
import * as assert from 'assert';
import { codesOf, fix, titles } from './helpers/quickFixes';

const HEAD = `workback: 1
title: Demo
goal: { outcome: Demo done, measure: Launched, due: 2027-03-31, owner: dana }
people:
  dana: { name: Dana Whitfield }
milestones:
`;
const TASKS = `${HEAD}  - id: build
    title: Built
    tasks:
`;

describe('editing: quick fixes of schema errors', () => {
  it('a missing key: added with a value that passes, where the format lists it', () => {
    const task = `${TASKS}      - id: a\n        title: First task\n        duration: 2d\n`;
    assert.strictEqual(
      fix(task, 'schema-required', 'Add owner: dana'),
      task.replace('First task\n', 'First task\n        owner: dana\n'),
    );
    const flow = `${TASKS}      - { id: a, duration: 2d }\n`;
    assert.strictEqual(
      fix(flow, 'schema-required', 'Add title: a'),
      flow.replace('{ id: a, duration', '{ id: a, title: a, duration'),
    );
    assert.strictEqual(fix('title: Demo\n', 'schema-required', 'Add workback: 1'), 'workback: 1\ntitle: Demo\n');
    const followUp = `${TASKS}      - id: a\n        title: A\n        owner: dana\n        follow_ups:\n          - about: Licences?\n`;
    // one missing key is reported at a time: then the next
    const withOn = fix(followUp, 'schema-required', 'Add on: 2026-07-01');
    assert.strictEqual(withOn, `${followUp}            on: 2026-07-01\n`);
    assert.strictEqual(fix(withOn, 'schema-required', 'Add with: dana'), `${withOn}            with: dana\n`);
  });

  it('missing people: everyone the plan names, by their ids', () => {
    const text =
      'workback: 1\ntitle: Demo\ngoal: { outcome: Done, measure: M, due: 2027-03-31, owner: sam }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: a, title: A, owner: sam }\n';
    const out = fix(text, 'schema-required', 'Add people: { sam: { name: sam } }');
    assert.strictEqual(out, text.replace('milestones:', 'people:\n  sam: { name: sam }\nmilestones:'));
    assert.deepStrictEqual(codesOf(out), []);
  });

  it('an unknown key can always be removed', () => {
    const text = `${TASKS}      - id: a\n        title: A\n        owner: dana\n        "my note": x   # mine\n`;
    assert.deepStrictEqual(titles(text, 'schema-unknown-key'), ['Remove "my note"']);
    assert.strictEqual(
      fix(text, 'schema-unknown-key', 'Remove "my note"'),
      text.replace('        "my note": x   # mine\n', '        # mine\n'),
    );
  });

  it('a number or boolean where text goes: quoted; a bare number of days: a duration', () => {
    const id = `${TASKS}      - { id: 123, title: A, owner: dana, duration: 3 }\n`;
    assert.strictEqual(fix(id, 'schema-type', 'Quote it: "123"'), id.replace('id: 123', 'id: "123"'));
    assert.strictEqual(fix(id, 'schema-type', 'Change to 3d', 1), id.replace('duration: 3 ', 'duration: 3d '));
  });

  it('one value where a list goes: a list of it', () => {
    const text = `${HEAD}  - id: build
    title: Built
    depends_on: x
    tasks:
      - { id: a, title: A, owner: dana, tags: solo, follow_ups: { on: 2027-01-01, with: dana } }
      - id: b
        title: B
        owner: dana
        follow_ups:
          on: 2027-01-01   # c
          with: dana

          about: Licences
`;
    assert.strictEqual(
      fix(text, 'schema-type', 'Make it a list: [x]'),
      text.replace('depends_on: x', 'depends_on: [x]'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Make it a list: [solo]', 1),
      text.replace('tags: solo', 'tags: [solo]'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Make it a list: [{ on: 2027-01-01, with: dana }]', 2),
      text.replace('follow_ups: { on: 2027-01-01, with: dana } }', 'follow_ups: [{ on: 2027-01-01, with: dana }] }'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Make it a list of this one entry', 3),
      text.replace(
        '          on: 2027-01-01   # c\n          with: dana\n\n          about',
        '          - on: 2027-01-01   # c\n            with: dana\n\n            about',
      ),
    );
  });

  it('a list where text goes: one text; yes or no where true or false goes', () => {
    const text = `${HEAD.replace('goal: { outcome: Demo done,', 'goal:\n  outcome:\n    - a\n    - b\n  due: 2027-03-31\n  owner: dana\nx-goal: {').replace('title: Demo', 'title: [a, b]')}  - id: m
    title: M
    tasks:
      - id: a
        title: A
        owner: dana
        follow_ups:
          - { on: 2027-01-01, with: dana, done: yes }
`;
    assert.strictEqual(
      fix(text, 'schema-type', 'Write it as one text: a, b'),
      text.replace('title: [a, b]', 'title: a, b'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Write it as one text: a, b', 1),
      text.replace('  outcome:\n    - a\n    - b\n', '  outcome: a, b\n'),
    );
    assert.deepStrictEqual(titles(text, 'schema-type', 2), ['* Change to true', 'Change to false']);
    assert.strictEqual(fix(text, 'schema-type', 'Change to true', 2), text.replace('done: yes', 'done: true'));
  });

  it('an empty value: removed when optional, filled when required', () => {
    const text =
      'workback: 1\ntitle:\ngoal:\npeople:\n  dana:\ncalendar:   # later\nmilestones:\n  - id: m\n    title: M\n    depends_on:\n    tasks:\n      - id: a\n        title:\n        owner: dana\n        notes:\n';
    assert.strictEqual(
      fix(text, 'schema-type', 'Fill in title: New plan'),
      text.replace('title:\ngoal', 'title: New plan\ngoal'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Fill in goal: { outcome: The goal is reached, due: 2026-08-26 }', 1),
      text.replace('goal:\n', 'goal:\n  outcome: The goal is reached\n  due: 2026-08-26\n'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Fill in dana: { name: dana }', 2),
      text.replace('  dana:\n', '  dana: { name: dana }\n'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Remove the empty "calendar"', 3),
      text.replace('calendar:   # later\n', '# later\n'),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Remove the empty "depends_on"', 4),
      text.replace('    depends_on:\n', ''),
    );
    assert.strictEqual(
      fix(text, 'schema-type', 'Fill in title: a', 5),
      text.replace('        title:\n', '        title: a\n'),
    );
    assert.strictEqual(fix(text, 'schema-type', 'Remove the empty "notes"', 6), text.replace('        notes:\n', ''));
  });

  it('a value not allowed: each allowed one, the likeliest first', () => {
    const text = `${TASKS}      - { id: a, title: A, owner: dana, status: finished }\n`;
    assert.deepStrictEqual(titles(text, 'schema-enum'), [
      '* Change to done',
      'Change to todo',
      'Change to doing',
      'Change to blocked',
    ]);
    assert.strictEqual(fix(text, 'schema-enum', 'Change to done'), text.replace('finished', 'done'));
    const days = HEAD.replace('people:', 'calendar:\n  workdays: [Mon, tuesday, "wed"]\npeople:');
    assert.strictEqual(titles(days, 'schema-enum')[0], '* Change to mon');
    assert.strictEqual(titles(days, 'schema-enum', 1)[0], '* Change to tue');
    assert.strictEqual(
      fix(fix(`${days}  - { id: m, title: M }\n`, 'schema-enum', 'Change to mon'), 'schema-enum', 'Change to tue'),
      `${days.replace('[Mon, tuesday,', '[mon, tue,')}  - { id: m, title: M }\n`,
    );
    assert.strictEqual(
      fix(`${HEAD.replace('workback: 1', 'workback: 2')}  - { id: m, title: M }\n`, 'schema-enum', 'Change to 1'),
      `${HEAD}  - { id: m, title: M }\n`,
    );
  });

  it('dates, durations and emails of the wrong form', () => {
    const text = `workback: 1\ntitle: Demo\ngoal: { outcome: Done, due: 2027/3/31 }\npeople:\n  dana: { name: Dana, email: dana }\nmilestones:\n  - id: m\n    title: M\n    due: "2027-03-01 17:00"\n    tasks:\n      - { id: a, title: A, owner: dana, duration: 3 days }\n      - { id: b, title: B, owner: dana, duration: 0d }\n      - { id: c, title: C, owner: dana, duration: 2 Weeks }\n`;
    assert.strictEqual(fix(text, 'schema-format', 'Write it as 2027-03-31'), text.replace('2027/3/31', '2027-03-31'));
    assert.strictEqual(fix(text, 'schema-format', 'Remove the email', 1), text.replace(', email: dana }', ' }'));
    assert.strictEqual(
      fix(text, 'schema-format', 'Keep the date only: 2027-03-01', 2),
      text.replace('"2027-03-01 17:00"', '"2027-03-01"'),
    );
    assert.strictEqual(fix(text, 'schema-format', 'Change to 3d', 3), text.replace('3 days', '3d'));
    assert.strictEqual(fix(text, 'schema-format', 'Change to 1d', 4), text.replace('0d', '1d'));
    assert.strictEqual(fix(text, 'schema-format', 'Change to 2w', 5), text.replace('2 Weeks', '2w'));
  });

  it('an id of the wrong form: renamed with every reference to it', () => {
    const text = `workback: 1\ntitle: Demo\ngoal: { outcome: Done, measure: M, due: 2027-03-31, owner: _x y }\npeople:\n  dana: { name: Dana }\n  _x y: { name: X }\nmilestones:\n  - id: m\n    title: M\n    tasks:\n      - { id: pick method, title: A, owner: _x y }\n      - id: c\n        title: C\n        owner: dana\n        depends_on: [pick method]\n`;
    const renamed = text.replace(/_x y/g, 'x-y');
    assert.strictEqual(fix(text, 'schema-format', 'Change the person id "_x y" to "x-y" and 2 references'), renamed);
    assert.strictEqual(
      fix(text, 'schema-format', 'Change the id "pick method" to "pick-method" and 1 reference', 2),
      text.replace(/pick method/g, 'pick-method'),
    );
    assert.strictEqual(
      fix(text, 'schema-format', 'Change the id "pick method" to "pick-method" and 1 reference', 4),
      text.replace(/pick method/g, 'pick-method'),
      'the same from the reference',
    );
    assert.deepStrictEqual(
      codesOf(
        fix(
          fix(text, 'schema-format', 'Change the person id "_x y" to "x-y" and 2 references'),
          'schema-format',
          'Change the id "pick method" to "pick-method" and 1 reference',
          0,
        ),
      ),
      [],
    );
  });

  it('limits: an empty list gets its first entry, an empty text is filled or removed, a long one shortened', () => {
    const none = HEAD.replace('milestones:\n', 'milestones: []\n');
    assert.strictEqual(
      fix(none, 'schema-limit', 'Add a first milestone'),
      HEAD.replace('milestones:\n', 'milestones: [{ id: goal, title: Demo done }]\n'),
    );
    const days = `${HEAD.replace('people:', 'calendar: { workdays: [] }\npeople:')}  - { id: m, title: M }\n`;
    assert.strictEqual(fix(days, 'schema-limit', 'Use mon to fri'), days.replace('[]', '[mon, tue, wed, thu, fri]'));
    const empty = `${TASKS}      - id: t\n        title: ""\n        owner: dana\n        tags: ["", x]\n`;
    assert.strictEqual(fix(empty, 'schema-limit', 'Fill in title: t'), empty.replace('title: ""', 'title: "t"'));
    assert.strictEqual(fix(empty, 'schema-limit', 'Remove the empty entry', 1), empty.replace('["", x]', '[x]'));
    const long = `${HEAD}  - id: m\n    title: ${'word '.repeat(120).trim()}\n`;
    assert.strictEqual(
      fix(long, 'schema-limit', 'Shorten to 500 characters'),
      `${HEAD}  - id: m\n    title: ${'word '.repeat(100).trim()}\n`,
    );
  });

  it('a repeated workday: removed, its line in a block list', () => {
    const text = `${HEAD.replace('people:', 'calendar:\n  workdays:\n    - mon\n    - tue   # two\n    - mon   # again\npeople:')}  - { id: m, title: M }\n`;
    assert.strictEqual(
      fix(text, 'schema-unique', 'Remove the repeated "mon"'),
      text.replace('    - mon   # again\n', '    # again\n'),
    );
  });

  it('a day past the end of its month: the last day of the month', () => {
    const text = `${HEAD.replace('2027-03-31', '2027-02-29')}  - { id: m, title: M, due: 2026-04-31 }\n`;
    assert.strictEqual(
      fix(text, 'invalid-date', 'Change to 2027-02-28 (the last day of February)'),
      text.replace('2027-02-29', '2027-02-28'),
    );
    assert.strictEqual(
      fix(text, 'invalid-date', 'Change to 2026-04-30 (the last day of April)', 1),
      text.replace('2026-04-31', '2026-04-30'),
    );
    assert.deepStrictEqual(
      titles(text.replace('2026-04-31', '2026-13-01'), 'invalid-date', 1),
      [],
      'month 13: which month was meant is unknown',
    );
  });
});
