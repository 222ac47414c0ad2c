/**
 * Quick fixes of schema errors, malformed values and ids in the real VS Code: each applied
 * through the light bulb's WorkspaceEdit, the exact text asserted, the problem gone.
 */
import * as assert from 'node:assert/strict';
import { codes } from './helpers';
import * as vscode from 'vscode';
import { closeScratch, scratchPlan } from './languageHelpers';
import { applyFix } from './quickFixHelpers';

const HEAD = `workback: 1
title: Demo
goal: { outcome: Demo done, measure: Launched, due: 2026-09-30, owner: dana }
people:
  dana: { name: Dana Whitfield }   # lead
milestones:
  - id: build
    title: Built
    tasks:
`;

describe('language: quick fixes of schema errors', () => {
  afterEach(closeScratch);

  it('schema-required: adds the key where the format lists it', async () => {
    const text = `${HEAD}      - id: a\n        title: First task\n        duration: 2d\n`;
    const doc = await applyFix(text, 'schema-required', 'Add owner: dana');
    assert.equal(doc.getText(), text.replace('First task\n', 'First task\n        owner: dana\n'));
    assert.deepEqual(codes(doc.uri), []);
  });

  it('schema-type: makes one value a list', async () => {
    const text = `${HEAD}      - { id: a, title: A, owner: dana, tags: solo }\n`;
    const doc = await applyFix(text, 'schema-type', 'Make it a list: [solo]');
    assert.equal(doc.getText(), text.replace('tags: solo', 'tags: [solo]'));
  });

  it('schema-enum: the likeliest allowed value', async () => {
    const text = `${HEAD}      - { id: a, title: A, owner: dana, status: finished }\n`;
    const doc = await applyFix(text, 'schema-enum', 'Change to done');
    assert.equal(doc.getText(), text.replace('status: finished', 'status: done'));
  });

  it('schema-format: a duration written out, an id renamed with its references', async () => {
    const text = `${HEAD}      - { id: pick method, title: A, owner: dana, duration: 3 days }\n      - { id: b, title: B, owner: dana, depends_on: [pick method] }\n`;
    const duration = await applyFix(text, 'schema-format', 'Change to 3d', 1);
    assert.equal(duration.getText(), text.replace('3 days', '3d'));
    const id = await applyFix(text, 'schema-format', 'Change the id "pick method" to "pick-method" and 1 reference');
    assert.equal(id.getText(), text.replace(/pick method/g, 'pick-method'));
  });

  it('schema-limit: an empty title filled in', async () => {
    const text = `${HEAD}      - { id: a, title: "", owner: dana }\n`;
    const doc = await applyFix(text, 'schema-limit', 'Fill in title: a');
    assert.equal(doc.getText(), text.replace('title: ""', 'title: "a"'));
  });

  it('schema-unique: removes the repeated workday', async () => {
    const text = `${HEAD.replace('people:', 'calendar: { workdays: [mon, tue, mon] }\npeople:')}      - { id: a, title: A, owner: dana }\n`;
    const doc = await applyFix(text, 'schema-unique', 'Remove the repeated "mon"');
    assert.equal(doc.getText(), text.replace('[mon, tue, mon]', '[mon, tue]'));
  });

  it('invalid-date: the last day of the month', async () => {
    const text = `${HEAD.replace('2026-09-30', '2026-09-31')}      - { id: a, title: A, owner: dana }\n`;
    const doc = await applyFix(text, 'invalid-date', 'Change to 2026-09-30 (the last day of September)');
    assert.equal(doc.getText(), text.replace('2026-09-31', '2026-09-30'));
  });

  it('duplicate-id: a free id for the second one', async () => {
    const text = `${HEAD}      - { id: a, title: A, owner: dana }\n      - { id: a, title: Again, owner: dana }\n`;
    const doc = await applyFix(text, 'duplicate-id', 'Rename this one to "a-2"');
    assert.equal(doc.getText(), text.replace('{ id: a, title: Again', '{ id: a-2, title: Again'));
  });

  it('remaining-not-doing: sets the status doing', async () => {
    const text = `${HEAD}      - { id: a, title: A, owner: dana, duration: 5d, remaining: 2d }\n`;
    const doc = await applyFix(text, 'remaining-not-doing', 'Set status: doing');
    assert.equal(doc.getText(), text.replace('remaining: 2d }', 'status: doing, remaining: 2d }'));
  });

  it('done-on-not-done: sets the status done', async () => {
    const text = `${HEAD}      - id: a\n        title: A\n        owner: dana\n        done_on: 2026-06-30   # finished early\n`;
    const doc = await applyFix(text, 'done-on-not-done', 'Set status: done');
    assert.equal(doc.getText(), text.replace('        done_on:', '        status: done\n        done_on:'));
  });

  it('writes a listed run of holidays as one range (a refactoring, where the cursor is)', async () => {
    const text =
      `${HEAD}`.replace(
        'milestones:\n',
        'calendar:\n  holidays:\n    - 2026-12-24\n    - 2026-12-25\n    - 2026-12-28   # Monday\nmilestones:\n',
      ) + '      - { id: a, title: A, owner: dana }\n';
    const { doc } = await scratchPlan(text);
    const at = doc.positionAt(text.indexOf('2026-12-25') + 3);
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.RefactorRewrite.value,
    );
    const a = all.find((x) => x.title === 'Write 3 days as one range: 2026-12-24 to 2026-12-28');
    assert.ok(a, all.map((x) => x.title).join(' | '));
    assert.equal(a.kind?.value, 'refactor.rewrite');
    assert.ok(a.edit && (await vscode.workspace.applyEdit(a.edit)), 'the edit applies');
    assert.equal(
      doc.getText(),
      text.replace(
        '    - 2026-12-24\n    - 2026-12-25\n    - 2026-12-28   # Monday\n',
        '    - { from: 2026-12-24, to: 2026-12-28 }   # Monday\n',
      ),
    );
  });
});
