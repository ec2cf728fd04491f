// Applying an approved correction (issue #12) as one recorded operation: unlock the row (when it is
// locked, or locking is on for its sheet), write the cell, lock it again — and then one step and one
// trail event say what each part did. Every failure ends the same way: whatever was unlocked is
// locked again, and the failure is recorded (CORRECTION_FAILED) so the request can be applied again.
// A crash between unlock and re-lock leaves the row unlocked; the cycle's week-close locking locks
// it again on its next run.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { JsonObject } from '../domain/audit-chain.js';
import { cellText } from '../domain/cell-value.js';
import { correctionAppliedEvent, type CorrectionActor } from '../domain/corrections/correction-events.js';
import { cellValueToWrite, correctionValueKey } from '../domain/corrections/correction-request.js';
import {
  checkApply,
  type CorrectionRecord,
  type CorrectionStep,
} from '../domain/corrections/correction-state.js';
import { lockingAppliesTo, type LockingScope } from '../domain/locking/locking-scope.js';
import { rowsUnlockedEvent } from '../domain/locking/rows-unlocked-event.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import type { LockOutcome, RowLocker } from '../ports/row-locker.js';
import type { SheetRowWriter } from '../ports/sheet-row-writer.js';
import type { SheetStore } from '../ports/sheet-store.js';

export interface ApplyCorrectionDeps {
  readonly corrections: Pick<CorrectionStore, 'getCorrection' | 'appendStep'>;
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  readonly sheets: Pick<SheetStore, 'getSheet'>;
  readonly source: Pick<BillingSheets, 'readSheet'>;
  readonly writer: SheetRowWriter;
  /** Row locking; undefined (or a scope of off with the row unlocked) writes without unlocking. */
  readonly locking?: { readonly locker: RowLocker; readonly scope: LockingScope } | undefined;
}

export interface ApplyCorrectionOutcome {
  readonly record: CorrectionRecord;
  readonly applied: boolean;
  /** The CORRECTION_APPLIED / CORRECTION_FAILED event's seq. */
  readonly eventSeq: number | null;
}

/** A lock call's outcome for the step's details, or why none was made. */
function lockSummary(outcome: LockOutcome | undefined, skipped?: string): JsonObject {
  if (!outcome) return { done: false, skipped: skipped ?? 'not needed' };
  return {
    done: true,
    changed: [...outcome.changed],
    unchanged: [...outcome.unchanged],
    refused: outcome.refused.map((r) => ({ rowId: r.rowId, reason: r.reason, message: r.message })),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function applyCorrection(
  deps: ApplyCorrectionDeps,
  requestId: string,
  actor: CorrectionActor,
): Promise<ApplyCorrectionOutcome> {
  const record = await deps.corrections.getCorrection(requestId);
  if (!record)
    throw new AppError(ErrorCode.NOT_FOUND, `No correction request has the id ${JSON.stringify(requestId)}.`);
  const allowed = checkApply(record);
  if (!allowed.ok) throw new AppError(ErrorCode.CONFLICT, allowed.reason);
  const { request } = record;
  const { sheetId, rowId, field } = request;

  const details: Record<string, JsonObject | string | boolean | null> = {};
  let from: string | null = request.currentValue;
  let error: string | undefined;
  let unlock: LockOutcome | undefined;
  let relock: LockOutcome | undefined;
  let relockError: string | undefined;

  try {
    const sheet = await deps.sheets.getSheet(sheetId);
    const columnId = sheet?.columnMap[field];
    if (!sheet || columnId === undefined)
      throw new Error(`sheet ${sheetId} no longer maps a ${field} column`);
    const read = await deps.source.readSheet(sheetId, { rowIds: [rowId], columnIds: [columnId] });
    const row = read?.rows.find((r) => r.rowId === rowId);
    if (!row) throw new Error(`row ${rowId} of sheet ${sheetId} no longer exists in Smartsheet`);
    const current = row.cells.find((c) => c.columnId === columnId)?.value ?? null;
    from = cellText(current) ?? null;
    // Someone changed the cell since the request: the approval was for another starting point.
    const key = (value: string | null) => (value === null ? undefined : correctionValueKey(field, value));
    const wanted = key(request.newValue);
    if (key(from) !== key(request.currentValue) && key(from) !== wanted)
      throw new Error(
        `the cell now holds ${from ?? 'nothing'}, not ${request.currentValue ?? 'nothing'} as when the correction was requested; request it again`,
      );

    const locking = deps.locking;
    const lockingOn = locking !== undefined && lockingAppliesTo(locking.scope, sheetId);
    details.locking = lockingOn ? 'on' : 'off';
    if (locking && (lockingOn || row.locked === true)) {
      const known = row.locked === undefined ? undefined : new Map([[rowId, row.locked]]);
      unlock = await locking.locker.unlockRows(sheetId, [rowId], known ? { knownStates: known } : {});
      const refused = unlock.refused[0];
      if (refused)
        throw new Error(`Smartsheet refused to unlock the row (${refused.reason}): ${refused.message}`);
    }
    try {
      await deps.writer.updateRowCells(sheetId, [
        { rowId, cells: [{ columnId, value: cellValueToWrite(field, request.newValue) }] },
      ]);
      details.write = { done: true, writtenAs: await deps.writer.writerIdentity() };
    } catch (writeError) {
      details.write = { done: false, error: errorText(writeError) };
      throw writeError;
    }
  } catch (failure) {
    error = errorText(failure);
  } finally {
    // Whatever this operation unlocked is locked again, whether the write worked or not.
    if (deps.locking && unlock && unlock.changed.includes(rowId)) {
      try {
        relock = await deps.locking.locker.lockRows(sheetId, [rowId], {
          knownStates: new Map([[rowId, false]]),
        });
      } catch (lockError) {
        relockError = errorText(lockError);
      }
    }
  }
  const leftUnlocked =
    unlock?.changed.includes(rowId) === true &&
    (relockError !== undefined ||
      relock === undefined ||
      !relock.changed.concat(relock.unchanged).includes(rowId));
  if (leftUnlocked && !error)
    error = `the cell was written but the row could not be locked again${relockError ? `: ${relockError}` : ''}`;
  details.unlock = lockSummary(
    unlock,
    details.locking === 'on' ? 'the row was not locked' : 'locking is off',
  );
  details.relock = relockError
    ? { done: false, error: relockError }
    : lockSummary(relock, 'nothing was unlocked');
  details.from = from;
  details.to = request.newValue;
  if (error) details.error = error;

  const step: CorrectionStep = {
    requestId,
    stepNo: allowed.value.stepNo,
    kind: error === undefined ? 'applied' : 'failed',
    actor: actor.email,
    at: actor.now.toISOString(),
    comment: null,
    details,
  };
  // The trail first: it is the record of what was done to Smartsheet, even if the step collides.
  const events = [correctionAppliedEvent(request, step, actor, { from, leftUnlocked })];
  if (unlock?.changed.includes(rowId))
    events.push(
      rowsUnlockedEvent(rowId, {
        unlockId: `${requestId}:step-${step.stepNo}`,
        sheetId,
        reason: request.reason,
        by: actor.email,
        via: 'correction',
        now: actor.now,
        writtenAs: await deps.writer.writerIdentity().catch(() => null),
        runId: null,
        // The operation locks the row again itself; cycles need not hold it open.
        holdUntil: actor.now,
      }),
    );
  const [recorded] = await deps.audit.appendEvents(events);
  await deps.corrections.appendStep(step);
  return {
    record: { request, steps: [...record.steps, step] },
    applied: step.kind === 'applied',
    eventSeq: recorded?.seq ?? null,
  };
}
