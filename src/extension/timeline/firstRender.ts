/**
 * The first render travels inside the page (no round trip: VS Code may drop a message posted
 * while the page loads), as JSON in a `<script type="application/json">` data block, which the
 * browser never runs. The JSON carries plan text, so every character that could end the block
 * or start markup in it (`<`, `>`, `&`) and the two line separators are written as `\u` escapes:
 * JSON.parse reads back the same value, and the HTML parser sees no tag in it. Pure.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The id of the data block in the page. */
export const FIRST_RENDER_ID = 'first-render';
