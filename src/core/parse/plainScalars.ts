/**
 * Where a plain scalar may start and where its text on a line stops: the rules the block engine
 * parses with and the editing reader (editing/yamlLines.ts, editing/flowScanner.ts) reads
 * half-typed text with, so that both find the same keys, values and comments.
 */
import {
  COLON,
  CR,
  DASH,
  FLOW_INDICATOR,
  HASH,
  INDICATOR,
  LF,
  QUESTION,
  SPACE,
  TAB,
  isBlankOrEnd,
  isWhite,
} from './yamlChars';

/** Why a plain scalar's line stopped: a line break (or the end), `: `, ` #`, or in flow a `,[]{}`. */
export const AT_BREAK = 0;
export const AT_COLON = 1;
export const AT_COMMENT = 2;
export const AT_FLOW = 3;

/** Where scanPlainLine stopped (`at`: the line break, colon, `#` or flow indicator) and why. */
export interface PlainStop {
  at: number;
  kind: number;
}

/**
 * Whether a plain scalar may start at `p` (`-`, `?` and `:` only before a non-space). A control
 * character may, as the `yaml` package reads it (the block engine leaves text holding one to it).
 */
export function plainStarts(text: string, p: number, flow: boolean): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) {
    if (c === SPACE || c === TAB || c === LF || c === CR) return false;
    if (INDICATOR[c]) {
      if (c !== DASH && c !== QUESTION && c !== COLON) return false;
      const next = text.charCodeAt(p + 1);
      if (isBlankOrEnd(next) || (flow && next < 128 && FLOW_INDICATOR[next])) return false;
    }
  }
  return true;
}

/**
 * Scans a plain scalar's text on one line from `p`: returns the end of its text (trailing
 * spaces excluded) and sets `stop`.
 */
export function scanPlainLine(text: string, p: number, flow: boolean, stop: PlainStop): number {
  let end = p;
  for (let i = p; ; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) continue;
    if (c === LF || c === CR || c !== c) return stopped(stop, i, AT_BREAK, end);
    if (c === COLON) {
      const next = text.charCodeAt(i + 1);
      if (isBlankOrEnd(next) || (flow && next < 128 && FLOW_INDICATOR[next])) return stopped(stop, i, AT_COLON, end);
    } else if (c === HASH) {
      if (isWhite(text.charCodeAt(i - 1))) return stopped(stop, i, AT_COMMENT, end);
    } else if (flow && c < 128 && FLOW_INDICATOR[c]) {
      return stopped(stop, i, AT_FLOW, end);
    }
    end = i + 1;
  }
}

function stopped(stop: PlainStop, at: number, kind: number, end: number): number {
  stop.at = at;
  stop.kind = kind;
  return end;
}
