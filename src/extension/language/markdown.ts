/**
 * Hover and documentation markdown that plan text cannot abuse: Workback's own markdown is
 * appended as markdown; plan text (titles, names, emails) is made inert and every ASCII
 * punctuation character escaped (markdownEscape), which keeps its spaces (appendText would
 * turn them into &nbsp; and long titles would not wrap). Not trusted, no HTML, no theme
 * icons: no command link or markup can come from a plan.
 */
import * as vscode from 'vscode';
import { markdownEscape, type HoverPart } from '../../core';

export function inertMarkdown(parts: readonly HoverPart[] = []): vscode.MarkdownString {
  const ms = new vscode.MarkdownString('', false);
  ms.isTrusted = false;
  ms.supportHtml = false;
  ms.supportThemeIcons = false;
  for (const p of parts) ms.appendMarkdown(p.kind === 'md' ? p.value : markdownEscape(p.value));
  return ms;
}
