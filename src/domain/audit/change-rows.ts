// The row on either side of a change, read the way billing reads it: parsed by the §1.3 parsers
// and judged by the §1.4 billable rule, with the week it belongs to (§1.5, regrouped).
import { billableRuleContext, evaluateBillable } from '../billable-rule.js';
import type { BillableOutcome } from '../billable-rule.js';
import { BILLING_FIELDS } from '../billing-field.js';
import { parseBillingFields } from '../billing-row.js';
import type { BillingRow, ParsedBillingRow } from '../billing-row.js';
import type { IsoDate, Weekday } from '../calendar-date.js';
import { isBlankCell } from '../cell-value.js';
import type { CellValue } from '../cell-value.js';
import type { SnapshotValues } from '../row-fingerprint.js';
import { weekEndingFor } from '../week-ending.js';
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';

/** One side of a change: the raw values, their parse, the billable verdict and the row's week. */
export interface RowState {
  readonly values: SnapshotValues;
  readonly parsed: ParsedBillingRow;
  readonly outcome: BillableOutcome;
  readonly billable: boolean;
  /** The week the row belongs to: its week ending moved to the week-end day (§1.5). */
  readonly week: IsoDate | undefined;
}

/** The row before and after a change; a created row has no `before`, a deleted one no `after`. */
export interface ChangeRows {
  readonly before: RowState | undefined;
  readonly after: RowState | undefined;
}

// After this date the next week-end day may fall past year 9999 (as in billable-rule.ts).
const LAST_REGROUPABLE_DATE = '9999-12-25';

/** The week a date belongs to (§1.5), or undefined for a missing date or one past the calendar. */
export function weekOfDate(date: IsoDate | undefined, weekEndDay: Weekday): IsoDate | undefined {
  if (date === undefined || date > LAST_REGROUPABLE_DATE) return undefined;
  return weekEndingFor(date, weekEndDay);
}

// Rules run one after another on the same change; the rows are parsed once per change and context.
const cache = new WeakMap<AttributedChange, WeakMap<AuditContext, ChangeRows>>();

/**
 * The row before and after a change. For a cell change the cell's old and new values are
 * authoritative for that field; the rest of the row comes from `rowBefore`/`rowAfter`, each
 * standing in for the other when only one was given. The billable rule's "today" is the change's
 * own day in the organisation's zone, so judging a change does not depend on when it is audited.
 */
export function changeRowsOf(change: AttributedChange, context: AuditContext): ChangeRows {
  let byContext = cache.get(change);
  if (!byContext) {
    byContext = new WeakMap();
    cache.set(change, byContext);
  }
  let rows = byContext.get(context);
  if (!rows) {
    rows = readChangeRows(change, context);
    byContext.set(context, rows);
  }
  return rows;
}

function readChangeRows(change: AttributedChange, context: AuditContext): ChangeRows {
  const ruleContext = billableRuleContext(change.changedAt, {
    timeZone: context.weekClose.timeZone,
    weekEndDay: context.weekEndDay,
  });
  const state = (values: SnapshotValues): RowState => {
    const parsed = parseBillingFields(billingRowOf(change, values));
    const outcome = evaluateBillable(parsed, ruleContext);
    return {
      values,
      parsed,
      outcome,
      billable: outcome.billable,
      week: outcome.billable ? outcome.row.weekEnding : weekOfDate(parsed.weekEnding, context.weekEndDay),
    };
  };
  switch (change.kind) {
    case 'row-created':
      return { before: undefined, after: state(change.rowAfter ?? {}) };
    case 'row-deleted':
      return { before: state(change.rowBefore ?? {}), after: undefined };
    case 'cell': {
      const before = withCell(change.rowBefore ?? change.rowAfter ?? {}, change, change.oldValue);
      const after = withCell(change.rowAfter ?? change.rowBefore ?? {}, change, change.newValue);
      return { before: state(before), after: state(after) };
    }
  }
}

function withCell(values: SnapshotValues, change: AttributedChange, value: CellValue): SnapshotValues {
  if (change.field === undefined) return values;
  const copy: SnapshotValues = { ...values };
  if (isBlankCell(value)) delete copy[change.field];
  else copy[change.field] = value;
  return copy;
}

function billingRowOf(change: AttributedChange, values: SnapshotValues): BillingRow {
  const row: { -readonly [K in keyof BillingRow]?: BillingRow[K] } = {
    sheetId: change.sheetId,
    rowId: change.rowId,
    rowNumber: change.rowNumber,
    modifiedAt: undefined,
  };
  for (const field of BILLING_FIELDS) row[field] = values[field];
  return row as BillingRow;
}
