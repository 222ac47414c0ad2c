import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  codes,
  describe as describeDiags,
  getApi,
  hasCode,
  isEmpty,
  openPlan,
  replaceText,
  setSetting,
  waitForDiagnostics,
} from './helpers';

describe('live diagnostics', () => {
  it('puts unknown-person on the owner value', async () => {
    const doc = await openPlan('plans', 'unknown-owner.workback.yaml');
    const diags = await waitForDiagnostics(doc.uri, hasCode('unknown-person'), 'unknown-person');
    assert.deepEqual(describeDiags(diags), ['unknown-person 18:15-18:18']);
    const d = diags[0]!;
    assert.equal(doc.getText(d.range), 'sam');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'workback');
    assert.match(d.message, /"sam".*not in people/);
  });

  it('clears the problem when the text is fixed, never leaves stale ones mid-edit', async () => {
    const doc = await openPlan('plans', 'unknown-owner.workback.yaml');
    const [problem] = await waitForDiagnostics(doc.uri, hasCode('unknown-person'), 'unknown-person');
    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, problem!.range, 'dana');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(doc.uri, isEmpty, 'no problems after the fix');
    // mid-edit the YAML stops parsing: only the syntax error is left
    await replaceText(doc, 'title: Get three quotes', 'title: [Get three quotes');
    const broken = await waitForDiagnostics(
      doc.uri,
      (d) => d.length > 0 && d.every((x) => codeOf(x) === 'yaml-syntax'),
      'only yaml-syntax',
    );
    assert.ok(broken.length >= 1);
    await replaceText(doc, 'title: [Get three quotes', 'title: Get three quotes');
    await waitForDiagnostics(doc.uri, isEmpty, 'no problems once the YAML parses again');
    await replaceText(doc, 'owner: dana\n        duration', 'owner: sam\n        duration');
    await waitForDiagnostics(doc.uri, hasCode('unknown-person'), 'unknown-person again');
    assert.equal(doc.isDirty, true);
    await doc.save();
  });

  it('reports a bracket left open where it opens, with where YAML read on to, and the other problems', async () => {
    const doc = await openPlan('plans', 'syntax-error.workback.yaml');
    const diags = await waitForDiagnostics(doc.uri, hasCode('yaml-syntax'), 'yaml-syntax');
    assert.deepEqual(diags.map(codeOf), ['yaml-syntax', 'unknown-id']);
    const [syntax, unknown] = diags;
    assert.equal(syntax!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(syntax!.range), '[', `at the unclosed [: ${describeDiags(diags).join()}`);
    assert.equal(syntax!.range.start.line, 15);
    assert.equal(syntax!.relatedInformation?.length, 1, 'where YAML read on to');
    assert.equal(syntax!.relatedInformation![0]!.location.uri.toString(), doc.uri.toString());
    assert.equal(doc.getText(unknown!.range), 'survey', 'the plan has no task "survey": said as well');
  });

  it('reports nothing for a clean plan', async () => {
    const doc = await openPlan('plans', 'mfa.workback.yaml');
    const api = await getApi();
    await api.planIndex.whenIdle();
    assert.ok(api.planIndex.get(doc.uri), 'the plan is indexed');
    // the workspace holds other copies of the MFA example, with the same people on the same
    // days: the information that they are booked in those plans too is all there is
    assert.deepEqual(
      codes(doc.uri).filter((c) => c !== 'overbooked-across-plans'),
      [],
    );
  });

  it('debounces typing: one check for a burst of edits, on the last version', async () => {
    const api = await getApi();
    const doc = await openPlan('plans', 'mfa.workback.yaml');
    await setSetting('diagnostics.debounceMs', 2000);
    try {
      await api.planIndex.whenIdle();
      const before = api.planIndex.stats.checks;
      for (let i = 0; i < 5; i++) {
        await replaceText(doc, 'title: Announce to staff', `title: Announce to staff${i}`);
        await replaceText(doc, `title: Announce to staff${i}`, 'title: Announce to staff');
      }
      await api.planIndex.whenIdle();
      assert.equal(api.planIndex.stats.checks - before, 1, 'one check for 10 quick edits');
      assert.equal(api.planIndex.get(doc.uri)?.version, doc.version, 'the last version was checked');
    } finally {
      await setSetting('diagnostics.debounceMs', undefined);
      await doc.save();
    }
  });

  it('maps related information (duplicate-id points at the first use)', async () => {
    const text = [
      'workback: 1',
      'title: T',
      'goal: { outcome: O, measure: M, due: 2026-12-01, owner: dana }',
      'people: { dana: { name: Dana } }',
      'milestones:',
      '  - id: m',
      '    title: M',
      '    tasks:',
      '      - { id: a, title: A, owner: dana }',
      '      - { id: a, title: A2, owner: dana }',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'workback', content: text });
    await vscode.window.showTextDocument(doc);
    const [dup] = await waitForDiagnostics(doc.uri, hasCode('duplicate-id'), 'duplicate-id');
    assert.deepEqual(describeDiags([dup!]), ['duplicate-id 9:14-9:15']);
    assert.equal(dup!.relatedInformation?.length, 1);
    const rel = dup!.relatedInformation![0]!;
    assert.equal(rel.location.uri.toString(), doc.uri.toString());
    assert.deepEqual([rel.location.range.start.line, rel.location.range.start.character], [8, 14]);
    assert.match(rel.message, /first/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
