/** checkPlan: parse, validate and (when a date is given) schedule a plan's text. Never throws. */
import type { Day } from './day';
import { describeFailure } from './failure';
import { severityRank, type Diagnostic, type RawDiagnostic } from './diagnostic';
import { LineIndex } from './lineIndex';
import type { Plan } from './model';
import { parseText, type Engine } from './parse/parseText';
import { schedulePlan } from './schedule';
import type { Schedule } from './schedule/types';
import type { SourceNode } from './sourceTree';
import { buildModel } from './validate/buildModel';
import { checkSchema } from './validate/schemaCheck';
import { checkSemantics } from './validate/semantic';

export interface CheckOptions {
  /** Today's date: enables the schedule and the date-dependent checks. */
  today?: Day;
  /** Size cap in UTF-16 code units; default 5 MB. */
  maxSize?: number;
  /**
   * Which YAML engine parses: `fast` (default: the block engine, a one-pass parser of the YAML
   * plans are written in, with the `yaml` engine behind it) or `yaml` (the round-tripping Document alone).
   */
  engine?: Engine;
  /** At most this many diagnostics are returned (default 1000); a last one counts the rest. */
  maxProblems?: number;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The typed plan, when the text parsed into a mapping (best effort when there are errors). */
  plan?: Plan;
  /** The schedule, when `today` was given and the plan has no errors. */
  schedule?: Schedule;
  tree?: SourceNode;
  lines: LineIndex;
  /** The engine that produced the tree. */
  engine: Engine;
}

export function checkPlan(text: string, options: CheckOptions = {}): CheckResult {
  const lines = new LineIndex(text);
  let raw: RawDiagnostic[] = [];
  let plan: Plan | undefined;
  let schedule: Schedule | undefined;
  let tree: SourceNode | undefined;
  let engine: Engine = options.engine ?? 'fast';
  const max = problemCap(options.maxProblems);
  /** Errors known to come after the first `max` problems, counted but not built. */
  let unlisted = 0;
  try {
    const parsed = parseText(text, options);
    engine = parsed.engine;
    tree = parsed.tree;
    raw = parsed.diagnostics;
    const fatal = raw.some((d) => d.severity === 'error');
    if (tree && !fatal) {
      const schema = checkSchema(tree, parsed.plain, max);
      append(raw, schema.diagnostics);
      unlisted = schema.unlisted;
      if (tree.kind === 'map') {
        const built = buildModel(tree);
        plan = built.plan;
        append(raw, built.diagnostics);
        append(raw, checkSemantics(plan));
        if (options.today !== undefined && !raw.some((d) => d.severity === 'error')) {
          schedule = schedulePlan(plan, options.today);
          append(raw, schedule.diagnostics);
        }
      }
    }
  } catch (e) {
    // A bug must not take the editor or the CLI down: report it where it can be seen (without
    // the stack and its paths: the extension logs those, the CLI has none to show).
    raw.push({
      code: 'internal-error',
      severity: 'error',
      message: `Workback failed on this file (please report it): ${describeFailure(e)}`,
      span: { start: 0, end: 0 },
    });
  }
  return { diagnostics: finish(raw, unlisted, lines, max), plan, schedule, tree, lines, engine };
}

/** The cap as a whole number of at least 0 (1,000 unless given; Infinity for none). */
function problemCap(asked: number | undefined): number {
  return asked === undefined || Number.isNaN(asked) ? 1000 : Math.max(0, Math.floor(asked));
}

/** `to.push(...from)` without the spread, which overflows the stack past about 120,000 items. */
function append(to: RawDiagnostic[], from: readonly RawDiagnostic[]): void {
  for (const d of from) to.push(d);
}

/**
 * The first `max` diagnostics in the order of the text, worded and positioned, and one that
 * counts the rest: those of `raw` past the first `max`, and `unlisted` errors (past them all).
 */
function finish(raw: RawDiagnostic[], unlisted: number, lines: LineIndex, max: number): Diagnostic[] {
  raw.sort(
    (a, b) =>
      a.span.start - b.span.start ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const kept = raw.length > max ? raw.slice(0, max) : raw;
  for (const d of kept) {
    if (!d.details) continue;
    const { message, data } = d.details();
    d.message = message;
    if (data) d.data = data;
  }
  const out: Diagnostic[] = kept.map((d) => {
    const o: Diagnostic = {
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: lines.range(d.span),
      span: d.span,
    };
    if (d.related) o.related = d.related.map((r) => ({ message: r.message, range: lines.range(r.span) }));
    if (d.data) o.data = d.data;
    return o;
  });
  if (raw.length > max || unlisted > 0) {
    const rest = Math.max(0, raw.length - max) + unlisted;
    const errors = raw.slice(max).filter((d) => d.severity === 'error').length + unlisted;
    const last = kept.length ? kept[kept.length - 1]!.span : { start: 0, end: 0 }; // (a cap of 0 lists nothing)
    out.push({
      code: 'too-many-problems',
      severity: 'information',
      message: `... and ${rest} more problems (${errors} errors) not listed.`,
      range: lines.range(last),
      span: last,
    });
  }
  return out;
}
