// An admin's revert from the dashboard (issue #7): the old value of a changed cell is written back
// into Smartsheet through the SheetRowWriter (as `restore rows` does), but only while the cell still
// holds the value the event recorded — if someone changed it since, the revert is refused rather
// than overwriting their edit. The revert is kept as a `reverted` review and a VIOLATION_REVERTED
// audit event naming who did it and from where.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { violationRevertedEvent } from '../domain/dashboard/dashboard-action-events.js';
import type { RevertRequest } from '../domain/dashboard/review-request.js';
import { cellText, type CellValue } from '../domain/cell-value.js';
import type { BillingSheets, CellRevision } from '../ports/billing-sheets.js';
import type { SheetRowWriter } from '../ports/sheet-row-writer.js';
import type { AuditStore, EventReviewStore, SheetStore } from '../ports/store.js';
import type { DashboardActor } from './dashboard-review.js';
import { eventCellOf, reviewViewOf, type ReviewView } from './dashboard-violations.js';

export interface RevertViolationDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
  readonly source: Pick<BillingSheets, 'readSheet' | 'cellHistory'>;
  readonly writer: SheetRowWriter;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface RevertOutcome {
  readonly review: ReviewView;
  /** The seq of the VIOLATION_REVERTED event. */
  readonly eventSeq: number | null;
  /** What the cell held before and holds now. */
  readonly from: string | null;
  readonly to: string | null;
}

// Columns Smartsheet fills itself: they cannot be written.
const SYSTEM_COLUMN_TYPES = new Set([
  'AUTO_NUMBER',
  'CREATED_BY',
  'CREATED_DATE',
  'MODIFIED_BY',
  'MODIFIED_DATE',
]);

/** Whether a cell's value is the text an event recorded (numbers compared as numbers: 12 and 12.00). */
function holds(value: CellValue, recorded: string | null): boolean {
  const text = cellText(value) ?? null;
  if (text === recorded) return true;
  if (text === null || recorded === null) return false;
  const [a, b] = [Number(text.replace(/[$,]/g, '')), Number(recorded.replace(/[$,]/g, ''))];
  return text.trim() !== '' && recorded.trim() !== '' && Number.isFinite(a) && a === b;
}

/**
 * The value to write for the event's old value, typed as Smartsheet held it: taken from the cell's
 * own history when a revision holds it, else a number or checkbox when the cell holds one now.
 */
function typedOldValue(
  recorded: string | null,
  current: CellValue,
  history: readonly CellRevision[],
): string | number | boolean | null {
  if (recorded === null) return null;
  const revision = history.find((r) => r.value !== undefined && holds(r.value, recorded));
  if (revision?.value !== undefined) return revision.value;
  if (typeof current === 'number' && Number.isFinite(Number(recorded))) return Number(recorded);
  if (typeof current === 'boolean' && (recorded === 'true' || recorded === 'false'))
    return recorded === 'true';
  return recorded;
}

function conflict(message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, message);
}

export async function revertViolation(
  deps: RevertViolationDeps,
  eventId: string,
  request: RevertRequest,
  actor: DashboardActor,
): Promise<RevertOutcome> {
  const stored = await deps.audit.getEvent(eventId);
  if (!stored)
    throw new AppError(ErrorCode.NOT_FOUND, `No audit event has the id ${JSON.stringify(eventId)}.`);
  const event: ChainedAuditEvent = stored.event;
  if (stored.latestReview === 'reverted') throw conflict(`Event #${event.seq} has already been reverted.`);
  const located = await eventCellOf(deps.sheets, event);
  if (!located.cell) throw conflict(`Event #${event.seq} cannot be reverted. ${located.reason}`);
  const { sheetId, rowId, columnId, field } = located.cell;

  const sheet = await deps.source.readSheet(sheetId, { rowIds: [rowId], columnIds: [columnId] });
  const row = sheet?.rows.find((r) => r.rowId === rowId);
  if (!sheet || !row)
    throw conflict(
      `Row ${rowId} of sheet ${sheetId} no longer exists in Smartsheet; there is nothing to revert.`,
    );
  const column = sheet.columns.find((c) => c.id === columnId);
  if (!column || SYSTEM_COLUMN_TYPES.has(column.type))
    throw conflict(
      `The column of ${event.columnName ?? field} cannot be written (missing or filled by Smartsheet).`,
    );
  const current = row.cells.find((cell) => cell.columnId === columnId)?.value ?? null;
  if (!holds(current, event.newValue)) {
    const now = cellText(current) ?? 'empty';
    throw conflict(
      `The cell now holds ${now}, not ${event.newValue ?? 'empty'} as event #${event.seq} recorded: someone changed it since. Nothing was written; review the newer change instead.`,
    );
  }

  const history = await deps.source.cellHistory(sheetId, rowId, columnId).catch(() => []);
  const value = typedOldValue(event.oldValue, current, history);
  await deps.writer.updateRowCells(sheetId, [{ rowId, cells: [{ columnId, value }] }]);

  const now = deps.now();
  const comment = request.comment ?? `Reverted ${event.columnName ?? field} to ${event.oldValue ?? 'empty'}.`;
  const [recorded] = await deps.audit.appendEvents([
    violationRevertedEvent(
      event,
      { comment: request.comment, writtenAs: await deps.writer.writerIdentity(), field },
      { actionId: deps.newId(), actor: actor.email, now, origin: actor.origin },
    ),
  ]);
  const review = {
    eventId,
    status: 'reverted' as const,
    comment,
    reviewer: actor.email,
    reviewedAt: now.toISOString(),
  };
  await deps.reviews.appendReview(review);
  return {
    review: reviewViewOf(review),
    eventSeq: recorded?.seq ?? null,
    from: event.newValue,
    to: event.oldValue,
  };
}
