import { describe, expect, it } from 'vitest';
import { billableRuleContext } from './billable-rule.js';
import { selectBillableRows } from './billable-selection.js';
import { parseBillingFields } from './billing-row.js';
import { buildBillingRow, TEST_NOW } from './testing/build-billing-row.js';

describe('selectBillableRows', () => {
  it('keeps the billable rows, counts the rest and gathers every finding', () => {
    const rows = [
      buildBillingRow(),
      buildBillingRow({ foreman: undefined }),
      buildBillingRow({ completed: false }),
      buildBillingRow({ price: 'abc' }),
      buildBillingRow({ workRequest: undefined }),
    ].map(parseBillingFields);
    const selection = selectBillableRows(rows, billableRuleContext(TEST_NOW));
    expect(selection.billable).toHaveLength(2);
    expect(selection.rejections.total).toBe(3);
    expect(selection.rejections.byWorkRequest['89708709']).toMatchObject({ NOT_COMPLETED: 1, BAD_PRICE: 1 });
    expect(selection.findings.map((finding) => finding.code).sort()).toEqual([
      'UNKNOWN_FOREMAN',
      'UNPARSEABLE_VALUE',
    ]);
  });
});
