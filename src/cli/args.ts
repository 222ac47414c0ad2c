/** Command-line parsing: `--name value`, `--name=value`, boolean flags, `--` ends options. */
import { fromCivil, parseDay, type Day } from '../core';

/** A mistake in how the CLI was called: reported with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  /** Long name without dashes: `today`. */
  name: string;
  /** `flag` takes no value; `value` takes one. */
  kind: 'flag' | 'value';
  /** May be given more than once (values accumulate). */
  repeatable?: boolean;
  /** One-letter alias without the dash: `h`. */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Values per option name, in the order given; a flag holds `['true']`. */
  options: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command?: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const long = arg.startsWith('--');
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, eq < 0 ? undefined : eq);
    const spec = long ? byName.get(name) : byShort.get(name);
    if (!spec) throw new UsageError(`unknown option '${arg.slice(0, eq < 0 ? undefined : eq)}'`, command);
    let value: string;
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`option '--${spec.name}' takes no value`, command);
      value = 'true';
    } else if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`option '--${spec.name}' needs a value`, command);
      value = argv[++i]!;
    }
    const list = options.get(spec.name);
    if (list && !spec.repeatable) throw new UsageError(`option '--${spec.name}' is given more than once`, command);
    if (list) list.push(value);
    else options.set(spec.name, [value]);
  }
  return { positionals, options };
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.has(name);
}

export function value(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

/** One of a fixed set of words. */
export function choice<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
  command?: string,
): T {
  const v = value(args, name);
  if (v === undefined) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${v}')`, command);
}

/** `--today YYYY-MM-DD`, or the local date the IO reports. */
export function todayOption(args: ParsedArgs, now: () => { y: number; m: number; d: number }, command?: string): Day {
  const v = value(args, 'today');
  if (v === undefined) {
    const { y, m, d } = now();
    return fromCivil(y, m, d);
  }
  const day = parseDay(v);
  if (typeof day === 'number') return day;
  const why =
    day === 'format' ? 'expected YYYY-MM-DD' : day === 'not-a-date' ? 'not a real calendar day' : 'outside 1970-2199';
  throw new UsageError(`--today '${v}': ${why}`, command);
}

/** A date option (`--from 2026-09-01`), undefined when not given. */
export function dayOption(args: ParsedArgs, name: string, command?: string): Day | undefined {
  const text = value(args, name);
  if (text === undefined) return undefined;
  const d = parseDay(text);
  if (typeof d !== 'number') throw new UsageError(`--${name} takes a real date YYYY-MM-DD, not '${text}'`, command);
  return d;
}

/** A positive whole number (`--max-size 1000000`). */
export function positiveInteger(args: ParsedArgs, name: string, command?: string): number | undefined {
  const v = value(args, name);
  if (v === undefined) return undefined;
  if (!/^[1-9][0-9]{0,14}$/.test(v))
    throw new UsageError(`--${name} must be a positive whole number (got '${v}')`, command);
  return Number(v);
}

/** A repeatable option whose values may also be comma-separated: `--me a,b --me c`. */
export function list(args: ParsedArgs, name: string): string[] {
  return (args.options.get(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
