// The scale-out composition (issue #10): with LEDGERLINE_QUEUE=pg-boss, every process of the cluster
// (`serve`, any number of `worker`s) opens the same pg-boss queue and shares one Smartsheet request
// budget and the work locks, all in the queue schema of the store's Postgres database.
import { openClusterCoordination } from '../adapters/cluster/cluster-coordination.js';
import type { ClusterCoordination } from '../adapters/cluster/cluster-coordination.js';
import { openPgBossJobQueue } from '../adapters/queue/pg-boss-job-queue.js';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import type { RequestBudget } from '../ports/request-budget.js';
import type { WorkLock } from '../ports/work-lock.js';
import { jobTextScrubber } from './job-error-scrubber.js';

export interface Cluster {
  readonly queue: JobQueue;
  readonly budget: RequestBudget;
  readonly lock: WorkLock;
  close(): Promise<void>;
}

/** The queue schema: LEDGERLINE_QUEUE_SCHEMA, else `<store schema>_queue` (`ledgerline_queue` for public). */
export function queueSchemaFor(config: Config): string {
  if (config.queue.schema) return config.queue.schema;
  const location = config.database.location;
  const storeSchema = location.kind === 'postgres' ? location.schema : undefined;
  return storeSchema && storeSchema !== 'public' ? `${storeSchema}_queue` : 'ledgerline_queue';
}

/** The Postgres URL the cluster coordinates through; a clear error when the store is not Postgres. */
export function clusterDatabaseUrl(config: Config): string {
  const location = config.database.location;
  if (location.kind !== 'postgres') {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      'LEDGERLINE_QUEUE=pg-boss needs the store on Postgres, but LEDGERLINE_DATABASE_URL is a SQLite file',
      {
        hint: 'Set LEDGERLINE_DATABASE_URL=postgres://user@host:5432/db (the workers share it), or LEDGERLINE_QUEUE=in-process.',
      },
    );
  }
  // The store's ?schema= is the store's; the queue's connection uses the bare database URL.
  const url = new URL(location.url);
  url.searchParams.delete('schema');
  return url.toString();
}

/**
 * The cluster's request budget and locks without its queue: what a process that works alone but
 * beside a cluster (`ledgerline run`, `webhooks …`) shares with it.
 */
export async function openClusterShared(config: Config, logger: Logger): Promise<ClusterCoordination> {
  const connectionString = clusterDatabaseUrl(config);
  if (!config.smartsheet.token) {
    throw new AppError(ErrorCode.SMARTSHEET_AUTH, 'No Smartsheet API token is configured', {
      hint: 'Set SMARTSHEET_API_TOKEN in the environment or .env of every cluster process.',
    });
  }
  return openClusterCoordination({
    connectionString,
    schema: queueSchemaFor(config),
    token: config.smartsheet.token,
    perMinute: config.smartsheet.requestsPerMinute,
    logger,
    // A lock holds a connection for the work it guards: enough for every sheet sync and webhook
    // batch this process runs at once, plus its cycle's writes and alert delivery.
    poolSize: 2 * config.queue.workerConcurrency + 4,
  });
}

/**
 * The cluster's pg-boss queue (no worker started). A failure names the schema and the cause, with
 * every configured secret scrubbed from it.
 */
export async function openClusterQueue(
  config: Config,
  logger: Logger,
  options: { poolSize?: number } = {},
): Promise<JobQueue> {
  const connectionString = clusterDatabaseUrl(config);
  const schema = queueSchemaFor(config);
  try {
    return await openPgBossJobQueue({
      connectionString,
      schema,
      logger,
      // The cluster's own setting, so a process opening the queues never changes how they behave.
      heartbeatSeconds: config.queue.heartbeatSeconds,
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    });
  } catch (error) {
    throw new AppError(
      ErrorCode.DATABASE_UNAVAILABLE,
      `Cannot open the job queue (pg-boss, schema ${schema}): ${jobTextScrubber(config)((error as Error).message)}`,
      {
        hint: 'Check that LEDGERLINE_DATABASE_URL reaches Postgres and that its user may create the queue schema.',
        cause: error,
      },
    );
  }
}

export async function openCluster(config: Config, logger: Logger): Promise<Cluster> {
  const coordination = await openClusterShared(config, logger);
  const queue = await openClusterQueue(config, logger).catch(async (error: unknown) => {
    await coordination.close();
    throw error;
  });
  return {
    queue,
    budget: coordination.budget,
    lock: coordination.lock,
    async close() {
      await queue.stop();
      await coordination.close();
    },
  };
}
