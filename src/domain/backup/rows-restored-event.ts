// The audit trail's record of a recovery (issue #9): when `restore rows` writes billed values from
// a backup back into Smartsheet, each restored cell becomes one INFO event naming the backup, the
// sheet, the row, the value it replaced and the value it restored, and who did it — so a revert of
// an unauthorised change is as visible in the trail as the change itself.
import type { AuditEventRecord } from '../audit-chain.js';
import { cellText, type CellValue } from '../cell-value.js';
import { parseMoney } from '../money.js';
import { auditEventId, rowReference } from '../audit/audit-event.js';

/** The violation type of a restored cell. */
export const ROWS_RESTORED = 'ROWS_RESTORED';

/** One cell written back from a backup. */
export interface RestoredCell {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number | null;
  /** The column's title in the sheet. */
  readonly columnName: string;
  /** The billing field the column maps to (price, quantity…). */
  readonly field: string;
  /** What the cell held before the restore. */
  readonly replacedValue: CellValue;
  /** What the backup held, now written back. */
  readonly restoredValue: CellValue;
  readonly workRequest: string | null;
  readonly sheetName: string;
  readonly sheetPermalink: string | undefined;
}

/** The restore the cells belong to. */
export interface RowsRestoredContext {
  readonly backupId: string;
  /** When the backup's sheet snapshot was taken. */
  readonly backupTakenAt: string;
  /** The restore's own run id: part of each event's revision, so a later restore is a new event. */
  readonly runId: string;
  readonly now: Date;
  /** The Smartsheet account whose token wrote the cells. */
  readonly writtenAs: string | null;
  /** The person who ran the command (the operating-system user). */
  readonly operator: string;
}

/** The price delta a restore made, in cents; null for other fields or unparseable values. */
function priceDelta(cell: RestoredCell): number | null {
  if (cell.field !== 'price') return null;
  const before = parseMoney(cell.replacedValue ?? undefined);
  const after = parseMoney(cell.restoredValue ?? undefined);
  return before.ok && after.ok ? after.value - before.value : null;
}

/** The audit event for one restored cell. */
export function rowsRestoredEvent(cell: RestoredCell, context: RowsRestoredContext): AuditEventRecord {
  // The same shape as a rule finding's revision (findingRevision): `<subject revision>#<code>`.
  const revision = `restore:${context.runId}#${ROWS_RESTORED}`;
  const key = { sheetId: cell.sheetId, rowId: cell.rowId, columnName: cell.columnName, revision };
  const from = cellText(cell.replacedValue) ?? null;
  const to = cellText(cell.restoredValue) ?? null;
  return {
    eventId: auditEventId(key),
    revision,
    runId: context.runId,
    timestamp: context.now.toISOString(),
    sheetId: cell.sheetId,
    rowId: cell.rowId,
    workRequest: cell.workRequest,
    columnName: cell.columnName,
    violationType: ROWS_RESTORED,
    oldValue: from,
    newValue: to,
    deltaCents: priceDelta(cell),
    changedBy: context.writtenAs,
    changedAt: context.now.toISOString(),
    weekEnding: null,
    isHistorical: false,
    auditRunId: context.runId,
    severity: 'INFO',
    issueDescription: `${context.operator} restored ${cell.columnName} of row ${cell.rowNumber ?? cell.rowId} on ${cell.sheetName} from ${from ?? 'empty'} to ${to ?? 'empty'}, the value in backup ${context.backupId} (taken ${context.backupTakenAt}).`,
    suggestedFix: null,
    sheetReference: rowReference(cell.sheetPermalink, cell.rowId),
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      rule: ROWS_RESTORED,
      backupId: context.backupId,
      backupTakenAt: context.backupTakenAt,
      field: cell.field,
      sheetName: cell.sheetName,
      rowNumber: cell.rowNumber,
      operator: context.operator,
      writtenAs: context.writtenAs,
    },
  };
}
