/**
 * Hover and documentation markdown that plan text cannot abuse: Workback's own markdown is
 * appended as markdown, plan text (titles, names, emails) with appendText, which escapes it.
 * Not trusted, no HTML, no theme icons: no command links or markup can come from a plan.
 */
import * as vscode from 'vscode';
import type { HoverPart } from '../../core/editing';

export function inertMarkdown(parts: readonly HoverPart[] = []): vscode.MarkdownString {
  const ms = new vscode.MarkdownString('', false);
  ms.isTrusted = false;
  ms.supportHtml = false;
  for (const p of parts) {
    if (p.kind === 'md') ms.appendMarkdown(p.value);
    else ms.appendText(p.value);
  }
  return ms;
}
