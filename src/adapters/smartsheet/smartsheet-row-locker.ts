// The RowLocker port over the client (issue #12): bulk `PUT /sheets/{id}/rows` with `{ id, locked }`,
// ≤ 500 rows per request, through the shared client so the request budget and the sheet's write slot
// apply. Current states are read first (the columns, then one column of every row) because setting
// `locked` on a row that already has it still rewrites the row's modifiedAt in Smartsheet.
import { AppError } from '../../domain/app-error.js';
import type {
  LockOutcome,
  LockRefusalReason,
  LockRequestOptions,
  RefusedRow,
  RowLocker,
  RowLockState,
} from '../../ports/row-locker.js';
import type { BulkItemFailure } from './envelope-schemas.js';
import { ROWS_PER_REQUEST } from './row-endpoints.js';
import type { SmartsheetClient } from './smartsheet-client.js';

interface FailureFacts {
  status?: number | undefined;
  errorCode?: number | undefined;
}

/** 403/1004: the token is below ADMIN on the sheet; 1006/1034/404: the row or sheet is gone. */
function reasonFor(facts: FailureFacts): LockRefusalReason {
  if (facts.errorCode === 1004 || facts.errorCode === 1050 || facts.status === 403)
    return 'insufficient-access';
  if (facts.errorCode === 1006 || facts.errorCode === 1034 || facts.status === 404) return 'not-found';
  return 'failed';
}

function itemFailure(failure: BulkItemFailure): FailureFacts & { message: string } {
  const { errorCode, message, refId } = failure.error;
  const parts = [errorCode !== undefined ? `errorCode ${errorCode}` : 'failed'];
  if (refId !== undefined) parts.push(`refId ${refId}`);
  return { errorCode, message: `${parts.join(', ')}${message ? `: ${message}` : ''}` };
}

function requestFailure(error: unknown): FailureFacts & { message: string } {
  if (!(error instanceof AppError)) throw error;
  const details = (error.details ?? {}) as FailureFacts;
  return { status: details.status, errorCode: details.errorCode, message: error.message };
}

export function smartsheetRowLocker(client: SmartsheetClient): RowLocker {
  async function lockStates(sheetId: number, rowIds: readonly number[]): Promise<RowLockState[] | undefined> {
    let columns;
    try {
      columns = await client.getColumns(sheetId);
    } catch (error) {
      const facts = requestFailure(error);
      if (reasonFor(facts) !== 'failed') return undefined;
      throw error;
    }
    const first = columns[0];
    if (!first) return [];
    // One narrow column keeps the read small; `locked` comes with every row whatever the columns.
    const sheet = await client.getSheet(sheetId, { columnIds: [first.id] });
    const wanted = new Set(rowIds);
    return sheet.rows
      .filter((row) => wanted.has(row.id))
      .map((row) => ({
        rowId: row.id,
        locked: row.locked === true,
        lockedForUser: row.lockedForUser === true,
      }));
  }

  async function setLock(
    sheetId: number,
    rowIds: readonly number[],
    locked: boolean,
    options: LockRequestOptions = {},
  ): Promise<LockOutcome> {
    const requested = [...new Set(rowIds)];
    let known = options.knownStates;
    const refused: RefusedRow[] = [];
    if (!known) {
      const states = await lockStates(sheetId, requested);
      if (!states) {
        const message = `sheet ${sheetId} no longer exists or is not shared with this token`;
        return {
          sheetId,
          changed: [],
          unchanged: [],
          refused: requested.map((rowId) => ({ rowId, reason: 'not-found', message })),
        };
      }
      known = new Map(states.map((state) => [state.rowId, state.locked]));
      for (const rowId of requested) {
        if (!known.has(rowId))
          refused.push({ rowId, reason: 'not-found', message: `row ${rowId} is not on sheet ${sheetId}` });
      }
    }
    const unchanged = requested.filter((rowId) => known.get(rowId) === locked);
    const toSend = requested.filter((rowId) => known.has(rowId) && known.get(rowId) !== locked);
    const changed: number[] = [];
    for (let start = 0; start < toSend.length; start += ROWS_PER_REQUEST) {
      const chunk = toSend.slice(start, start + ROWS_PER_REQUEST);
      try {
        // Partial success: a row refused (deleted meanwhile, say) does not hold back the others.
        const result = await client.updateRows(
          sheetId,
          chunk.map((id) => ({ id, locked })),
          { allowPartialSuccess: true },
        );
        const failed = new Set<number>();
        for (const failure of result.failedItems) {
          const rowId = failure.rowId ?? chunk[failure.index];
          if (rowId === undefined) continue;
          failed.add(rowId);
          const facts = itemFailure(failure);
          refused.push({ rowId, reason: reasonFor(facts), message: facts.message });
        }
        changed.push(...chunk.filter((rowId) => !failed.has(rowId)));
      } catch (error) {
        // The whole request was refused (403 for a token below ADMIN, the sheet gone, retries spent).
        const facts = requestFailure(error);
        const reason = reasonFor(facts);
        refused.push(...chunk.map((rowId) => ({ rowId, reason, message: facts.message })));
      }
    }
    return { sheetId, changed, unchanged, refused };
  }

  return {
    lockRows: (sheetId, rowIds, options) => setLock(sheetId, rowIds, true, options),
    unlockRows: (sheetId, rowIds, options) => setLock(sheetId, rowIds, false, options),
    lockStates,
  };
}
