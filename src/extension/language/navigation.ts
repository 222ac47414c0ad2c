/**
 * Go to definition, find all references and rename for task, milestone and person ids
 * (src/core/editing/symbols.ts, rename.ts). A rename is one WorkspaceEdit over every
 * occurrence; an invalid id or one already taken is refused with a message.
 */
import * as vscode from 'vscode';
import { definitionOf, occurrenceAt, prepareRename, referencesOf, renameEdits } from '../../core';
import type { PlanDocuments } from './planDocuments';
import { addEdits, spanRange } from '../convert';

export class PlanNavigationProvider
  implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.RenameProvider
{
  constructor(private readonly docs: PlanDocuments) {}

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const r = this.docs.current(doc);
    const occ = r?.plan && occurrenceAt(r.plan, doc.offsetAt(position));
    if (!r?.plan || !occ) return undefined;
    const def = definitionOf(r.plan, occ.kind, occ.id);
    return def && new vscode.Location(doc.uri, spanRange(r.lines, def.span));
  }

  provideReferences(
    doc: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] {
    const r = this.docs.current(doc);
    const occ = r?.plan && occurrenceAt(r.plan, doc.offsetAt(position));
    if (!r?.plan || !occ) return [];
    return referencesOf(r.plan, occ.kind, occ.id)
      .filter((o) => context.includeDeclaration || !o.definition)
      .map((o) => new vscode.Location(doc.uri, spanRange(r.lines, o.span)));
  }

  prepareRename(doc: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const r = this.docs.current(doc);
    if (!r?.plan) throw new Error('The plan does not parse: fix its syntax errors before renaming.');
    const t = prepareRename(r.lines.text, r.plan, doc.offsetAt(position));
    if ('error' in t) throw new Error(t.error);
    return { range: spanRange(r.lines, t.span), placeholder: t.placeholder };
  }

  provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const r = this.docs.current(doc);
    if (!r?.plan) throw new Error('The plan does not parse: fix its syntax errors before renaming.');
    const edits = renameEdits(r.lines.text, r.plan, doc.offsetAt(position), newName.trim());
    if ('error' in edits) throw new Error(edits.error);
    return addEdits(new vscode.WorkspaceEdit(), doc.uri, r.lines, edits);
  }
}
