/**
 * Plan text (titles, names, emails) made safe to show in a hover, a completion's details or a
 * lens: one line, no control, bidi or zero-width characters (shown as `\u{...}`), shortened.
 * Markdown escaping is the extension's job (MarkdownString.appendText); this keeps the text
 * from reordering or hiding what is around it.
 */

const HIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function inertText(text: string, max = 200): string {
  let s = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  if (s.length > max) {
    let cut = max - 1;
    // never cut a surrogate pair in two
    if (/[\ud800-\udbff]/.test(s[cut - 1] ?? '')) cut--;
    s = s.slice(0, cut) + '…';
  }
  return s;
}

/**
 * Plan text as markdown that renders as the same text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no link, emphasis, code span,
 * HTML tag, entity or theme icon can come out of it. Spaces stay spaces, so long text wraps.
 */
export function markdownEscape(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
