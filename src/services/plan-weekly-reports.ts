// Planning: from the stored row snapshots of every source sheet, decide what is billed and build
// one report model per identity (billing-domain.md §1.4, §2.1–2.3), with the rejection counts and
// data-quality findings the run summary reports.
import { evaluateBillable } from '../domain/billable-rule.js';
import type { BillableRow, BillableRuleContext } from '../domain/billable-rule.js';
import { BILLING_FIELDS } from '../domain/billing-field.js';
import { parseBillingFields } from '../domain/billing-row.js';
import type { BillingRow } from '../domain/billing-row.js';
import { contentHash } from '../domain/content-hash.js';
import type { DataQualityFinding } from '../domain/data-quality.js';
import type { RejectionTally } from '../domain/rejection-tally.js';
import { selectBillableRows } from '../domain/billable-selection.js';
import { printedRow } from '../domain/report-group.js';
import type { ReportGroup } from '../domain/report-group.js';
import { groupBillableRows } from '../domain/report-grouping.js';
import type { QuarantinedRows } from '../domain/report-grouping.js';
import { reportFileName } from '../domain/report-identity.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import type { RowSnapshot } from '../ports/sheet-store.js';
import type { WeeklyReport } from '../ports/report-writer.js';
import type { PlannedReport } from './publish-weekly-reports.js';

export interface ReportPlan {
  reports: PlannedReport[];
  /** Every billable row, for batch audit rules (duplicate units). */
  billable: readonly BillableRow[];
  rowsTotal: number;
  rowsAccepted: number;
  rejections: RejectionTally;
  quarantined: readonly QuarantinedRows[];
  findings: DataQualityFinding[];
}

/** A snapshot as the billing parsers see it. */
export function billingRowOf(
  snapshot: Pick<RowSnapshot, 'sheetId' | 'rowId' | 'rowNumber' | 'modifiedAt'> & { values: SnapshotValues },
): BillingRow {
  const row: Record<string, unknown> = {
    sheetId: snapshot.sheetId,
    rowId: snapshot.rowId,
    rowNumber: snapshot.rowNumber,
    modifiedAt: snapshot.modifiedAt ?? undefined,
  };
  for (const field of BILLING_FIELDS) row[field] = snapshot.values[field];
  return row as unknown as BillingRow;
}

/** Whether a snapshot's values make a billable row (the snapshot's stored flag). */
export function isBillableSnapshot(values: SnapshotValues, context: BillableRuleContext): boolean {
  const row = billingRowOf({ sheetId: 0, rowId: 0, rowNumber: 0, modifiedAt: null, values });
  return evaluateBillable(parseBillingFields(row), context).billable;
}

export function planWeeklyReports(
  snapshots: readonly RowSnapshot[],
  context: BillableRuleContext,
): ReportPlan {
  const parsed = snapshots.map((snapshot) =>
    parseBillingFields(billingRowOf({ ...snapshot, values: snapshot.values as SnapshotValues })),
  );
  const selection = selectBillableRows(parsed, context);
  const grouping = groupBillableRows(selection.billable);
  return {
    reports: grouping.groups.map((group) => ({ identity: group.identity, report: weeklyReportOf(group) })),
    billable: selection.billable,
    rowsTotal: snapshots.length,
    rowsAccepted: selection.billable.length,
    rejections: selection.rejections,
    quarantined: grouping.quarantined,
    findings: [...selection.findings, ...grouping.findings],
  };
}

/** The renderer's view of a group: printed values only, totals in cents. */
export function weeklyReportOf(group: ReportGroup): WeeklyReport {
  const { header } = group;
  // "Generated on" follows the data, not the clock, so the same rows give the same bytes.
  const newest = group.rows.reduce<number>((max, row) => Math.max(max, row.modifiedAt?.getTime() ?? 0), 0);
  const generatedAt =
    newest > 0 ? new Date(newest).toISOString() : `${group.identity.weekEnding}T00:00:00.000Z`;
  return {
    fileName: reportFileName(group.identity),
    workRequest: header.workRequest,
    weekEnding: group.identity.weekEnding,
    variant: group.identity.variant,
    ...(group.identity.claimer ? { claimer: group.identity.claimer } : {}),
    periodStart: header.billingPeriod.start,
    periodEnd: header.billingPeriod.end,
    foreman: header.foreman,
    scopeId: header.scope ?? '',
    workOrder: header.workOrder ?? '',
    customer: header.customer ?? '',
    job: header.job ?? '',
    dept: header.dept ?? '',
    blocks: group.blocks.map((block) => ({
      label: block.title,
      ...(block.date ? { date: block.date } : {}),
      totalCents: block.totalCents,
      lines: block.rows.map((row) => {
        const printed = printedRow(row);
        return {
          pointNumber: printed.pointNumber ?? '',
          cu: printed.billableUnitCode ?? '',
          workType: printed.workType ?? '',
          description: printed.unitDescription ?? '',
          uom: printed.unitOfMeasure ?? '',
          quantity: printed.units,
          scope: printed.scope ?? '',
          priceCents: printed.priceCents,
        };
      }),
    })),
    totalCents: group.totalCents,
    lineCount: group.rowCount,
    contentHash: contentHash(group),
    generatedAt,
  };
}
