/**
 * Document symbols (outline, breadcrumbs: goal, people, milestones with their tasks) and
 * workspace symbols (tasks and milestones of every plan the index knows).
 */
import * as vscode from 'vscode';
import { outline, inertText, type OutlineKind, type OutlineNode, type LineIndex } from '../../core';
import type { PlanIndex } from '../planIndex';
import type { PlanDocuments } from './planDocuments';
import { spanRange } from '../convert';

const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  goal: vscode.SymbolKind.Event,
  people: vscode.SymbolKind.Namespace,
  person: vscode.SymbolKind.Field,
  milestone: vscode.SymbolKind.Module,
  checkpoint: vscode.SymbolKind.Event,
  task: vscode.SymbolKind.Function,
};

function toSymbol(lines: LineIndex, n: OutlineNode): vscode.DocumentSymbol {
  const range = spanRange(lines, n.span);
  const selection = spanRange(lines, n.selection);
  const s = new vscode.DocumentSymbol(n.name, n.detail, KINDS[n.kind], range.union(selection), selection);
  s.children = n.children.map((c) => toSymbol(lines, c));
  return s;
}

export class PlanDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly docs: PlanDocuments) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const r = this.docs.current(doc);
    if (!r?.plan) return [];
    return outline(r.plan, r.lines.text).map((n) => toSymbol(r.lines, n));
  }
}

/** Case-insensitive: the query's characters appear in order in the text. */
export function fuzzyMatch(query: string, text: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  let i = 0;
  for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
  return i === q.length;
}

const MAX_RESULTS = 2000;

export class PlanWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: PlanIndex) {}

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    await this.index.start();
    // the first search of a session waits (a little) for the workspace's plans to be read
    await Promise.race([this.index.whenIdle(), new Promise((r) => setTimeout(r, 3000))]);
    const out: vscode.SymbolInformation[] = [];
    for (const entry of this.index.all()) {
      if (token.isCancellationRequested) break;
      const r = entry.result;
      const plan = r?.plan;
      if (!r || !plan) continue;
      const planTitle = inertText(plan.title || vscode.workspace.asRelativePath(entry.uri), 80);
      for (const m of plan.milestones) {
        for (const item of [m, ...m.tasks]) {
          const name = `${item.id} — ${inertText(item.title, 120)}`;
          if (query && !fuzzyMatch(query, name)) continue;
          const kind =
            item.kind === 'task'
              ? vscode.SymbolKind.Function
              : item.tasks.length
                ? vscode.SymbolKind.Module
                : vscode.SymbolKind.Event;
          const container = item.kind === 'task' ? `${item.milestone} · ${planTitle}` : planTitle;
          out.push(
            new vscode.SymbolInformation(
              name,
              kind,
              container,
              new vscode.Location(entry.uri, spanRange(r.lines, item.idSpan)),
            ),
          );
          if (out.length >= MAX_RESULTS) return out;
        }
      }
    }
    return out;
  }
}
