// Retention (issue #9): among verified backups, keep what the policy keeps (retention-policy.ts) and
// delete the rest's files; their rows stay, marked `pruned`, as the record of what existed. Failed
// backups' leftovers are removed too. Backups the table does not know (made before a restore of the
// store) are never touched: pruning only deletes what it can account for.
import { applyRetention, type RetentionPolicy } from '../domain/backup/retention-policy.js';
import type { BackupFolder } from '../ports/backup-folder.js';
import type { BackupStore } from '../ports/store.js';

export interface PruneBackupsOptions {
  readonly policy: RetentionPolicy;
  readonly timeZone: string;
  /** Report what would be pruned without deleting anything. */
  readonly dryRun?: boolean;
}

export interface PruneResult {
  readonly kept: { readonly id: string; readonly reasons: readonly string[] }[];
  readonly pruned: string[];
  /** Failed backups whose files were removed. */
  readonly cleanedFailed: string[];
}

/** The most backups one prune looks at: years of daily backups. */
const HISTORY_LIMIT = 100_000;

export async function pruneBackups(
  deps: { readonly backups: BackupStore; readonly folder: BackupFolder },
  options: PruneBackupsOptions,
): Promise<PruneResult> {
  const history = await deps.backups.listBackups({ limit: HISTORY_LIMIT });
  const verified = history.filter((b) => b.status === 'verified');
  const decision = applyRetention(
    verified.map((b) => ({ id: b.id, takenAt: b.startedAt })),
    options.policy,
    options.timeZone,
  );
  const failed = history.filter((b) => b.status === 'failed').map((b) => b.id);
  if (!options.dryRun) {
    for (const id of decision.prune) {
      await deps.folder.remove(id);
      await deps.backups.updateBackup(id, { status: 'pruned' });
    }
    for (const id of failed) await deps.folder.remove(id);
  }
  return {
    kept: [...decision.keep].map(([id, reasons]) => ({ id, reasons })),
    pruned: [...decision.prune],
    cleanedFailed: failed,
  };
}
