/**
 * Completion in plans: keys from the schema, enum values, task and milestone ids in
 * depends_on, person ids, dates and durations (src/core/editing/completions.ts). Works on
 * half-typed text; the ids and people come from the newest plan known for the document.
 */
import * as vscode from 'vscode';
import type { Day } from '../../core';
import { completionsAt, type CompletionEntry, type CompletionKind } from '../../core/editing';
import { inertMarkdown } from './markdown';
import type { PlanDocuments } from './planDocuments';

export const TRIGGER_CHARACTERS = [' ', '[', ',', ':', '-'];

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  task: vscode.CompletionItemKind.Event,
  milestone: vscode.CompletionItemKind.Module,
  person: vscode.CompletionItemKind.User,
  date: vscode.CompletionItemKind.Constant,
  duration: vscode.CompletionItemKind.Unit,
  boolean: vscode.CompletionItemKind.Value,
  value: vscode.CompletionItemKind.Value,
};

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly docs: PlanDocuments, private readonly today: () => Day) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const data = this.docs.latest(doc);
    const { items } = completionsAt(text, offset, { plan: data.plan, schedule: data.schedule, today: this.today() });
    return items.map((e) => toItem(doc, position, e));
  }
}

function toItem(doc: vscode.TextDocument, position: vscode.Position, e: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(e.label, KINDS[e.kind]);
  item.insertText = new vscode.SnippetString(e.insert);
  let start = doc.positionAt(e.replace.start);
  let end = doc.positionAt(e.replace.end);
  // a completion's range is on the cursor's line and holds the cursor
  if (start.line !== position.line || start.isAfter(position)) start = position;
  if (end.line !== position.line || end.isBefore(position)) end = position;
  item.range = new vscode.Range(start, end);
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.markdown !== undefined) item.documentation = inertMarkdown([{ kind: 'md', value: e.markdown }]);
  else if (e.text !== undefined) item.documentation = inertMarkdown([{ kind: 'text', value: e.text }]);
  item.sortText = e.sortText;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
