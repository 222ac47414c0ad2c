import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  codeOf,
  codes,
  fixture,
  getApi,
  hasCode,
  isEmpty,
  openPlan,
  setSetting,
  waitFor,
  waitForDiagnostics,
  workbackDiagnostics,
} from './helpers';

const BROKEN = `workback: 1
title: Temporary
goal: { outcome: Something, measure: Checked, due: 2026-12-01, owner: dana }
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
    assert.deepEqual(all[1].filter((d) => d.source === 'workback').map(codeOf), ['unknown-id']);
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

  it('never reads a FIFO named like a plan, nor a new file above workback.maxFileSizeMB', async () => {
    const api = await getApi();
    await api.planIndex.start();
    await api.planIndex.whenIdle();
    const fifo = fixture('plans', 'pipe.workback.yaml');
    const big = fixture('plans', 'big.workback.yaml');
    const small = fixture('plans', 'small.workback.yaml');
    await setSetting('maxFileSizeMB', 0.001);
    const reads = api.planIndex.stats.reads;
    try {
      execFileSync('mkfifo', [fifo.fsPath]); // a read would wait for a writer forever
      await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(`${BROKEN}${'# padding\n'.repeat(200)}`));
      await vscode.workspace.fs.writeFile(small, new TextEncoder().encode(BROKEN));
      await waitForDiagnostics(small, hasCode('unknown-person'), 'problems of the small file');
      await waitForDiagnostics(big, hasCode('file-too-large'), 'the big file said to be too large');
      await Promise.race([
        api.planIndex.whenIdle(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the index never went idle: a read is stuck')), 10000),
        ),
      ]);
      assert.equal(api.planIndex.get(fifo), undefined, 'the FIFO is not a plan');
      assert.equal(api.planIndex.get(big)?.result, undefined, 'the big file is not parsed');
      assert.equal(api.planIndex.stats.reads - reads, 1, 'only the small file was read');
    } finally {
      rmSync(fifo.fsPath, { force: true });
      for (const u of [big, small]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
      await setSetting('maxFileSizeMB', undefined);
    }
    await waitFor(() => !api.planIndex.get(big) && !api.planIndex.get(small), 'the index forgets the files');
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

  it('keeps a plan that is not open without its source tree, and has it back once the plan is opened', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'kept-lean.workback.yaml');
    const text = BROKEN.replace('owner: nobody', 'owner: dana').replace(
      '- { id: t, title: T, owner: dana }',
      '- { id: a, title: A, owner: dana }\n      - { id: b, title: B, owner: dana, depends_on: [a] }',
    );
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const stored = await waitFor(
        () => api.planIndex.get(uri)?.result?.plan && api.planIndex.get(uri),
        'the new file in the index',
      );
      assert.equal(stored.source, 'file');
      assert.deepEqual(
        stored.result?.plan?.tasks.map((t) => t.id),
        ['a', 'b'],
      );
      assert.equal(stored.result?.tree, undefined, 'a closed plan is kept without its tree');
      assert.equal(stored.result?.plan?.tasks[0].node.pairs.length, 0);

      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      const ref = doc.positionAt(text.indexOf('[a]') + 1);
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        ref,
      );
      const target = defs.map((d) => ('targetUri' in d ? d.targetRange : d.range))[0];
      assert.ok(target, 'go to definition finds the task');
      assert.equal(doc.getText(target), 'a');
      assert.equal(doc.offsetAt(target.start), text.indexOf('{ id: a') + '{ id: '.length);
      const open = await waitFor(
        () => api.planIndex.get(uri)?.source === 'document' && api.planIndex.get(uri),
        'the open document in the index',
      );
      assert.ok(open.result?.tree, 'an open plan has its tree');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
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
