import { describe, expect, it } from 'vitest';
import { buildRateUnit } from '../testing/build-rate-unit.js';
import { priceRateMismatchRule } from './price-rate-mismatch-rule.js';
import {
  buildAuditContext,
  buildCellChange,
  buildRateTable,
  buildRowCreated,
  buildRowDeleted,
} from './testing/build-attributed-change.js';

// ALB-6-AUR1 installs at $45.95; HUNDRED at $100.00 (tolerance exactly 50 cents); PENNY at $1.00
// (0.5 % is half a cent, so the $0.02 floor applies).
const rateTable = buildRateTable([
  buildRateUnit(),
  buildRateUnit({ cu: 'HUNDRED', installPriceCents: 10_000, line: 4 }),
  buildRateUnit({ cu: 'PENNY', installPriceCents: 100, line: 5 }),
]);
const context = buildAuditContext({ rateTable });

describe('PRICE_RATE_MISMATCH', () => {
  it.each([
    ['price on the rate', buildCellChange('price', '$45.95', { row: { price: '$40.00' } }), undefined],
    [
      '$100.50 against $100.00 (at the 0.5 % tolerance)',
      buildCellChange('price', '$100.50', { row: { cu: 'HUNDRED' } }),
      undefined,
    ],
    ['$100.51 against $100.00', buildCellChange('price', '$100.51', { row: { cu: 'HUNDRED' } }), 'LOW'],
    ['$99.49 against $100.00', buildCellChange('price', '$99.49', { row: { cu: 'HUNDRED' } }), 'LOW'],
    [
      '$1.02 against $1.00 (at the $0.02 floor)',
      buildCellChange('price', '$1.02', { row: { cu: 'PENNY' } }),
      undefined,
    ],
    ['$1.03 against $1.00', buildCellChange('price', '$1.03', { row: { cu: 'PENNY' } }), 'LOW'],
    ['$200.01 over the rate', buildCellChange('price', '$246.96'), 'MEDIUM'],
    ['$1,000.01 over the rate', buildCellChange('price', '$1,045.96'), 'HIGH'],
    ['$10,000 over the rate', buildCellChange('price', '$10,045.95'), 'CRITICAL'],
    ['quantity raised without the price', buildCellChange('quantity', 2), 'LOW'],
    [
      'CU spelled in another case',
      buildCellChange('price', '$50.00', { row: { cu: ' alb-6-aur1 ' } }),
      'LOW',
    ],
    ['a created row off the rate', buildRowCreated({ row: { price: '$50.00' } }), 'LOW'],
    [
      'removal priced at the removal rate',
      buildCellChange('workType', 'Rem', { row: { price: '$33.33' } }),
      undefined,
    ],
    ['a CU the table does not know', buildCellChange('price', '$50.00', { row: { cu: 'XYZ-1' } }), undefined],
    ['an unknown work type', buildCellChange('price', '$50.00', { row: { workType: 'Misc' } }), undefined],
    [
      'a row that is not billable',
      buildCellChange('price', '$50.00', { row: { completed: false } }),
      undefined,
    ],
    [
      'an unrelated field of a mismatched row',
      buildCellChange('pole', 'P-9', { row: { price: '$50.00' } }),
      undefined,
    ],
    ['a deleted row', buildRowDeleted({ row: { price: '$50.00' } }), undefined],
  ])('%s', (_name, change, severity) => {
    expect(priceRateMismatchRule(change, context)?.severity).toBe(severity);
  });

  it('does nothing without a rate table', () => {
    expect(priceRateMismatchRule(buildCellChange('price', '$999.00'), buildAuditContext())).toBeUndefined();
  });

  it('shows the expected price, the gap and the tolerance', () => {
    const finding = priceRateMismatchRule(
      buildCellChange('quantity', 1.5, { row: { price: '$45.95' } }),
      context,
    );
    expect(finding?.details).toMatchObject({
      expectedPriceCents: 6893,
      billedPriceCents: 4595,
      mismatchCents: -2298,
      toleranceCents: 34,
    });
    expect(finding?.issueDescription).toBe(
      'Row 12 of "Crew A Billing" (WR 89708709) bills $45.95 for 1.5 × ALB-6-AUR1 (install), but the contract rate of $45.95 gives $68.93: -$22.98 off, beyond the $0.34 tolerance.',
    );
    expect(finding?.suggestedFix).toContain('Correct the price to $68.93');
  });
});
