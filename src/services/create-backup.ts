// `ledgerline backup` (issue #9): a consistent copy of the store, snapshots of the source, target and
// audit sheets as Smartsheet holds them now, the list of published reports, and a manifest hashing
// every file — written under a temporary name and moved into place only when whole. The backups
// table follows each backup from `running` to `completed` (or `failed`, with the reason).
import { toAppError, type AppError } from '../domain/app-error.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  manifestAsJson,
  type BackupManifest,
  type SheetSnapshotEntry,
} from '../domain/backup/backup-manifest.js';
import type { BackupFolder, BackupWriter } from '../ports/backup-folder.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { BackupRecord, BackupStore, ReportStore, SheetRecord, SheetStore } from '../ports/store.js';
import type { StoreCopier } from '../ports/store-copy.js';

export interface CreateBackupDeps {
  readonly backups: BackupStore;
  readonly sheets: SheetStore;
  readonly reports: ReportStore;
  readonly copier: StoreCopier;
  readonly folder: BackupFolder;
  /** Smartsheet, for the sheet snapshots; undefined when no token is configured (store only). */
  readonly source: BillingSheets | undefined;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface CreateBackupOptions {
  readonly backupId: string;
  /** Sheets configured outside the store's sheet list (the audit sheet, the target sheet). */
  readonly extraSheets: readonly { readonly id: number; readonly role: 'target' | 'audit' }[];
  readonly versions: { readonly ledgerline: string; readonly node: string };
}

export type CreateBackupResult =
  | { readonly ok: true; readonly record: BackupRecord; readonly manifest: BackupManifest }
  | { readonly ok: false; readonly record: BackupRecord; readonly error: AppError };

/** What a sheet snapshot file holds: the sheet as read, and how its columns map to billing fields. */
export interface SheetSnapshotFile {
  readonly takenAt: string;
  readonly role: SheetSnapshotEntry['role'];
  /** Billing field → column id, for source sheets (what `restore rows` writes back). */
  readonly columnMap: Readonly<Record<string, number>> | null;
  readonly sheet: NonNullable<Awaited<ReturnType<BillingSheets['readSheet']>>>;
}

export async function createBackup(
  deps: CreateBackupDeps,
  options: CreateBackupOptions,
): Promise<CreateBackupResult> {
  const { backupId } = options;
  const started = deps.now();
  const record: BackupRecord = {
    id: backupId,
    startedAt: started.toISOString(),
    finishedAt: null,
    status: 'running',
    location: deps.folder.locationOf(backupId),
    sizeBytes: null,
    checksum: null,
    durationMs: null,
    drillResult: null,
    error: null,
    manifest: null,
  };
  await deps.backups.recordBackup(record);
  const log = deps.logger.child({ backupId });
  let writer: BackupWriter | undefined;
  try {
    writer = await deps.folder.begin(backupId);
    const copy = await deps.copier.copyInto(writer.stagingPath);
    const createdAt = deps.now().toISOString();
    const storeFile = await writer.seal(copy.rawFile);
    log.info({ method: copy.facts.method, rows: copy.facts.rowCounts }, 'store copied');
    const sheets = await snapshotSheets(deps, writer, options, createdAt, log);
    const reports = await deps.reports.listPublishedReports();
    const reportsFile = await writer.writeJson('published-reports.json', reports);
    const committed = await writer.commit({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      backupId,
      createdAt,
      versions: options.versions,
      store: { ...copy.facts, file: storeFile },
      auditChain: copy.chainHead,
      sheets: sheets.entries,
      sheetProblems: sheets.problems,
      publishedReports: { file: reportsFile, count: reports.length },
    });
    writer = undefined;
    const finished = deps.now();
    const updated = await deps.backups.updateBackup(backupId, {
      finishedAt: finished.toISOString(),
      status: 'completed',
      location: committed.location,
      sizeBytes: committed.sizeBytes,
      checksum: committed.checksum,
      durationMs: finished.getTime() - started.getTime(),
      manifest: manifestAsJson(committed.manifest),
      // The store copy is whole; a sheet Smartsheet could not give is worth knowing, not a failure.
      error:
        sheets.problems.length > 0
          ? `sheet snapshots incomplete: ${sheets.problems.map((p) => p.problem).join('; ')}`
          : null,
    });
    log.info({ sizeBytes: committed.sizeBytes, location: committed.location }, 'backup written');
    return { ok: true, record: updated ?? record, manifest: committed.manifest };
  } catch (cause) {
    await writer?.abort().catch(() => undefined);
    const error = toAppError(cause);
    const finished = deps.now();
    const updated = await deps.backups.updateBackup(backupId, {
      finishedAt: finished.toISOString(),
      status: 'failed',
      durationMs: finished.getTime() - started.getTime(),
      error: error.message.slice(0, 2_000),
    });
    log.error({ err: cause }, 'backup failed');
    return { ok: false, record: updated ?? { ...record, status: 'failed', error: error.message }, error };
  }
}

/** Reads each known sheet from Smartsheet and stores it; a sheet that cannot be read is a problem, not a failure. */
async function snapshotSheets(
  deps: CreateBackupDeps,
  writer: BackupWriter,
  options: CreateBackupOptions,
  takenAt: string,
  log: Logger,
): Promise<{ entries: SheetSnapshotEntry[]; problems: { sheetId: number | null; problem: string }[] }> {
  const entries: SheetSnapshotEntry[] = [];
  const problems: { sheetId: number | null; problem: string }[] = [];
  if (!deps.source) {
    problems.push({
      sheetId: null,
      problem: 'no Smartsheet token is configured: only the store was backed up',
    });
    return { entries, problems };
  }
  const known = await deps.sheets.listSheets();
  const wanted: { id: number; role: SheetSnapshotEntry['role']; record: SheetRecord | undefined }[] =
    known.map((record) => ({ id: record.id, role: record.role, record }));
  for (const extra of options.extraSheets) {
    if (!wanted.some((w) => w.id === extra.id))
      wanted.push({ id: extra.id, role: extra.role, record: undefined });
  }
  for (const { id, role, record } of wanted) {
    try {
      const sheet = await deps.source.readSheet(id);
      if (!sheet) {
        problems.push({ sheetId: id, problem: `${role} sheet ${id} no longer exists or is not shared` });
        continue;
      }
      const content: SheetSnapshotFile = {
        takenAt,
        role,
        columnMap: record && role === 'source' ? record.columnMap : null,
        sheet,
      };
      const file = await writer.writeJson(`sheets/${role}-${id}.json`, content);
      entries.push({
        sheetId: id,
        role,
        name: sheet.name,
        version: sheet.version,
        rowCount: sheet.rows.length,
        file,
      });
    } catch (error) {
      log.warn({ err: error, sheetId: id }, 'sheet snapshot failed');
      problems.push({ sheetId: id, problem: `${role} sheet ${id}: ${toAppError(error).message}` });
    }
  }
  return { entries, problems };
}
