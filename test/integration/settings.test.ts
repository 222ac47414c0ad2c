import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describePlan } from '../../src/extension/languageStatus';
import { changesChecks, parseSettings } from '../../src/extension/settings';
import {
  codeOf,
  fixture,
  getApi,
  hasCode,
  isEmpty,
  setSetting,
  waitFor,
  waitForDiagnostics,
  workbackDiagnostics,
} from './helpers';

describe('settings', () => {
  it('clamps hostile values with a warning', () => {
    const values: Record<string, unknown> = { today: 'yesterday', 'diagnostics.debounceMs': -5, maxFileSizeMB: 1e12 };
    const { settings, warnings } = parseSettings((k) => values[k]);
    assert.equal(settings.debounceMs, 0);
    assert.equal(settings.maxFileSize, 50 * 1024 * 1024);
    assert.equal(settings.pinnedToday, undefined);
    assert.equal(warnings.length, 3);
    const nan = parseSettings((k) => (k === 'maxFileSizeMB' ? 'big' : undefined));
    assert.equal(nan.settings.maxFileSize, 5 * 1024 * 1024);
    assert.equal(nan.warnings.length, 1);
  });

  it('reads the size cap in MB, fractions too; the old setting in bytes still counts, with a warning', () => {
    const mb = (v: unknown) => parseSettings((k) => (k === 'maxFileSizeMB' ? v : undefined));
    assert.equal(mb(0.5).settings.maxFileSize, 512 * 1024);
    assert.equal(mb(12).settings.maxFileSize, 12 * 1024 * 1024);
    assert.deepEqual(mb(12).warnings, []);
    assert.equal(mb(undefined).settings.maxFileSize, 5 * 1024 * 1024);
    const legacy = parseSettings((k) => ({ maxFileSize: 2048, maxFileSizeMB: 5 })[k]);
    assert.equal(legacy.settings.maxFileSize, 2048);
    assert.deepEqual(
      legacy.warnings.map((w) => w.message),
      ['workback.maxFileSize (in bytes) is deprecated: set workback.maxFileSizeMB instead, and remove it.'],
    );
  });

  it('re-checks no plan when workback.me or another setting that changes no check changes; the views refresh', async () => {
    const api = await getApi();
    await api.planIndex.start();
    await api.planIndex.whenIdle();
    await api.sidebar.whenFresh();
    const plans = api.planIndex.all().length;
    assert.ok(plans >= 5, 'the fixture plans are indexed');
    const before = { ...api.planIndex.stats };
    const refreshes = api.sidebar.model.stats.refreshes;
    try {
      await setSetting('me', 'mira');
      await waitFor(
        async () => (await api.sidebar.whenFresh()) && api.sidebar.model.identity.me.join() === 'mira',
        'the views as mira',
      );
      await setSetting('diagnostics.debounceMs', 300);
      await setSetting('lenses.enabled', false);
      await setSetting('timeline.maxRows', 50);
      await api.planIndex.whenIdle();
      await api.sidebar.whenFresh();
      assert.equal(api.settings().debounceMs, 300, 'the new settings are in use');
      assert.ok(api.sidebar.model.stats.refreshes > refreshes, 'the views refreshed');
      assert.deepEqual(
        { checks: api.planIndex.stats.checks, reads: api.planIndex.stats.reads },
        { checks: before.checks, reads: before.reads },
        'no plan was checked or read again',
      );
    } finally {
      for (const key of ['me', 'diagnostics.debounceMs', 'lenses.enabled', 'timeline.maxRows'])
        await setSetting(key, undefined);
    }
    await api.planIndex.whenIdle();
    assert.equal(api.planIndex.stats.checks, before.checks, 'nor when they went back');

    // the control: the size cap changes checks, so every plan is checked again, from the text already read
    await setSetting('maxFileSizeMB', 6);
    try {
      await api.planIndex.whenIdle();
      assert.equal(api.planIndex.stats.checks, before.checks + api.planIndex.all().length, 'every plan checked again');
      assert.equal(api.planIndex.stats.reads, before.reads, 'without reading the files again');
    } finally {
      await setSetting('maxFileSizeMB', undefined);
      await api.planIndex.whenIdle();
    }
  });

  it('says which settings change checks', () => {
    const { settings } = parseSettings(() => undefined);
    assert.equal(changesChecks(settings, { ...settings, debounceMs: 999 }), false);
    assert.equal(changesChecks(settings, { ...settings, maxFileSize: 2048 }), true);
  });

  it('does not parse a plan above workback.maxFileSizeMB, and says so', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'mfa.workback.yaml');
    await api.planIndex.whenIdle();
    await setSetting('maxFileSizeMB', 0.001);
    try {
      const diags = await waitForDiagnostics(uri, hasCode('file-too-large'), 'file-too-large');
      assert.equal(diags.length, 1);
      assert.match(diags[0]!.message, /more than the limit of 1 KB.*workback\.maxFileSizeMB.*not checked/);
      assert.equal(api.planIndex.get(uri)?.tooLarge, true);
      assert.equal(api.planIndex.get(uri)?.result, undefined, 'not parsed');
      await setSetting('maxFileSizeMB', -1); // hostile: clamped to the minimum, 0.001 MB
      assert.equal(api.settings().maxFileSize, 1049);
    } finally {
      await setSetting('maxFileSizeMB', undefined);
    }
    // other copies of the MFA example in the workspace book the same people: that information only
    const checkedAgain = (d: vscode.Diagnostic[]): boolean =>
      isEmpty(d.filter((x) => codeOf(x) !== 'overbooked-across-plans'));
    await waitForDiagnostics(uri, checkedAgain, 'checked again under the default limit');
    assert.ok(checkedAgain(workbackDiagnostics(uri)));
    assert.equal(vscode.workspace.getConfiguration('workback').get('maxFileSizeMB'), 5);
  });

  it('checks a large plan (over 1 MB) off the typing path, and says so', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'large.workback.yaml');
    const plan = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('plans', 'mfa.workback.yaml')));
    const filler = `# ${'x'.repeat(97)}\n`.repeat(11000); // 1.1 MB of comments
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(filler + plan));
    try {
      const entry = await waitFor(() => api.planIndex.get(uri), 'the large plan indexed', 30000);
      assert.equal(entry.large, true);
      assert.equal(entry.tooLarge, false);
      assert.ok(entry.result, 'parsed');
      assert.deepEqual(entry.diagnostics, []);
      const status = describePlan(entry, false);
      assert.equal(status.text, 'Goal feasible · minimum slack 25 workdays');
      assert.match(status.detail, /large file: checked 1 s after typing stops/);
      console.log(`      ${(entry.size / 1e6).toFixed(1)} MB checked in ${entry.checkMs.toFixed(0)} ms`);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
