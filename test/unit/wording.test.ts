/** Counts in words (src/shared/wording.ts), the same in the extension host and the webview. */
import * as assert from 'assert';
import fc from 'fast-check';
import { checkSummaryText } from '../../src/shared/checkSummary';
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

describe('the summary of "Check All Plans"', () => {
  const text = (plans: number, withErrors: number, overdueTasks: number, overdueFollowUps: number): string =>
    checkSummaryText({ plans, withErrors, overdueTasks, overdueFollowUps });

  it('says how many plans, how many with errors, and what is overdue', () => {
    assert.strictEqual(text(42, 3, 5, 0), '42 plans: 3 with errors, 5 overdue tasks.');
    assert.strictEqual(text(1, 1, 1, 1), '1 plan: 1 with errors, 1 overdue task, 1 overdue follow-up.');
    assert.strictEqual(text(6, 0, 0, 2), '6 plans: no errors, 2 overdue follow-ups.');
    assert.strictEqual(text(1200, 0, 0, 0), '1,200 plans: no errors, nothing overdue.');
  });

  it('says where plans are looked for when there is none', () => {
    assert.strictEqual(text(0, 0, 0, 0), 'No plan in the workspace (*.workback.yaml).');
  });
});
