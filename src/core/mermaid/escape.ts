/**
 * Plan text in Mermaid: shown exactly as written, never able to change the diagram.
 * Mermaid decodes `#NNN;` entities when it renders, so any character that has a meaning to
 * its lexer or preprocessor (`:` `;` `#` `%` newlines, quotes, angle brackets...) is written
 * as an entity, and a title that starts like a keyword (`section`, `click`, `title`, a date...)
 * has its first character encoded too. The result is one line of inert text.
 */

/** Words Mermaid's Gantt lexer reads before task text, case-insensitively. */
const LEADING_KEYWORD = /^(?:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|acctitle|accdescr|href|call|click|\d{4}-\d\d-\d\d)/i;

/** Characters written as entities anywhere in a text. */
function mustEncode(code: number): boolean {
  return (
    code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || // controls
    code === 0x22 || code === 0x23 || code === 0x25 || code === 0x26 || code === 0x27 || // " # % & '
    code === 0x3a || code === 0x3b || code === 0x3c || code === 0x3e || // : ; < >
    code === 0x5c || code === 0x60 || code === 0x7b || code === 0x7d || // \ ` { }
    code === 0x2028 || code === 0x2029 || // line and paragraph separators
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || // bidi overrides and isolates
    code === 0x200b || code === 0x200c || code === 0x200d || code === 0x200e || code === 0x200f || code === 0xfeff // zero-width
  );
}

const entity = (codePoint: number) => `#${codePoint};`;

/** Text for a task title, a section name or the diagram title: one line, inert. */
export function escapeMermaidText(text: string): string {
  let out = '';
  let first = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // leading and trailing spaces would be trimmed by the lexer: keep them as entities
    if (mustEncode(cp) || (first && (cp === 0x20 || cp === 0x09))) out += entity(cp);
    else out += ch;
    first = false;
  }
  out = out.replace(/ +$/, (s) => entity(0x20).repeat(s.length));
  if (LEADING_KEYWORD.test(out)) out = entity(out.codePointAt(0)!) + out.slice(String.fromCodePoint(out.codePointAt(0)!).length);
  return out.length ? out : entity(0x20);
}

/** What Mermaid shows for an escaped text: used by tests to prove the round trip. */
export function unescapeMermaidText(text: string): string {
  return text.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}
