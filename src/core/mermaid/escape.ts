/**
 * Plan text in Mermaid: shown exactly as written, never able to change the diagram.
 * Mermaid decodes `#NNN;` entities when it renders, so any character that has a meaning to
 * its lexer or preprocessor (`:` `;` `#` `%` newlines, quotes, angle brackets...) is written
 * as an entity, and a title that starts like a keyword (`section`, `click`, `title`, a date...)
 * has its first character encoded too. The result is one line of inert text.
 *
 * Mermaid carries an entity through its renderer as a placeholder (`#60;` becomes
 * `ﬂ°°60¶ß`, `#lt;` becomes `ﬂ°lt¶ß`) and turns every `ﬂ°°`, `ﬂ°` and `¶ß` of the SVG back into
 * `&#`, `&` and `;`: `ﬂ` and `¶` are always entities, so a title never holds a placeholder.
 * The SVG is then read by an HTML parser, which cannot carry every character: a reference
 * to NUL or a lone surrogate becomes U+FFFD, one to 128-159 becomes a Windows-1252 character
 * (`&#133;` is `…`) and a CR becomes LF. Those characters are shown as visible escapes
 * (`\u{85}`, `\r`), as the CLI shows them.
 */

/** Words Mermaid's Gantt lexer reads before task text, case-insensitively. */
const LEADING_KEYWORD =
  /^(?:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|acctitle|accdescr|href|call|click|\d{4}-\d\d-\d\d)/i;

/** Characters written as entities anywhere in a text. */
function mustEncode(code: number): boolean {
  return (
    code < 0x20 ||
    code === 0x7f || // controls
    code === 0x22 ||
    code === 0x23 ||
    code === 0x25 ||
    code === 0x26 ||
    code === 0x27 || // " # % & '
    code === 0x3a ||
    code === 0x3b ||
    code === 0x3c ||
    code === 0x3e || // : ; < >
    code === 0x5c ||
    code === 0x60 ||
    code === 0x7b ||
    code === 0x7d || // \ ` { }
    code === 0xb6 ||
    code === 0xfb02 || // ¶ ﬂ: the first characters of Mermaid's placeholders
    code === 0x2028 ||
    code === 0x2029 || // line and paragraph separators
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) || // bidi overrides and isolates
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0xfeff // zero-width
  );
}

/** Characters an HTML parser cannot read back from a reference: NUL, CR, C1 controls, lone surrogates. */
function notCarried(code: number): boolean {
  return code === 0 || code === 0x0d || (code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff);
}

const entity = (codePoint: number) => `#${codePoint};`;

/** `\r` or `\u{85}`, itself written with entities for `\`, `{` and `}`. */
const visibleEscape = (codePoint: number) =>
  codePoint === 0x0d ? `${entity(0x5c)}r` : `${entity(0x5c)}u${entity(0x7b)}${codePoint.toString(16)}${entity(0x7d)}`;

/** White space as JavaScript's `trim` and `\s` see it: Mermaid trims it from both ends of a text. */
const SPACE = /^\s$/;

/** Text for a task title, a section name or the diagram title: one line, inert. */
export function escapeMermaidText(text: string): string {
  const chars = Array.from(text);
  const last = chars.length - 1;
  let out = '';
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (notCarried(cp)) out += visibleEscape(cp);
    // white space at either end would be trimmed: keep it as an entity
    else if (mustEncode(cp) || ((i === 0 || i === last) && SPACE.test(ch))) out += entity(cp);
    else out += ch;
  });
  if (LEADING_KEYWORD.test(out))
    out = entity(out.codePointAt(0)!) + out.slice(String.fromCodePoint(out.codePointAt(0)!).length);
  return out.length ? out : entity(0x20);
}
