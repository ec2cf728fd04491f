import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from '../money.js';
import { financialImpactOf } from './financial-impact.js';
import {
  buildAuditContext,
  buildCellChange,
  buildRateTable,
  buildRowCreated,
  buildRowDeleted,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('financialImpactOf (billing-domain.md §3.2)', () => {
  it('prices a price change as new − old, for any amounts in cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
        (oldCents, newCents) => {
          const change = buildCellChange('price', formatCents(newCents), {
            row: { price: formatCents(oldCents) },
          });
          expect(financialImpactOf(change, context).deltaCents).toBe(newCents - oldCents);
        },
      ),
    );
  });

  it.each([
    ['price typed as a number', buildCellChange('price', 60, { row: { price: 45.95 } }), 1405],
    ['price cleared', buildCellChange('price', undefined), -4595],
    ['price unreadable', buildCellChange('price', 'call me'), null],
    ['completed unchecked', buildCellChange('completed', false), -4595],
    ['completed checked', buildCellChange('completed', true, { row: { completed: false } }), 4595],
    ['week moved', buildCellChange('weekEnding', '2025-08-24'), -4595],
    ['week ending retyped inside the same week', buildCellChange('weekEnding', '2025-08-16'), 0],
    ['snapshot moved to another week', buildCellChange('snapshotDate', '2025-08-19'), -4595],
    ['snapshot moved within the week', buildCellChange('snapshotDate', '2025-08-12'), 0],
    ['work request changed', buildCellChange('workRequest', '89708710'), -4595],
    ['CU changed', buildCellChange('cu', 'ALB-8-AUR1'), 0],
    ['pole changed', buildCellChange('pole', 'P-102'), 0],
    ['billable row created', buildRowCreated(), 4595],
    ['unbillable row created', buildRowCreated({ row: { completed: false } }), 0],
    ['billable row deleted', buildRowDeleted(), -4595],
    ['unbillable row deleted', buildRowDeleted({ row: { price: '$0.00' } }), 0],
  ])('%s', (_name, change, delta) => {
    expect(financialImpactOf(change, context).deltaCents).toBe(delta);
  });

  it('records both weeks of a move', () => {
    const impact = financialImpactOf(buildCellChange('weekEnding', '2025-08-24'), context);
    expect(impact).toMatchObject({ basis: 'week-moved', fromWeek: '2025-08-17', toWeek: '2025-08-24' });
  });

  describe('quantity change: (new − old) × unit price', () => {
    it.each([
      // price ÷ old quantity: $100.00 for 2 → 3 units is +$50.00
      ['from the row price', { price: '$100.00', quantity: 2 }, 3, 5_000],
      ['with exact decimals', { price: '$11.00', quantity: 1.1 }, 1.2, 1_000 / 10],
      ['rounding half away from zero', { price: '$1.00', quantity: 3 }, 2, -33],
      ['decorated quantities', { price: '$10.00', quantity: '2 EA' }, '5 EA', 1_500],
      ['old quantity zero: unknown', { price: '$10.00', quantity: 0 }, 1, null],
      ['unreadable quantity: unknown', { price: '$10.00', quantity: 2 }, '1/2', null],
    ])('%s', (_name, row, newQuantity, delta) => {
      const impact = financialImpactOf(buildCellChange('quantity', newQuantity, { row }), context);
      expect(impact.deltaCents).toBe(delta);
    });

    it('uses the contract rate when the rate table knows the unit', () => {
      const withRates = buildAuditContext({ rateTable: buildRateTable() });
      // ALB-6-AUR1 installs at $45.95: 0.5 more units is 22.975 cents → 2,298 rounded half up
      const impact = financialImpactOf(
        buildCellChange('quantity', 1.5, { row: { price: '$99.00' } }),
        withRates,
      );
      expect(impact).toMatchObject({
        deltaCents: 2_298,
        unitPriceCents: 4_595,
        unitPriceSource: 'contract-rate',
      });
    });

    it('says when the unit price came from the row', () => {
      const impact = financialImpactOf(
        buildCellChange('quantity', 4, { row: { price: '$100.00', quantity: 2 } }),
        context,
      );
      expect(impact).toMatchObject({ unitPriceCents: 5_000, unitPriceSource: 'row-price' });
    });
  });
});
