// One backup as the daily job and `ledgerline backup` run it (issue #9): write it, drill it, record
// the outcome (`verified`, or `failed` with the reason), alert when either step failed, then prune by
// the retention policy. A failure in pruning is logged and never turns a good backup into a bad one.
import type { BackupRecord } from '../ports/store.js';
import { createBackup, type CreateBackupDeps, type CreateBackupOptions } from './create-backup.js';
import { pruneBackups, type PruneBackupsOptions, type PruneResult } from './prune-backups.js';
import {
  drillAsJson,
  runRestoreDrill,
  type RestoreDrillDeps,
  type RestoreDrillResult,
} from './run-restore-drill.js';
import { sendOperationalAlert, type OperationalAlertDeps } from './send-operational-alert.js';

export interface RunBackupDeps extends CreateBackupDeps, Omit<RestoreDrillDeps, 'folder' | 'now'> {
  readonly alerting: OperationalAlertDeps;
}

export interface RunBackupOptions extends CreateBackupOptions {
  readonly retention: PruneBackupsOptions;
}

export interface RunBackupOutcome {
  readonly ok: boolean;
  readonly record: BackupRecord;
  readonly drill: RestoreDrillResult | null;
  readonly prune: PruneResult | null;
  /** Why the backup is not verified, when it is not. */
  readonly error: string | null;
}

export async function runBackup(deps: RunBackupDeps, options: RunBackupOptions): Promise<RunBackupOutcome> {
  const created = await createBackup(deps, options);
  if (!created.ok) {
    await sendOperationalAlert(deps.alerting, {
      rule: 'backup-failed',
      dedupeKey: `backup-failed:${options.backupId}`,
      subject: `Backup ${options.backupId} failed`,
      message: `Backup ${options.backupId} failed: ${created.error.message}`,
    });
    return { ok: false, record: created.record, drill: null, prune: null, error: created.error.message };
  }

  const drill = await runRestoreDrill(deps, options.backupId);
  const error = drill.ok ? null : `restore drill failed: ${drill.problems.join('; ')}`.slice(0, 2_000);
  const record =
    (await deps.backups.updateBackup(options.backupId, {
      status: drill.ok ? 'verified' : 'failed',
      drillResult: drillAsJson(drill),
      ...(error ? { error } : {}),
    })) ?? created.record;
  if (!drill.ok) {
    await sendOperationalAlert(deps.alerting, {
      rule: 'backup-drill-failed',
      dedupeKey: `backup-drill-failed:${options.backupId}`,
      subject: `Restore drill of backup ${options.backupId} failed`,
      message: `The restore drill of backup ${options.backupId} failed, so it cannot be trusted: ${drill.problems.join('; ')}`,
    });
  }

  let prune: PruneResult | null = null;
  try {
    prune = await pruneBackups(deps, options.retention);
  } catch (cause) {
    deps.logger.error({ err: cause }, 'pruning old backups failed');
  }
  return { ok: drill.ok, record, drill, prune, error };
}
