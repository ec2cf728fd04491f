// Smartsheet for one command that works alone (`lock`, `unlock`, `access-review run`, `backup`
// and `restore-rows`): beside a cluster it must spend from the cluster's budget and take its
// sheet-write locks, or it could push the account past its rate limit while workers run.
import type { SmartsheetClient } from '../adapters/smartsheet/index.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../ports/logger.js';
import { openClusterShared } from './cluster-kit.js';
import { smartsheetClientFor } from './report-cycle.js';

export interface SmartsheetAccess {
  readonly client: SmartsheetClient;
  /** Releases the cluster's connections (nothing to release for a process working alone). */
  close(): Promise<void>;
}

export async function openSmartsheetAccess(config: Config, logger: Logger): Promise<SmartsheetAccess> {
  if (config.queue.kind !== 'pg-boss') {
    return { client: smartsheetClientFor(config, logger), close: async () => undefined };
  }
  const shared = await openClusterShared(config, logger);
  try {
    const client = smartsheetClientFor(config, logger, { budget: shared.budget, writeLock: shared.lock });
    return { client, close: () => shared.close() };
  } catch (error) {
    await shared.close();
    throw error;
  }
}

/** Runs `work` with Smartsheet access and always releases it. */
export async function withSmartsheetAccess<T>(
  config: Config,
  logger: Logger,
  work: (client: SmartsheetClient) => Promise<T>,
): Promise<T> {
  const access = await openSmartsheetAccess(config, logger);
  try {
    return await work(access.client);
  } finally {
    await access.close();
  }
}
