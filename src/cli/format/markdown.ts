/**
 * `--format markdown`: each plan's summary (goal, due date, slack, late and overdue counts)
 * and its problems, for a pull request comment, a chat message or a CI job summary. Plan
 * text is written as code spans (`markdownCode`): it can never format, link, mention or
 * inject HTML. At most `MAX_LISTED` problems a file are listed; the rest are counted.
 */
import { formatDayHuman, planSummary, type CheckResult, type PlanSummary } from '../../core';
import { markdownCode } from '../escape';
import { summaryLine, type CliDiagnostic, type FileReport, type Reporter, type Summary } from './report';
import { plural } from './table';

export const MAX_LISTED = 50;

function slackText(s: PlanSummary): string {
  if (s.slack.kind === 'all-done') return 'every task done';
  if (s.slack.kind === 'out-of-range') return 'slack unknown (the earliest dates leave 1970-2199)';
  const days = s.slack.workdays;
  return days < 0
    ? `**${plural(-days, 'workday', 'workdays')} short**`
    : `slack ${plural(days, 'workday', 'workdays')}`;
}

function planLines(s: PlanSummary): string[] {
  return [
    `Goal: ${markdownCode(s.outcome)}, due ${formatDayHuman(s.due, true)}; ${slackText(s)}.`,
    '',
    '| Tasks | Done | Late start | Overdue | Overdue follow-ups |',
    '|---:|---:|---:|---:|---:|',
    `| ${s.tasks} | ${s.done} | ${s.lateStart} | ${s.overdue} | ${s.overdueFollowUps} |`,
  ];
}

function problemLines(list: readonly CliDiagnostic[]): string[] {
  if (list.length === 0) return ['No problems.'];
  const shown = list.slice(0, MAX_LISTED);
  const lines = [
    `${plural(list.length, 'problem', 'problems')}:`,
    '',
    '| Line | Severity | Code | Message |',
    '|---:|---|---|---|',
    ...shown.map(
      (d) =>
        `| ${d.line}:${d.column} | ${d.severity} | ${markdownCode(d.code, true)} | ${markdownCode(d.message, true)} |`,
    ),
  ];
  if (list.length > shown.length) lines.push('', `... and ${list.length - shown.length} more.`);
  return lines;
}

function fileSection(r: FileReport, result: CheckResult | undefined, today: string): string {
  const plan = result?.plan;
  const title = plan ? `: ${markdownCode(plan.title)}` : '';
  const lines = [`### ${markdownCode(r.file)}${title}`, ''];
  if (plan && result?.schedule && !r.diagnostics.some((d) => d.severity === 'error')) {
    lines.push(...planLines(planSummary({ file: r.file, plan, schedule: result.schedule }, result.schedule.today)), '');
  } else if (plan) lines.push(`Not scheduled on ${today}: the plan has errors.`, '');
  lines.push(...problemLines(r.diagnostics));
  return lines.join('\n') + '\n\n';
}

export function markdownReporter(): Reporter {
  let today = '';
  return {
    summaryToStderr: false,
    begin: (context) => {
      today = context.today;
      return `## Workback plans on ${today}\n\n`;
    },
    file: (r, result) => fileSection(r, result, today),
    end: (s: Summary) => `${summaryLine(s)}.\n`,
  };
}
