// The backup alarm (issue #9): alert once per episode when no verified backup is younger than the
// limit (26 hours by default). The episode's key names the newest verified backup, so the alarm
// rings once while backups stay stale and again only after a fresh one has come and gone stale.
import { backupFreshness, type BackupFreshness } from '../domain/backup/backup-freshness.js';
import type { BackupStore } from '../ports/store.js';
import { sendOperationalAlert, type OperationalAlertDeps } from './send-operational-alert.js';

export async function checkBackupFreshness(
  deps: { readonly backups: BackupStore; readonly alerting: OperationalAlertDeps },
  options: {
    readonly maxAgeHours: number;
    /**
     * When the watch began (`serve`'s start): a store that never had a backup gets the same
     * grace as a backup, so a fresh install is not alarmed before its first daily backup ran.
     */
    readonly watchingSince?: Date;
  },
): Promise<BackupFreshness> {
  const latest = await deps.backups.latestVerifiedBackup();
  const freshness = backupFreshness(
    latest?.finishedAt ? { id: latest.id, finishedAt: latest.finishedAt } : undefined,
    deps.alerting.now(),
    options.maxAgeHours,
  );
  const inGrace =
    !latest &&
    options.watchingSince !== undefined &&
    deps.alerting.now().getTime() - options.watchingSince.getTime() < options.maxAgeHours * 3_600_000;
  if (!freshness.fresh && !inGrace) {
    await sendOperationalAlert(deps.alerting, {
      rule: 'backup-stale',
      dedupeKey: freshness.dedupeKey,
      subject: 'No recent verified backup',
      message: `${freshness.message} Check the daily backup job (\`ledgerline backup list\`).`,
    });
  }
  return freshness;
}
