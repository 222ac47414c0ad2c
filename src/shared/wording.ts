/**
 * Counts in words, the same in the extension host and the webview: "1 task", "3 tasks",
 * "1,000". Hand-written rather than `toLocaleString`: the first `Intl` call in a process loads
 * ICU's locale data (about 20 ms, far more under load), and the wording is English anyway.
 */

/** `n` with a comma between groups of three digits: 1234567 -> "1,234,567". */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [whole, fraction] = String(Math.abs(n)).split('.');
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction !== undefined ? `.${fraction}` : '');
}

/** "1 task", "2 tasks", "-1 day": the word gets an `s` unless the count is 1 or -1. */
export function plural(n: number, word: string): string {
  return `${groupDigits(n)} ${word}${Math.abs(n) === 1 ? '' : 's'}`;
}
