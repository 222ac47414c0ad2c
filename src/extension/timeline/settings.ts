/** The timeline's settings (`workback.timeline.*`), clamped. */
import * as vscode from 'vscode';
import { LIMITS } from '../../shared/protocol';
import type { TimelineLimits } from './model';

/**
 * Rows drawn at most before the panel offers a milestone or a date window instead. Chosen
 * from screenshots of generated plans in a 1400x900 window: at 22 px a row, past about 70
 * rows the chart is taller than two screens, the bars of a multi-month plan are a few pixels
 * wide and their labels overlap their neighbours' (see docs in the report of issue 6).
 */
export const MAX_ROWS = { default: 70, min: 10, max: 2000 };

export function readTimelineLimits(): TimelineLimits {
  const raw = vscode.workspace.getConfiguration('workback.timeline').get<unknown>('maxRows');
  let maxRows = MAX_ROWS.default;
  if (typeof raw === 'number' && Number.isFinite(raw))
    maxRows = Math.min(MAX_ROWS.max, Math.max(MAX_ROWS.min, Math.round(raw)));
  return { maxRows, maxTextSize: LIMITS.maxTextSize };
}
