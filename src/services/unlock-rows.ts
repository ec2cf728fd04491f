// Unlocking rows of a billed week (issue #12): only through the correction flow or an explicit admin
// command, and always on record — every row actually unlocked becomes a ROWS_UNLOCKED audit event
// with the reason and who asked. Rows that were not locked, or that Smartsheet refused, are returned
// so the caller can say so; they get no event.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import {
  DEFAULT_UNLOCK_HOLD_HOURS,
  MAX_UNLOCK_HOLD_HOURS,
  rowsUnlockedEvent,
} from '../domain/locking/rows-unlocked-event.js';
import type { UnlockPath } from '../domain/locking/rows-unlocked-event.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { LockOutcome, RowLocker } from '../ports/row-locker.js';

export interface UnlockRowsDeps {
  locker: RowLocker;
  audit: Pick<AuditStore, 'appendEvents'>;
  /** The Smartsheet account the locker writes as, when known. */
  writerIdentity?: () => Promise<string | null>;
}

export interface UnlockRowsRequest {
  sheetId: number;
  rowIds: readonly number[];
  reason: string;
  /** The person on whose authority the rows are unlocked (e-mail). */
  by: string;
  via: UnlockPath;
  /** Makes the events of this unlock distinct (a command run id, a correction request id). */
  unlockId: string;
  runId?: string | null;
  now: Date;
  /** How long cycles leave the rows unlocked for the correction (default 24 h, at most 720 h). */
  holdHours?: number;
}

export interface UnlockRowsResult {
  outcome: LockOutcome;
  events: ChainedAuditEvent[];
}

export async function unlockRows(
  deps: UnlockRowsDeps,
  request: UnlockRowsRequest,
): Promise<UnlockRowsResult> {
  const reason = request.reason.trim();
  const by = request.by.trim().toLowerCase();
  if (reason === '')
    throw new AppError(ErrorCode.INPUT_INVALID, 'An unlock needs a reason', {
      hint: 'Pass --reason "<why>".',
    });
  if (!/^[^@\s]+@[^@\s]+$/.test(by))
    throw new AppError(ErrorCode.INPUT_INVALID, `"${request.by}" is not an e-mail address`, {
      hint: 'Pass --by <email>.',
    });
  const holdHours = request.holdHours ?? DEFAULT_UNLOCK_HOLD_HOURS;
  if (!Number.isFinite(holdHours) || holdHours <= 0 || holdHours > MAX_UNLOCK_HOLD_HOURS)
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `The hold must be between 0 and ${MAX_UNLOCK_HOLD_HOURS} hours`,
      {
        hint: 'Pass --hold-hours <hours>.',
      },
    );
  if (request.rowIds.length === 0)
    throw new AppError(ErrorCode.INPUT_INVALID, 'No rows to unlock', { hint: 'Pass --rows <ids>.' });
  const outcome = await deps.locker.unlockRows(request.sheetId, request.rowIds);
  const writtenAs = deps.writerIdentity ? await deps.writerIdentity() : null;
  const events =
    outcome.changed.length === 0
      ? []
      : await deps.audit.appendEvents(
          outcome.changed.map((rowId) =>
            rowsUnlockedEvent(rowId, {
              unlockId: request.unlockId,
              sheetId: request.sheetId,
              reason,
              by,
              via: request.via,
              now: request.now,
              writtenAs,
              runId: request.runId ?? null,
              holdUntil: new Date(request.now.getTime() + holdHours * 3_600_000),
            }),
          ),
        );
  return { outcome, events };
}
