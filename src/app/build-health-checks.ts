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
import type { HealthCheck } from '../services/run-health-checks.js';

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
