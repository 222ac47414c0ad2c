/**
 * The timeline panel in the real extension host: it opens beside the plan, the webview draws
 * one bar per task (it acknowledges each picture with `rendered`), edits re-render it with the
 * new version, `revealTask` moves the editor's selection, forged messages change nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelineProbe } from '../../src/extension/timeline';
import type { RenderedMessage } from '../../src/shared/protocol';
import { getApi, openPlan, replaceText, setSetting, waitFor } from './helpers';

const RELEASE = ['timeline', 'release.workback.yaml'] as const;
const TASKS = 10;

async function probe(): Promise<TimelineProbe> {
  const api = await getApi();
  return waitFor(() => api.timeline.current(), 'the timeline panel');
}

/** Wait until the webview acknowledged a picture that satisfies `check`. */
async function rendered(
  check: (r: RenderedMessage) => boolean,
  what: string,
  timeout = 45000,
): Promise<RenderedMessage> {
  const api = await getApi();
  return waitFor(
    () => {
      const r = api.timeline.current()?.lastRendered;
      return r && check(r) ? r : undefined;
    },
    what,
    timeout,
  );
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the document`);
  return doc.positionAt(i).line;
}

describe('timeline panel', function () {
  this.timeout(90000);

  after(async () => {
    (await getApi()).timeline.current()?.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the plan and draws one bar per task', async () => {
    const doc = await openPlan(...RELEASE);
    await vscode.commands.executeCommand('workback.openTimeline');
    const p = await probe();
    const r = await rendered((m) => m.uri === doc.uri.toString() && m.version === doc.version, 'the first picture');
    assert.equal(r.bars, TASKS, 'one bar per task');
    assert.equal(r.rows, TASKS + 2, 'and a row for the checkpoint and one for the goal');
    assert.ok(r.mermaidMs > 0 && r.totalMs >= r.mermaidMs);
    console.log(
      `      first picture: ${r.bars} bars, Mermaid ${r.mermaidMs.toFixed(0)} ms, ${r.totalMs.toFixed(0)} ms from the message`,
    );
    assert.equal(p.panel.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      doc.uri.toString(),
      'the editor keeps the focus',
    );
    assert.equal(p.panel.title, 'Timeline: release.workback.yaml');
    const msg = p.lastPosted!;
    assert.equal(msg.notice, undefined);
    assert.deepEqual(
      msg.milestones.map((m) => m.value),
      ['design', 'build', 'freeze', 'launch'],
    );
    assert.ok(msg.gantt!.rows.find((b) => b.itemId === 'wireframes')!.owner === 'Lee Chen (lee)');
  });

  it('draws the new version after an edit (the last version wins)', async () => {
    const doc = await openPlan(...RELEASE);
    const before = await rendered((m) => m.uri === doc.uri.toString(), 'a picture of the plan');
    // two edits in a row: only the last version may end up on screen
    await replaceText(
      doc,
      '      - id: retro\n',
      '      - id: extra\n        title: An extra task\n        owner: lee\n      - id: retro\n',
    );
    await replaceText(doc, 'title: An extra task', 'title: An extra task, renamed');
    const r = await rendered((m) => m.version === doc.version, `a picture of version ${doc.version}`);
    assert.ok(r.seq > before.seq);
    assert.equal(r.bars, TASKS + 1, 'the new task has its bar');
    const p = await probe();
    assert.ok(p.lastPosted!.gantt!.rows.some((b) => b.title === 'An extra task, renamed'));
    await replaceText(doc, '      - id: extra\n        title: An extra task, renamed\n        owner: lee\n', '');
    await rendered((m) => m.version === doc.version && m.bars === TASKS, 'the plan as it was');
    await doc.save();
  });

  it('keeps the last picture, marked stale, while the plan has errors', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await replaceText(
      doc,
      'owner: priya\n        duration: 1w\n        status: done',
      'owner: nobody\n        duration: 1w\n        status: done',
    );
    const msg = await waitFor(() => {
      const m = p.lastPosted;
      return m && m.version === doc.version && m.notice ? m : undefined;
    }, 'the error notice');
    assert.equal(msg.notice!.kind, 'errors');
    assert.equal(msg.stale, true);
    assert.match(msg.notice!.text, /Fix the 1 error in release\.workback\.yaml/);
    assert.equal(msg.gantt, undefined);
    // the notice's "Go to the First Error": the error selected in the plan's editor
    await p.receive({ type: 'action', action: 'showFirstError' });
    await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === doc.uri.toString() && e.document.getText(e.selection) === 'nobody';
    }, 'the first error selected');
    await replaceText(doc, 'owner: nobody', 'owner: priya');
    await rendered((m) => m.version === doc.version, 'a current picture once the error is fixed');
    await doc.save();
  });

  it('copies the chart as shown as a Mermaid block: the toolbar button, and the command', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    const shown = await rendered((m) => m.version === doc.version, 'the current picture');
    assert.ok(shown);
    const text = p.lastPosted?.gantt?.text;
    assert.ok(text, 'a chart on screen');
    await vscode.env.clipboard.writeText('before');
    await p.receive({ type: 'action', action: 'copyMermaid' });
    const copied = await waitFor(async () => {
      const c = await vscode.env.clipboard.readText();
      return c !== 'before' && c;
    }, 'the clipboard');
    assert.equal(copied, `\`\`\`mermaid\n${text}\`\`\`\n`);
    const fromCommand = await vscode.commands.executeCommand<string>('workback.copyTimelineAsMermaid');
    assert.equal(fromCommand, copied, 'the command copies the same, from the panel');
  });

  it('reveals the task of a clicked bar: its id is selected in the editor', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await p.receive({ type: 'revealTask', itemId: 'sso' });
    const ed = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === doc.uri.toString() && e.document.getText(e.selection) === 'sso'
        ? e
        : undefined;
    }, 'the selection on the task id');
    assert.equal(ed.selection.start.line, lineOf(doc, '- id: sso'));
    assert.equal(ed.viewColumn, vscode.ViewColumn.One, "in the editor group of the plan, not the panel's");
    // a checkpoint (milestone without tasks) too
    await p.receive({ type: 'revealTask', itemId: 'freeze' });
    await waitFor(
      () =>
        vscode.window.activeTextEditor?.selection.start.line === lineOf(doc, '- id: freeze') &&
        vscode.window.activeTextEditor,
      'the checkpoint',
    );
  });

  it('ignores forged messages: nothing moves, nothing is drawn, nothing runs', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await rendered((m) => m.version === doc.version, 'a current picture');
    const ed = vscode.window.activeTextEditor!;
    ed.selection = new vscode.Selection(2, 0, 2, 0);
    const text = doc.getText();
    const posted = p.lastPosted!.seq;
    const acked = p.lastRendered!.seq;
    const filters = JSON.stringify(p.filters);
    const editors = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort();
    const getter = Object.defineProperty({}, 'type', {
      enumerable: true,
      get: () => {
        throw new Error('a getter ran');
      },
    });
    const forged: unknown[] = [
      null,
      undefined,
      'revealTask',
      42,
      [],
      [{ type: 'revealTask', itemId: 'api' }],
      {},
      getter,
      { type: 'unknown' },
      { type: 'REVEALTASK', itemId: 'api' },
      { type: 'revealTask' },
      { type: 'revealTask', itemId: 42 },
      { type: 'revealTask', itemId: ['api'] },
      { type: 'revealTask', itemId: { toString: () => 'api' } },
      { type: 'revealTask', itemId: 'nope' },
      { type: 'revealTask', itemId: 'people' },
      { type: 'revealTask', itemId: '__proto__' },
      { type: 'revealTask', itemId: 'constructor' },
      { type: 'revealTask', itemId: 'x'.repeat(100000) },
      { type: 'revealTask', itemId: 'command:workbench.action.closeAllEditors' },
      { type: 'revealTask', itemId: 'command:workbench.action.files.saveAll' },
      JSON.parse('{"__proto__": {"type": "revealTask", "itemId": "api"}}'),
      { type: 'openLink', href: 'command:workbench.action.closeAllEditors' },
      { type: 'command', command: 'workbench.action.closeAllEditors', args: [] },
      { type: 'action' },
      { type: 'action', action: 'workbench.action.closeAllEditors' },
      { type: 'action', action: ['newPlan'] },
      { type: 'action', action: { toString: () => 'newPlan' } },
      JSON.parse('{"type": "action", "__proto__": {"action": "newPlan"}}'),
      { type: 'exportPng' },
      { type: 'exportPng', png: 42 },
      { type: 'exportPng', png: 'not base64!' },
      { type: 'exportPng', png: btoa('<svg xmlns="http://www.w3.org/2000/svg"/>') }, // base64, not a PNG: no dialog
      { type: 'exportSvg' },
      { type: 'exportSvg', svg: 42 },
      { type: 'exportSvg', svg: '<script>alert(1)</script>' },
      { type: 'exportSvg', svg: `<svg>${'x'.repeat(21 * 1024 * 1024)}</svg>` },
      { type: 'setFilters' },
      { type: 'setFilters', filters: 'all' },
      { type: 'setFilters', filters: { criticalOnly: 'yes', compact: false } },
      { type: 'setFilters', filters: { milestone: 'nope', criticalOnly: false, compact: false } },
      {
        type: 'setFilters',
        filters: { milestone: 'command:workbench.action.closeAllEditors', criticalOnly: false, compact: false },
      },
      { type: 'setFilters', filters: { owner: 'nobody', criticalOnly: false, compact: false } },
      { type: 'setFilters', filters: { owner: '__proto__', criticalOnly: false, compact: false } },
      {
        type: 'setFilters',
        filters: { window: { from: '2026-02-30', to: '2026-03-01' }, criticalOnly: false, compact: false },
      },
      {
        type: 'setFilters',
        filters: { window: { from: '2026-09-01', to: '2026-08-01' }, criticalOnly: false, compact: false },
      },
      {
        type: 'rendered',
        seq: posted + 1000,
        uri: doc.uri.toString(),
        version: doc.version,
        bars: 1,
        rows: 1,
        mermaidMs: 1,
        totalMs: 1,
        theme: 'dark',
      },
      {
        type: 'rendered',
        seq: posted,
        uri: 'file:///elsewhere.workback.yaml',
        version: doc.version,
        bars: 1,
        rows: 1,
        mermaidMs: 1,
        totalMs: 1,
        theme: 'dark',
      },
      {
        type: 'rendered',
        seq: posted,
        uri: doc.uri.toString(),
        version: doc.version,
        bars: -1,
        rows: 1,
        mermaidMs: 1,
        totalMs: 1,
        theme: 'dark',
      },
      { type: 'renderFailed', seq: 'x', error: 'no' },
    ];
    for (const m of forged) await p.receive(m);
    await new Promise((r) => setTimeout(r, 300));
    const now = vscode.window.activeTextEditor!;
    assert.equal(now.document.uri.toString(), doc.uri.toString());
    assert.deepEqual(
      [now.selection.start.line, now.selection.start.character, now.selection.isEmpty],
      [2, 0, true],
      'the selection did not move',
    );
    assert.equal(doc.getText(), text, 'the plan is unchanged');
    assert.equal(doc.isDirty, false, 'nothing edited, nothing saved');
    assert.deepEqual(
      vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort(),
      editors,
      'no editor opened or closed',
    );
    assert.equal(p.lastPosted!.seq, posted, 'no new render');
    assert.equal(p.lastRendered!.seq, acked, 'no forged acknowledgement');
    assert.equal(JSON.stringify(p.filters), filters, 'the filters are as they were');
    assert.ok(!p.panel.webview.options.enableCommandUris, 'command URIs are off');
  });

  it('applies real filters from the toolbar', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await p.receive({ type: 'setFilters', filters: { milestone: 'launch', criticalOnly: false, compact: false } });
    const r = await rendered((m) => m.seq === p.lastPosted!.seq && m.version === doc.version, 'the milestone view');
    assert.equal(r.bars, 5, 'the five tasks of "Launched"');
    await p.receive({ type: 'setFilters', filters: { owner: 'ravi', criticalOnly: true, compact: false } });
    const c = await rendered((m) => m.seq === p.lastPosted!.seq, 'the critical tasks of ravi');
    assert.equal(c.bars, 3, 'api, sso and migrate');
    await p.receive({ type: 'setFilters', filters: { criticalOnly: false, compact: false } });
    await rendered((m) => m.seq === p.lastPosted!.seq && m.bars === TASKS, 'all tasks again');
  });

  it('offers one milestone or a date window instead of a chart with too many rows', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await setSetting('timeline.maxRows', 10);
    try {
      const msg = await waitFor(() => {
        const m = p.lastPosted;
        return m && m.notice?.kind === 'tooLarge' ? m : undefined;
      }, 'the too-large notice');
      assert.equal(msg.gantt, undefined, 'no picture past the limit');
      assert.match(msg.notice!.text, /12 rows: more than 10/);
      assert.equal(msg.notice!.suggestMilestone?.value, 'design', 'the first milestone with open work');
      const w = msg.notice!.suggestWindow!;
      assert.ok(w && w.rows <= 10, `a window that fits: ${JSON.stringify(w)}`);
      await p.receive({
        type: 'setFilters',
        filters: { criticalOnly: false, compact: false, window: { from: w.from, to: w.to } },
      });
      const r = await rendered((m) => m.seq === p.lastPosted!.seq && m.version === doc.version, 'the date window');
      assert.ok(r.rows > 0 && r.rows <= 10, `${r.rows} rows in the window`);
      await p.receive({ type: 'setFilters', filters: { criticalOnly: false, compact: false, milestone: 'launch' } });
      await rendered((m) => m.seq === p.lastPosted!.seq && m.bars === 5, 'the milestone');
    } finally {
      await setSetting('timeline.maxRows', undefined);
      await p.receive({ type: 'setFilters', filters: { criticalOnly: false, compact: false } });
    }
  });

  it('follows the active plan unless pinned', async () => {
    const release = await openPlan(...RELEASE);
    const p = await probe();
    const hostile = await openPlan('timeline', 'hostile.workback.yaml');
    await rendered((m) => m.uri === hostile.uri.toString(), 'the picture of the other plan');
    assert.equal(p.panel.title, 'Timeline: hostile.workback.yaml');
    await p.receive({ type: 'togglePin' });
    assert.equal(p.lastPosted?.pinned, true);
    await vscode.window.showTextDocument(release, vscode.ViewColumn.One);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await probe()).uri, hostile.uri.toString(), 'pinned: stays on the hostile plan');
    await p.receive({ type: 'togglePin' });
    await rendered((m) => m.uri === release.uri.toString(), 'unpinned: back to the active plan');
  });

  it('survives its panel closing while a render is pending', async () => {
    const doc = await openPlan(...RELEASE);
    const p = await probe();
    await replaceText(doc, 'title: Launch retrospective', 'title: Launch retro');
    p.panel.dispose(); // the check of that edit is still debounced
    await (await getApi()).planIndex.whenIdle();
    await p.receive({ type: 'ready' });
    await p.receive({ type: 'revealTask', itemId: 'api' });
    assert.equal((await getApi()).timeline.current(), undefined);
    await doc.save();
    // and the command opens a fresh one
    await vscode.commands.executeCommand('workback.openTimeline');
    const r = await rendered((m) => m.version === doc.version, 'a picture in the new panel');
    assert.equal(r.bars, TASKS);
  });
});
