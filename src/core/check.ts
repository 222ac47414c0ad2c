/** checkPlan: parse, validate and (when a date is given) schedule a plan's text. Never throws. */
import type { Day } from './day';
import { describeFailure } from './failure';
import { severityRank, type Diagnostic, type RawDiagnostic, type Span } from './diagnostic';
import { LineIndex } from './lineIndex';
import type { Plan } from './model';
import { parseText, type Engine } from './parse/parseText';
import type { Repair } from './parse/unclosed';
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
  const max = problemCap(options.maxProblems);
  const c = collect(text, options, max, 'text');
  return {
    diagnostics: finish(c.raw, c.unlisted, lines, max),
    plan: c.plan,
    schedule: c.schedule,
    tree: c.tree,
    lines,
    engine: c.engine,
  };
}

interface Collected {
  raw: RawDiagnostic[];
  /** Errors known to come after the first `max` problems, counted but not built. */
  unlisted: number;
  plan?: Plan;
  schedule?: Schedule;
  tree?: SourceNode;
  engine: Engine;
}

/**
 * Every problem of the text, in no order. Of the text itself, also those after a quote or
 * bracket left open (afterRepair); of the repaired copy, only what the block engine reads.
 */
function collect(text: string, options: CheckOptions, max: number, pass: 'text' | 'repaired'): Collected {
  const out: Collected = { raw: [], unlisted: 0, engine: options.engine ?? 'fast' };
  try {
    const parsed = parseText(text, pass === 'repaired' ? { ...options, blockOnly: true } : options);
    out.engine = parsed.engine;
    out.tree = parsed.tree;
    out.raw = parsed.diagnostics;
    const fatal = out.raw.some((d) => d.severity === 'error');
    if (parsed.repair && pass === 'text') {
      const after = afterRepair(text, parsed.repair, options, max);
      append(out.raw, after.raw);
      out.unlisted += after.unlisted;
    }
    const tree = parsed.tree;
    if (tree && !fatal) {
      const schema = checkSchema(tree, parsed.plain, max);
      append(out.raw, schema.diagnostics);
      out.unlisted += schema.unlisted;
      if (tree.kind === 'map') {
        const built = buildModel(tree);
        out.plan = built.plan;
        append(out.raw, built.diagnostics);
        append(out.raw, checkSemantics(built.plan));
        // errors past the cap (unlisted) are errors too: a plan with any gets no schedule
        const hasError = out.unlisted > 0 || out.raw.some((d) => d.severity === 'error');
        if (options.today !== undefined && !hasError) {
          out.schedule = schedulePlan(built.plan, options.today);
          append(out.raw, out.schedule.diagnostics);
        }
      }
    }
  } catch (e) {
    // A bug must not take the editor or the CLI down: report it where it can be seen (without
    // the stack and its paths: the extension logs those, the CLI has none to show).
    out.raw.push({
      code: 'internal-error',
      severity: 'error',
      message: `Workback failed on this file (please report it): ${describeFailure(e)}`,
      span: { start: 0, end: 0 },
    });
  }
  return out;
}

/**
 * The other problems of a text with a quote or bracket left open: the text is checked again
 * with the closing character put in (no schedule: the file has an error), and their places
 * moved back to the text as it is. Nothing of that check's tree, plan or data is kept.
 */
function afterRepair(
  text: string,
  repair: Repair,
  options: CheckOptions,
  max: number,
): { raw: RawDiagnostic[]; unlisted: number } {
  const fixed = `${text.slice(0, repair.at)}${repair.insert}${text.slice(repair.at)}`;
  // (the size was checked on the text itself: the copy is longer by the character put in). The
  // block engine alone reads it: a copy it cannot read cleanly (another value left open) tells
  // nothing more, and costs one fast read, not a second pass of the yaml package's error path.
  const again = collect(fixed, { ...options, today: undefined, maxSize: Infinity }, max, 'repaired');
  const back = (n: number): number => (n > repair.at ? n - repair.insert.length : n);
  const moved = (s: Span): Span => ({ start: back(s.start), end: Math.max(back(s.start), back(s.end)) });
  const out: RawDiagnostic[] = [];
  for (const d of again.raw) {
    // a problem of the repaired value as a whole (a list where a text was meant), or at the
    // character put in, is the repair's own; one inside the value (an unknown id) is the user's
    const covers = (n: number): boolean => d.span.start <= n && d.span.end > n;
    if (covers(repair.from) || covers(repair.at)) continue;
    // a syntax error before the value is reported already, from the text itself
    if (d.code.startsWith('yaml-') && d.span.end <= repair.from) continue;
    const m: RawDiagnostic = { code: d.code, severity: d.severity, message: d.message, span: moved(d.span) };
    if (d.related) m.related = d.related.map((r) => ({ message: r.message, span: moved(r.span) }));
    // the wording only: data holds places in the repaired text, which no quick fix may edit by
    if (d.details) m.details = () => ({ message: d.details!().message }); // (a method: called on d)
    out.push(m);
  }
  return { raw: out, unlisted: again.unlisted };
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
