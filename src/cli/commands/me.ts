/** `--me` for the personal queries: ids or emails, repeatable or comma-separated, or WORKBACK_ME. */
import { resolveMe, type PlanFile } from '../../core';
import { list, type ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Output } from '../output';

export function meOption(args: ParsedArgs, io: CliIO): string[] {
  const given = list(args, 'me');
  if (given.length > 0) return given;
  return (io.env['WORKBACK_ME'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A note when no plan knows any of `me` (a typo in --me gives an empty answer otherwise). */
export async function noteUnknownMe(files: readonly PlanFile[], me: readonly string[], out: Output): Promise<void> {
  if (files.length > 0 && !files.some((f) => resolveMe(f.plan, me).length > 0)) {
    await out.problem(`note: no plan has a person with id or email ${me.map((m) => `'${m}'`).join(', ')}`);
  }
}
