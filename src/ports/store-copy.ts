// Copying the store consistently and bringing a copy back (issue #9). How depends on the engine —
// SQLite's online backup, pg_dump, or a logical export inside one transaction — so the services
// only ask for a copy, a restore into a new place, and its checks.
import type { StoreCopyFacts } from '../domain/backup/backup-manifest.js';
import type { AuditChainHead } from './audit-store.js';
import type { Store } from './store.js';

/** A consistent copy written into a folder, with what it holds (read from the copy itself). */
export interface StoreCopyResult {
  /** The raw file's name inside the folder (before the backup folder seals it). */
  readonly rawFile: string;
  readonly facts: Omit<StoreCopyFacts, 'file'>;
  readonly chainHead: AuditChainHead;
}

/** Where a restore goes: a throw-away place for a drill, or a named database. */
export type RestoreTarget =
  | { readonly kind: 'temporary' }
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string | undefined };

/** A store restored from a copy, open for checks. */
export interface RestoredStore {
  readonly store: Store;
  /** Where it is, for messages: a file path or `schema x in database y`. */
  readonly description: string;
  readonly target: Exclude<RestoreTarget, { kind: 'temporary' }>;
  /** Rows per table, counted the way the copy counted them. */
  rowCounts(): Promise<Record<string, number>>;
  /** The engine's own consistency check (SQLite integrity and foreign keys); empty when sound. */
  integrityProblems(): Promise<string[]>;
  /** Brings the restored schema up to this version's migrations. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** Closes and deletes the restored database. */
  discard(): Promise<void>;
}

export interface StoreCopier {
  /** Writes a consistent copy of the live store into `folder`. */
  copyInto(folder: string): Promise<StoreCopyResult>;
  /**
   * Restores the copy held in the plain file `file` (made as `facts` says) into a new place that
   * must not hold a store yet. Throws AppError CONFLICT when it does.
   */
  restore(file: string, facts: StoreCopyFacts, target: RestoreTarget): Promise<RestoredStore>;
  /** The default place `restore` puts a copy before switching over: beside the live store. */
  sideTargetFor(backupId: string): Promise<Exclude<RestoreTarget, { kind: 'temporary' }>>;
  /**
   * Makes `restored` the live store: the live one is kept aside under a dated name, never deleted.
   * Returns where the old store was moved.
   */
  switchOver(restored: Exclude<RestoreTarget, { kind: 'temporary' }>, stamp: string): Promise<string>;
}
