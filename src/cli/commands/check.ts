/** `workback check`: validate plan files; the command CI runs. */
import { formatDay, severityRank } from '../../core';
import { choice, positiveInteger, todayOption, type ParsedArgs } from '../args';
import { findFiles } from '../files';
import { githubReporter } from '../format/github';
import { jsonReporter } from '../format/json';
import { markdownReporter } from '../format/markdown';
import { countInto, emptySummary, summaryLine, type Reporter } from '../format/report';
import { sarifReporter } from '../format/sarif';
import { textReporter } from '../format/text';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE, loadPlan } from '../load';
import type { Output } from '../output';
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  EXIT_USAGE,
  HELP_OPTION,
  MAX_SIZE_OPTION,
  TODAY_OPTION,
  type Command,
  type RunContext,
} from './command';
import { reportDiscovery } from './discover';

export const FORMATS = ['text', 'json', 'github', 'sarif', 'markdown'] as const;
export const FAIL_ON_LEVELS = ['error', 'warning'] as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate plan files (text, JSON, GitHub annotations, SARIF or Markdown; exit 1 on problems)',
  help: `Usage: workback check [PATH|GLOB ...] [options]

Validate workback plans. With no PATH, every **/*.workback.yaml and
**/*.workback.yml under the working directory (node_modules and .git skipped).
A PATH may be a file, a directory (searched for plan files) or a glob
(*, **, ?, {a,b}; quote it so the shell leaves it alone).

Options:
  --format FORMAT            output format (default: text)
                             text:     file:line:col severity code message
                             json:     {"today", "files": [{file, diagnostics}], "summary"}
                             github:   ::error file=...,line=...::message annotations
                             sarif:    SARIF 2.1.0, for code scanning
                             markdown: each plan's summary and problems
  --fail-on error|warning    lowest severity that fails the run (default: error)
  --today YYYY-MM-DD         the date for schedule checks (default: today, local)
  --max-size BYTES           report larger files as file-too-large, unread
                             (default: ${DEFAULT_MAX_SIZE})
  -h, --help                 show this help

Exit status: 0 no problem at the failure level, 1 problems, 2 usage error or
unreadable input. The text and github formats end with a summary on stderr.
`,
  options: [
    HELP_OPTION,
    TODAY_OPTION,
    MAX_SIZE_OPTION,
    { name: 'format', kind: 'value' },
    { name: 'fail-on', kind: 'value' },
  ],
  run: runCheck,
};

function reporterFor(format: (typeof FORMATS)[number], io: CliIO): Reporter {
  if (format === 'json') return jsonReporter();
  if (format === 'github') return githubReporter();
  if (format === 'sarif') return sarifReporter();
  if (format === 'markdown') return markdownReporter();
  return textReporter(io.color);
}

async function runCheck(args: ParsedArgs, io: CliIO, out: Output, context: RunContext = {}): Promise<number> {
  const format = choice(args, 'format', FORMATS, 'text', 'check');
  const failRank = severityRank[choice(args, 'fail-on', FAIL_ON_LEVELS, 'error', 'check')];
  const today = todayOption(args, () => io.now(), 'check');
  const maxSize = positiveInteger(args, 'max-size', 'check') ?? DEFAULT_MAX_SIZE;

  const found = await findFiles(io, args.positionals);
  if (!(await reportDiscovery(found, out))) return EXIT_USAGE;

  const reporter = reporterFor(format, io);
  // the Markdown summary a caller asked for (the Action's job summary), from the same pass
  const markdown = context.summary ? markdownReporter() : undefined;
  const md: string[] = [];
  const summary = emptySummary();
  let failed = false;
  let unreadable = found.unreadable.length > 0;
  const begin = { today: formatDay(today) };
  await out.out(reporter.begin(begin));
  if (markdown) md.push(markdown.begin(begin));
  for (const file of found.files) {
    const loaded = await loadPlan(io, file, { today, maxSize });
    countInto(summary, loaded.report);
    unreadable ||= loaded.unreadable;
    failed ||= loaded.report.diagnostics.some((d) => severityRank[d.severity] <= failRank);
    await out.out(reporter.file(loaded.report, loaded.result));
    if (markdown) md.push(markdown.file(loaded.report, loaded.result));
  }
  await out.out(reporter.end(summary));
  if (markdown) context.summary!(md.join('') + markdown.end(summary));
  if (reporter.summaryToStderr) await out.err(`${summaryLine(summary)}\n`);
  return unreadable ? EXIT_USAGE : failed ? EXIT_PROBLEMS : EXIT_OK;
}
