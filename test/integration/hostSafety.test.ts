/**
 * What the extension host reads, writes and runs, in the real VS Code: plan files decoded as the
 * CLI decodes them (invalid-encoding at the bad byte), no symlink followed out of the workspace
 * and no huge file read, an exported SVG written sanitized, a restored panel only for a plan of
 * the workspace, git never looked up from the workspace.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isAbsolutePath } from '../../src/extension/sidebar/gitCommand';
import { resolveGitPath } from '../../src/extension/sidebar/gitEmail';
import { restorablePlan } from '../../src/extension/timeline/restore';
import {
  codeOf,
  codes,
  fixture,
  getApi,
  hasCode,
  isEmpty,
  openPlan,
  waitFor,
  waitForDiagnostics,
  workbackDiagnostics,
} from './helpers';

/** A plan with one problem: an owner who is not in `people`. */
const BROKEN = [
  'workback: 1',
  'title: Host safety',
  'goal: { outcome: Nothing leaks, measure: No secret in the logs, due: 2026-12-01, owner: ana }',
  '# (the goal is measured and owned:',
  '# the one problem is below)',
  'people:',
  '  ana:',
  '    name: Ana',
  'milestones:',
  '  - id: m1',
  '    title: First',
  '    tasks:',
  '      - id: t1',
  '        title: One',
  '        owner: somebody',
  '',
].join('\n');
/** Where the unknown owner is: [line, character]. */
const UNKNOWN_AT = [14, '        owner: '.length];

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(2 + 2 * text.length);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
  return out;
};

async function indexStarted() {
  const api = await getApi();
  await api.planIndex.start();
  await api.planIndex.whenIdle();
  return api;
}

describe('the extension host reads, writes and runs only what it should', function () {
  this.timeout(60000);

  it('shows invalid-encoding at the first bad byte of a closed plan read from disk; decodes UTF-16 like UTF-8', async () => {
    const api = await indexStarted();
    const bad = fixture('plans', 'latin1.workback.yaml');
    const wide = fixture('plans', 'wide.workback.yaml');
    const bytes = new TextEncoder().encode(BROKEN.replace('title: Host safety', 'title: Caf\u0000 menu'));
    bytes[bytes.indexOf(0)] = 0xe9; // a Latin-1 é
    try {
      await vscode.workspace.fs.writeFile(bad, bytes);
      await vscode.workspace.fs.writeFile(wide, utf16le(BROKEN));
      const ds = await waitForDiagnostics(bad, hasCode('invalid-encoding'), 'invalid-encoding on the closed file');
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.toString() === bad.toString()),
        'the file is not open',
      );
      assert.deepEqual(codes(bad), ['invalid-encoding']);
      assert.deepEqual([ds[0]!.range.start.line, ds[0]!.range.start.character], [1, 10]);
      assert.equal(ds[0]!.severity, vscode.DiagnosticSeverity.Error);
      assert.match(ds[0]!.message, /not valid UTF-8/);
      const problems = vscode.languages.getDiagnostics().find(([u]) => u.toString() === bad.toString());
      assert.ok(problems && problems[1].some((d) => d.source === 'workback'), 'in the Problems of the workspace');
      const unknown = await waitForDiagnostics(wide, hasCode('unknown-person'), 'unknown-person in the UTF-16 file');
      assert.deepEqual(
        unknown.map((d) => [d.range.start.line, d.range.start.character]),
        [UNKNOWN_AT],
      );
      assert.equal(api.planIndex.get(bad)?.undecodable, true);
      // opened, VS Code shows U+FFFD where the byte was: the bytes are still said to be wrong there
      const doc = await vscode.workspace.openTextDocument(bad);
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.equal(doc.getText().split('\n')[1], 'title: Caf\uFFFD menu');
      const open = await waitForDiagnostics(
        bad,
        (d) => hasCode('invalid-encoding')(d) && api.planIndex.get(bad)?.source === 'document',
        'invalid-encoding on the open document',
      );
      assert.deepEqual(
        open
          .filter((d) => d.source === 'workback')
          .map((d) => [codeOf(d), d.range.start.line, d.range.start.character]),
        [
          ['invalid-encoding', 1, 10],
          ['unknown-person', ...UNKNOWN_AT],
        ],
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      for (const u of [bad, wide]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
    await waitForDiagnostics(bad, isEmpty, 'no problems once the file is gone');
  });

  it('never reads a plan that is a symlink, or under a symlinked folder, leading outside the workspace, nor a huge file', async () => {
    const api = await indexStarted();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'workback-outside-'));
    const root = fixture('plans').fsPath;
    const link = path.join(root, 'outside.workback.yaml');
    const linkedDir = path.join(root, 'linked');
    const huge = fixture('plans', 'huge.workback.yaml');
    const reads = api.planIndex.stats.reads;
    try {
      writeFileSync(path.join(outside, 'secret.workback.yaml'), BROKEN);
      mkdirSync(path.join(outside, 'dir'));
      writeFileSync(path.join(outside, 'dir', 'inner.workback.yaml'), BROKEN);
      symlinkSync(path.join(outside, 'secret.workback.yaml'), link);
      symlinkSync(path.join(outside, 'dir'), linkedDir);
      // over the default 5 MB cap: stat says so, and the file is never read
      writeFileSync(huge.fsPath, `${BROKEN}${'# padding padding padding\n'.repeat(220000)}`);
      // the workspace search lists links too (search.followSymlinks): scan at once
      await (api.planIndex as unknown as { rescan(): Promise<void> }).rescan();
      await api.planIndex.whenIdle();
      await waitForDiagnostics(huge, hasCode('file-too-large'), 'the huge file said to be too large');
      for (const p of [link, path.join(linkedDir, 'inner.workback.yaml')]) {
        assert.equal(api.planIndex.get(vscode.Uri.file(p)), undefined, `${p} is not in the index`);
        assert.deepEqual(workbackDiagnostics(vscode.Uri.file(p)), [], `${p} has no problems listed`);
      }
      assert.equal(api.planIndex.get(huge)?.result, undefined, 'the huge file is not parsed');
      await api.planIndex.whenIdle();
      assert.equal(api.planIndex.stats.reads - reads, 0, 'nothing was read');
    } finally {
      rmSync(link, { force: true });
      rmSync(linkedDir, { force: true });
      rmSync(outside, { recursive: true, force: true });
      await vscode.workspace.fs.delete(huge).then(undefined, () => undefined);
      // scanned again (the watcher's delete event may come late on a busy machine, or not at
      // all): the scan looks again at the plans it no longer finds, and the count of plan files
      // found is the workspace's own for later tests
      await (api.planIndex as unknown as { rescan(): Promise<void> }).rescan();
      await api.planIndex.whenIdle();
      assert.equal(api.planIndex.get(huge), undefined, 'the index forgets the huge file');
    }
  });

  it('restores a timeline panel only for a plan file of the workspace that is not a link', async () => {
    const plan = fixture('plans', 'mfa.workback.yaml');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'workback-restore-'));
    const link = path.join(fixture('plans').fsPath, 'restore-link.workback.yaml');
    try {
      writeFileSync(path.join(outside, 'x.workback.yaml'), BROKEN);
      symlinkSync(path.join(outside, 'x.workback.yaml'), link);
      assert.equal((await restorablePlan(plan.toString()))?.toString(), plan.toString());
      const refused = [
        vscode.Uri.file(path.join(outside, 'x.workback.yaml')).toString(),
        vscode.Uri.file(link).toString(),
        `${fixture('plans').toString()}/../../${path.basename(outside)}/x.workback.yaml`,
        `${fixture('plans').toString()}/%2e%2e/%2e%2e/${path.basename(outside)}/x.workback.yaml`,
        fixture('.vscode', 'settings.json').toString(),
        fixture('plans', 'missing.workback.yaml').toString(),
        'file:///etc/passwd',
        'http://example.com/x.workback.yaml',
        'untitled:Untitled-1',
        `${plan.toString()}?x=1`,
        'not a uri',
        '',
      ];
      for (const saved of refused) assert.equal(await restorablePlan(saved), undefined, saved);
    } finally {
      rmSync(link, { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('writes an exported SVG as the shared sanitizer makes it, whatever the page sends', async () => {
    const doc = await openPlan('timeline', 'release.workback.yaml');
    await vscode.commands.executeCommand('workback.openTimeline', doc.uri);
    const api = await getApi();
    const panel = await waitFor(() => api.timeline.current(), 'the timeline panel');
    const target = fixture('exported-hostile.svg');
    const win = vscode.window as unknown as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = win.showSaveDialog;
    win.showSaveDialog = async () => target;
    assert.equal(vscode.window.showSaveDialog, win.showSaveDialog, 'the save dialog can be answered by the test');
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>' +
      '<foreignObject><iframe src="https://evil.example"></iframe></foreignObject>' +
      '<style>@import url(https://evil.example/x.css); .a { fill: url(https://evil.example/p.svg#x); }</style>' +
      '<a href="javascript:alert(3)"><text>link</text></a><use href="https://evil.example/s.svg#x"/>' +
      '<image href="data:image/svg+xml;base64,PHN2Zz4="/><rect class="bar" onclick="alert(4)" width="10" style="fill:url(&#x27;https://evil.example&#x27;)"/>' +
      '<text x="1">Kept &amp; safe</text></svg>';
    try {
      await panel.receive({ type: 'exportSvg', svg: hostile });
      const written = new TextDecoder().decode(
        await waitFor(
          () => Promise.resolve(vscode.workspace.fs.readFile(target)).catch(() => undefined),
          'the exported file',
        ),
      );
      assert.match(written, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg">/);
      assert.ok(written.includes('<text x="1">Kept &amp; safe</text>'));
      assert.ok(written.includes('<rect class="bar" width="10"'));
      for (const bad of [
        'script',
        'alert',
        'foreignObject',
        'iframe',
        'evil.example',
        'javascript:',
        'data:',
        '@import',
        'onload',
        'onclick',
        '<image',
        '<a ',
      ]) {
        assert.ok(!written.includes(bad), `${bad} is not in the file`);
      }
    } finally {
      win.showSaveDialog = original;
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      panel.panel.dispose();
    }
  });

  it("runs git by an absolute path (the git extension's or git.path), never looked up in the workspace", async () => {
    const config = () => vscode.workspace.getConfiguration('git');
    const gitEnabled = config().get<boolean>('enabled') !== false;
    try {
      if (gitEnabled) assert.ok(isAbsolutePath((await resolveGitPath()) ?? ''), "the git extension's path");
      // (the test workbench turns the git extension off: then the setting decides)
      await config().update('path', '/usr/bin/git', vscode.ConfigurationTarget.Global);
      if (!gitEnabled) assert.equal(await resolveGitPath(), '/usr/bin/git');
      await config().update('path', ['git', './git', '/opt/git/bin/git'], vscode.ConfigurationTarget.Global);
      if (!gitEnabled) assert.equal(await resolveGitPath(), '/opt/git/bin/git');
      await config().update('path', 'git', vscode.ConfigurationTarget.Global);
      if (!gitEnabled) assert.equal(await resolveGitPath(), undefined, 'a relative git.path is never taken');
    } finally {
      await config().update('path', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
