/**
 * `Workback: New Plan…` (workback.newPlan): pick a template, give a title and a due date,
 * and get an untitled plan or a `<slug>.workback.yaml` file in the workspace. Dates in the
 * template count from today. Arguments skip the questions (tests, other commands):
 * `{ template, title, due, target: 'untitled' | 'file', folder }`.
 */
import * as vscode from 'vscode';
import { formatDay, formatDayHuman, parseDay, type Day } from '../../core';
import type { PlanTemplate } from '../../templates';
import { templates } from './templates';
import { LANGUAGE_ID } from '../planFiles';

export const NEW_PLAN_COMMAND = 'workback.newPlan';

export interface NewPlanArgs {
  template?: string;
  title?: string;
  /** YYYY-MM-DD */
  due?: string;
  target?: 'untitled' | 'file';
  folder?: vscode.Uri;
}

/** Why a due date is not acceptable, or undefined. */
export function dueProblem(text: string, today: Day): string | undefined {
  const d = parseDay(text.trim());
  if (d === 'format') return 'A date as YYYY-MM-DD, for example ' + formatDay(today + 90);
  if (d === 'not-a-date') return `${text.trim()} is not a real calendar day.`;
  if (d === 'out-of-range') return 'Plans use years 1970 to 2199.';
  if (d <= today) return 'The due date must be after today.';
  return undefined;
}

export async function newPlan(today: Day, args: NewPlanArgs = {}): Promise<vscode.TextDocument | undefined> {
  const { slugOf, templateById } = templates();
  const template = args.template !== undefined ? templateById(args.template) : await pickTemplate();
  if (!template) {
    if (args.template !== undefined)
      void vscode.window.showErrorMessage(`Workback: there is no plan template "${args.template}".`);
    return undefined;
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `New plan from "${template.label}" (1/3)`,
      ignoreFocusOut: true, // (a walkthrough moves the focus on as the command starts)
      prompt: "The plan's title",
      value: template.label,
      validateInput: (v) =>
        v.trim() ? (v.length > 500 ? 'At most 500 characters.' : undefined) : 'A plan needs a title.',
    }));
  if (title === undefined || !title.trim()) return undefined;
  const suggested = formatDay(today + template.defaultWeeks * 7);
  const dueText =
    args.due ??
    (await vscode.window.showInputBox({
      title: `New plan from "${template.label}" (2/3)`,
      ignoreFocusOut: true,
      prompt: "The goal's hard deadline (YYYY-MM-DD): the plan is worked back from it",
      value: suggested,
      validateInput: (v) => dueProblem(v, today),
    }));
  if (dueText === undefined) return undefined;
  const problem = dueProblem(dueText, today);
  if (problem) {
    void vscode.window.showErrorMessage(`Workback: ${problem}`);
    return undefined;
  }
  const due = parseDay(dueText.trim()) as Day;
  const content = template.render({ title: title.trim(), due, today });
  const folder = args.folder ?? defaultFolder();
  const target = args.target ?? (await pickTarget(folder, slugOf(title)));
  if (!target) return undefined;
  if (target === 'untitled' || !folder) return untitledPlan(folder, slugOf(title), content);
  try {
    const uri = await freeName(folder, slugOf(title));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false }); // a tab that stays
    void vscode.window.showInformationMessage(
      `Workback: created ${vscode.workspace.asRelativePath(uri)}, due ${formatDayHuman(due, true)}.`,
    );
    return doc;
  } catch (e) {
    void vscode.window.showErrorMessage(
      `Workback: could not create the plan file: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
}

/**
 * An untitled plan named `<slug>.workback.yaml` (Save proposes that name, in the workspace
 * folder), with a name no open document has.
 */
async function untitledPlan(
  folder: vscode.Uri | undefined,
  slug: string,
  content: string,
): Promise<vscode.TextDocument> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let uri: vscode.Uri | undefined;
  for (let n = 1; !uri || open.has(uri.toString()); n++) {
    const name = `${slug}${n === 1 ? '' : `-${n}`}.workback.yaml`;
    uri = folder
      ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' })
      : vscode.Uri.from({ scheme: 'untitled', path: name });
  }
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('could not write the plan into the new document');
  await vscode.window.showTextDocument(doc, { preview: false }); // a tab that stays
  return doc;
}

async function pickTemplate(): Promise<PlanTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    templates().TEMPLATES.map((t) => ({
      label: t.label,
      description: `about ${t.defaultWeeks} weeks`,
      detail: t.description,
      template: t,
    })),
    { title: 'New Workback plan: choose a template', matchOnDetail: true, ignoreFocusOut: true },
  );
  return picked?.template;
}

async function pickTarget(folder: vscode.Uri | undefined, slug: string): Promise<'untitled' | 'file' | undefined> {
  if (!folder) return 'untitled';
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: `${slug}.workback.yaml`,
        description: `new file in ${vscode.workspace.asRelativePath(folder) || folder.path}`,
        target: 'file' as const,
      },
      { label: 'Untitled plan', description: 'save it where you like later', target: 'untitled' as const },
    ],
    { title: 'New Workback plan (3/3): where?', ignoreFocusOut: true },
  );
  return picked?.target;
}

/** The folder of the active plan's workspace folder, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const f = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return f?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function freeName(folder: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; n < 1000; n++) {
    const uri = vscode.Uri.joinPath(folder, `${slug}${n === 1 ? '' : `-${n}`}.workback.yaml`);
    if (!(await exists(uri))) return uri;
  }
  throw new Error(`too many files named ${slug}-N.workback.yaml`);
}
