/**
 * Plan text shown in the views: one line, bounded, with control, bidi and zero-width
 * characters neutralised (plan text is untrusted: such characters must not reorder or hide text).
 */

// C0/C1 controls become spaces; bidi embeddings, overrides, isolates and marks, and zero-width
// characters are dropped.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export const MAX_DISPLAY = 200;

export function displayText(s: string, max = MAX_DISPLAY): string {
  let t = s.replace(INVISIBLE, '').replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
  if (t.length > max) {
    let cut = max - 1;
    const c = t.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--; // do not split a surrogate pair
    t = `${t.slice(0, cut)}…`;
  }
  return t;
}
