import type { JsonObject } from '../domain/audit-chain.js';

/**
 * `verified`: the backup passed a restore drill; `completed`: written but not yet drilled;
 * `pruned`: retention deleted its files (the row stays as the record of what existed).
 */
export type BackupStatus = 'running' | 'completed' | 'verified' | 'failed' | 'pruned';

/** One backup and what is known about it. */
export interface BackupRecord {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: BackupStatus;
  /** Where the backup file lives (a path or URL). */
  readonly location: string | null;
  readonly sizeBytes: number | null;
  /** SHA-256 of the backup file. */
  readonly checksum: string | null;
  readonly durationMs: number | null;
  /** What the restore drill found (counts compared, chain verified…). */
  readonly drillResult: JsonObject | null;
  readonly error: string | null;
  /** Tables and row counts in the backup. */
  readonly manifest: JsonObject | null;
}

/** Fields an update may change. */
export type BackupChanges = Partial<Omit<BackupRecord, 'id' | 'startedAt'>>;

/** The backup history behind `ledgerline backup`, `verify` and the daily job. */
export interface BackupStore {
  recordBackup(backup: BackupRecord): Promise<void>;
  /** Returns the updated backup, or undefined when there is none. */
  updateBackup(id: string, changes: BackupChanges): Promise<BackupRecord | undefined>;
  /** Latest started first. */
  listBackups(options: { readonly limit: number }): Promise<BackupRecord[]>;
  /** The most recently finished verified backup. */
  latestVerifiedBackup(): Promise<BackupRecord | undefined>;
}
