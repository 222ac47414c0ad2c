import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fromCivil, formatDay } from '../../src/core';
import { describePlan } from '../../src/extension/languageStatus';
import { localDay, msUntilNextLocalMidnight, TodayClock, type Clock } from '../../src/extension/today';
import { codeOf, codes, fixture, getApi, hasCode, isEmpty, openPlan, setSetting, waitForDiagnostics } from './helpers';

describe('today', () => {
  afterEach(async () => {
    await setSetting('today', '2026-07-01');
  });

  it('is pinned by workback.today in the fixture workspace', async () => {
    const api = await getApi();
    assert.equal(formatDay(api.today.today), '2026-07-01');
    assert.equal(api.today.pinned, true);
  });

  it('changing workback.today changes the date-dependent problems', async () => {
    const doc = await openPlan('plans', 'overdue.workback.yml');
    await waitForDiagnostics(doc.uri, isEmpty, 'a clean plan on 2026-07-01');
    const api = await getApi();
    await api.planIndex.whenIdle();
    assert.equal(describePlan(api.planIndex.get(doc.uri), true).text, 'Goal feasible · minimum slack 6 workdays');

    await setSetting('today', '2026-07-20');
    const diags = await waitForDiagnostics(doc.uri, hasCode('task-overdue'), 'task-overdue');
    const overdue = diags.find((d) => codeOf(d) === 'task-overdue')!;
    assert.equal(doc.getText(overdue.range), 'backups');
    // the code links to its section of docs/diagnostics.md, shipped with the extension
    const link = overdue.code as { value: string; target: vscode.Uri };
    assert.equal(link.target.fragment, 'task-overdue');
    assert.match(link.target.path, /\/docs\/diagnostics\.md$/);
    const docs = new TextDecoder().decode(await vscode.workspace.fs.readFile(link.target.with({ fragment: '' })));
    assert.match(docs, /^### `task-overdue`$/m, 'the section the link points to');
    assert.deepEqual(codes(doc.uri), ['goal-infeasible', 'task-overdue']);
    await api.planIndex.whenIdle();
    assert.equal(describePlan(api.planIndex.get(doc.uri), true).text, 'Goal 7 workdays short');

    await setSetting('today', '2026-07-01');
    await waitForDiagnostics(doc.uri, isEmpty, 'clean again on 2026-07-01');
  });

  it('earliest dates past 2199: the status says slack was not computed, not that every task is done', async () => {
    const doc = await openPlan('plans', 'overdue.workback.yml');
    await waitForDiagnostics(doc.uri, isEmpty, 'a clean plan on 2026-07-01');
    await setSetting('today', '2199-12-31'); // backups (2d) would end on 1 Jan 2200
    await waitForDiagnostics(doc.uri, hasCode('earliest-out-of-range'), 'earliest-out-of-range');
    const api = await getApi();
    await api.planIndex.whenIdle();
    const status = describePlan(api.planIndex.get(doc.uri), true);
    assert.equal(status.text, 'Slack not computed: earliest dates past 2199');
    assert.equal(status.severity, vscode.LanguageStatusSeverity.Warning);
  });

  it('an invalid workback.today falls back to the real date, with a warning', async () => {
    const api = await getApi();
    await setSetting('today', '2026-02-30');
    const now = new Date();
    assert.equal(api.today.pinned, false);
    assert.equal(api.today.today, fromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  });

  it('checks every indexed plan against the new day', async () => {
    const api = await getApi();
    await api.planIndex.start();
    const uri = fixture('plans', 'mfa.workback.yaml');
    await api.planIndex.whenIdle();
    await setSetting('today', '2026-10-01'); // after the goal's due date: every open task is overdue
    await waitForDiagnostics(uri, hasCode('task-overdue'), 'task-overdue in mfa');
  });
});

describe('the clock', () => {
  /** A fake clock: `now` moves only when told; the last timer can be fired by hand. */
  function fakeClock(start: Date): Clock & { set(d: Date): void; fire(): void; delay: number | undefined } {
    let now = start;
    let pending: (() => void) | undefined;
    const c = {
      delay: undefined as number | undefined,
      now: () => now,
      setTimeout: (fn: () => void, ms: number) => {
        pending = fn;
        c.delay = ms;
        return 1;
      },
      clearTimeout: () => {
        pending = undefined;
      },
      set: (d: Date) => {
        now = d;
      },
      fire: () => {
        const f = pending;
        pending = undefined;
        f?.();
      },
    };
    return c;
  }

  it('turns the local calendar date into a core day', () => {
    assert.equal(localDay(new Date(2026, 6, 1, 0, 0, 0)), fromCivil(2026, 7, 1));
    assert.equal(localDay(new Date(2026, 6, 1, 23, 59, 59)), fromCivil(2026, 7, 1));
    assert.equal(msUntilNextLocalMidnight(new Date(2026, 6, 1, 23, 59, 0)), 60000);
  });

  it('rolls over at local midnight without a reload and re-arms', () => {
    const clock = fakeClock(new Date(2026, 6, 1, 23, 59, 0));
    const today = new TodayClock(undefined, clock);
    try {
      const seen: number[] = [];
      today.onDidChange((d) => seen.push(d));
      assert.equal(today.today, fromCivil(2026, 7, 1));
      assert.ok(
        clock.delay !== undefined && clock.delay > 60000 && clock.delay < 62000,
        `timer set for ${clock.delay} ms`,
      );
      clock.set(new Date(2026, 6, 2, 0, 0, 1));
      clock.fire();
      assert.equal(today.today, fromCivil(2026, 7, 2));
      assert.deepEqual(seen, [fromCivil(2026, 7, 2)]);
      assert.equal(clock.delay, 60 * 60 * 1000, 're-armed, never sleeping more than an hour');
    } finally {
      today.dispose();
    }
  });

  it('a pinned day does not move at midnight', () => {
    const clock = fakeClock(new Date(2026, 6, 1, 23, 59, 0));
    const today = new TodayClock(fromCivil(2026, 1, 5), clock);
    try {
      clock.set(new Date(2026, 6, 2, 0, 0, 1));
      clock.fire();
      assert.equal(today.today, fromCivil(2026, 1, 5));
      today.setPinned(undefined);
      assert.equal(today.today, fromCivil(2026, 7, 2));
    } finally {
      today.dispose();
    }
  });
});
