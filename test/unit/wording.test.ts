/** Counts in words (src/shared/wording.ts), the same in the extension host and the webview. */
import * as assert from 'assert';
import fc from 'fast-check';
import { groupDigits, plural } from '../../src/shared/wording';

describe('wording', () => {
  it('groups digits by three with commas, as en-US does', () => {
    assert.strictEqual(groupDigits(0), '0');
    assert.strictEqual(groupDigits(999), '999');
    assert.strictEqual(groupDigits(1000), '1,000');
    assert.strictEqual(groupDigits(1234567), '1,234,567');
    assert.strictEqual(groupDigits(-4321), '-4,321');
    assert.strictEqual(groupDigits(1234.5), '1,234.5');
    fc.assert(fc.property(fc.integer(), (n) => groupDigits(n) === n.toLocaleString('en-US')));
  });

  it('says 1 and -1 in the singular, every other count in the plural', () => {
    assert.strictEqual(plural(1, 'task'), '1 task');
    assert.strictEqual(plural(-1, 'workday'), '-1 workday');
    assert.strictEqual(plural(0, 'task'), '0 tasks');
    assert.strictEqual(plural(2, 'overdue follow-up'), '2 overdue follow-ups');
    assert.strictEqual(plural(1000, 'plan'), '1,000 plans');
  });
});
