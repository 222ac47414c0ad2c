/**
 * The limits every parse keeps: a size cap, checked before any YAML parser sees the text, and
 * the nesting limit. The nesting is counted exactly by each engine as it opens collections (the
 * block engine in its own recursion, capped; the `yaml` engine behind a bound on its lexer's
 * tokens, yamlDepth.ts), never estimated from the raw text: a parser's own guard, or a stack
 * overflow, can leave V8 in a bad state.
 */
import type { RawDiagnostic } from '../diagnostic';

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;
/** Far deeper than any plan (a follow-up's field sits at depth 7). */
export const MAX_DEPTH = 64;

export function checkSize(text: string, maxSize: number): RawDiagnostic | undefined {
  if (text.length <= maxSize) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    code: 'file-too-large',
    severity: 'error',
    message: `The file is ${mb(text.length)}, over the ${mb(maxSize)} limit; it is not parsed. Split the plan, or raise the limit (workback.maxFileSizeMB, --max-size).`,
    span: { start: 0, end: 0 },
  };
}

export function tooDeep(offset: number): RawDiagnostic {
  return {
    code: 'too-deep',
    severity: 'error',
    message: `Nesting is deeper than ${MAX_DEPTH} levels here; a plan never needs that much. The file is not parsed.`,
    span: { start: offset, end: offset + 1 },
  };
}
