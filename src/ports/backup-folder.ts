// Where backups are kept (issue #9): one folder per backup holding its files and manifest.json.
// The folder compresses every file, encrypts it when a key is configured, and hashes what it stores;
// services see logical operations and never a cipher or a path join.
import type { BackupFile, BackupManifest } from '../domain/backup/backup-manifest.js';

/** A backup being written: invisible under its id until `commit`. */
export interface BackupWriter {
  /** A folder the store copier may write raw files into; `seal` then stores them. */
  readonly stagingPath: string;
  /** Stores `value` as gzipped (and possibly encrypted) JSON; returns the stored file's name. */
  writeJson(name: string, value: unknown): Promise<string>;
  /** Compresses (and encrypts) a raw file written into stagingPath; returns the stored name. */
  seal(rawName: string): Promise<string>;
  /**
   * Hashes every stored file, writes manifest.json and moves the backup into place atomically.
   * Returns the full manifest, the SHA-256 of manifest.json and the backup's total size.
   */
  commit(manifest: Omit<BackupManifest, 'files' | 'encryption'>): Promise<CommittedBackup>;
  /** Removes everything written so far. */
  abort(): Promise<void>;
}

export interface CommittedBackup {
  readonly manifest: BackupManifest;
  /** SHA-256 of manifest.json, which lists every file's hash. */
  readonly checksum: string;
  readonly sizeBytes: number;
  readonly location: string;
}

/** One file's re-hash against the manifest. */
export interface FileCheck {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed: missing, wrong size, hash differs. */
  readonly problem?: string;
}

/** A file decrypted and decompressed into a private temporary place. */
export interface ExtractedFile {
  readonly path: string;
  dispose(): Promise<void>;
}

export interface BackupFolder {
  /** The folder holding every backup (for messages). */
  readonly root: string;
  /** The key id that new backups are encrypted with; null when backups are not encrypted. */
  readonly keyId: string | null;
  begin(backupId: string): Promise<BackupWriter>;
  /** Where a backup lives. */
  locationOf(backupId: string): string;
  /** The ids of every committed backup in the folder, oldest first. */
  listBackupIds(): Promise<string[]>;
  /**
   * Reads and checks a backup's manifest; `checksum` is the SHA-256 of manifest.json as stored.
   * Throws AppError NOT_FOUND when there is no such backup, INPUT_INVALID when it is unreadable.
   */
  readManifest(backupId: string): Promise<{ manifest: BackupManifest; checksum: string }>;
  /** Re-hashes every file the manifest lists (and notices files it does not list). */
  checkFiles(backupId: string, files: readonly BackupFile[]): Promise<FileCheck[]>;
  /**
   * Decrypts and decompresses one stored file. Throws AppError INPUT_INVALID naming the file when
   * the key is wrong or missing, or the file is corrupted.
   */
  extract(backupId: string, manifest: BackupManifest, name: string): Promise<ExtractedFile>;
  /** A stored JSON file's content (see extract for errors). */
  readJson(backupId: string, manifest: BackupManifest, name: string): Promise<unknown>;
  /** Deletes a backup's folder; nothing happens when it is already gone. */
  remove(backupId: string): Promise<void>;
}
