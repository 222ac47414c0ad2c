/**
 * Navigation in the real VS Code: go to definition, find all references, rename (exact
 * resulting text; refused on a clash), document symbols and workspace symbols.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPlan } from './helpers';
import { closeScratch, EDITING, fixtureText, indexed, posOf, scratchPlan } from './languageHelpers';

const at = (loc: vscode.Location | vscode.LocationLink, doc: vscode.TextDocument): string => {
  const range = 'targetRange' in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
  const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
  assert.equal(uri.toString(), doc.uri.toString());
  return `${range.start.line + 1}:${range.start.character + 1} ${doc.getText(range)}`;
};

describe('language: navigation', () => {
  afterEach(closeScratch);

  it('goes to the definition of a task, a milestone and a person', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const def = async (pos: vscode.Position) =>
      (
        await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          doc.uri,
          pos,
        )
      ).map((l) => at(l, doc));
    assert.deepEqual(await def(posOf(doc, '          - comms', 13)), ['55:13 comms']);
    assert.deepEqual(await def(posOf(doc, 'depends_on: [design]', 14)), ['23:9 design']);
    assert.deepEqual(await def(posOf(doc, '        owner: lee', 16)), ['17:3 lee']);
    assert.deepEqual(await def(posOf(doc, '  escalate_to: dana', 16)), ['15:3 dana']);
    assert.deepEqual(await def(posOf(doc, 'title: Choose', 9)), []);
  });

  it('finds every reference of a task and of a person', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const refs = async (pos: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos)).map(
        (l) => at(l, doc),
      );
    assert.deepEqual(await refs(posOf(doc, 'id: comms', 5)), ['55:13 comms', '64:13 comms']);
    assert.deepEqual(await refs(posOf(doc, 'depends_on: [licensing]', 15)), ['26:13 licensing', '35:22 licensing']);
    assert.deepEqual(await refs(posOf(doc, '  ravi: {', 3)), ['16:3 ravi', '28:16 ravi', '38:19 ravi']);
  });

  it('renames a task id across the file in one edit', async () => {
    const base = await fixtureText(...EDITING);
    const { doc } = await scratchPlan(base);
    const pos = posOf(doc, '          - comms', 13);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
      'vscode.prepareRename',
      doc.uri,
      pos,
    );
    assert.equal(doc.getText(prepared.range), 'comms');
    assert.equal(prepared.placeholder, 'comms');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      pos,
      'announce',
    );
    assert.equal(edit.size, 1);
    assert.equal(edit.get(doc.uri).length, 2);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      doc.getText(),
      base.replace('      - id: comms', '      - id: announce').replace('          - comms', '          - announce'),
    );
    await indexed(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), base, 'one undo restores the text');
  });

  it('renames a person everywhere: people, owner, with, escalate_to, goal.owner', async () => {
    const base = await fixtureText(...EDITING);
    const { doc } = await scratchPlan(base);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      posOf(doc, '  escalate_to: dana', 16),
      'dwhitfield',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), base.replace(/\bdana\b(?!@)/g, 'dwhitfield'));
  });

  it('refuses a rename onto an existing id, or to an invalid one, with a message', async () => {
    const base = await fixtureText(...EDITING);
    const { doc } = await scratchPlan(base);
    const pos = posOf(doc, 'id: comms', 5);
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos, 'licensing'),
      ),
      /"licensing" is already the id of the task "Confirm licence count"; choose another one\./,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos, 'two words'),
      ),
      /not a valid id/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, posOf(doc, 'title: Choose', 9))),
      /Only task, milestone and person ids can be renamed/,
    );
    assert.equal(doc.getText(), base, 'nothing changed');
  });

  it('outlines goal, people, milestones and their tasks', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    const show = (s: vscode.DocumentSymbol, depth = 0): string[] => [
      `${'  '.repeat(depth)}${s.name} · ${s.detail} · ${vscode.SymbolKind[s.kind]} @${s.selectionRange.start.line + 1}`,
      ...s.children.flatMap((c) => show(c, depth + 1)),
    ];
    assert.deepEqual(
      symbols.flatMap((s) => show(s)),
      [
        'goal · Every staff account signs in with MFA · Event @5',
        'people · 3 people · Namespace @14',
        '  dana · Dana Whitfield · Field @15',
        '  ravi · Ravi Patel · Field @16',
        '  lee · Lee Chen · Field @17',
        'design · Method chosen with stakeholders · Module @23',
        '  licensing · Confirm licence count · Function @26',
        '  pick-method · Choose MFA method · Function @31',
        'pilot · Pilot group enrolled · Module @41',
        '  enroll-it · Enroll the IT team · Function @46',
        'rollout · All staff enrolled · Module @51',
        '  comms · Announce to staff · Function @55',
        '  enroll-all · Enroll everyone else · Function @59',
      ],
    );
  });

  it('finds tasks and milestones of every plan in the workspace', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'pick-method',
    );
    const rows = found
      .map(
        (s) =>
          `${s.name} | ${s.containerName} | ${vscode.workspace.asRelativePath(s.location.uri)}:${s.location.range.start.line + 1}`,
      )
      .sort();
    assert.ok(
      rows.includes(
        'pick-method — Choose MFA method | design · MFA for every staff account | language/editing.workback.yaml:31',
      ),
      rows.join('\n'),
    );
    assert.ok(
      rows.some((r) => r.endsWith('plans/mfa.workback.yaml:30')),
      `the same id in another plan: ${rows.join('\n')}`,
    );
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'Enroll everyone',
    );
    assert.ok(byTitle.some((s) => s.name === 'enroll-all — Enroll everyone else'));
  });
});
