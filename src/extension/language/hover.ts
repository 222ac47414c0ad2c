/** Hovers: key documentation, computed dates of tasks and milestones, people (src/core/editing/hover.ts). */
import * as vscode from 'vscode';
import { hoverAt, keyHover } from '../../core';
import { inertMarkdown } from './markdown';
import type { PlanDocuments } from './planDocuments';
import { spanRange } from '../convert';

export class PlanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly docs: PlanDocuments) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.docs.current(doc);
    const offset = doc.offsetAt(position);
    if (!result) {
      const info = keyHover(doc.getText(), offset);
      return (
        info &&
        new vscode.Hover(
          inertMarkdown(info.parts),
          new vscode.Range(doc.positionAt(info.span.start), doc.positionAt(info.span.end)),
        )
      );
    }
    const info = hoverAt(result.lines.text, offset, { plan: result.plan, schedule: result.schedule });
    if (!info) return undefined;
    return new vscode.Hover(inertMarkdown(info.parts), spanRange(result.lines, info.span));
  }
}
