/**
 * Completion in the real VS Code: the items vscode.executeCompletionItemProvider offers in a
 * plan (keys not yet present with their documentation, ids in depends_on without cycles,
 * person ids with names, enums, dates), also while the text is half-typed. A plan written from
 * a template with nothing but completion is in languageNewPlan.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeScratch,
  completions,
  EDITING,
  fixtureText,
  indexed,
  labelOf,
  markdownOf,
  posOf,
  scratchPlan,
  typeOver,
} from './languageHelpers';

describe('language: completion', () => {
  let base = '';
  before(async () => {
    base = await fixtureText(...EDITING);
  });
  afterEach(closeScratch);

  it('offers the keys not yet present in a task, required first, with their documentation', async () => {
    const { doc } = await scratchPlan(base.replace('        duration: 3d\n', '        duration: 3d\n        \n'));
    const items = await completions(doc, posOf(doc, '        duration: 3d\n        \n', 29));
    assert.deepEqual(items.map(labelOf), [
      'priority',
      'due',
      'not_before',
      'status',
      'remaining',
      'done_on',
      'review_by',
      'reviewed_on',
      'interim',
      'tags',
      'notes',
    ]);
    const status = items.find((i) => labelOf(i) === 'status')!;
    assert.equal(status.kind, vscode.CompletionItemKind.Property);
    assert.equal(status.detail, 'optional');
    assert.match(markdownOf(status.documentation as vscode.MarkdownString), /Where the task stands/);
    assert.equal((status.insertText as vscode.SnippetString).value, 'status: $0');
    assert.equal(status.command?.command, 'editor.action.triggerSuggest', 'the values are suggested next');
  });

  it('offers the tags that freezes name first, with the freeze', async () => {
    const { doc, editor } = await scratchPlan(
      base.replace(
        'calendar:\n',
        'calendar:\n  freezes:\n    - { from: 2026-08-03, to: 2026-08-07, tags: [change], name: Retail freeze }\n',
      ),
    );
    await typeOver(editor, '        tags: [critical-system]\n', '        tags: [critical-system, ]\n');
    const items = await completions(doc, posOf(doc, 'tags: [critical-system, ]', 24));
    assert.deepEqual(
      items.map((i) => [labelOf(i), i.detail]),
      [['change', 'freeze Retail freeze · Mon 3 – Fri 7 Aug 2026 · 0 tasks']],
    );
  });

  it('offers task and milestone ids in a half-typed depends_on: [, without cycles, with titles', async () => {
    const { doc, editor } = await scratchPlan(base);
    // enroll-it (milestone pilot): not itself, not pilot, not what depends on pilot
    await typeOver(
      editor,
      '        tags: [critical-system]\n',
      '        tags: [critical-system]\n        depends_on: [',
    );
    const items = await completions(doc, posOf(doc, 'depends_on: [', 13, 1), '[', 10);
    assert.deepEqual(
      items.map((i) => `${labelOf(i)}: ${i.detail}`),
      ['design: Method chosen with stakeholders', 'licensing: Confirm licence count', 'pick-method: Choose MFA method'],
    );
    assert.equal(items[0]!.kind, vscode.CompletionItemKind.Module);
    assert.equal(items[2]!.kind, vscode.CompletionItemKind.Event);
    assert.equal(
      items[2]!.documentation,
      'Task in design · owner Dana Whitfield (dana) · 3d\nStart by Wed 5 Aug 2026 · finish by Fri 7 Aug 2026',
      'plain text, resolved when shown',
    );
  });

  it('offers the items a block list may still take', async () => {
    const { doc, editor } = await scratchPlan(base);
    await typeOver(editor, '          - comms', '          - comms\n          - ');
    const items = await completions(doc, posOf(doc, '          - comms\n          - ', 30), ' ');
    assert.deepEqual(items.map(labelOf), ['design', 'licensing', 'pick-method', 'pilot', 'enroll-it']);
  });

  it('offers person ids with their names in owner, with, escalate_to and goal.owner', async () => {
    const { doc, editor } = await scratchPlan(base);
    await typeOver(editor, '        owner: dana\n        duration: 3d', '        owner: \n        duration: 3d');
    await indexed(doc); // (the open-task counts below are the new text's)
    const items = await completions(doc, posOf(doc, '        owner: \n', 15), ' ', 10);
    assert.deepEqual(
      items.map((i) => `${labelOf(i)}: ${i.detail}`),
      ['dana: Dana Whitfield', 'ravi: Ravi Patel', 'lee: Lee Chen'],
    );
    assert.equal(items[0]!.kind, vscode.CompletionItemKind.User);
    assert.equal(
      items[0]!.documentation,
      'IT director · dana@example.com\n1 open task',
      'pick-method has no owner now',
    );
    for (const [needle, delta] of [
      ['            with: ravi', 18],
      ['  escalate_to: dana', 15],
      ['  owner: dana\nstart', 9],
    ] as const) {
      const got = await completions(doc, posOf(doc, needle, delta));
      assert.deepEqual(got.map(labelOf), ['dana', 'ravi', 'lee'], needle);
    }
  });

  it('offers statuses, weekdays not listed yet, dates and durations', async () => {
    const { doc } = await scratchPlan(base);
    assert.deepEqual((await completions(doc, posOf(doc, '        status: done', 16))).map(labelOf), [
      'todo',
      'doing',
      'blocked',
      'done',
    ]);
    const { doc: d2 } = await scratchPlan(
      base.replace('workdays: [mon, tue, wed, thu, fri]', 'workdays: [mon, tue, ]'),
    );
    assert.deepEqual((await completions(d2, posOf(d2, 'workdays: [mon, tue, ]', 21))).map(labelOf), [
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ]);
    const { doc: d3 } = await scratchPlan(base.replace('    due: 2026-08-14', '    due: '));
    assert.deepEqual(
      (await completions(d3, posOf(d3, '    due: \n', 9))).map((i) => `${labelOf(i)} ${i.detail}`),
      [
        '2026-07-01 today · Wed 1 Jul 2026',
        '2026-07-02 next workday · Thu 2 Jul 2026',
        "2026-09-30 the goal's due · Wed 30 Sep 2026",
      ],
    );
    assert.deepEqual((await completions(d3, posOf(d3, '        duration: 3d', 18))).map(labelOf), [
      '1d',
      '2d',
      '3d',
      '5d',
      '1w',
      '2w',
      '4w',
    ]);
  });
});
