/**
 * "Workback: Export My Calendar…" in the real VS Code: the file it writes, read back by an
 * independent iCalendar parser (ical.js), holds every deadline of mine that the core's
 * calendarEvents gives for the workspace's plans (today pinned to Wed 1 Jul 2026), with the
 * UIDs `workback ics` gives when run from the workspace root.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { calendarEvents, checkPlan, parseDay, toICalendar, type Day, type PlanFile } from '../../src/core';
import { meFromSetting } from '../../src/extension/sidebar/identity';
import { getApi, setSetting, waitFor } from './helpers';

interface IcalEvent {
  uid: string;
  summary: string;
  startDate: { toString(): string };
}
interface IcalJs {
  parse(text: string): unknown;
  Component: new (data: unknown) => { getAllSubcomponents(name: string): unknown[] };
  Event: new (component: unknown) => IcalEvent;
}
const ICAL = require('ical.js') as IcalJs;

function events(ics: string): { uid: string; summary: string; start: string }[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toString() };
  });
}

describe('Export My Calendar', function () {
  this.timeout(60000);
  let tmp: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'workback-calendar-'));
  });
  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await setSetting('me', undefined);
  });

  it('writes my deadlines across the workspace, as workback ics would from its root', async () => {
    const api = await getApi();
    await api.planIndex.start();
    await api.planIndex.whenIdle();
    await setSetting('me', 'mira@sidebar.example');
    await waitFor(async () => {
      await api.sidebar.whenFresh();
      return JSON.stringify(api.sidebar.model.identity.me) === JSON.stringify(meFromSetting('mira@sidebar.example'));
    }, 'the sidebar knows who I am');
    const target = vscode.Uri.file(path.join(tmp, 'mira.ics'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('workback.exportCalendar', target);
    assert.equal(written?.toString(), target.toString());
    const got = events(readFileSync(target.fsPath, 'utf8'));

    // the same plans through the core, named as the CLI names them from the workspace root
    const today = parseDay('2026-07-01') as Day;
    const files: PlanFile[] = [];
    for (const uri of await vscode.workspace.findFiles('**/*.workback.{yaml,yml}')) {
      const r = checkPlan(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), { today });
      if (r.plan && r.schedule && !r.diagnostics.some((d) => d.severity === 'error'))
        files.push({ file: vscode.workspace.asRelativePath(uri), plan: r.plan, schedule: r.schedule });
    }
    const want = events(
      toICalendar(calendarEvents(files, ['mira@sidebar.example'], today), {
        stamp: today,
        product: '-',
        name: '-',
      }),
    );
    assert.ok(want.length >= 3, `${want.length} deadlines`);
    assert.deepEqual(got, want);
    assert.ok(got.some((e) => e.summary.startsWith('Start by: ')));
    assert.ok(got.some((e) => e.summary.startsWith('Follow up with ')));
  });

  it('with no deadline of mine, says so and writes nothing', async () => {
    await setSetting('me', 'nobody-at-all@example.com');
    const api = await getApi();
    await waitFor(async () => {
      await api.sidebar.whenFresh();
      return api.sidebar.model.identity.me.includes('nobody-at-all@example.com');
    }, 'the sidebar knows who I am');
    const target = vscode.Uri.file(path.join(tmp, 'nobody.ics'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('workback.exportCalendar', target);
    assert.equal(written, undefined);
    await assert.rejects(async () => {
      await vscode.workspace.fs.stat(target);
    });
  });
});
