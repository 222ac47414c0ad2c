/**
 * Quick fixes in the real VS Code: vscode.executeCodeActionProvider on each diagnostic, the
 * edit applied, the exact resulting text, and the diagnostic gone after the re-check. Then a
 * plan with one of each problem is fixed to clean with quick fixes alone. The other codes'
 * fixes are in languageQuickFix{Yaml,Schema,Status}.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, workbackDiagnostics } from './helpers';
import { closeScratch, scratchPlan } from './languageHelpers';
import { actionsFor, applyFix } from './quickFixHelpers';

const HEAD = `workback: 1
title: Fixes
goal:
  outcome: Done
  measure: Checked
  due: 2026-09-30   # the deadline
  owner: dana
people:
  dana: { name: Dana Whitfield, email: dana@example.com }
  lee:  { name: Lee Chen }   # field team
milestones:
  - id: m1
    title: First
    due: 2026-08-14
    tasks:
      - id: licensing
        title: Licences
        owner: dana
        duration: 2d
`;

describe('language: quick fixes', () => {
  afterEach(closeScratch);

  it('unknown person: adds them to people', async () => {
    const text = HEAD.replace('        owner: dana\n        duration: 2d', '        owner: sam\n        duration: 2d');
    const doc = await applyFix(text, 'unknown-person', 'Add "sam" to people');
    assert.equal(doc.getText(), text.replace('# field team\n', '# field team\n  sam: { name: sam }\n'));
    assert.deepEqual(workbackDiagnostics(doc.uri).map(codeOf), []);
  });

  it('unknown id: the nearest existing id', async () => {
    const text = `${HEAD}      - id: pick\n        title: Pick\n        owner: lee\n        depends_on: [licencing]\n`;
    const doc = await applyFix(text, 'unknown-id', 'Change to "licensing" (Licences)');
    assert.equal(doc.getText(), text.replace('[licencing]', '[licensing]'));
  });

  it('a dependency named twice: removes the repeat, keeping the first and every comment', async () => {
    const text = `${HEAD}      - id: pick\n        title: Pick\n        owner: lee\n        depends_on: [\n          licensing,   # first\n          licensing,   # again\n        ]\n`;
    const doc = await applyFix(text, 'duplicate-dependency', 'Remove the repeated "licensing"');
    assert.equal(doc.getText(), text.replace('          licensing,   # again\n', '          # again\n'));
    assert.deepEqual(workbackDiagnostics(doc.uri).map(codeOf), []);
  });

  it('due after a binding date: remove it, or align it', async () => {
    const text = HEAD.replace('        duration: 2d\n', '        duration: 2d\n        due: 2026-08-20   # too late\n');
    const removed = await applyFix(text, 'due-after-binding', 'Remove this due (it changes nothing)');
    assert.equal(
      removed.getText(),
      HEAD.replace('        duration: 2d\n', '        duration: 2d\n        # too late\n'),
      'its comment stays',
    );
    const aligned = await applyFix(text, 'due-after-binding', 'Align the due to 2026-08-14');
    assert.equal(aligned.getText(), text.replace('due: 2026-08-20', 'due: 2026-08-14'));
  });

  it('dependency cycle: removes one of its edges', async () => {
    const text = `${HEAD.replace('        duration: 2d\n', '        duration: 2d\n        depends_on: [pick]\n')}      - id: pick\n        title: Pick\n        owner: lee\n        depends_on:\n          - licensing\n`;
    const { doc } = await scratchPlan(text);
    const diags = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((x) => codeOf(x) === 'dependency-cycle').length === 2,
      'two cycle edges',
    );
    const titles = (
      await actionsFor(
        doc,
        diags.find((x) => codeOf(x) === 'dependency-cycle')!,
      )
    ).map((a) => `${a.isPreferred ? '* ' : ''}${a.title}`);
    assert.deepEqual(titles, ['* Remove the dependency licensing → pick', 'Remove the dependency pick → licensing']);
    await closeScratch();
    const doc2 = await applyFix(text, 'dependency-cycle', 'Remove the dependency pick → licensing');
    assert.equal(doc2.getText(), text.replace('        depends_on:\n          - licensing\n', ''));
    assert.deepEqual(workbackDiagnostics(doc2.uri).map(codeOf), []);
  });

  it('schema typo in a key: the right key', async () => {
    const text = HEAD.replace('        duration: 2d', '        duraton: 2d');
    const doc = await applyFix(text, 'schema-unknown-key', 'Rename "duraton" to "duration"');
    assert.equal(doc.getText(), HEAD);
  });

  it('fixes every problem of a plan with quick fixes alone', async () => {
    const text = `${HEAD.replace('        duration: 2d', '        duraton: 2d\n        due: 2026-08-20\n        depends_on: [pick]')}      - id: pick
        title: Pick
        owner: sam
        depends_on: [licencing, licensing]
        follow_ups:
          - { on: 2026-07-06, with: ravi }
`;
    const { doc } = await scratchPlan(text);
    await waitForDiagnostics(doc.uri, (ds) => ds.length >= 5, 'the problems');
    const seen = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const diags = workbackDiagnostics(doc.uri);
      if (diags.length === 0) break;
      const d = diags[0]!;
      seen.add(codeOf(d));
      const actions = await actionsFor(doc, d);
      const a = actions.find((x) => x.isPreferred) ?? actions[0];
      assert.ok(a?.edit, `a fix for ${codeOf(d)}: ${d.message}`);
      const version = doc.version;
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      assert.ok(doc.version > version);
      await waitForDiagnostics(
        doc.uri,
        (ds) => !ds.some((x) => x.message === d.message && x.range.isEqual(d.range)),
        `${codeOf(d)} handled`,
      );
    }
    assert.deepEqual(
      workbackDiagnostics(doc.uri).map((d) => d.message),
      [],
    );
    // "licencing" changed to "licensing" repeats a dependency: that is fixed too
    assert.deepEqual([...seen].sort(), [
      'dependency-cycle',
      'due-after-binding',
      'duplicate-dependency',
      'schema-unknown-key',
      'unknown-id',
      'unknown-person',
    ]);
  });
});
