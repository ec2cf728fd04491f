import { BILLING_FIELDS } from './billing-field.js';
import type { BillingField } from './billing-field.js';
import { parseDate } from './calendar-date.js';
import type { IsoDate } from './calendar-date.js';
import { cellText, isBlankCell } from './cell-value.js';
import type { CellValue } from './cell-value.js';
import { parseCheckbox } from './checkbox.js';
import type { ColumnMapping } from './column-mapping.js';
import { parseDateTime } from './date-time.js';
import { parseMoney } from './money.js';
import type { Cents } from './money.js';
import { parseQuantity } from './quantity.js';
import type { Result } from './result.js';
import { parseWorkType } from './work-type.js';
import type { WorkType } from './work-type.js';
import { normaliseWorkRequest } from './work-request.js';

/** A row of a source sheet as read from Smartsheet: its cells by column id. */
export interface SourceRow {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number;
  /** Row `modifiedAt`, ISO-8601 (smartsheet-api.md §4.3). */
  readonly modifiedAt?: string | undefined;
  readonly cells: readonly { readonly columnId: number; readonly value?: CellValue }[];
}

/** Where a billing row came from. */
export interface BillingRowOrigin {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number;
  readonly modifiedAt: string | undefined;
}

/**
 * One source row with every billing field of billing-domain.md §1.2 as its raw cell value
 * (undefined when the sheet has no such column or the cell is empty). Nothing is interpreted yet.
 */
export type BillingRow = BillingRowOrigin & { readonly [F in BillingField]: CellValue };

/** A value that was present but could not be read; it becomes a data-quality finding. */
export interface ValueIssue {
  readonly field: BillingField | 'modifiedAt';
  readonly value: CellValue;
  readonly reason: string;
}

/** A billing row with every field read by its kind's parser (billing-domain.md §1.3). */
export interface ParsedBillingRow {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number;
  readonly modifiedAt: Date | undefined;
  readonly workRequest: string | undefined;
  /** The week ending as typed; the billable rule may regroup it (§1.5). */
  readonly weekEnding: IsoDate | undefined;
  readonly snapshotDate: IsoDate | undefined;
  readonly completed: boolean;
  readonly priceCents: Cents | undefined;
  readonly quantity: number | undefined;
  /** The quantity as typed (`2 EA`), kept for printing when it cannot be read. */
  readonly quantityText: string | undefined;
  readonly cu: string | undefined;
  readonly workType: WorkType;
  /** The work type as typed (`Inst`), which the report prints. */
  readonly workTypeText: string | undefined;
  readonly description: string | undefined;
  readonly uom: string | undefined;
  readonly pole: string | undefined;
  readonly foreman: string | undefined;
  readonly dept: string | undefined;
  readonly scope: string | undefined;
  readonly workOrder: string | undefined;
  readonly job: string | undefined;
  readonly customer: string | undefined;
  readonly area: string | undefined;
  /** Non-blank values that failed to parse. Blank values are simply absent. */
  readonly issues: readonly ValueIssue[];
}

// Per mapping, which fields each column feeds; rows of one sheet share one mapping object.
const fieldsByColumnCache = new WeakMap<ColumnMapping, ReadonlyMap<number, readonly BillingField[]>>();

function fieldsByColumn(mapping: ColumnMapping): ReadonlyMap<number, readonly BillingField[]> {
  let index = fieldsByColumnCache.get(mapping);
  if (!index) {
    const built = new Map<number, BillingField[]>();
    for (const field of BILLING_FIELDS) {
      const columnId = mapping.columnIds[field];
      if (columnId === undefined) continue;
      const fields = built.get(columnId) ?? [];
      fields.push(field);
      built.set(columnId, fields);
    }
    index = built;
    fieldsByColumnCache.set(mapping, index);
  }
  return index;
}

/** Picks the billing fields out of a source row's cells through the sheet's column mapping. */
export function readBillingRow(row: SourceRow, mapping: ColumnMapping): BillingRow {
  // One literal with every field keeps a single object shape across rows (fast property access).
  const billingRow: { -readonly [K in keyof BillingRow]: BillingRow[K] } = {
    sheetId: row.sheetId,
    rowId: row.rowId,
    rowNumber: row.rowNumber,
    modifiedAt: row.modifiedAt,
    workRequest: undefined,
    weekEnding: undefined,
    snapshotDate: undefined,
    completed: undefined,
    price: undefined,
    quantity: undefined,
    cu: undefined,
    workType: undefined,
    description: undefined,
    uom: undefined,
    pole: undefined,
    foreman: undefined,
    dept: undefined,
    scope: undefined,
    workOrder: undefined,
    job: undefined,
    customer: undefined,
    area: undefined,
  };
  const index = fieldsByColumn(mapping);
  for (const cell of row.cells) {
    const fields = index.get(cell.columnId);
    if (!fields) continue;
    for (const field of fields) billingRow[field] = cell.value;
  }
  return billingRow;
}

/**
 * Reads every billing field of a source row with its parser (billing-domain.md §1.2–1.3).
 * Never throws: an unreadable value becomes an issue and the field is left undefined.
 */
export function parseBillingRow(row: SourceRow, mapping: ColumnMapping): ParsedBillingRow {
  return parseBillingFields(readBillingRow(row, mapping));
}

/** Parses a BillingRow whose raw values are already picked out (see parseBillingRow). */
export function parseBillingFields(row: BillingRow): ParsedBillingRow {
  const issues: ValueIssue[] = [];
  // A blank cell is "missing", judged by the rules; only a present, unreadable value is an issue.
  function read<T>(
    field: ValueIssue['field'],
    value: CellValue,
    parse: (value: CellValue) => Result<T>,
  ): T | undefined {
    if (isBlankCell(value)) return undefined;
    const result = parse(value);
    if (result.ok) return result.value;
    issues.push({ field, value, reason: result.reason });
    return undefined;
  }
  const workType = parseWorkType(row.workType);
  const workTypeText = cellText(row.workType);
  if (workTypeText !== undefined && workType === 'unknown') {
    issues.push({
      field: 'workType',
      value: row.workType,
      reason: `unrecognised work type: "${workTypeText}"`,
    });
  }
  const workRequest = normaliseWorkRequest(row.workRequest);
  return {
    sheetId: row.sheetId,
    rowId: row.rowId,
    rowNumber: row.rowNumber,
    modifiedAt: read('modifiedAt', row.modifiedAt, parseDateTime),
    workRequest,
    weekEnding: read('weekEnding', row.weekEnding, parseDate),
    snapshotDate: read('snapshotDate', row.snapshotDate, parseDate),
    completed: parseCheckbox(row.completed),
    priceCents: read('price', row.price, parseMoney),
    quantity: read('quantity', row.quantity, parseQuantity),
    quantityText: cellText(row.quantity),
    cu: cellText(row.cu),
    workType,
    workTypeText,
    description: cellText(row.description),
    uom: cellText(row.uom),
    pole: cellText(row.pole),
    foreman: cellText(row.foreman),
    dept: cellText(row.dept),
    scope: cellText(row.scope),
    workOrder: cellText(row.workOrder),
    job: cellText(row.job),
    customer: cellText(row.customer),
    area: cellText(row.area),
    issues,
  };
}
