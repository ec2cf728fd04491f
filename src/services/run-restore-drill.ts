// The restore drill that follows every backup (issue #9): a backup counts as verified only once it
// has actually been restored. Re-hash every file, restore the store into a temporary place, check
// it (check-restored-store), open every sheet snapshot, then throw the temporary copy away.
import type { JsonObject } from '../domain/audit-chain.js';
import { toAppError } from '../domain/app-error.js';
import type { BackupManifest } from '../domain/backup/backup-manifest.js';
import type { BackupFolder, ExtractedFile } from '../ports/backup-folder.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import type { RestoredStore, StoreCopier } from '../ports/store-copy.js';
import { checkRestoredStore, checksAsJson } from './check-restored-store.js';

export interface RestoreDrillDeps {
  readonly folder: BackupFolder;
  readonly copier: StoreCopier;
  /** The audit public key(s): checkpoints in the copy are verified like `audit verify` does. */
  readonly verifiers: readonly CheckpointVerifier[];
  readonly now: () => Date;
}

export interface RestoreDrillResult {
  readonly ok: boolean;
  readonly checkedAt: string;
  readonly durationMs: number;
  /** Every problem found, one line each. */
  readonly problems: string[];
  readonly filesChecked: number;
  readonly restoredInto: string | null;
  readonly sheetsOpened: number;
  readonly checks: JsonObject | null;
}

export async function runRestoreDrill(deps: RestoreDrillDeps, backupId: string): Promise<RestoreDrillResult> {
  const started = deps.now();
  const problems: string[] = [];
  let filesChecked = 0;
  let restoredInto: string | null = null;
  let sheetsOpened = 0;
  let checks: JsonObject | null = null;
  let extracted: ExtractedFile | undefined;
  let restored: RestoredStore | undefined;
  try {
    const { manifest } = await deps.folder.readManifest(backupId);
    const files = await deps.folder.checkFiles(backupId, manifest.files);
    filesChecked = files.length;
    for (const file of files) if (!file.ok) problems.push(`${file.name}: ${file.problem ?? 'failed'}`);
    if (problems.length === 0) {
      extracted = await deps.folder.extract(backupId, manifest, manifest.store.file);
      restored = await deps.copier.restore(extracted.path, manifest.store, { kind: 'temporary' });
      restoredInto = restored.description;
      const result = await checkRestoredStore(restored, manifest, deps.verifiers);
      problems.push(...result.problems);
      checks = checksAsJson(result);
      sheetsOpened = await openSheetSnapshots(deps.folder, backupId, manifest, problems);
    }
  } catch (error) {
    problems.push(toAppError(error).message);
  } finally {
    await restored
      ?.discard()
      .catch((error: unknown) => problems.push(`removing the drill copy: ${toAppError(error).message}`));
    await extracted?.dispose();
  }
  const finished = deps.now();
  return {
    ok: problems.length === 0,
    checkedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    problems,
    filesChecked,
    restoredInto,
    sheetsOpened,
    checks,
  };
}

/** Decrypts and parses each sheet snapshot, checking its row count against the manifest. */
async function openSheetSnapshots(
  folder: BackupFolder,
  backupId: string,
  manifest: BackupManifest,
  problems: string[],
): Promise<number> {
  let opened = 0;
  for (const entry of manifest.sheets) {
    const content = (await folder.readJson(backupId, manifest, entry.file)) as {
      sheet?: { rows?: unknown[] };
    };
    const rows = content.sheet?.rows?.length;
    if (rows !== entry.rowCount)
      problems.push(`${entry.file}: ${rows ?? 'no'} rows, the manifest says ${entry.rowCount}`);
    opened += 1;
  }
  const reports = await folder.readJson(backupId, manifest, manifest.publishedReports.file);
  if (!Array.isArray(reports) || reports.length !== manifest.publishedReports.count) {
    problems.push(
      `${manifest.publishedReports.file}: does not hold the ${manifest.publishedReports.count} published reports listed`,
    );
  }
  return opened;
}

/** The drill as stored in the backups table. */
export function drillAsJson(result: RestoreDrillResult): JsonObject {
  return JSON.parse(JSON.stringify(result)) as JsonObject;
}
