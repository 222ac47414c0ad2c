/** The language status item on plan files: is the goal feasible, or how many problems. */
import * as vscode from 'vscode';
import { formatDay, slackState } from '../core';
import { LANGUAGE_ID } from './planFiles';
import type { PlanEntry, PlanIndex } from './planIndex';
import { LARGE_FILE_DEBOUNCE_MS } from './settings';
import type { TodayClock } from './today';
import { plural } from '../shared/wording';

export interface StatusText {
  text: string;
  detail: string;
  severity: vscode.LanguageStatusSeverity;
}

/** Pure: what the item says about one plan. */
export function describePlan(entry: PlanEntry | undefined, pinnedToday: boolean): StatusText {
  const S = vscode.LanguageStatusSeverity;
  if (!entry) return { text: 'Workback', detail: 'Checking…', severity: S.Information };
  const notes: string[] = [];
  if (pinnedToday) notes.push(`as of ${formatDay(entry.today)}`);
  if (entry.large && !entry.tooLarge)
    notes.push(`large file: checked ${LARGE_FILE_DEBOUNCE_MS / 1000} s after typing stops`);
  if (entry.tooLarge) {
    return { text: 'Plan not checked', detail: 'larger than workback.maxFileSizeMB', severity: S.Warning };
  }
  const errors = entry.diagnostics.filter((d) => d.severity === 'error').length;
  const schedule = entry.result?.schedule;
  let text: string;
  let severity = errors > 0 ? S.Error : S.Information;
  if (schedule && errors === 0) {
    const state = slackState(schedule);
    if (state.kind === 'all-done') text = 'Every task done';
    else if (state.kind === 'out-of-range') {
      text = 'Slack not computed: earliest dates past 2199';
      severity = S.Warning;
    } else if (state.workdays >= 0) text = `Goal feasible · minimum slack ${plural(state.workdays, 'workday')}`;
    else {
      text = `Goal ${plural(-state.workdays, 'workday')} short`;
      severity = S.Warning;
    }
    if (entry.diagnostics.length > 0) notes.unshift(plural(entry.diagnostics.length, 'problem'));
  } else {
    text = entry.diagnostics.length === 0 ? 'No problems' : plural(entry.diagnostics.length, 'problem');
  }
  return { text, detail: notes.join(' · '), severity };
}

export function registerLanguageStatus(index: PlanIndex, clock: TodayClock): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('workback.status', { language: LANGUAGE_ID });
  item.name = 'Workback Plan';
  item.command = { title: 'Problems', tooltip: 'Show the Problems panel', command: 'workbench.actions.view.problems' };
  const update = (): void => {
    try {
      const doc = vscode.window.activeTextEditor?.document;
      const entry = doc && index.get(doc.uri);
      const s = describePlan(entry, clock.pinned);
      item.text = s.text;
      item.detail = s.detail;
      item.severity = s.severity;
      item.busy = !entry;
    } catch {
      // the status line is best effort
    }
  };
  update();
  const concernsActive = (uris: readonly vscode.Uri[]): boolean => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    return active !== undefined && uris.some((u) => u.toString() === active);
  };
  return vscode.Disposable.from(
    item,
    index.onDidChange(({ changed, removed }) => {
      if (concernsActive(removed) || concernsActive(changed.map((e) => e.uri))) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
