/**
 * The one place where plan text (titles, names, ids, file names, messages that quote them)
 * is made safe for output. Plan files are untrusted: their text must never drive the
 * terminal (escape sequences, bidi reordering), hide itself (zero-width characters), start a
 * GitHub workflow command (`::add-mask::` at a line start, or the legacy `##[command]`,
 * which the runner honours anywhere in a line), or break a line-oriented format.
 */

/**
 * Characters shown as a visible escape: C0 controls and DEL, C1 controls, lone
 * surrogates, bidi controls (ALM, LRM, RLM, LRE...RLO, LRI...PDI), invisible and zero-width
 * characters (soft hyphen, Mongolian vowel separator, ZWSP, ZWNJ, ZWJ, word joiner and the
 * invisible operators, BOM), line and paragraph separators, and tag characters.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\udb40[\udc00-\udc7f]|##\[/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  if (ch === '##[') return '#\\u{23}[';
  return NAMED[ch] ?? `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/**
 * Text for a terminal or a log, on one line: every unsafe character becomes a visible
 * escape such as `\u{1b}` or `\n`; `##[` becomes `#\u{23}[`. Everything else (accents,
 * CJK, emoji, `%`, `:`) passes unchanged. A zero-width joiner inside an emoji sequence
 * is kept.
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (ch, offset: number, all: string) =>
    ch === '\u200d' && isEmojiJoin(all, offset) ? ch : visible(ch),
  );
}

const PICTO_BEFORE = /[\p{Extended_Pictographic}\u{fe0f}\u{1f3fb}-\u{1f3ff}]$/u;
const PICTO_AFTER = /^\p{Extended_Pictographic}/u;

/** A ZWJ between two pictographs (👩‍💻) is part of an emoji, not hidden text. */
function isEmojiJoin(text: string, at: number): boolean {
  return PICTO_BEFORE.test(text.slice(Math.max(0, at - 2), at)) && PICTO_AFTER.test(text.slice(at + 1, at + 3));
}

/**
 * A path for the start of a text line: escaped, and never beginning with `::` (after
 * leading spaces), which the GitHub runner would read as a workflow command.
 */
export function escapePathForLine(path: string): string {
  const safe = escapeTerminal(path);
  return /^(\s|::)/.test(safe) ? `./${safe}` : safe;
}

/**
 * The message part of a GitHub workflow command (`::error ...::MESSAGE`): terminal-safe,
 * with `%`, CR and LF percent-encoded as the runner expects, so a line break in the text
 * shows in the annotation but never ends the command's line.
 */
export function escapeGithubData(text: string): string {
  const safe = text
    .split(/\r\n|\r|\n/)
    .map(escapeTerminal)
    .join('\n');
  return safe.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=...,title=...`): data rules plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Characters JSON.stringify leaves raw that a terminal or the GitHub runner could act on. */
const JSON_UNSAFE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|\udb40[\udc00-\udc7f]|##\[/g;

/**
 * JSON.stringify, then the characters it leaves raw that could act on a terminal or a CI log
 * (C1 controls, bidi and zero-width characters, and the `[` of `##[`) written as `\uXXXX`:
 * the value parses back exactly the same.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent).replace(JSON_UNSAFE, (m) =>
    m === '##['
      ? '##\\u005b'
      : Array.from({ length: m.length }, (_, i) => `\\u${m.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/**
 * Plan text for Markdown (a pull request comment, a CI job summary): a code span, so nothing
 * in it is read as emphasis, a link, an autolink, HTML or an @mention. Escaped as for a
 * terminal first (one line, controls and bidi characters visible); the fence is longer than
 * any run of backticks inside; in a table cell, `|` is written `\|`, which GFM reads inside a
 * code span as `|`. Empty text is an empty string.
 */
export function markdownCode(text: string, inTable = false): string {
  let safe = escapeTerminal(text);
  if (safe === '') return '';
  if (inTable) safe = safe.replace(/\|/g, '\\|');
  let longest = 0;
  for (const m of safe.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end of a code span that begins and ends with one
  // (unless it is only spaces), and a backtick at an end would join the fence: pad with a space
  const edgeSpaces = safe.startsWith(' ') && safe.endsWith(' ') && /[^ ]/.test(safe);
  const pad = edgeSpaces || safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}
