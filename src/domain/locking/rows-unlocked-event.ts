// The audit trail's record of an unlock (issue #12): a billed week is locked, so every row opened
// again — by an admin's explicit `ledgerline unlock` or by an approved correction — becomes one
// event naming who asked, why, and through which path.
import type { AuditEventRecord } from '../audit-chain.js';
import { auditEventId } from '../audit/audit-event.js';

/** The violation type of an unlocked row. */
export const ROWS_UNLOCKED = 'ROWS_UNLOCKED';

/** How long an unlock keeps rows open by default, and at most (hours). */
export const DEFAULT_UNLOCK_HOLD_HOURS = 24;
export const MAX_UNLOCK_HOLD_HOURS = 720;

/** How the unlock came about. */
export type UnlockPath = 'admin-command' | 'correction';

export interface RowsUnlockedContext {
  /** Distinguishes this unlock from every other one of the same row (a command run id, a request id). */
  readonly unlockId: string;
  readonly sheetId: number;
  readonly reason: string;
  /** The person on whose authority the rows were unlocked (e-mail). */
  readonly by: string;
  readonly via: UnlockPath;
  readonly now: Date;
  /** The Smartsheet account whose token unlocked the rows, when known. */
  readonly writtenAs: string | null;
  /** The run the unlock belongs to, when it is part of one. */
  readonly runId: string | null;
  /**
   * Until when cycles leave the row unlocked, so the correction can be made (see rowsHeldOpen);
   * default `now` + DEFAULT_UNLOCK_HOLD_HOURS.
   */
  readonly holdUntil?: Date;
}

/** The audit event for one unlocked row. */
export function rowsUnlockedEvent(rowId: number, context: RowsUnlockedContext): AuditEventRecord {
  const revision = `unlock:${context.unlockId}#${ROWS_UNLOCKED}`;
  const key = { sheetId: context.sheetId, rowId, columnName: null, revision };
  const path = context.via === 'admin-command' ? 'an explicit admin unlock' : 'an approved correction';
  return {
    eventId: auditEventId(key),
    revision,
    runId: context.runId,
    timestamp: context.now.toISOString(),
    sheetId: context.sheetId,
    rowId,
    workRequest: null,
    columnName: null,
    violationType: ROWS_UNLOCKED,
    oldValue: 'locked',
    newValue: 'unlocked',
    deltaCents: null,
    changedBy: context.by,
    changedAt: context.now.toISOString(),
    weekEnding: null,
    isHistorical: false,
    auditRunId: context.runId,
    severity: 'INFO',
    issueDescription: `${context.by} unlocked row ${rowId} of sheet ${context.sheetId} through ${path}: ${context.reason}`,
    suggestedFix: null,
    sheetReference: null,
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      rule: ROWS_UNLOCKED,
      unlockId: context.unlockId,
      reason: context.reason,
      by: context.by,
      via: context.via,
      writtenAs: context.writtenAs,
      holdUntil: (
        context.holdUntil ?? new Date(context.now.getTime() + DEFAULT_UNLOCK_HOLD_HOURS * 3_600_000)
      ).toISOString(),
    },
  };
}

/** The key of a row in a held-open set. */
export function heldRowKey(sheetId: number, rowId: number): string {
  return `${sheetId}:${rowId}`;
}

/**
 * The rows an unlock still holds open at `now`: a cycle does not lock them again before their
 * `holdUntil`, so an unlocked row stays editable long enough for the correction it was opened for.
 */
export function rowsHeldOpen(
  events: readonly Pick<AuditEventRecord, 'violationType' | 'sheetId' | 'rowId' | 'details'>[],
  now: Date,
): Set<string> {
  const held = new Set<string>();
  for (const event of events) {
    if (event.violationType !== ROWS_UNLOCKED || event.sheetId === null || event.rowId === null) continue;
    const until = event.details['holdUntil'];
    if (typeof until === 'string' && Date.parse(until) > now.getTime())
      held.add(heldRowKey(event.sheetId, event.rowId));
  }
  return held;
}
