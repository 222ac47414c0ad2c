/**
 * Loading scheduled plans for the query commands (schedule, tasks, follow-ups): plans with
 * errors cannot be scheduled, so their errors go to stderr and the command exits with 1
 * after answering from the others. A plan whose earliest dates leave 1970-2199 answers with
 * its workback dates, and the warning that says why earliest dates and slack are missing goes
 * to stderr.
 */
import type { Day, PlanFile } from '../../core';
import { findFiles } from '../files';
import { textLine } from '../format/text';
import type { CliIO } from '../io';
import { loadPlan } from '../load';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './command';
import { reportDiscovery } from './discover';

export interface LoadedPlans {
  files: PlanFile[];
  /** EXIT_OK, EXIT_PROBLEMS when a plan had errors, EXIT_USAGE when one was unreadable. */
  exit: number;
}

/** Undefined when the operands themselves were wrong (already reported: exit 2). */
export async function loadScheduledPlans(
  io: CliIO,
  out: Output,
  operands: readonly string[],
  options: { today: Day; maxSize: number; exactlyOne?: string },
): Promise<LoadedPlans | undefined> {
  const found = await findFiles(io, operands);
  if (!(await reportDiscovery(found, out))) return undefined;
  if (options.exactlyOne !== undefined && found.files.length !== 1) {
    await out.problem(`${options.exactlyOne} takes one plan file; '${operands.join(' ')}' names ${found.files.length}`);
    return undefined;
  }
  const files: PlanFile[] = [];
  let exit = found.unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
  for (const file of found.files) {
    const { report, result, unreadable } = await loadPlan(io, file, options);
    // The scheduler's own errors (a cycle, no workday) come with an empty schedule: not usable.
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0 && result?.plan && result.schedule) {
      // the answer lacks the earliest dates and slack: say why, on stderr
      for (const d of report.diagnostics)
        if (d.code === 'earliest-out-of-range') await out.err(textLine(report.file, d));
      files.push({ file: file.display, plan: result.plan, schedule: result.schedule });
      continue;
    }
    for (const d of errors) await out.err(textLine(report.file, d));
    if (errors.length === 0) await out.problem(`${report.file}: the plan could not be scheduled`);
    exit = unreadable ? EXIT_USAGE : Math.max(exit, EXIT_PROBLEMS);
  }
  return { files, exit };
}
