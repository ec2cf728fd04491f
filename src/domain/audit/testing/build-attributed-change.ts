import type { BillingField } from '../../billing-field.js';
import type { BillingRow } from '../../billing-row.js';
import type { CellValue } from '../../cell-value.js';
import { rateTableFingerprint } from '../../rate-table.js';
import type { RateTable, RateUnit } from '../../rate-table.js';
import { snapshotValuesOf } from '../../row-fingerprint.js';
import type { SnapshotValues } from '../../row-fingerprint.js';
import { buildBillingRow, TEST_SHEET_ID } from '../../testing/build-billing-row.js';
import { buildRateUnit } from '../../testing/build-rate-unit.js';
import type { AttributedChange, ChangeEditor } from '../attributed-change.js';
import { defaultAuditContext } from '../audit-context.js';
import type { AuditContext, AuditContextOptions } from '../audit-context.js';

/** The audit run's instant: Wednesday 2025-08-20, after the test week (ending 2025-08-17) closed. */
export const AUDIT_NOW = new Date('2025-08-20T15:00:00Z');
/** Monday 2025-08-18 10:00 in Chicago: the week ending 2025-08-17 closed at 05:00Z that day. */
export const AFTER_CLOSE = new Date('2025-08-18T15:00:00Z');
/** Friday 2025-08-15 in Chicago: the week ending 2025-08-17 is still open. */
export const BEFORE_CLOSE = new Date('2025-08-15T15:00:00Z');

/** An office editor on the sheet's authorised list, without billing.correct. */
export const JANE: ChangeEditor = { email: 'jane@example.com', name: 'Jane Roe' };
/** An authorised editor holding billing.correct. */
export const PAT: ChangeEditor = { email: 'pat@example.com', name: 'Pat Lee' };
/** Someone not on the sheet's list. */
export const MALLORY: ChangeEditor = { email: 'mallory@example.com', name: 'Mallory Doe' };
/** Cell history could not tell who. */
export const UNKNOWN_EDITOR: ChangeEditor = { email: null };
/** Smartsheet's automation identity. */
export const AUTOMATION: ChangeEditor = { email: 'automation@smartsheet.com', name: 'Automation' };

export const TEST_SHEET_NAME = 'Crew A Billing';
export const TEST_PERMALINK = 'https://app.smartsheet.com/sheets/abc123';
export const TEST_ROW_ID = 7_001;

/**
 * The audit context tests judge in: AUDIT_NOW, run `run-test`, the test sheet's authorised list
 * holding Jane and Pat (and no automation), Pat the only corrector, no rate table.
 */
export function buildAuditContext(overrides: Partial<AuditContextOptions> = {}): AuditContext {
  return defaultAuditContext({
    now: AUDIT_NOW,
    runId: 'run-test',
    authorizedEditors: new Map([[TEST_SHEET_ID, new Set(['jane@example.com', 'Pat@Example.com'])]]),
    correctors: new Set(['pat@example.com']),
    ...overrides,
  });
}

/** The billing values of the default test row (WR 89708709, week ending 2025-08-17, $45.95), overridden. */
export function buildRowValues(overrides: Partial<BillingRow> = {}): SnapshotValues {
  return snapshotValuesOf(buildBillingRow({ rowId: TEST_ROW_ID, ...overrides }));
}

/** Everything about a change that is not its kind, cells and rows. */
export interface ChangeOptions {
  readonly row?: Partial<BillingRow>;
  readonly editor?: ChangeEditor;
  readonly changedAt?: Date;
  readonly revision?: string;
  readonly columnName?: string;
  readonly rowAfter?: Partial<BillingRow>;
}

/**
 * A cell change of `field` to `newValue` on the test row (default values, `row` overrides), by
 * Jane, after the week closed. `rowAfter` overrides other cells of the row after the change, as
 * when several cells changed in one sync.
 */
export function buildCellChange(
  field: BillingField,
  newValue: CellValue,
  options: ChangeOptions = {},
): AttributedChange {
  const before = buildRowValues(options.row);
  const after: SnapshotValues = { ...buildRowValues({ ...options.row, ...options.rowAfter }) };
  if (newValue === undefined || newValue === null || newValue === '') delete after[field];
  else after[field] = newValue;
  const changedAt = options.changedAt ?? AFTER_CLOSE;
  return {
    kind: 'cell',
    sheetId: TEST_SHEET_ID,
    sheetName: TEST_SHEET_NAME,
    rowId: TEST_ROW_ID,
    rowNumber: 12,
    field,
    columnName: options.columnName ?? field,
    oldValue: before[field],
    newValue,
    rowBefore: before,
    rowAfter: after,
    editor: options.editor ?? JANE,
    changedAt,
    revision: options.revision ?? changedAt.toISOString(),
    sheetPermalink: TEST_PERMALINK,
  };
}

/** The test row (with overrides) appearing on the sheet. */
export function buildRowCreated(options: ChangeOptions = {}): AttributedChange {
  const changedAt = options.changedAt ?? AFTER_CLOSE;
  return {
    kind: 'row-created',
    sheetId: TEST_SHEET_ID,
    sheetName: TEST_SHEET_NAME,
    rowId: TEST_ROW_ID,
    rowNumber: 12,
    rowAfter: buildRowValues(options.row),
    editor: options.editor ?? JANE,
    changedAt,
    revision: options.revision ?? `row-created@${changedAt.toISOString()}`,
    sheetPermalink: TEST_PERMALINK,
  };
}

/** The test row (with overrides) disappearing; Smartsheet does not say who deleted it. */
export function buildRowDeleted(options: ChangeOptions = {}): AttributedChange {
  const changedAt = options.changedAt ?? AFTER_CLOSE;
  return {
    kind: 'row-deleted',
    sheetId: TEST_SHEET_ID,
    sheetName: TEST_SHEET_NAME,
    rowId: TEST_ROW_ID,
    rowNumber: 12,
    rowBefore: buildRowValues(options.row),
    editor: options.editor ?? UNKNOWN_EDITOR,
    changedAt,
    revision: options.revision ?? `row-deleted@${changedAt.toISOString()}`,
    sheetPermalink: TEST_PERMALINK,
  };
}

/** A rate table of the given units (default: ALB-6-AUR1 at $45.95 install). */
export function buildRateTable(units: readonly RateUnit[] = [buildRateUnit()]): RateTable {
  return {
    units,
    byCu: new Map(units.map((unit) => [unit.cu.toUpperCase(), unit])),
    fingerprint: rateTableFingerprint(units),
    warnings: [],
  };
}
