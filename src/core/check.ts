/** checkPlan: parse, validate and (when a date is given) schedule a plan's text. */
import type { Day } from './day';
import type { Diagnostic } from './diagnostic';
import { LineIndex } from './lineIndex';
import type { Plan } from './model';
import type { Schedule } from './schedule/types';
import type { SourceNode } from './sourceTree';

export interface CheckOptions {
  /** Today's date: enables the schedule and the date-dependent checks. */
  today?: Day;
  /** Size cap in bytes (UTF-16 code units); default 5 MB. */
  maxSize?: number;
  /** Which YAML engine parses: `fast` (js-yaml events, default) or `yaml` (the round-tripping Document). */
  engine?: 'fast' | 'yaml';
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The typed plan, when the text parsed and passed the schema. */
  plan?: Plan;
  /** The schedule, when `today` was given and the plan has no errors. */
  schedule?: Schedule;
  tree?: SourceNode;
  lines: LineIndex;
}

export function checkPlan(text: string, _options: CheckOptions = {}): CheckResult {
  // Placeholder until the parser lands (same session): no diagnostics.
  return { diagnostics: [], lines: new LineIndex(text) };
}
