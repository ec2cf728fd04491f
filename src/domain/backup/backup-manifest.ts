// What a backup holds, written as manifest.json beside its files (issue #9): every file with its
// SHA-256 and size, the versions that made it, the store's row counts and the audit chain's head
// at the instant of the copy. The manifest holds no billing data, so it stays readable even when
// the files are encrypted: `backup verify` re-hashes everything without the key.
import type { JsonObject } from '../audit-chain.js';
import { fail, ok, type Result } from '../result.js';
import { isBackupId } from './backup-id.js';

export const BACKUP_FORMAT = 'ledgerline-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** How the store was copied: SQLite's online backup, a pg_dump, or rows read in one transaction. */
export type StoreCopyMethod = 'sqlite-online-backup' | 'pg_dump' | 'logical-export';

/** One stored file: its name inside the backup folder (with its .gz/.enc suffixes), hash and size. */
export interface BackupFile {
  readonly name: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** The store's part of a backup. */
export interface StoreCopyFacts {
  readonly dialect: 'sqlite' | 'postgres';
  readonly method: StoreCopyMethod;
  /** The stored file holding the copy. */
  readonly file: string;
  /** Postgres: the schema that was copied (its name is rewritten on restore). */
  readonly schema: string | null;
  readonly serverVersion: string | null;
  /** pg_dump's version when it made the copy. */
  readonly toolVersion: string | null;
  /** Migrations applied to the copied schema, in order: a restore migrates to these first. */
  readonly migrations: readonly string[];
  /** Rows per table in the copy. */
  readonly rowCounts: Readonly<Record<string, number>>;
}

/** The audit chain's head in the copy: what a restore must reproduce exactly. */
export interface ManifestChainHead {
  readonly eventCount: number;
  readonly headSeq: number | null;
  readonly headHash: string;
}

/** A snapshot of one Smartsheet sheet taken with the backup. */
export interface SheetSnapshotEntry {
  readonly sheetId: number;
  readonly role: 'source' | 'target' | 'audit';
  readonly name: string;
  readonly version: number;
  readonly rowCount: number;
  readonly file: string;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly backupId: string;
  /** When the store copy was taken (ISO-8601). */
  readonly createdAt: string;
  readonly versions: { readonly ledgerline: string; readonly node: string };
  readonly store: StoreCopyFacts;
  readonly auditChain: ManifestChainHead;
  readonly sheets: readonly SheetSnapshotEntry[];
  /** Sheets that could not be snapshotted, and why (the store copy is still whole). */
  readonly sheetProblems: readonly { readonly sheetId: number | null; readonly problem: string }[];
  readonly publishedReports: { readonly file: string; readonly count: number };
  /** Null when the files are stored in clear (gzip only). */
  readonly encryption: { readonly algorithm: 'AES-256-GCM'; readonly keyId: string } | null;
  readonly files: readonly BackupFile[];
}

/** The manifest as stored in the backups table's JSON column. */
export function manifestAsJson(manifest: BackupManifest): JsonObject {
  return JSON.parse(JSON.stringify(manifest)) as JsonObject;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a manifest.json's parsed content, checking what restore and verify rely on: the format,
 * the id, the file list, the store part and the chain head. Anything else is carried as written.
 */
export function parseBackupManifest(value: unknown, expectedId?: string): Result<BackupManifest> {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) return fail('is not a Ledgerline backup manifest');
  if (value.formatVersion !== BACKUP_FORMAT_VERSION)
    return fail(
      `has format version ${String(value.formatVersion)}; this Ledgerline reads version ${BACKUP_FORMAT_VERSION}`,
    );
  if (typeof value.backupId !== 'string' || !isBackupId(value.backupId)) return fail('has no valid backupId');
  if (expectedId !== undefined && value.backupId !== expectedId)
    return fail(`names backup ${value.backupId}, not ${expectedId}`);
  const files = value.files;
  if (
    !Array.isArray(files) ||
    !files.every(
      (f) =>
        isObject(f) &&
        typeof f.name === 'string' &&
        isSafeFileName(f.name) &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256) &&
        Number.isSafeInteger(f.sizeBytes),
    )
  )
    return fail('has a malformed file list');
  const store = value.store;
  if (!isObject(store) || typeof store.file !== 'string' || !isObject(store.rowCounts))
    return fail('has no store section');
  if (!files.some((f) => isObject(f) && f.name === store.file))
    return fail(`does not list its store file ${store.file}`);
  const chain = value.auditChain;
  if (!isObject(chain) || typeof chain.headHash !== 'string' || !Number.isSafeInteger(chain.eventCount))
    return fail('has no audit chain head');
  return ok(value as unknown as BackupManifest);
}

/** A relative path inside a backup folder: no absolute paths, no `..`, no odd characters. */
export function isSafeFileName(name: string): boolean {
  return (
    /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) &&
    !name.split('/').some((p) => p === '..' || p === '.')
  );
}
