/**
 * "Workback: Status Report": the report of every plan of the workspace (core `statusReport`,
 * as `workback report` writes it), opened in the Markdown preview. The text is served by a
 * read-only document of its own scheme: nothing is written to disk, and a new report replaces it.
 */
import * as vscode from 'vscode';
import type { PlanFile } from '../core';
import { onDemand } from './onDemand/load';
import type { PlanIndex } from './planIndex';
import type { TodayClock } from './today';

export const REPORT_URI = vscode.Uri.from({ scheme: 'workback-report', path: '/Status report.md' });

class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  text = '';

  set(text: string): void {
    this.text = text;
    this.emitter.fire(REPORT_URI);
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Options of the command (automation, tests): the report for one person (an id or an email). */
export interface StatusReportArgs {
  for?: string;
}

export function registerStatusReport(planIndex: PlanIndex, today: TodayClock): vscode.Disposable {
  const docs = new ReportDocuments();
  return vscode.Disposable.from(
    docs,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_URI.scheme, docs),
    vscode.commands.registerCommand('workback.statusReport', async (args?: StatusReportArgs) => {
      const text = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Workback: writing the status report' },
        async () => {
          await planIndex.start();
          await planIndex.whenIdle();
          const files: PlanFile[] = [];
          for (const e of planIndex.all()) {
            const r = e.result;
            if (r?.plan && r.schedule)
              files.push({ file: vscode.workspace.asRelativePath(e.uri), plan: r.plan, schedule: r.schedule });
          }
          files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
          const forWhom = typeof args?.for === 'string' && args.for.trim() ? [args.for.trim()] : undefined;
          const { statusReport, statusReportMarkdown } = onDemand();
          return statusReportMarkdown(statusReport(files, today.today, forWhom), today.today, forWhom?.[0]);
        },
      );
      docs.set(text);
      await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
      return text;
    }),
  );
}
