/**
 * Start-by lenses (src/core/editing/lenses.ts): on each task's id line "start by Wed 5 Aug ·
 * slack 25 workdays · critical" (or "done"), on the goal its feasibility and "Open Timeline".
 * Setting `workback.lenses.enabled`; they follow the text through the plan index's changes.
 * While the text has errors (no schedule), each task keeps its last lens, moved to where its
 * id is now, so the lines do not jump as lenses vanish and come back while the user types.
 */
import * as vscode from 'vscode';
import { LineIndex, goalLensTitle, planLenses, reanchorLenses, type LensInfo } from '../../core';
import type { PlanIndex } from '../planIndex';
import type { PlanDocuments } from './planDocuments';
import { spanRange } from '../convert';

export const LENSES_SETTING = 'lenses.enabled';
export const OPEN_TIMELINE = 'workback.openTimeline';

export function lensesEnabled(): boolean {
  return vscode.workspace.getConfiguration('workback').get<boolean>(LENSES_SETTING, true) !== false;
}

export class PlanCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly docs: PlanDocuments,
    private readonly index: PlanIndex,
  ) {
    this.subscriptions = [
      this.emitter,
      index.onDidChange(({ changed, removed }) => {
        // VS Code asks every visible editor for lenses again: only when one of them changed
        const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
        if (changed.some((e) => visible.has(e.uri.toString())) || removed.some((u) => visible.has(u.toString())))
          this.emitter.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`workback.${LENSES_SETTING}`)) this.emitter.fire();
      }),
    ];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!lensesEnabled()) return [];
    const last = this.docs.lastScheduledOf(doc);
    const entry = this.index.get(doc.uri);
    const indexed = entry !== undefined && entry.source === 'document' && entry.version === doc.version;
    if (!indexed && entry && last) {
      // The index checks this version in a moment (and fires onDidChange, which asks again):
      // meanwhile the last lenses, moved with the text, and no second check of the same text.
      const lines = new LineIndex(doc.getText());
      return this.toLenses(
        doc,
        lines,
        reanchorLenses(
          lines.text,
          planLenses(last.plan, last.schedule, 0),
          goalLensTitle(last.schedule, 0, last.plan.goal.achievedOn),
        ),
      );
    }
    const r = indexed ? entry.result : this.docs.current(doc);
    if (!r) return [];
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    let lenses: LensInfo[];
    if (r.plan && r.schedule && r.schedule.items.length > 0) lenses = planLenses(r.plan, r.schedule, errors);
    else if (last)
      lenses = reanchorLenses(r.lines.text, planLenses(last.plan, last.schedule, 0), goalLensTitle(undefined, errors)); // keep the last dates in place
    else lenses = r.plan ? planLenses(r.plan, r.schedule, errors) : [];
    return this.toLenses(doc, r.lines, lenses);
  }

  private toLenses(doc: vscode.TextDocument, lines: LineIndex, lenses: readonly LensInfo[]): vscode.CodeLens[] {
    const out: vscode.CodeLens[] = [];
    for (const l of lenses) {
      const range = spanRange(lines, l.span);
      // a lens without a command id is shown as text
      out.push(new vscode.CodeLens(range, { title: l.title, command: '' }));
      if (l.kind === 'goal')
        out.push(
          new vscode.CodeLens(range, {
            title: 'Open Timeline',
            command: OPEN_TIMELINE,
            arguments: [doc.uri],
            tooltip: 'Show the plan on a timeline',
          }),
        );
    }
    return out;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
