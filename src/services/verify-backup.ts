// `ledgerline backup verify [id]` (issue #9): re-hash every file of a backup against its manifest,
// hold manifest.json to the checksum the backups table recorded when it was written, and hold the
// audit chain head the backup recorded to the live trail — the event at that seq must carry that
// hash, or the backup and the live log disagree about history. Needs no key: hashes cover the
// stored (encrypted) bytes.
import type { BackupFolder, FileCheck } from '../ports/backup-folder.js';
import type { AuditStore, BackupStore } from '../ports/store.js';

export interface BackupVerification {
  readonly backupId: string;
  readonly ok: boolean;
  readonly files: FileCheck[];
  /** Problems, each naming the file or the check. */
  readonly problems: string[];
  /** What the chain head comparison found (also when it could not be made). */
  readonly chainHead: string;
}

export interface VerifyBackupDeps {
  readonly folder: BackupFolder;
  /** The backups table and live trail; undefined when the store is unavailable (lost disk). */
  readonly backups: BackupStore | undefined;
  readonly audit: AuditStore | undefined;
}

export async function verifyBackup(deps: VerifyBackupDeps, backupId: string): Promise<BackupVerification> {
  const { manifest, checksum } = await deps.folder.readManifest(backupId);
  const files = await deps.folder.checkFiles(backupId, manifest.files);
  const problems = files.filter((f) => !f.ok).map((f) => `${f.name}: ${f.problem ?? 'failed'}`);

  const record = deps.backups
    ? (await deps.backups.listBackups({ limit: 100_000 })).find((b) => b.id === backupId)
    : undefined;
  if (record?.checksum && record.checksum !== checksum) {
    problems.push(`manifest.json: SHA-256 is ${checksum}, the backups table recorded ${record.checksum}`);
  }

  const head = manifest.auditChain;
  let chainHead: string;
  if (head.headSeq === null) {
    chainHead = 'the backup holds no audit events';
  } else if (!deps.audit) {
    chainHead = 'not compared: the live store is unavailable';
  } else {
    const { events } = await deps.audit.listEvents({ fromSeq: head.headSeq, toSeq: head.headSeq, limit: 1 });
    const live = events[0];
    if (!live) {
      chainHead = `not compared: the live trail has no event at seq ${head.headSeq} (restored from an older backup?)`;
    } else if (live.hash === head.headHash) {
      chainHead = `matches the live trail at seq ${head.headSeq}`;
    } else {
      chainHead = `differs from the live trail at seq ${head.headSeq}`;
      problems.push(
        `audit chain head: the backup ends at seq ${head.headSeq} with ${head.headHash}, the live event there has ${live.hash}`,
      );
    }
  }
  return { backupId, ok: problems.length === 0, files, problems, chainHead };
}
