// `ledgerline restore <id>` (issue #9): bring a backup's store back into a NEW file or schema, check it
// exactly as the drill does, migrate it to this version, and only then — after the operator
// confirms — make it the live store. The replaced store is kept aside under a dated name, never
// deleted, so a wrong restore can itself be undone.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { BackupFolder, ExtractedFile } from '../ports/backup-folder.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import type { RestoredStore, RestoreTarget, StoreCopier } from '../ports/store-copy.js';
import { checkRestoredStore, type RestoredStoreChecks } from './check-restored-store.js';

export interface RestoreStoreDeps {
  readonly folder: BackupFolder;
  readonly copier: StoreCopier;
  readonly verifiers: readonly CheckpointVerifier[];
  /** Asks the operator whether to switch over; resolves false to leave the live store alone. */
  readonly confirm: (question: string) => Promise<boolean>;
  readonly now: () => Date;
}

export interface RestoreStoreOptions {
  readonly backupId: string;
  /** Restore here and stop (no switch-over); default: beside the live store, then switch over. */
  readonly target?: Exclude<RestoreTarget, { kind: 'temporary' }>;
}

export interface RestoreStoreResult {
  readonly backupId: string;
  /** Where the restored store is now. */
  readonly restoredInto: string;
  readonly checks: RestoredStoreChecks;
  readonly migrationsApplied: string[];
  /** True when the restored store became the live store. */
  readonly switched: boolean;
  /** Where the replaced live store was kept, after a switch-over. */
  readonly replacedStoreKeptAt: string | null;
}

export async function restoreStore(
  deps: RestoreStoreDeps,
  options: RestoreStoreOptions,
): Promise<RestoreStoreResult> {
  const { backupId } = options;
  const { manifest } = await deps.folder.readManifest(backupId);
  const broken = (await deps.folder.checkFiles(backupId, manifest.files)).filter((f) => !f.ok);
  if (broken.length > 0) {
    throw new AppError(
      ErrorCode.CHECKS_FAILED,
      `Backup ${backupId} is damaged: ${broken.map((f) => `${f.name} (${f.problem ?? 'failed'})`).join('; ')}`,
      { hint: 'Restore from another backup (`ledgerline backup list`).' },
    );
  }
  const target = options.target ?? (await deps.copier.sideTargetFor(backupId));
  let extracted: ExtractedFile | undefined;
  let restored: RestoredStore | undefined;
  try {
    extracted = await deps.folder.extract(backupId, manifest, manifest.store.file);
    restored = await deps.copier.restore(extracted.path, manifest.store, target);
    const checks = await checkRestoredStore(restored, manifest, deps.verifiers);
    if (!checks.ok) {
      throw new AppError(
        ErrorCode.CHECKS_FAILED,
        `The restored copy of ${backupId} failed its checks: ${checks.problems.join('; ')}`,
        {
          hint: 'Nothing was switched over. Try another backup.',
        },
      );
    }
    const migrationsApplied = await restored.migrate();
    const restoredInto = restored.description;
    await restored.close();
    restored = undefined;
    if (options.target) {
      return {
        backupId,
        restoredInto,
        checks,
        migrationsApplied,
        switched: false,
        replacedStoreKeptAt: null,
      };
    }
    const question = `Backup ${backupId} (taken ${manifest.createdAt}, ${manifest.auditChain.eventCount} audit events) is restored and checked at ${restoredInto}. Make it the live store? The current store is kept aside.`;
    if (!(await deps.confirm(question))) {
      return {
        backupId,
        restoredInto,
        checks,
        migrationsApplied,
        switched: false,
        replacedStoreKeptAt: null,
      };
    }
    const stamp = deps.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const replacedStoreKeptAt = await deps.copier.switchOver(target, stamp);
    return { backupId, restoredInto, checks, migrationsApplied, switched: true, replacedStoreKeptAt };
  } catch (error) {
    // A copy that failed its checks must not be mistaken for a good one later.
    await restored?.discard().catch(() => undefined);
    throw error;
  } finally {
    await extracted?.dispose();
  }
}
