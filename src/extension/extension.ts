/**
 * Wiring only: create the log, the clock, the plan index and its subscribers, register
 * commands, and return a small API for the integration tests. Nothing is parsed here.
 */
import * as vscode from 'vscode';
import { checkAllPlans } from './checkAll';
import { registerStatusReport } from './statusReport';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageStatus } from './languageStatus';
import { PlanIndex } from './planIndex';
import { changesChecks, describeToday, readSettings, type Settings } from './settings';
import { TodayClock } from './today';
import { registerTimeline, type TimelineApi } from './timeline';
import { registerSidebar, type SidebarApi } from './sidebar';
import { registerLanguageFeatures } from './language';

export interface WorkbackApi {
  readonly planIndex: PlanIndex;
  readonly diagnostics: vscode.DiagnosticCollection;
  readonly today: TodayClock;
  readonly log: vscode.LogOutputChannel;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  settings(): Settings;
  /** The timeline panel (test hook). */
  readonly timeline: TimelineApi;
  /** The sidebar's views, model and status item (test hook). */
  readonly sidebar: SidebarApi;
}

export function activate(context: vscode.ExtensionContext): WorkbackApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Workback', { log: true });
  context.subscriptions.push(log);

  let settings = loadSettings(log, new Set());
  const shown = new Set<string>();
  const today = new TodayClock(settings.pinnedToday);
  const planIndex = new PlanIndex({ log, today: () => today.today, settings: () => settings });
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md');
  const { collection, disposable: diagnostics } = registerDiagnostics(planIndex, log, docs);
  const timeline = registerTimeline(context.extensionUri, planIndex, log);
  const sidebar = registerSidebar(context, { planIndex, today, log });
  context.subscriptions.push(
    today,
    planIndex,
    diagnostics,
    registerLanguageStatus(planIndex, today),
    registerLanguageFeatures({ planIndex, today, log }),
    timeline,
    today.onDidChange(() => {
      log.info(`today is now ${describeToday(settings)}`);
      planIndex.recheckAll();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('workback')) return;
      const before = settings;
      settings = loadSettings(log, shown);
      today.setPinned(settings.pinnedToday); // fires onDidChange (and a recheck) when the day moves
      if (changesChecks(before, settings)) planIndex.recheckAll();
    }),
    vscode.commands.registerCommand('workback.showLog', () => log.show()),
    vscode.commands.registerCommand('workback.checkPlans', () => checkAllPlans(planIndex, log)),
    registerStatusReport(planIndex, today),
  );

  const activationMs = performance.now() - t0;
  log.info(`activated in ${activationMs.toFixed(1)} ms (VS Code ${vscode.version}, today: ${describeToday(settings)})`);
  return {
    planIndex,
    diagnostics: collection,
    today,
    log,
    activationMs,
    settings: () => settings,
    timeline: timeline.api,
    sidebar,
  };
}

/** Read the settings; warn once per distinct problem. */
function loadSettings(log: vscode.LogOutputChannel, shown: Set<string>): Settings {
  const { settings, warnings } = readSettings();
  for (const w of warnings) {
    log.warn(w.message);
    if (!shown.has(w.message)) {
      shown.add(w.message);
      void vscode.window.showWarningMessage(`Workback: ${w.message}`);
    }
  }
  return settings;
}

export function deactivate(): void {
  // everything is in context.subscriptions
}
