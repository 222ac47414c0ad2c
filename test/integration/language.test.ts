import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, hasCode, isEmpty, waitForDiagnostics } from './helpers';

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
    const pkg = vscode.extensions.getExtension('workback.workback')?.packageJSON as { contributes: { languages: { id: string; aliases: string[] }[] } };
    assert.equal(pkg.contributes.languages.find((l) => l.id === 'workback')?.aliases[0], 'Workback Plan');
  });

  it('checks an untitled plan, and forgets it when it is closed', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'workback', content: 'workback: 1\ntitle: Scratch\n' });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, hasCode('schema-required'), 'schema-required on the untitled plan');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(doc.uri, isEmpty, 'no problems once it is closed');
  });

  it('comments lines with #', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'workback', content: 'title: x\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(doc.lineAt(0).text, '# title: x');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
