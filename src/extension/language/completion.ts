/**
 * Completion in plans: keys from the schema, enum values, task and milestone ids in
 * depends_on, person ids, dates and durations (src/core/editing/completions.ts). Works on
 * half-typed text; the ids and people come from the newest plan known for the document.
 */
import * as vscode from 'vscode';
import { completionsAt, type CompletionEntry, type CompletionKind, type Day } from '../../core';
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

/** An item whose plain-text documentation is computed when the editor shows it. */
class PlanCompletionItem extends vscode.CompletionItem {
  lazyText?: () => string;
}

export class PlanCompletionProvider implements vscode.CompletionItemProvider<PlanCompletionItem> {
  constructor(
    private readonly docs: PlanDocuments,
    private readonly today: () => Day,
  ) {}

  provideCompletionItems(
    doc: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionList<PlanCompletionItem> {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const data = this.docs.latest(doc);
    const { items, incomplete } = completionsAt(text, offset, {
      plan: data.plan,
      schedule: data.schedule,
      today: this.today(),
    });
    if (!items.length) return new vscode.CompletionList([], false);
    // every item replaces the same word: positions are computed once
    const first = items[0]!.replace;
    const shared = items.every((e) => e.replace.start === first.start && e.replace.end === first.end)
      ? rangeOf(doc, position, first.start, first.end)
      : undefined;
    return new vscode.CompletionList(
      items.map((e) => toItem(e, shared ?? rangeOf(doc, position, e.replace.start, e.replace.end))),
      incomplete,
    );
  }

  resolveCompletionItem(item: PlanCompletionItem): PlanCompletionItem {
    if (item.lazyText && item.documentation === undefined) item.documentation = item.lazyText();
    return item;
  }
}

/** A completion's range: on the cursor's line, holding the cursor. */
function rangeOf(
  doc: vscode.TextDocument,
  position: vscode.Position,
  startOffset: number,
  endOffset: number,
): vscode.Range {
  let start = doc.positionAt(startOffset);
  let end = doc.positionAt(endOffset);
  if (start.line !== position.line || start.isAfter(position)) start = position;
  if (end.line !== position.line || end.isBefore(position)) end = position;
  return new vscode.Range(start, end);
}

function toItem(e: CompletionEntry, range: vscode.Range): PlanCompletionItem {
  const item = new PlanCompletionItem(
    e.description !== undefined ? { label: e.label, description: e.description } : e.label,
    KINDS[e.kind],
  );
  item.insertText = new vscode.SnippetString(e.insert);
  item.range = range;
  if (e.detail !== undefined) item.detail = e.detail;
  // the schema's documentation is markdown written by Workback; plan text is plain text
  if (e.markdown !== undefined) item.documentation = inertMarkdown([{ kind: 'md', value: e.markdown }]);
  else if (e.lazyText) item.lazyText = e.lazyText;
  item.sortText = e.sortText;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
