// Composition of backups from Config (issue #9): the backup folder with its key, the store copier for
// the configured engine, the audit public key for drills, Smartsheet for sheet snapshots and
// `restore rows`, and the e-mail alerting of operational problems. `serve` builds it over its own
// store and client; the CLI opens one for a single command.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localBackupFolder } from '../adapters/backup/local-backup-folder.js';
import { backupKeyOf, type BackupKey } from '../adapters/backup/sealed-file.js';
import type { SmartsheetClient } from '../adapters/smartsheet/index.js';
import { smartsheetBillingSheets } from '../adapters/smartsheet/smartsheet-billing-sheets.js';
import { smartsheetRowWriter } from '../adapters/smartsheet/smartsheet-row-writer.js';
import { migrateToLatest, openStore, storeBackupEngine } from '../adapters/store/index.js';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { backupIdFor } from '../domain/backup/backup-id.js';
import { parseBackupKey } from '../domain/backup/backup-key.js';
import type { BackupFolder } from '../ports/backup-folder.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import type { Logger } from '../ports/logger.js';
import type { SheetRowWriter } from '../ports/sheet-row-writer.js';
import type { Store } from '../ports/store.js';
import type { StoreCopier } from '../ports/store-copy.js';
import { runBackup, type RunBackupOutcome } from '../services/run-backup.js';
import type { OperationalAlertDeps } from '../services/send-operational-alert.js';
import { alertingFor, type Alerting } from './alerting.js';
import { loadCheckpointVerifier } from './audit-verifier.js';
import { openSmartsheetAccess } from './smartsheet-access.js';
import type { SmartsheetAccess } from './smartsheet-access.js';

export interface BackupKit extends BackupTools {
  readonly store: Store;
  /** Smartsheet access; undefined without a token (backups then hold the store only). */
  readonly source: BillingSheets | undefined;
  readonly writer: SheetRowWriter | undefined;
  readonly alerting: OperationalAlertDeps;
  /** Writes, drills and prunes one backup, as the daily job does. */
  runBackup(): Promise<RunBackupOutcome>;
}

/** The backup key from LEDGERLINE_BACKUP_ENCRYPTION_KEY or its file; undefined when neither is set. */
export async function loadBackupKey(config: Config): Promise<BackupKey | undefined> {
  const { encryptionKey, encryptionKeyFile } = config.backup;
  let text = encryptionKey;
  let name = 'LEDGERLINE_BACKUP_ENCRYPTION_KEY';
  if (text === undefined && encryptionKeyFile !== undefined) {
    name = path.resolve(encryptionKeyFile);
    try {
      text = await readFile(name, 'utf8');
    } catch (error) {
      throw new AppError(ErrorCode.CONFIG_INVALID, `Cannot read the backup key file ${name}`, {
        hint: 'Fix LEDGERLINE_BACKUP_ENCRYPTION_KEY_FILE or unset it.',
        cause: error,
      });
    }
  }
  if (text === undefined) return undefined;
  const parsed = parseBackupKey(text);
  if (!parsed.ok) throw new AppError(ErrorCode.CONFIG_INVALID, `The backup key in ${name} ${parsed.reason}`);
  return backupKeyOf(parsed.value);
}

/** The version Ledgerline records in each manifest (package.json, beside src/ and dist/ alike). */
async function ledgerlineVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What works without the live store (it may be the thing lost): the folder, the copier, the key. */
export interface BackupTools {
  readonly folder: BackupFolder;
  readonly copier: StoreCopier;
  /** The audit public key(s) for drills and restores; empty when no key can be found. */
  verifiers(): Promise<CheckpointVerifier[]>;
}

export async function backupToolsFor(config: Config, logger: Logger): Promise<BackupTools> {
  return {
    folder: localBackupFolder(path.resolve(config.backup.dir), await loadBackupKey(config)),
    copier: storeBackupEngine(config.database.location, { logger }),
    async verifiers() {
      try {
        return [await loadCheckpointVerifier(config)];
      } catch {
        return [];
      }
    },
  };
}

/** Builds the kit over an open store (and client, when Smartsheet is configured). */
export async function backupKitFor(
  config: Config,
  logger: Logger,
  parts: {
    readonly store: Store;
    readonly client: SmartsheetClient | undefined;
    readonly alerting: Alerting;
  },
): Promise<BackupKit> {
  const { store, client, alerting } = parts;
  const { folder, copier, verifiers } = await backupToolsFor(config, logger);
  const source = client ? smartsheetBillingSheets(client) : undefined;
  const operational: OperationalAlertDeps = {
    alerts: store.alerts,
    email: alerting.email,
    recipients: alerting.recipients,
    newId: randomUUID,
    now: () => new Date(),
  };
  const version = await ledgerlineVersion();
  const extraSheets = [
    ...(config.smartsheet.targetSheetId
      ? [{ id: config.smartsheet.targetSheetId, role: 'target' as const }]
      : []),
    ...(config.smartsheet.auditSheetId
      ? [{ id: config.smartsheet.auditSheetId, role: 'audit' as const }]
      : []),
  ];
  return {
    store,
    folder,
    copier,
    source,
    writer: client ? smartsheetRowWriter(client) : undefined,
    alerting: operational,
    verifiers,
    async runBackup() {
      const now = new Date();
      return runBackup(
        {
          backups: store.backups,
          sheets: store.sheets,
          reports: store.reports,
          copier,
          folder,
          source,
          verifiers: await verifiers(),
          alerting: operational,
          now: () => new Date(),
          logger,
        },
        {
          backupId: backupIdFor(now, randomBytes(3).toString('hex')),
          extraSheets,
          versions: { ledgerline: version, node: process.version },
          retention: { policy: config.backup.retention, timeZone: config.billing.timeZone },
        },
      );
    },
  };
}

/** Opens the store (migrated) and, when a token is configured, Smartsheet, for one CLI command. */
export async function openBackupKit(
  config: Config,
  logger: Logger,
): Promise<BackupKit & { close(): Promise<void> }> {
  const store = await openStore(config.database.location, { logger });
  let access: SmartsheetAccess | undefined;
  try {
    await migrateToLatest(store);
    // Backups read every sheet and restores write rows: beside a cluster, on the cluster's budget.
    access = config.smartsheet.token ? await openSmartsheetAccess(config, logger) : undefined;
    const alerting = alertingFor(config, store.alerts);
    const kit = await backupKitFor(config, logger, { store, client: access?.client, alerting });
    return {
      ...kit,
      close: async () => {
        alerting.close();
        await access?.close();
        await store.close();
      },
    };
  } catch (error) {
    await access?.close();
    await store.close();
    throw error;
  }
}

/** Who runs a command, for the audit trail. */
export function operatorName(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return 'unknown operator';
  }
}
