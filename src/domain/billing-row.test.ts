import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableRuleContext, evaluateBillable } from './billable-rule.js';
import { BILLING_FIELDS } from './billing-field.js';
import { parseBillingFields, parseBillingRow, readBillingRow } from './billing-row.js';
import { mapColumns } from './column-mapping.js';
import { buildBillingRow, buildSheetColumns, buildSourceRow, TEST_NOW } from './testing/build-billing-row.js';

describe('parseBillingRow', () => {
  it('reads a source row through the column mapping into typed fields', () => {
    const mapping = mapColumns(buildSheetColumns());
    const row = parseBillingRow(
      buildSourceRow({
        rowId: 42,
        workRequest: 89708709.0,
        price: '$1,234.56',
        quantity: '2 EA',
        completed: 'Yes',
      }),
      mapping,
    );
    expect(row).toMatchObject({
      rowId: 42,
      workRequest: '89708709',
      weekEnding: '2025-08-17',
      snapshotDate: '2025-08-11',
      completed: true,
      priceCents: 123456,
      quantity: 2,
      quantityText: '2 EA',
      workType: 'install',
      workTypeText: 'Inst',
      foreman: 'Jane Roe',
      issues: [],
    });
    expect(row.modifiedAt?.toISOString()).toBe('2025-08-12T14:30:00.000Z');
  });

  it('leaves fields of unmapped columns undefined', () => {
    const mapping = mapColumns(buildSheetColumns().filter((column) => column.title !== 'Foreman'));
    const raw = readBillingRow(buildSourceRow(), mapping);
    expect(raw.foreman).toBeUndefined();
    expect(raw.workRequest).toBe('89708709');
  });

  it('records each present but unreadable value as an issue and leaves the field undefined', () => {
    const row = parseBillingFields(
      buildBillingRow({
        price: 'abc',
        quantity: 'lots',
        weekEnding: 45000,
        snapshotDate: '8/11/25',
        workType: 'Replace',
        modifiedAt: 'yesterday',
      }),
    );
    expect(row.priceCents).toBeUndefined();
    expect(row.quantity).toBeUndefined();
    expect(row.quantityText).toBe('lots');
    expect(row.weekEnding).toBeUndefined();
    expect(row.issues.map((issue) => issue.field).sort()).toEqual(
      ['modifiedAt', 'price', 'quantity', 'snapshotDate', 'weekEnding', 'workType'].sort(),
    );
  });

  it('treats blanks as missing, not as issues', () => {
    const row = parseBillingFields(
      buildBillingRow({ price: '  ', quantity: undefined, weekEnding: null, foreman: '' }),
    );
    expect(row.issues).toEqual([]);
    expect(row.foreman).toBeUndefined();
    expect(row.priceCents).toBeUndefined();
  });

  it('prints text fields trimmed and numbers as typed', () => {
    const row = parseBillingFields(buildBillingRow({ pole: 12, cu: '  ALB-6-AUR1 ', dept: 500 }));
    expect([row.pole, row.cu, row.dept]).toEqual(['12', 'ALB-6-AUR1', '500']);
  });

  it('never throws on any cell values and always reaches a verdict (invariant 8)', () => {
    const cellValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constantFrom(
        '$1,234.56',
        '(1.00)',
        '2 EA',
        '2025-08-17',
        '2025-02-30',
        '#NO MATCH',
        'Inst',
        '89708709.0',
        '9999-12-31',
      ),
    );
    const context = billableRuleContext(TEST_NOW);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...BILLING_FIELDS), cellValue), (values) => {
        const outcome = evaluateBillable(parseBillingFields(buildBillingRow(values)), context);
        expect(typeof outcome.billable).toBe('boolean');
        for (const finding of outcome.findings) expect(finding.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
