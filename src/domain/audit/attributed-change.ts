// The input of the change audit: one detected change, attributed to an editor by cell history
// (billing-domain.md §3.1). Sync finds it by diffing snapshots; attribution says who and when.
import type { BillingField } from '../billing-field.js';
import type { CellValue } from '../cell-value.js';
import type { SnapshotValues } from '../row-fingerprint.js';

/** A change of one billing cell, or a whole row appearing or disappearing. */
export type ChangeKind = 'cell' | 'row-created' | 'row-deleted';

/** Who made a change; `email` is null when cell history could not tell (judged as unauthorised). */
export interface ChangeEditor {
  readonly email: string | null;
  readonly name?: string | undefined;
}

/** One change as sync and attribution produce it. */
export interface AttributedChange {
  readonly kind: ChangeKind;
  readonly sheetId: number;
  readonly sheetName: string;
  readonly rowId: number;
  readonly rowNumber: number;
  /** The billing field of the cell (cell changes only). */
  readonly field?: BillingField | undefined;
  /** The column title on the sheet (cell changes only); events name the column by it. */
  readonly columnName?: string | undefined;
  /** The cell before and after (cell changes only); undefined or null is a blank cell. */
  readonly oldValue?: CellValue;
  readonly newValue?: CellValue;
  /** The row's billing values before the change (absent for a created row). */
  readonly rowBefore?: SnapshotValues | undefined;
  /** The row's billing values after the change (absent for a deleted row). */
  readonly rowAfter?: SnapshotValues | undefined;
  readonly editor: ChangeEditor;
  readonly changedAt: Date;
  /**
   * Unique per change of that cell: the cell-history `modifiedAt` ISO, or `row-deleted@<iso>`.
   * With sheet, row and column it is the natural key that makes re-processing idempotent.
   */
  readonly revision: string;
  /** The sheet's permalink, from which the row's link is built. */
  readonly sheetPermalink?: string | undefined;
  /** What made the change when history says (e.g. an automation workflow name). */
  readonly changeAgent?: string | undefined;
}

/**
 * The billing fields whose changes the audit watches (billing-domain.md §3.1): what is billed
 * (price, quantity, cu, workType, completed), when (weekEnding, snapshotDate), for whom
 * (workRequest) and where (pole). Row creation and deletion are watched too.
 */
export const WATCHED_BILLING_FIELDS = [
  'price',
  'quantity',
  'cu',
  'workType',
  'completed',
  'weekEnding',
  'snapshotDate',
  'workRequest',
  'pole',
] as const satisfies readonly BillingField[];

const WATCHED: ReadonlySet<BillingField> = new Set(WATCHED_BILLING_FIELDS);

/** True for a row creation or deletion, or a change of a watched billing field (§3.1). */
export function isWatchedChange(change: AttributedChange): boolean {
  if (change.kind !== 'cell') return true;
  return change.field !== undefined && WATCHED.has(change.field);
}
