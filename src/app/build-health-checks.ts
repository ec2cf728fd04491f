// The checks `doctor` runs, built from the configuration: each names what it checked and, on
// failure, what to do.
import { mkdirSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { probeSmtp } from '../adapters/mail/smtp-probe.js';
import { probeCurrentUser } from '../adapters/smartsheet/current-user-probe.js';
import { migrationStatus, openStore } from '../adapters/store/index.js';
import type { Config } from '../config/index.js';
import { describeDatabase } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { backupFreshness } from '../domain/backup/backup-freshness.js';
import type { HealthCheck, HealthDetail } from '../services/run-health-checks.js';
import { describeBackup } from './backup-summary.js';
import { jobQueueHealthCheck } from './job-queue-health-check.js';
import { setupHealthChecks } from './setup-health-checks.js';

export function buildHealthChecks(config: Config): HealthCheck[] {
  return [
    {
      name: 'config',
      run: async () => `valid (${config.smartsheet.region} region, time zone ${config.billing.timeZone})`,
    },
    { name: 'database', run: () => checkDatabase(config) },
    {
      name: 'smartsheet',
      run: async () => {
        const user = await probeCurrentUser(config.smartsheet.baseUrl, config.smartsheet.token);
        return `${config.smartsheet.baseUrl} accepts the token (user id ${user.id})`;
      },
    },
    { name: 'mail', run: () => checkMail(config) },
    { name: 'backups', run: () => checkBackups(config) },
    jobQueueHealthCheck(config),
    ...setupHealthChecks(config),
  ];
}

async function checkDatabase(config: Config): Promise<string> {
  const where = describeDatabase(config.database.location);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(config.database.location);
  } catch (error) {
    throw new AppError(ErrorCode.DATABASE_UNAVAILABLE, `Cannot open ${where}: ${(error as Error).message}`, {
      hint: 'Check LEDGERLINE_DATABASE_URL and that the database server is running.',
      cause: error,
    });
  }
  try {
    const status = await migrationStatus(store);
    if (status.pending.length > 0) {
      throw new AppError(
        ErrorCode.MIGRATION_FAILED,
        `${where}: ${status.pending.length} migration(s) pending (${status.pending.join(', ')})`,
        { hint: 'Run `ledgerline db migrate`.' },
      );
    }
    return `${where}, ${status.applied.length} migration(s) applied, none pending`;
  } finally {
    await store.close();
  }
}

async function checkMail(config: Config): Promise<string> {
  switch (config.mail.transport) {
    case 'none':
      return 'disabled (LEDGERLINE_MAIL_TRANSPORT=none): alerts are recorded but not sent';
    case 'outbox': {
      const outbox = path.resolve(config.dataDir, 'outbox');
      try {
        mkdirSync(outbox, { recursive: true });
        accessSync(outbox, constants.W_OK);
      } catch (error) {
        throw new AppError(ErrorCode.MAIL_FAILED, `The mail outbox ${outbox} is not writable`, {
          hint: 'Fix the folder permissions or LEDGERLINE_DATA_DIR.',
          cause: error,
        });
      }
      return `outbox ${outbox} (messages are written as files, not sent)`;
    }
    case 'smtp':
      return probeSmtp(config.mail.smtp);
  }
}

/**
 * The latest backups and whether one verified backup is young enough: FAIL when backups exist but
 * none verified within LEDGERLINE_BACKUP_MAX_AGE_HOURS, WARN before the first one.
 */
async function checkBackups(config: Config): Promise<HealthDetail> {
  const store = await openStore(config.database.location);
  try {
    const status = await migrationStatus(store);
    if (status.applied.length === 0)
      throw new AppError(ErrorCode.MIGRATION_FAILED, 'the store is not migrated yet');
    const latest = await store.backups.listBackups({ limit: 5 });
    const verified = await store.backups.latestVerifiedBackup();
    const lines = latest.map(describeBackup);
    const freshness = backupFreshness(
      verified?.finishedAt ? { id: verified.id, finishedAt: verified.finishedAt } : undefined,
      new Date(),
      config.backup.maxAgeHours,
    );
    if (latest.length === 0) {
      return {
        detail: `no backup yet (folder ${path.resolve(config.backup.dir)})`,
        warning: true,
        hint: 'Run `ledgerline backup`; `serve` backs up daily.',
      };
    }
    if (!freshness.fresh) {
      throw new AppError(
        ErrorCode.CHECKS_FAILED,
        `${freshness.message}\n${lines.map((l) => `                  ${l}`).join('\n')}`,
        {
          hint: 'Run `ledgerline backup` and check why the daily backup did not verify.',
        },
      );
    }
    const failedSince = latest.findIndex((b) => b.id === freshness.latest.id);
    return {
      detail: `latest verified ${freshness.latest.id}, ${freshness.ageHours.toFixed(1)} h old`,
      warning: failedSince > 0 && latest.slice(0, failedSince).some((b) => b.status === 'failed'),
      lines,
    };
  } finally {
    await store.close();
  }
}
