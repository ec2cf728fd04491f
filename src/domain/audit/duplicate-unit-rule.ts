// DUPLICATE_UNIT (billing-domain.md §3.3): a batch rule over every billable row, not one change.
import type { AuditEventRecord } from '../audit-chain.js';
import type { BillableRow } from '../billable-rule.js';
import { isWeekClosed } from '../week-close.js';
import type { AuditContext } from './audit-context.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding } from './audit-finding.js';
import { auditEventOf, rowReference } from './audit-event.js';
import { amount, capitalise, unitLabel, weekLabel } from './finding-wording.js';

/** A row of the batch, where it lives. */
export interface UnitRowLocation {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number;
}

/** A DUPLICATE_UNIT finding, placed on the row that repeats an earlier one. */
export interface DuplicateUnitFinding extends AuditFinding {
  readonly row: UnitRowLocation & { readonly workRequest: string };
  /** The first row of the group (lowest sheet id, then row id), which this one repeats. */
  readonly duplicateOf: UnitRowLocation;
  /** Stable while the pair stays duplicated, so each run re-finds the same events (dropped as stored). */
  readonly revision: string;
}

/** Sheet names and permalinks for wording and linking batch findings (both optional). */
export interface SheetDirectory {
  readonly names?: ReadonlyMap<number, string> | undefined;
  readonly permalinks?: ReadonlyMap<number, string> | undefined;
}

const byLocation = (a: BillableRow, b: BillableRow) => a.sheetId - b.sheetId || a.rowId - b.rowId;

/**
 * Finds billable rows that share (Work Request, week, pole, CU) across any sheets: the same unit
 * billed twice. Pole and CU compare trimmed and case-insensitively; the week is the regrouped week
 * ending. Rows without a pole or a CU cannot be told apart from legitimate repeats and are skipped.
 * In each group the first row (lowest sheet id, then row id) is taken as the original and every
 * other row gets one finding; MEDIUM, Δ = +its price (the amount potentially billed twice).
 * Historical when the week was closed at `context.now`.
 */
export function duplicateUnitFindings(
  rows: readonly BillableRow[],
  context: AuditContext,
  sheets: SheetDirectory = {},
): DuplicateUnitFinding[] {
  const groups = new Map<string, BillableRow[]>();
  for (const row of rows) {
    const pole = row.pole?.trim().toUpperCase();
    const cu = row.cu?.trim().toUpperCase();
    if (!pole || !cu) continue;
    const key = JSON.stringify([row.workRequest, row.weekEnding, pole, cu]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const findings: DuplicateUnitFinding[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [first, ...repeats] = [...group].sort(byLocation);
    if (!first) continue;
    const closed = isWeekClosed(first.weekEnding, context.now, context.weekClose);
    for (const row of repeats) findings.push(duplicateFinding(row, first, key, closed, group.length, sheets));
  }
  return findings;
}

function duplicateFinding(
  row: BillableRow,
  first: BillableRow,
  groupKey: string,
  closed: boolean,
  groupSize: number,
  sheets: SheetDirectory,
): DuplicateUnitFinding {
  const place = (target: BillableRow) => {
    const name = sheets.names?.get(target.sheetId);
    return `row ${target.rowNumber} of ${name === undefined ? `sheet ${target.sheetId}` : `"${name}"`}`;
  };
  return {
    code: AuditRuleCode.DUPLICATE_UNIT,
    severity: 'MEDIUM',
    deltaCents: row.priceCents,
    weekEnding: row.weekEnding,
    isHistorical: closed,
    issueDescription: `${capitalise(place(row))} (WR ${row.workRequest}) bills ${unitLabel(row)} for ${amount(row.priceCents)} in ${weekLabel(row.weekEnding)}, but ${place(first)} already bills the same Work Request, week, pole and CU: ${amount(row.priceCents)} may be billed twice.`,
    suggestedFix: `Compare the two rows with the foreman; if they are the same unit, delete or zero the repeat${closed ? ' and credit it in the closed week' : ''}; if there really were two, record the quantity on one row.`,
    reasons: [
      `${groupSize} billable rows share WR ${row.workRequest}, week ${row.weekEnding}, pole ${row.pole} and CU ${row.cu}`,
    ],
    details: {
      duplicateOf: { sheetId: first.sheetId, rowId: first.rowId, rowNumber: first.rowNumber },
      groupSize,
      pole: row.pole ?? null,
      cu: row.cu ?? null,
    },
    row: { sheetId: row.sheetId, rowId: row.rowId, rowNumber: row.rowNumber, workRequest: row.workRequest },
    duplicateOf: { sheetId: first.sheetId, rowId: first.rowId, rowNumber: first.rowNumber },
    revision: `duplicate-of:${JSON.stringify([first.sheetId, first.rowId])}@${groupKey}`,
  };
}

/**
 * The stored events for DUPLICATE_UNIT findings: one per repeated row, with no column, no editor
 * and no change time (nobody is known to have made a duplicate; it is a state of the sheets).
 */
export function duplicateUnitEvents(
  findings: readonly DuplicateUnitFinding[],
  context: AuditContext,
  sheets: SheetDirectory = {},
): AuditEventRecord[] {
  return findings.map((finding) =>
    auditEventOf(
      {
        sheetId: finding.row.sheetId,
        rowId: finding.row.rowId,
        columnName: null,
        changeRevision: finding.revision,
        workRequest: finding.row.workRequest,
        oldValue: null,
        newValue: null,
        changedBy: null,
        changedAt: null,
        sheetReference: rowReference(sheets.permalinks?.get(finding.row.sheetId), finding.row.rowId),
        details: {
          rowNumber: finding.row.rowNumber,
          sheetName: sheets.names?.get(finding.row.sheetId) ?? null,
        },
      },
      finding,
      context,
    ),
  );
}
