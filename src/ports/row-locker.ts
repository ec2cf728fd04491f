// Locking and unlocking Smartsheet rows (issue #12): a billed week is closed for real by locking its
// billable rows, and a post-close correction unlocks them through an approved request (or an
// explicit admin `ledgerline unlock`). Named for that use case.
//
// For the correction flow (and anyone else):
// - The Smartsheet implementation is `smartsheetRowLocker(client)` in
//   `src/adapters/smartsheet/smartsheet-row-locker.ts`. It sends bulk `PUT /sheets/{id}/rows` with
//   `{ id, locked }`, ≤ 500 rows per request, through the shared client (so the request budget and
//   the per-sheet write slot apply).
// - Only a token that is OWNER or ADMIN on the sheet may lock or unlock (Smartsheet answers 403,
//   errorCode 1004 otherwise): those rows come back in `refused` with reason `insufficient-access`,
//   never silently skipped.
// - Whether a row is locked now: `lockStates(sheetId, rowIds)` (the columns, then one narrow column
//   of the whole sheet: two requests however many rows are asked for).
// - The locker never writes the audit trail: a caller that unlocks records `ROWS_UNLOCKED` itself,
//   most simply through `unlockRows` in `src/services/unlock-rows.ts` (via: 'correction', holdHours),
//   or with `rowsUnlockedEvent` from `src/domain/locking/rows-unlocked-event.ts`. The event's
//   `details.holdUntil` (default now + 24 h) keeps cycles from locking the row again before then, so
//   the correction can be made; after it, the first cycle that re-published the week locks the row.
// - Lock states as cycles see them: `SheetContent.rows[i].locked` / `lockedForUser`
//   (`SheetRow` in ports/billing-sheets.ts; present only on locked rows).

/** Why Smartsheet did not apply a lock or unlock to a row. */
export type LockRefusalReason =
  /** The token is not OWNER/ADMIN on the sheet (403/1004). */
  | 'insufficient-access'
  /** The row no longer exists (404/1006), or the sheet is gone or not shared with us. */
  | 'not-found'
  /** Any other failure (network, 5xx after retries, an unexpected 4xx): `message` says which. */
  | 'failed';

export interface RefusedRow {
  readonly rowId: number;
  readonly reason: LockRefusalReason;
  /** Smartsheet's message (with status, errorCode and refId), for the run summary and the log. */
  readonly message: string;
}

/** What one lock or unlock request did, row by row. Every requested row id is in exactly one list. */
export interface LockOutcome {
  readonly sheetId: number;
  /** Rows whose lock state this call changed (locked by `lockRows`, unlocked by `unlockRows`). */
  readonly changed: readonly number[];
  /** Rows that were already in the asked-for state, so nothing was sent for them. */
  readonly unchanged: readonly number[];
  readonly refused: readonly RefusedRow[];
}

/** A row's lock as Smartsheet reports it to our token. */
export interface RowLockState {
  readonly rowId: number;
  readonly locked: boolean;
  /** True when our token cannot edit the row (locked, and we are not OWNER/ADMIN on the sheet). */
  readonly lockedForUser: boolean;
}

export interface LockRequestOptions {
  /**
   * Rows the caller already knows to be locked (lockRows) or unlocked (unlockRows), e.g. from the
   * sheet read the cycle made: they go to `unchanged` without a request. When omitted, the locker
   * reads the current states itself (one sheet read of the asked rows).
   */
  readonly knownStates?: ReadonlyMap<number, boolean>;
}

export interface RowLocker {
  /** Locks the rows. Rows already locked are `unchanged`; rows Smartsheet refused are `refused`. */
  lockRows(sheetId: number, rowIds: readonly number[], options?: LockRequestOptions): Promise<LockOutcome>;
  /** Unlocks the rows. Rows already unlocked are `unchanged`; rows Smartsheet refused are `refused`. */
  unlockRows(sheetId: number, rowIds: readonly number[], options?: LockRequestOptions): Promise<LockOutcome>;
  /** The current lock of each row that still exists (missing rows are left out); undefined when the sheet is gone. */
  lockStates(sheetId: number, rowIds: readonly number[]): Promise<RowLockState[] | undefined>;
}
