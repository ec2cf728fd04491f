// `doctor`'s checks of what `ledgerline init` set up, composed from the configuration: the two
// configuration files in the working directory, the configured sheets, the first admin and the
// webhooks (services/setup-health-checks.ts holds what each one checks).
import { statSync } from 'node:fs';
import path from 'node:path';
import { SmartsheetClient, TokenBucketBudget } from '../adapters/smartsheet/index.js';
import { smartsheetSetup } from '../adapters/smartsheet/smartsheet-setup.js';
import { migrationStatus, openStore } from '../adapters/store/index.js';
import type { Config } from '../config/index.js';
import { SETTINGS_FILE_NAME } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { Store } from '../ports/store.js';
import type { HealthCheck } from '../services/run-health-checks.js';
import {
  checkAdminAccount,
  checkConfiguredSheets,
  checkSetupFiles,
  checkWebhookRegistration,
} from '../services/setup-health-checks.js';

/** The permission bits of a file, or undefined when it does not exist. */
function fileMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

async function withMigratedStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.database.location);
  try {
    if ((await migrationStatus(store)).applied.length === 0)
      throw new AppError(ErrorCode.MIGRATION_FAILED, 'the store is not migrated yet', {
        hint: 'Run `ledgerline init` or `ledgerline db migrate`.',
      });
    return await work(store);
  } finally {
    await store.close();
  }
}

export function setupHealthChecks(config: Config, cwd = process.cwd()): HealthCheck[] {
  return [
    {
      name: 'setup',
      run: async () => {
        const settings = path.join(cwd, SETTINGS_FILE_NAME);
        const secrets = path.join(cwd, '.env');
        const secretsMode = fileMode(secrets);
        return checkSetupFiles({
          settingsFile: { path: settings, exists: fileMode(settings) !== undefined },
          secretsFile: {
            path: secrets,
            exists: secretsMode !== undefined,
            ...(secretsMode !== undefined ? { mode: secretsMode } : {}),
          },
        });
      },
    },
    {
      name: 'sheets',
      run: () => {
        const { token, baseUrl, requestsPerMinute } = config.smartsheet;
        if (!token) throw new AppError(ErrorCode.SMARTSHEET_AUTH, 'No Smartsheet API token is configured');
        // Short retries: doctor answers within its time limit rather than waiting out an outage.
        const client = new SmartsheetClient({
          baseUrl,
          token,
          budget: new TokenBucketBudget({ perMinute: requestsPerMinute }),
          maxRetryMs: 5_000,
        });
        return checkConfiguredSheets(smartsheetSetup(client, { baseUrl, token }), {
          sheetIds: config.smartsheet.sourceSheetIds,
          folderIds: config.smartsheet.sourceFolderIds,
          workspaceIds: config.smartsheet.sourceWorkspaceIds,
          nameExclude: config.smartsheet.sheetNameExclude,
          targetSheetId: config.smartsheet.targetSheetId,
          auditSheetId: config.smartsheet.auditSheetId,
        });
      },
    },
    { name: 'admin', run: () => withMigratedStore(config, (store) => checkAdminAccount(store.users)) },
    {
      name: 'webhooks',
      run: () => withMigratedStore(config, (store) => checkWebhookRegistration(store, config.http.publicUrl)),
    },
  ];
}
