/** `--me` for the personal queries: ids or emails, repeatable or comma-separated, or WORKBACK_ME. */
import { resolveMe, type PlanFile } from '../../core';
import { list, UsageError, type OptionSpec, type ParsedArgs } from '../args';
import type { CliIO } from '../io';
import type { Output } from '../output';

export const ME_OPTION: OptionSpec = { name: 'me', kind: 'value', repeatable: true };

/** The option's lines in a command's help. */
export const ME_HELP = `  --me ID_OR_EMAIL    who I am: a person id or an email (case-insensitive);
                      repeat it or separate with commas for several
                      (default: the WORKBACK_ME environment variable)`;

/** `--me` for a command that needs it: a usage error when neither it nor WORKBACK_ME is given. */
export function requiredMe(args: ParsedArgs, io: CliIO, command: string): string[] {
  const me = meOption(args, io);
  if (me.length === 0) throw new UsageError('--me is required (a person id or email; or set WORKBACK_ME)', command);
  return me;
}

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
