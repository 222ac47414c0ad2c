/**
 * "Workback: Export My Calendar…": my deadlines across the workspace's plans as an iCalendar
 * file (the core's calendarEvents and toICalendar, as `workback ics` writes it), for Outlook or
 * Google Calendar. Plans are named by their workspace-relative path (the folder's name first in
 * a workspace of several folders), as the CLI run from the workspace root names them, so both
 * give each event the same UID and a re-import updates it.
 */
import * as vscode from 'vscode';
import type { PlanFile } from '../../core';
import { onDemand } from '../onDemand/load';
import { plural } from '../../shared/wording';
import type { SidebarModel } from './model';

export interface ExportCalendarDeps {
  model: SidebarModel;
  log: vscode.LogOutputChannel;
}

/** Resolves to where the file was written; `target` (a URI) skips the save dialog. */
export async function exportCalendar(deps: ExportCalendarDeps, target?: unknown): Promise<vscode.Uri | undefined> {
  const snapshot = await deps.model.whenFresh();
  const me = deps.model.identity.me;
  if (me.length === 0) {
    const pick = await vscode.window.showInformationMessage(
      'Workback: who are you? Your calendar holds the deadlines of one person of the plans.',
      'Set Who I Am…',
    );
    if (pick) await vscode.commands.executeCommand('workback.setMe');
    return undefined;
  }
  const files: PlanFile[] = [...snapshot.plans.values()].map((pf) => ({
    ...pf,
    // with several workspace folders, the folder's name first: two folders' plan.workback.yaml stay apart
    file: vscode.workspace.asRelativePath(vscode.Uri.parse(pf.file)),
  }));
  const { calendarEvents, toICalendar } = onDemand();
  const events = calendarEvents(files, me, snapshot.today);
  if (events.length === 0) {
    void vscode.window.showInformationMessage(
      `Workback: no deadlines for ${me.join(', ')} in the plans without errors.`,
    );
    return undefined;
  }
  const uri = target instanceof vscode.Uri ? target : await askWhere(me);
  if (!uri) return undefined;
  const text = toICalendar(events, {
    stamp: snapshot.today,
    product: '-//Workback//Workback for VS Code//EN',
    name: `Workback: ${me.join(', ')}`,
  });
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    deps.log.error(`exporting the calendar to ${uri.toString()} failed: ${why}`);
    void vscode.window.showErrorMessage(`Workback: could not write ${vscode.workspace.asRelativePath(uri)}: ${why}`);
    return undefined;
  }
  deps.log.info(`calendar exported to ${uri.toString()}: ${events.length} events`);
  void vscode.window.showInformationMessage(
    `Workback: ${plural(events.length, 'deadline')} exported to ${vscode.workspace.asRelativePath(uri)}. Import it into Outlook or Google Calendar; importing it again updates the events.`,
  );
  return uri;
}

function askWhere(me: readonly string[]): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `workback-${me[0]!.replace(/[^A-Za-z0-9._-]+/g, '-')}.ics`;
  return vscode.window.showSaveDialog({
    title: 'Export my deadlines as a calendar',
    saveLabel: 'Export',
    filters: { iCalendar: ['ics'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
}
