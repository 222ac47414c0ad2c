/**
 * Start-by lenses in the real VS Code (vscode.executeCodeLensProvider): on each task's id
 * line and on the goal with "Open Timeline"; they follow the text, and the setting turns them off.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPlan, setSetting, waitFor } from './helpers';
import { closeScratch, EDITING, fixtureText, indexed, scratchPlan, typeOver } from './languageHelpers';

async function lenses(doc: vscode.TextDocument): Promise<string[]> {
  const got = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return got.map(
    (l) => `${l.range.start.line + 1} ${l.command?.title}${l.command?.command ? ` -> ${l.command.command}` : ''}`,
  );
}

describe('language: start-by lenses', () => {
  afterEach(closeScratch);

  it("show start by, slack and critical on each task, and the goal's feasibility", async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    assert.deepEqual(await lenses(doc), [
      '5 goal feasible · minimum slack 25 workdays',
      '5 Open Timeline -> workback.openTimeline',
      '26 done',
      '31 start by Wed 5 Aug · slack 25 workdays · critical',
      '46 start by Mon 10 Aug · slack 25 workdays · critical',
      '55 start by Mon 14 Sep · slack 44 workdays',
      '59 start by Wed 16 Sep · slack 44 workdays',
    ]);
    const open = (
      await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)
    )[1]!;
    assert.equal(
      (open.command!.arguments![0] as vscode.Uri).toString(),
      doc.uri.toString(),
      'the timeline of this plan',
    );
  });

  it('update with the text', async () => {
    const base = await fixtureText(...EDITING);
    const { doc, editor } = await scratchPlan(base);
    await typeOver(editor, '        duration: 1w\n', '        duration: 7w\n');
    await indexed(doc);
    const got = await waitFor(async () => {
      const l = await lenses(doc);
      return l[0]?.includes('short') && l;
    }, 'the goal lens to say the plan is short');
    assert.deepEqual(got.slice(0, 5), [
      '5 goal 5 workdays short',
      '5 Open Timeline -> workback.openTimeline',
      '26 done',
      '31 start by Wed 24 Jun · 5 workdays behind · critical · 3 workdays late',
      '46 start by Mon 29 Jun · 5 workdays behind · critical · start 2 workdays late',
    ]);
    // an error: no schedule; each task keeps its last lens (the lines do not jump while typing)
    await typeOver(editor, 'owner: lee\n        duration: 7w', 'owner: nobody\n        duration: 7w');
    await indexed(doc);
    assert.deepEqual((await lenses(doc)).slice(0, 4), [
      '5 schedule not computed: 1 error to fix',
      '5 Open Timeline -> workback.openTimeline',
      '26 done',
      '31 start by Wed 24 Jun · 5 workdays behind · critical · 3 workdays late',
    ]);
    // not even YAML: the same, moved with the text
    await typeOver(editor, '        title: Choose MFA method\n', '        title: [Choose MFA method\n\n');
    await indexed(doc);
    assert.deepEqual((await lenses(doc)).slice(2, 5), [
      '26 done',
      '31 start by Wed 24 Jun · 5 workdays behind · critical · 3 workdays late',
      '47 start by Mon 29 Jun · 5 workdays behind · critical · start 2 workdays late',
    ]);
  });

  it('turn off with workback.lenses.enabled', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    try {
      await setSetting('lenses.enabled', false);
      assert.deepEqual(await lenses(doc), []);
    } finally {
      await setSetting('lenses.enabled', undefined);
    }
    assert.equal((await lenses(doc)).length, 7);
  });
});
