import { describe, expect, it } from 'vitest';
import { priceOverrideRule } from './price-override-rule.js';
import { BEFORE_CLOSE, buildAuditContext, buildCellChange } from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('PRICE_OVERRIDE', () => {
  it.each([
    ['price raised, unit unchanged', buildCellChange('price', '$60.00'), 'MEDIUM'],
    [
      'price cut, unit unchanged, open week',
      buildCellChange('price', '$1.00', { changedAt: BEFORE_CLOSE }),
      'MEDIUM',
    ],
    ['a $20,000 override is still MEDIUM', buildCellChange('price', '$20,045.95'), 'MEDIUM'],
    ['price cleared', buildCellChange('price', undefined), 'MEDIUM'],
    [
      'quantity changed in the same sync',
      buildCellChange('price', '$91.90', { rowAfter: { quantity: 2 } }),
      undefined,
    ],
    [
      'CU changed in the same sync',
      buildCellChange('price', '$60.00', { rowAfter: { cu: 'ALB-8-AUR1' } }),
      undefined,
    ],
    [
      'work type changed in the same sync',
      buildCellChange('price', '$33.33', { rowAfter: { workType: 'Rem' } }),
      undefined,
    ],
    [
      'first price typed into a blank cell',
      buildCellChange('price', '$45.95', { row: { price: undefined } }),
      undefined,
    ],
    ['same amount retyped', buildCellChange('price', 45.95), undefined],
    ['a quantity change', buildCellChange('quantity', 2), undefined],
  ])('%s', (_name, change, severity) => {
    expect(priceOverrideRule(change, context)?.severity).toBe(severity);
  });

  it('names the override and the unit it left alone', () => {
    const finding = priceOverrideRule(buildCellChange('price', '$60.00'), context);
    expect(finding?.deltaCents).toBe(1405);
    expect(finding?.issueDescription).toBe(
      'Jane Roe (jane@example.com) changed the price on row 12 of "Crew A Billing" (WR 89708709) from $45.95 to $60.00 (+$14.05) while the unit stayed the same (quantity 1, CU ALB-6-AUR1, work type Inst): a manual price override.',
    );
  });
});
