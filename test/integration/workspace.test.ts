import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codes, fixture, getApi, hasCode, isEmpty, openPlan, waitFor, waitForDiagnostics, workbackDiagnostics } from './helpers';

const BROKEN = `workback: 1
title: Temporary
goal: { outcome: Something, due: 2026-12-01 }
people: { dana: { name: Dana } }
milestones:
  - id: m
    title: M
    tasks:
      - { id: t, title: T, owner: nobody }
`;

describe('plans that are not open', () => {
  it('still have their problems listed', async () => {
    await openPlan('plans', 'mfa.workback.yaml'); // any open plan starts the workspace index
    const api = await getApi();
    await api.planIndex.whenIdle();
    const uri = fixture('plans', 'never-opened.workback.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    const all = await waitFor(() => {
      const found = vscode.languages.getDiagnostics().find(([u]) => u.toString() === uri.toString());
      return found && found[1].length > 0 && found;
    }, 'never-opened.workback.yaml in getDiagnostics()');
    assert.deepEqual(all[1].filter((d) => d.source === 'workback').map((d) => d.code), ['unknown-id']);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'still not open');
  });

  it('picks up a new plan file and drops its problems when it is deleted', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'created.workback.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BROKEN));
    await waitForDiagnostics(uri, hasCode('unknown-person'), 'problems of the new file');
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, isEmpty, 'no problems once the file is gone');
    await waitFor(() => !api.planIndex.get(uri), 'the index forgets the file');
  });

  it('follows changes made on disk to a plan that is not open', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'changed.workback.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BROKEN));
    await waitForDiagnostics(uri, hasCode('unknown-person'), 'unknown-person');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BROKEN.replace('owner: nobody', 'owner: dana')));
    await waitForDiagnostics(uri, isEmpty, 'no problems after the fix on disk');
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => !api.planIndex.get(uri), 'the index forgets the file');
  });

  it('keeps the problems of a closed plan (from the file on disk)', async () => {
    const doc = await openPlan('plans', 'unknown-owner.workback.yaml');
    await waitForDiagnostics(doc.uri, hasCode('unknown-person'), 'unknown-person');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const api = await getApi();
    await api.planIndex.whenIdle();
    assert.deepEqual(codes(doc.uri), ['unknown-person']);
    assert.ok(workbackDiagnostics(doc.uri).length === 1);
  });
});
