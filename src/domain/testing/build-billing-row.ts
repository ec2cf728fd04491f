import { billableRuleContext, evaluateBillable } from '../billable-rule.js';
import type { BillableRow } from '../billable-rule.js';
import { BILLING_FIELDS } from '../billing-field.js';
import type { BillingField } from '../billing-field.js';
import { parseBillingFields } from '../billing-row.js';
import type { BillingRow, SourceRow } from '../billing-row.js';
import type { CellValue } from '../cell-value.js';
import { DEFAULT_COLUMN_SYNONYMS } from '../column-mapping.js';
import type { SheetColumn } from '../column-mapping.js';

/** The sheet test rows live on unless a test says otherwise. */
export const TEST_SHEET_ID = 4_509_506_114_742_148;

/** "Now" for builders: Monday after the default test week, so that week is in the past. */
export const TEST_NOW = new Date('2025-08-18T15:00:00Z');

// Row ids count up per test file so every built row is distinct without a test naming ids.
let nextRowId = 1;

/**
 * A raw billing row as a source sheet would hold it: a completed, billable unit of Work Request
 * 89708709 in the week ending Sunday 2025-08-17, snapshot Monday 2025-08-11, $45.95. Override any
 * field, e.g. `buildBillingRow({ price: '(1.00)', foreman: undefined })`.
 */
export function buildBillingRow(overrides: Partial<BillingRow> = {}): BillingRow {
  const rowId = overrides.rowId ?? nextRowId++;
  return {
    sheetId: TEST_SHEET_ID,
    rowId,
    rowNumber: rowId,
    modifiedAt: '2025-08-12T14:30:00Z',
    workRequest: '89708709',
    weekEnding: '2025-08-17',
    snapshotDate: '2025-08-11',
    completed: true,
    price: '$45.95',
    quantity: 1,
    cu: 'ALB-6-AUR1',
    workType: 'Inst',
    description: 'ALB,6ft Alum Upsweep,Round 1 1/4" Dia',
    uom: 'EA',
    pole: 'P-101',
    foreman: 'Jane Roe',
    dept: '500',
    scope: 'SC-77',
    workOrder: 'WO-4410',
    job: 'J-2025-08',
    customer: 'Northern Power Co',
    area: 'North Yard',
    ...overrides,
  };
}

/**
 * A billable row, parsed and passed through the billable rule as of TEST_NOW; throws when the
 * overrides make it unbillable, so a test never groups a row it did not mean to.
 */
export function buildBillableRow(overrides: Partial<BillingRow> = {}): BillableRow {
  const outcome = evaluateBillable(
    parseBillingFields(buildBillingRow(overrides)),
    billableRuleContext(TEST_NOW),
  );
  if (!outcome.billable)
    throw new Error(`buildBillableRow: the overrides make the row unbillable (${outcome.reason})`);
  return outcome.row;
}

/** Sheet columns titled with the first default synonym of every billing field; ids 1001, 1002, … */
export function buildSheetColumns(): SheetColumn[] {
  return BILLING_FIELDS.map((field, index) => ({
    id: 1001 + index,
    title: DEFAULT_COLUMN_SYNONYMS[field][0] ?? field,
  }));
}

/** A Smartsheet-shaped row holding a billing row's values in the columns of buildSheetColumns. */
export function buildSourceRow(overrides: Partial<BillingRow> = {}): SourceRow {
  const row = buildBillingRow(overrides);
  const cells = BILLING_FIELDS.map((field: BillingField, index) => {
    const value: CellValue = row[field];
    return value === undefined ? { columnId: 1001 + index } : { columnId: 1001 + index, value };
  });
  return {
    sheetId: row.sheetId,
    rowId: row.rowId,
    rowNumber: row.rowNumber,
    modifiedAt: row.modifiedAt,
    cells,
  };
}
