import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, hasCode, isEmpty, waitForDiagnostics } from './helpers';
import { closeScratch, edited, scratchPlan } from './languageHelpers';

describe('the workback language', () => {
  it('is the language of *.workback.yaml and *.workback.yml', async () => {
    const yaml = await vscode.workspace.openTextDocument(fixture('plans', 'mfa.workback.yaml'));
    assert.equal(yaml.languageId, 'workback');
    const yml = await vscode.workspace.openTextDocument(fixture('plans', 'overdue.workback.yml'));
    assert.equal(yml.languageId, 'workback');
  });

  it('leaves other YAML files alone', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('notes.yaml'));
    assert.equal(doc.languageId, 'yaml');
  });

  it('is listed as "Workback Plan"', async () => {
    const ids = await vscode.languages.getLanguages();
    assert.ok(ids.includes('workback'));
    const pkg = vscode.extensions.getExtension('workback.workback')?.packageJSON as {
      contributes: { languages: { id: string; aliases: string[] }[] };
    };
    assert.equal(pkg.contributes.languages.find((l) => l.id === 'workback')?.aliases[0], 'Workback Plan');
  });

  it('checks an untitled plan, and forgets it when it is closed', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'workback',
      content: 'workback: 1\ntitle: Scratch\n',
    });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, hasCode('schema-required'), 'schema-required on the untitled plan');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(doc.uri, isEmpty, 'no problems once it is closed');
  });

  describe('typing', () => {
    afterEach(closeScratch);

    // a document of its own (not a reused Untitled-1), and the change awaited before reading it
    it('comments lines with #', async () => {
      const { doc, editor } = await scratchPlan('title: x\n');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await edited(doc, () => vscode.commands.executeCommand('editor.action.commentLine'), 'Toggle Line Comment');
      assert.equal(doc.getText(), '# title: x\n');
    });

    /** Press Enter at the end of the line holding `needle`; the text after it. */
    async function enterAfter(content: string, needle: string): Promise<string> {
      const { doc, editor } = await scratchPlan(content);
      const line = doc.positionAt(content.indexOf(needle)).line;
      const end = doc.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      await edited(doc, () => vscode.commands.executeCommand('type', { text: '\n' }), 'Enter', editor);
      return doc.getText();
    }

    const PLAN = 'milestones:\n  - id: m1\n    tasks:\n      - id: sign-off   # last\n  - notes: |\n';

    it("Enter after `- key: value` continues the item's mapping, under its first key", async () => {
      assert.equal(await enterAfter(PLAN, '- id: sign-off'), PLAN.replace('# last\n', '# last\n        \n'));
      assert.equal(await enterAfter(PLAN, '- id: m1'), PLAN.replace('  - id: m1\n', '  - id: m1\n    \n'));
    });

    it('Enter after a `key:` that opens a block indents one level (from the key, in a list item)', async () => {
      assert.equal(await enterAfter(PLAN, 'milestones:'), PLAN.replace('milestones:\n', 'milestones:\n  \n'));
      assert.equal(await enterAfter(PLAN, '    tasks:'), PLAN.replace('    tasks:\n', '    tasks:\n      \n'));
      assert.equal(await enterAfter(PLAN, '- notes: |'), PLAN.replace('- notes: |\n', '- notes: |\n      \n'));
    });

    it('Enter after `key: value` or a list entry keeps the indentation', async () => {
      const text = 'goal:\n  due: 2026-09-30\n  owner: dana\ndepends_on:\n  - licensing\n';
      assert.equal(await enterAfter(text, '  due:'), text.replace('2026-09-30\n', '2026-09-30\n  \n'));
      assert.equal(await enterAfter(text, '  - licensing'), text.replace('  - licensing\n', '  - licensing\n  \n'));
    });
  });
});
