/** `workback report`: the status report, per plan, in Markdown or JSON (optionally for one person). */
import { formatDay, statusReport, statusReportMarkdown, type PlanReport } from '../../core';
import { choice, list, positiveInteger, todayOption, UsageError, type ParsedArgs } from '../args';
import { safeJson } from '../escape';
import { actionJson } from '../format/actions';
import type { CliIO } from '../io';
import { DEFAULT_MAX_SIZE } from '../load';
import type { Output } from '../output';
import { EXIT_USAGE, HELP_OPTION, MAX_SIZE_OPTION, TODAY_OPTION, type Command } from './command';
import { noteUnknownMe } from './me';
import { loadScheduledPlans } from './plans';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a status report per plan (Markdown or JSON), for everyone or one person',
  help: `Usage: workback report [PATH|GLOB ...] [options]

A status report for each plan (default: every plan file under the working
directory): the goal, its due day and whether it will be met (slack, or how
many workdays short), progress by milestone, late and overdue work,
escalations by tier, work awaiting review, and interim controls to put in
place. Plan text is escaped: the Markdown never links, mentions or formats
anything a plan says.

Options:
  --for ID_OR_EMAIL   only what this person owns, reviews, is escalated, or is
                      consulted or informed on (their weekly message), with
                      their own open tasks; plans that do not name them are left out
  --format FORMAT     markdown (default) or json
  --today YYYY-MM-DD  the date lateness is counted from (default: today, local)
  --max-size BYTES    refuse larger files (default: ${DEFAULT_MAX_SIZE})
  -h, --help          show this help

Exit status: 0 written, 1 a plan has errors (printed on stderr; the others are
still reported), 2 usage error or unreadable input.
`,
  options: [
    HELP_OPTION,
    TODAY_OPTION,
    MAX_SIZE_OPTION,
    { name: 'for', kind: 'value' },
    { name: 'format', kind: 'value' },
  ],
  run: runReport,
};

async function runReport(args: ParsedArgs, io: CliIO, out: Output): Promise<number> {
  const today = todayOption(args, () => io.now(), 'report');
  const maxSize = positiveInteger(args, 'max-size', 'report') ?? DEFAULT_MAX_SIZE;
  const format = choice(args, 'format', ['markdown', 'json'] as const, 'markdown', 'report');
  const forWhom = list(args, 'for');
  if (forWhom.length > 1) throw new UsageError('--for takes one person (an id or an email)', 'report');
  const loaded = await loadScheduledPlans(io, out, args.positionals, { today, maxSize });
  if (!loaded) return EXIT_USAGE;
  if (forWhom.length) await noteUnknownMe(loaded.files, forWhom, out);
  const reports = statusReport(loaded.files, today, forWhom.length ? forWhom : undefined);
  if (format === 'json') {
    const json = { today: formatDay(today), for: forWhom[0] ?? null, plans: reports.map(reportJson) };
    await out.out(`${safeJson(json, 2)}\n`);
  } else {
    await out.out(statusReportMarkdown(reports, today, forWhom[0]));
  }
  return loaded.exit;
}

function reportJson(r: PlanReport): Record<string, unknown> {
  const { plan } = r;
  return {
    file: r.file,
    title: plan.title,
    goal: {
      outcome: plan.goal.outcome,
      measure: plan.goal.measure ?? null,
      due: formatDay(plan.goal.due),
      owner: plan.goal.owner ?? null,
      achievedOn: plan.goal.achievedOn === undefined ? null : formatDay(plan.goal.achievedOn),
      consulted: plan.goal.consulted,
      informed: plan.goal.informed,
    },
    slack: r.slack,
    progress: {
      done: r.done,
      total: r.total,
      milestones: r.milestones.map((m) => ({
        id: m.milestone.id,
        done: m.done,
        total: m.total,
        review: m.review ?? null,
      })),
    },
    late: r.late.map((t) => ({
      id: t.task.id,
      owner: t.task.owner,
      state: t.state,
      daysLate: t.daysLate,
      priority: t.task.priority,
    })),
    escalations: r.escalations.map(actionJson),
    reviews: r.reviews.map(actionJson),
    interims: r.interims.map(actionJson),
    mine: r.mine.map((t) => ({ id: t.task.id, state: t.state, daysLate: t.daysLate, start: formatDay(t.item.start) })),
  };
}
