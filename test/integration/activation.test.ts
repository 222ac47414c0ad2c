import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi, waitFor } from './helpers';

// First file in the run: nothing has opened a plan yet.
describe('activation', () => {
  it('registers without parsing anything', async () => {
    assert.equal(
      vscode.workspace.textDocuments.filter((d) => d.languageId === 'workback').length,
      0,
      'no plan may be open yet',
    );
    // workspaceContains:**/*.workback.{yaml,yml} activates it: nobody calls activate() here
    await waitFor(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'activation by workspaceContains');
    const api = await getApi();
    assert.equal(api.planIndex.started, false, 'the workspace scan starts only when a plan is open');
    assert.equal(api.planIndex.stats.checks, 0, 'no plan checked');
    assert.equal(api.planIndex.stats.reads, 0, 'no plan read');
    assert.equal(api.planIndex.all().length, 0);
    assert.ok(api.activationMs >= 0 && api.activationMs < 500, `activate took ${api.activationMs} ms`);
    console.log(`    activate() took ${api.activationMs.toFixed(1)} ms`);
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['workback.showLog', 'workback.checkPlans']) assert.ok(all.includes(c), c);
  });

  it('runs in the real VS Code server extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.env.remoteName, 'remote (server) extension host');
  });
});
