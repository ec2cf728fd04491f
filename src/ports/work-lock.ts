// Work that must not overlap itself anywhere in the cluster: a sync or webhook batch of one sheet (two
// readers committing snapshots out of order would move a sheet backwards), writes to one sheet
// (Smartsheet answers 4004 to overlapping writes with one token), and alert delivery (two senders
// must not both pick up the same pending alert). In one process a keyed mutex does; in a cluster the
// lock lives in Postgres and dies with the process that held it.

/**
 * What the work holds while it runs. A cluster lock lives on a database connection, and losing the
 * connection loses the lock while the work goes on: another process may take it at once. Work that
 * is about to commit what it did under the lock calls `confirm()` first, so a holder that lost the
 * lock stops there (its job is retried) instead of committing beside the new holder.
 */
export interface LockLease {
  /** Resolves if the lock is still held now (a round trip for a cluster lock); throws if it is not. */
  confirm(): Promise<void>;
}

export interface WorkLock {
  /** Runs `work` once no other holder of `key` runs, anywhere the lock reaches. */
  withLock<T>(key: string, work: (lease: LockLease) => Promise<T>): Promise<T>;
}

export const lockKeys = {
  sheetSync: (sheetId: number) => `sheet-sync:${sheetId}`,
  sheetWrite: (sheetId: number) => `sheet-write:${sheetId}`,
  alertDelivery: 'alert-delivery',
} as const;
