import type { ParsedBillingRow, ValueIssue } from './billing-row.js';
import { addYears, weekdayName, weekdayOf } from './calendar-date.js';
import type { IsoDate, Weekday } from './calendar-date.js';
import { describeCellValue } from './cell-value.js';
import type { DataQualityFinding } from './data-quality.js';
import { DataQualityCode } from './data-quality.js';
import type { Cents } from './money.js';
import { RejectionReason } from './rejection-reason.js';
import { calendarDateIn, DEFAULT_TIME_ZONE } from './time-zone.js';
import { DEFAULT_WEEK_END_DAY, weekEndingFor } from './week-ending.js';

/** The foreman a billable row without one is billed under (billing-domain.md §1.4 Decision). */
export const UNKNOWN_FOREMAN = 'Unknown Foreman';

// billing-domain.md §3.3: dates further than this from today are implausible.
const YEARS_AHEAD_PLAUSIBLE = 2;
const YEARS_BACK_PLAUSIBLE = 10;
const LAST_REGROUPABLE_DATE = '9999-12-25';
// Fields whose unreadable value changes what is billed; their findings are MEDIUM.
const BILLING_CRITICAL_FIELDS: ReadonlySet<string> = new Set(['price', 'weekEnding', 'workRequest']);

/** What the billable rule needs to know besides the row. */
export interface BillableRuleContext {
  /** The organisation's calendar date now, for future and implausible dates. */
  readonly today: IsoDate;
  readonly weekEndDay: Weekday;
}

/**
 * The rule context for an instant: today in the organisation's zone. Built once per run, not
 * per row, since it formats a date in a time zone.
 */
export function billableRuleContext(
  now: Date,
  options: { timeZone?: string; weekEndDay?: Weekday } = {},
): BillableRuleContext {
  return {
    today: calendarDateIn(now, options.timeZone ?? DEFAULT_TIME_ZONE),
    weekEndDay: options.weekEndDay ?? DEFAULT_WEEK_END_DAY,
  };
}

/** A row that will be billed: every billing requirement holds and the week is regrouped. */
export interface BillableRow extends ParsedBillingRow {
  readonly workRequest: string;
  /** The week the row is billed in: the recorded week ending moved to the week-end day (§1.5). */
  readonly weekEnding: IsoDate;
  /** The week ending as typed in the sheet. */
  readonly recordedWeekEnding: IsoDate;
  readonly completed: true;
  readonly priceCents: Cents;
  /** The foreman as typed, or `Unknown Foreman`. */
  readonly foreman: string;
}

/** The billable rule's verdict on one row, with the data-quality findings it raised. */
export type BillableOutcome =
  | { readonly billable: true; readonly row: BillableRow; readonly findings: readonly DataQualityFinding[] }
  | {
      readonly billable: false;
      readonly reason: RejectionReason;
      readonly row: ParsedBillingRow;
      readonly findings: readonly DataQualityFinding[];
    };

/**
 * Applies the billable rule of billing-domain.md §1.4 to a parsed row. Billable when the Work
 * Request is present, the week ending parses, the units are completed, the price parses and is
 * above zero, and the CU is not a `NO MATCH` placeholder; otherwise rejected with the first
 * failing reason (RejectionReason order). Findings cover unreadable values, implausible dates,
 * a future Snapshot Date, and on billable rows the `Unknown Foreman` and regrouped-week decisions.
 */
export function evaluateBillable(row: ParsedBillingRow, context: BillableRuleContext): BillableOutcome {
  const findings: DataQualityFinding[] = row.issues.map((issue) => unparseableFinding(row, issue));
  findings.push(...dateFindings(row, context.today));
  const verdict = checkBillable(row);
  if (!verdict.ok) return { billable: false, reason: verdict.reason, row, findings };

  const { workRequest, recordedWeekEnding, priceCents } = verdict;
  const weekEnding = weekEndingFor(recordedWeekEnding, context.weekEndDay);
  if (weekEnding !== recordedWeekEnding) {
    findings.push({
      ...locate(row),
      code: DataQualityCode.WEEK_ENDING_NOT_WEEK_END_DAY,
      severity: 'MEDIUM',
      field: 'weekEnding',
      message: `Week ending ${recordedWeekEnding} is a ${weekdayName(weekdayOf(recordedWeekEnding))}, not a ${weekdayName(context.weekEndDay)}; billed in the week ending ${weekEnding}.`,
    });
  }
  if (row.foreman === undefined) {
    findings.push({
      ...locate(row),
      code: DataQualityCode.UNKNOWN_FOREMAN,
      severity: 'MEDIUM',
      field: 'foreman',
      message: `Billable row has no foreman; billed under "${UNKNOWN_FOREMAN}".`,
    });
  }
  const billableRow: BillableRow = {
    ...row,
    workRequest,
    weekEnding,
    recordedWeekEnding,
    completed: true,
    priceCents,
    foreman: row.foreman ?? UNKNOWN_FOREMAN,
  };
  return { billable: true, row: billableRow, findings };
}

/** The first billable requirement the row fails, in RejectionReason order; undefined if none. */
export function rejectionReasonOf(row: ParsedBillingRow): RejectionReason | undefined {
  const verdict = checkBillable(row);
  return verdict.ok ? undefined : verdict.reason;
}

type BillableCheck =
  | { ok: true; workRequest: string; recordedWeekEnding: IsoDate; priceCents: Cents }
  | { ok: false; reason: RejectionReason };

function checkBillable(row: ParsedBillingRow): BillableCheck {
  const { workRequest, weekEnding, priceCents, cu } = row;
  if (workRequest === undefined) return { ok: false, reason: RejectionReason.MISSING_WORK_REQUEST };
  // After 9999-12-25 the next week-end day may fall past the calendar's end: a typo, not a week.
  if (weekEnding === undefined || weekEnding > LAST_REGROUPABLE_DATE) {
    return { ok: false, reason: RejectionReason.BAD_WEEK_ENDING };
  }
  if (!row.completed) return { ok: false, reason: RejectionReason.NOT_COMPLETED };
  if (priceCents === undefined || priceCents <= 0) return { ok: false, reason: RejectionReason.BAD_PRICE };
  // A failed lookup formula leaves `#NO MATCH` (or similar) in the CU cell.
  if (cu !== undefined && cu.toUpperCase().includes('NO MATCH'))
    return { ok: false, reason: RejectionReason.CU_NO_MATCH };
  return { ok: true, workRequest, recordedWeekEnding: weekEnding, priceCents };
}

function locate(row: ParsedBillingRow): Pick<DataQualityFinding, 'sheetId' | 'rowId' | 'workRequest'> {
  return row.workRequest === undefined
    ? { sheetId: row.sheetId, rowId: row.rowId }
    : { sheetId: row.sheetId, rowId: row.rowId, workRequest: row.workRequest };
}

function unparseableFinding(row: ParsedBillingRow, issue: ValueIssue): DataQualityFinding {
  return {
    ...locate(row),
    code: DataQualityCode.UNPARSEABLE_VALUE,
    severity: BILLING_CRITICAL_FIELDS.has(issue.field) ? 'MEDIUM' : 'LOW',
    field: issue.field,
    message: `Row ${row.rowNumber}: ${issue.field} ${describeCellValue(issue.value)} cannot be read (${issue.reason}).`,
  };
}

function dateFindings(row: ParsedBillingRow, today: IsoDate): DataQualityFinding[] {
  const findings: DataQualityFinding[] = [];
  const latest = addYears(today, YEARS_AHEAD_PLAUSIBLE);
  const earliest = addYears(today, -YEARS_BACK_PLAUSIBLE);
  const dated: ReadonlyArray<readonly ['weekEnding' | 'snapshotDate', IsoDate | undefined]> = [
    ['weekEnding', row.weekEnding],
    ['snapshotDate', row.snapshotDate],
  ];
  for (const [field, date] of dated) {
    if (date === undefined) continue;
    if (date > latest) {
      findings.push({
        ...locate(row),
        code: DataQualityCode.DATE_TOO_FAR_AHEAD,
        severity: 'LOW',
        field,
        message: `Row ${row.rowNumber}: ${field} ${date} is more than ${YEARS_AHEAD_PLAUSIBLE} years after ${today}.`,
      });
    } else if (date < earliest) {
      findings.push({
        ...locate(row),
        code: DataQualityCode.DATE_TOO_FAR_BACK,
        severity: 'LOW',
        field,
        message: `Row ${row.rowNumber}: ${field} ${date} is more than ${YEARS_BACK_PLAUSIBLE} years before ${today}.`,
      });
    } else if (field === 'snapshotDate' && date > today) {
      findings.push({
        ...locate(row),
        code: DataQualityCode.FUTURE_SNAPSHOT_DATE,
        severity: 'LOW',
        field,
        message: `Row ${row.rowNumber}: Snapshot Date ${date} is after today (${today}).`,
      });
    }
  }
  return findings;
}
