/**
 * `Workback: New Plan…` in the real VS Code: a template as an untitled plan or as a file in
 * the workspace (a free name next to existing ones), dates from today, no problems; snippets;
 * and a template-made plan extended with nothing but completion (and ids, titles, Enter typed).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fixture, folder, getApi, waitForDiagnostics } from './helpers';
import { closeScratch, indexed, labelOf, pick, scratchPlan, typeText } from './languageHelpers';

describe('language: new plan from a template', () => {
  const created: vscode.Uri[] = [];
  afterEach(closeScratch);
  after(async () => {
    for (const u of created) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
  });

  it('is a command of the palette and of File > New File', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('workback.newPlan'));
    const pkg = vscode.extensions.getExtension('workback.workback')!.packageJSON as {
      contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string }[]> };
    };
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'workback.newPlan')?.title, 'New Plan…');
    assert.ok(pkg.contributes.menus['file/newFile']?.some((m) => m.command === 'workback.newPlan'));
  });

  for (const template of ['mfa-rollout', 'siem-migration', 'edr-deployment']) {
    it(`${template}: an untitled plan with no problems, dated from today`, async () => {
      const api = await getApi();
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('workback.newPlan', {
        template,
        title: `Q3: "security" plan for ${template}`,
        due: '2026-12-18',
        target: 'untitled',
      });
      assert.ok(doc);
      assert.equal(doc.languageId, 'workback');
      assert.ok(doc.isUntitled);
      assert.ok(doc.getText().includes(`\ntitle: "Q3: \\"security\\" plan for ${template}"\n`), 'the title, quoted');
      assert.equal(
        doc.uri.path,
        vscode.Uri.joinPath(folder(), `q3-security-plan-for-${template}.workback.yaml`).path,
        'Save proposes a file name from the title, in the workspace',
      );
      assert.match(doc.getText(), /^  due: 2026-12-18$/m);
      assert.match(doc.getText(), /^start: 2026-07-01$/m, 'starts today (pinned to Wed 1 Jul 2026)');
      await indexed(doc);
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no problems');
      assert.ok(api.planIndex.get(doc.uri)!.result!.schedule!.minSlack! >= 0, 'feasible');
    });
  }

  it('creates <slug>.workback.yaml in the workspace, never over an existing file', async () => {
    const folder = fixture('language');
    const args = { template: 'edr-deployment', title: 'EDR for Contoso', due: '2026-10-30', target: 'file', folder };
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('workback.newPlan', args);
    created.push(first.uri);
    assert.equal(vscode.workspace.asRelativePath(first.uri), 'language/edr-for-contoso.workback.yaml');
    assert.equal(first.isDirty, false, 'written to disk');
    // a tab that stays, not a preview the next file opened would replace
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal((tab?.input as { uri?: vscode.Uri } | undefined)?.uri?.toString(), first.uri.toString());
    assert.equal(tab?.isPreview, false);
    const second = await vscode.commands.executeCommand<vscode.TextDocument>('workback.newPlan', args);
    created.push(second.uri);
    assert.equal(vscode.workspace.asRelativePath(second.uri), 'language/edr-for-contoso-2.workback.yaml');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(first.uri)), first.getText());
    // two plans from one template book the same people on the same days: that information, and
    // no other problem
    await waitForDiagnostics(
      first.uri,
      (d) => d.length > 0 && d.every((x) => codeOf(x) === 'overbooked-across-plans'),
      'no problem in the new file but the other plan from the template',
    );
  });

  it('says which template does not exist', async () => {
    const doc = await vscode.commands.executeCommand('workback.newPlan', {
      template: 'nope',
      title: 'x',
      due: '2026-12-18',
      target: 'untitled',
    });
    assert.equal(doc, undefined);
  });

  it('has snippets for a milestone, a task and a follow-up', async () => {
    const { doc } = await scratchPlan('milestones:\n  - id: m\n    title: M\n    tasks:\n      ta');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(4, 8),
    );
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.ok(snippets.includes('task'), snippets.join());
    const pkg = vscode.extensions.getExtension('workback.workback')!.packageJSON as {
      contributes: { snippets: { language: string; path: string }[] };
    };
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'workback', path: './snippets/workback.code-snippets' }]);
    const all = (
      await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        new vscode.Position(4, 6),
      )
    ).items
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
      .map(labelOf);
    for (const s of ['milestone', 'task', 'follow-up']) assert.ok(all.includes(s), `${s} in ${all.join()}`);
  });

  it('a plan from a template, extended with completion alone, checks clean', async () => {
    const api = await getApi();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('workback.newPlan', {
      template: 'siem-migration',
      title: 'SIEM for Contoso',
      due: '2026-12-18',
      target: 'untitled',
    });
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(
      doc.uri,
      (d) => d.length === 0 && api.planIndex.get(doc.uri)?.version === doc.version,
      'a clean new plan',
    );
    const template = doc.getText();
    // on the empty last line: a new milestone, its keys and values from completion; only ids,
    // titles and Enter typed (Enter lines the next key up under the previous one)
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await typeText(editor, '  ');
    await pick(editor, 'id');
    await typeText(editor, 'go-live\n');
    await pick(editor, 'title');
    await typeText(editor, 'Everyone on the new SIEM\n');
    await pick(editor, 'due');
    await pick(editor, '2026-12-18', ' '); // the goal's due
    await typeText(editor, '\n');
    await pick(editor, 'depends_on');
    await pick(editor, 'decommission', '[');
    await vscode.commands.executeCommand('cursorEnd'); // (End: out of the brackets)
    await typeText(editor, '\n');
    await pick(editor, 'tasks'); // `tasks:` and the first item's dash on the next line
    await pick(editor, 'id');
    await typeText(editor, 'tell-soc\n');
    await pick(editor, 'title');
    await typeText(editor, 'Tell the SOC the old SIEM is gone\n');
    await pick(editor, 'owner');
    await pick(editor, 'soc-manager', ' ');
    await typeText(editor, '\n');
    await pick(editor, 'duration');
    await pick(editor, '2d', ' ');
    await typeText(editor, '\n');
    await pick(editor, 'follow_ups');
    await pick(editor, 'on');
    await pick(editor, '2026-07-01', ' '); // today
    await typeText(editor, '\n');
    await pick(editor, 'with');
    await pick(editor, 'ciso', ' ');
    assert.equal(
      doc.getText(),
      `${template}${[
        '  - id: go-live',
        '    title: Everyone on the new SIEM',
        '    due: 2026-12-18',
        '    depends_on: [decommission]',
        '    tasks:',
        '      - id: tell-soc',
        '        title: Tell the SOC the old SIEM is gone',
        '        owner: soc-manager',
        '        duration: 2d',
        '        follow_ups:',
        '          - on: 2026-07-01',
        '            with: ciso',
      ].join('\n')}`,
    );
    await waitForDiagnostics(
      doc.uri,
      (d) => d.length === 0 && api.planIndex.get(doc.uri)?.version === doc.version,
      'the extended plan checks clean',
    );
    const plan = api.planIndex.get(doc.uri)!.result!.plan!;
    assert.deepEqual(
      plan.milestones.at(-1)!.tasks.map((t) => [t.id, t.owner, t.followUps.length]),
      [['tell-soc', 'soc-manager', 1]],
    );
  });
});
