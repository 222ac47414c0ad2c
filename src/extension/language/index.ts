/**
 * The language features of plan files: completion, hover, definition, references, rename,
 * document and workspace symbols, quick fixes, start-by lenses, and `Workback: New Plan…`.
 * Thin adapters over src/core/editing; every feature reads the checked text through
 * PlanDocuments (the plan index's result when it is current, else one check per version).
 */
import * as vscode from 'vscode';
import type { Day } from '../../core';
import type { PlanIndex } from '../planIndex';
import { LANGUAGE_ID } from '../planFiles';
import { PlanCodeActionProvider } from './codeActions';
import { PlanCodeLensProvider } from './codeLens';
import { PlanCompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { PlanHoverProvider } from './hover';
import { PlanNavigationProvider } from './navigation';
import { newPlan, NEW_PLAN_COMMAND, type NewPlanArgs } from './newPlan';
import { PlanDocuments } from './planDocuments';
import { PlanDocumentSymbolProvider, PlanWorkspaceSymbolProvider } from './symbols';

export interface LanguageDeps {
  planIndex: PlanIndex;
  today: { readonly today: Day };
  log: vscode.LogOutputChannel;
}

/** Plan documents in every scheme the workspace may use (file, untitled, virtual file systems). */
const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

export function registerLanguageFeatures(deps: LanguageDeps): vscode.Disposable {
  const today = (): Day => deps.today.today;
  const docs = new PlanDocuments(deps.planIndex, today);
  const navigation = new PlanNavigationProvider(docs);
  const lenses = new PlanCodeLensProvider(docs, deps.planIndex);
  const L = vscode.languages;
  return vscode.Disposable.from(
    docs,
    lenses,
    L.registerCompletionItemProvider(SELECTOR, new PlanCompletionProvider(docs, today), ...TRIGGER_CHARACTERS),
    L.registerHoverProvider(SELECTOR, new PlanHoverProvider(docs)),
    L.registerDefinitionProvider(SELECTOR, navigation),
    L.registerReferenceProvider(SELECTOR, navigation),
    L.registerRenameProvider(SELECTOR, navigation),
    L.registerDocumentSymbolProvider(SELECTOR, new PlanDocumentSymbolProvider(docs), { label: 'Workback' }),
    L.registerWorkspaceSymbolProvider(new PlanWorkspaceSymbolProvider(deps.planIndex)),
    L.registerCodeActionsProvider(SELECTOR, new PlanCodeActionProvider(docs, today), PlanCodeActionProvider.metadata),
    L.registerCodeLensProvider(SELECTOR, lenses),
    vscode.commands.registerCommand(NEW_PLAN_COMMAND, async (args?: NewPlanArgs) => {
      try {
        return await newPlan(today(), args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {});
      } catch (e) {
        deps.log.error(`New Plan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void vscode.window.showErrorMessage(`Workback: New Plan failed: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
  );
}
