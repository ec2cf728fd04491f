import type { BillableRow } from './billable-rule.js';
import { UNKNOWN_FOREMAN } from './billable-rule.js';
import { formatUsDate, weekdayName, weekdayOf } from './calendar-date.js';
import type { IsoDate } from './calendar-date.js';
import type { Cents } from './money.js';
import type { ReportIdentity } from './report-identity.js';
import { billingPeriodFor, isInBillingPeriod } from './week-ending.js';
import type { BillingPeriod } from './week-ending.js';

/** Title of the block for rows dated blank or outside the billing period (§2.3 Decision). */
export const OTHER_DATES_TITLE = 'Other dates';

/** One block of the report: a Snapshot Date of the billing period, or the final other-dates block. */
export interface ReportBlock {
  readonly kind: 'day' | 'other';
  /** The Snapshot Date of a day block; undefined for the other-dates block. */
  readonly date: IsoDate | undefined;
  /** The printed block header: `Monday (08/11/2025)` or `Other dates`. */
  readonly title: string;
  readonly rows: readonly BillableRow[];
  readonly totalCents: Cents;
}

/** The REPORT DETAILS and summary values printed at the top of a report (billing-domain.md §2.3). */
export interface ReportHeader {
  readonly foreman: string;
  /** The Work Request as the sheet holds it (the identity carries the file-safe form). */
  readonly workRequest: string;
  readonly scope: string | undefined;
  readonly workOrder: string | undefined;
  readonly customer: string | undefined;
  readonly job: string | undefined;
  readonly dept: string | undefined;
  readonly billingPeriod: BillingPeriod;
}

/** Everything one weekly report prints, with totals that add up by construction. */
export interface ReportGroup {
  readonly identity: ReportIdentity;
  readonly header: ReportHeader;
  /** Day blocks ascending, then the other-dates block when it has rows. */
  readonly blocks: readonly ReportBlock[];
  /** Every row in print order: the blocks' rows concatenated. */
  readonly rows: readonly BillableRow[];
  /** Sum of the block totals, which is the sum of the row prices (invariant 5). */
  readonly totalCents: Cents;
  readonly rowCount: number;
}

/** The eight detail columns of a report row (billing-domain.md §2.3), in print order. */
export interface PrintedRow {
  readonly pointNumber: string | undefined;
  readonly billableUnitCode: string | undefined;
  readonly workType: string | undefined;
  readonly unitDescription: string | undefined;
  readonly unitOfMeasure: string | undefined;
  /** The quantity with its decimals; the text as typed when it could not be read. */
  readonly units: number | string | undefined;
  readonly scope: string | undefined;
  readonly priceCents: Cents;
}

/**
 * What a report prints for a row. The workbook writer and the content hash both use this, so the
 * hash covers exactly the printed fields (billing-domain.md §2.2).
 */
export function printedRow(row: BillableRow): PrintedRow {
  return {
    pointNumber: row.pole,
    billableUnitCode: row.cu,
    workType: row.workTypeText,
    unitDescription: row.description,
    unitOfMeasure: row.uom,
    units: row.quantity ?? row.quantityText,
    scope: row.scope,
    priceCents: row.priceCents,
  };
}

/** Headers of the detail columns, in print order (billing-domain.md §2.3). */
export const PRINTED_COLUMN_TITLES = [
  'Point Number',
  'Billable Unit Code',
  'Work Type',
  'Unit Description',
  'Unit of Measure',
  '# Units',
  'Scope #',
  'Pricing',
] as const;

/** A row's printed values in the order of PRINTED_COLUMN_TITLES. */
export function printedRowValues(row: BillableRow): readonly (string | number | undefined)[] {
  const printed = printedRow(row);
  return [
    printed.pointNumber,
    printed.billableUnitCode,
    printed.workType,
    printed.unitDescription,
    printed.unitOfMeasure,
    printed.units,
    printed.scope,
    printed.priceCents,
  ];
}

/**
 * Print order, a total order so a report never depends on the order rows arrived in: Snapshot
 * Date ascending (blank last), then sheet, row number and row id; rows that agree on all of
 * those (a duplicated read) fall back to their printed content.
 */
export function compareReportRows(a: BillableRow, b: BillableRow): number {
  return (
    compareOptionalDates(a.snapshotDate, b.snapshotDate) ||
    a.sheetId - b.sheetId ||
    a.rowNumber - b.rowNumber ||
    a.rowId - b.rowId ||
    compareText(JSON.stringify(printedRowValues(a)), JSON.stringify(printedRowValues(b)))
  );
}

function compareOptionalDates(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumCents(rows: readonly BillableRow[]): Cents {
  let total = 0;
  for (const row of rows) total += row.priceCents;
  if (!Number.isSafeInteger(total)) throw new RangeError(`report total ${total} cents exceeds safe integers`);
  return total;
}

/**
 * Builds one report from the billable rows of one identity (billing-domain.md §2.2–2.3): rows in
 * print order, one block per Snapshot Date inside the billing period ascending, then an
 * `Other dates` block for blank or outside dates, totals per block and for the week. The rows
 * must all belong to `identity`; groupBillableRows guarantees that.
 */
export function buildReportGroup(identity: ReportIdentity, rows: readonly BillableRow[]): ReportGroup {
  if (rows.length === 0) throw new RangeError('a report needs at least one row');
  const period = billingPeriodFor(identity.weekEnding);
  const sorted = [...rows].sort(compareReportRows);
  const byDay = new Map<IsoDate, BillableRow[]>();
  const otherRows: BillableRow[] = [];
  for (const row of sorted) {
    const date = row.snapshotDate;
    if (date === undefined || !isInBillingPeriod(date, period)) otherRows.push(row);
    else {
      const dayRows = byDay.get(date);
      if (dayRows) dayRows.push(row);
      else byDay.set(date, [row]);
    }
  }
  // Sorted rows put dated rows in ascending order, so the map's insertion order is ascending too.
  const blocks: ReportBlock[] = [...byDay].map(([date, dayRows]) => ({
    kind: 'day',
    date,
    title: `${weekdayName(weekdayOf(date))} (${formatUsDate(date)})`,
    rows: dayRows,
    totalCents: sumCents(dayRows),
  }));
  if (otherRows.length > 0) {
    blocks.push({
      kind: 'other',
      date: undefined,
      title: OTHER_DATES_TITLE,
      rows: otherRows,
      totalCents: sumCents(otherRows),
    });
  }
  const printOrder = blocks.flatMap((block) => block.rows);
  let totalCents = 0;
  for (const block of blocks) totalCents += block.totalCents;
  return {
    identity,
    header: reportHeader(printOrder, period),
    blocks,
    rows: printOrder,
    totalCents,
    rowCount: printOrder.length,
  };
}

/**
 * Header values (billing-domain.md §2.3). The foreman is the one of the week's rows with the most
 * recent Snapshot Date inside the billing period, not whoever runs the Work Request today. Rows
 * are ranked: a known foreman before `Unknown Foreman`, in-period before not, later Snapshot Date
 * first, later in print order first. Each header field comes from the best-ranked row that has it.
 */
function reportHeader(rows: readonly BillableRow[], period: BillingPeriod): ReportHeader {
  const rank = (row: BillableRow): readonly [number, number, string] => [
    row.foreman === UNKNOWN_FOREMAN ? 0 : 1,
    row.snapshotDate !== undefined && isInBillingPeriod(row.snapshotDate, period) ? 1 : 0,
    row.snapshotDate ?? '',
  ];
  const ranked = rows
    .map((row, index) => ({ row, index, key: rank(row) }))
    .sort(
      (a, b) =>
        b.key[0] - a.key[0] || b.key[1] - a.key[1] || compareText(b.key[2], a.key[2]) || b.index - a.index,
    )
    .map(({ row }) => row);
  const first = <K extends 'scope' | 'workOrder' | 'customer' | 'job' | 'dept'>(field: K) =>
    ranked.find((row) => row[field] !== undefined)?.[field];
  const best = ranked[0];
  if (!best) throw new RangeError('a report needs at least one row');
  return {
    foreman: best.foreman,
    workRequest: best.workRequest,
    scope: first('scope'),
    workOrder: first('workOrder'),
    customer: first('customer'),
    job: first('job'),
    dept: first('dept'),
    billingPeriod: period,
  };
}
