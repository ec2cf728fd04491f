// `ledgerline worker` (issue #10): takes the cluster's jobs from pg-boss until stopped. Any number of
// workers on any number of machines share the work; every handler is idempotent, because a job
// whose worker dies is delivered again (after its heartbeat lapses) to another one.
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { JsonObject } from '../domain/audit-chain.js';
import { buildProbeServer } from '../http/build-probe-server.js';
import type { ReadinessReport } from '../http/operations-routes.js';
import type { JobHandler, JobKind, JobQueue } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { silentProgress } from '../ports/progress.js';
import { enqueueRunAlerts, runAlertJob, WEBHOOK_BATCH_SIZE } from '../services/cluster-jobs.js';
import { parseSheetSyncJobData, runSheetSyncJob } from '../services/sync-sheet-job.js';
import { weekEndDayOf } from './audit-settings.js';
import { openCluster } from './cluster-kit.js';
import { openReportCycle, smartsheetClientFor } from './report-cycle.js';
import { smartsheetBillingSheets } from '../adapters/smartsheet/smartsheet-billing-sheets.js';
import { riskSettingsFor } from './risk-settings.js';
import { registerWorkerMetrics } from './worker-metrics.js';
import { drainWebhookInbox } from './webhook-drain.js';

export interface RunningWorker {
  /** host:pid, as the worker's log lines say. */
  readonly name: string;
  /** Where /health, /ready and /metrics answer, when a port was given. */
  readonly probeUrl: string | undefined;
  /** Stops taking jobs, finishes the ones in hand, closes. */
  stop(): Promise<void>;
}

export async function startWorker(
  config: Config,
  logger: Logger,
  options: { port?: number } = {},
): Promise<RunningWorker> {
  if (config.queue.kind !== 'pg-boss') {
    throw new AppError(ErrorCode.CONFIG_INVALID, 'ledgerline worker needs LEDGERLINE_QUEUE=pg-boss', {
      hint: 'Workers take jobs from the Postgres queue that `serve` fills; set LEDGERLINE_QUEUE=pg-boss and a postgres:// LEDGERLINE_DATABASE_URL for serve and every worker.',
    });
  }
  const name = `${os.hostname()}:${process.pid}`;
  const log = logger.child({ worker: name });
  const cluster = await openCluster(config, log);
  const cycle = await openReportCycle(config, log, {
    progress: silentProgress,
    cluster,
    createSigningKey: false,
  }).catch(async (error: unknown) => {
    await cluster.close();
    throw error;
  });
  const { queue, lock } = cluster;
  const store = cycle.store;
  const concurrency = config.queue.workerConcurrency;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = registerWorkerMetrics(registry, () => cycle.client.requestCounts());
  const work = (kind: JobKind, workerConcurrency: number, handler: JobHandler): Promise<void> =>
    queue.work(kind, { concurrency: workerConcurrency }, metrics.instrument(kind, handler));

  await work('sheet-sync', concurrency, async (job) => {
    const data = parseSheetSyncJobData(job.data);
    // A client per job (same shared budget and write lock): its counters are this job's requests.
    const client = smartsheetClientFor(config, log, { budget: cluster.budget, writeLock: lock });
    const output = await runSheetSyncJob(
      {
        source: smartsheetBillingSheets(client),
        sheets: store.sheets,
        snapshots: store.snapshots,
        audit: store.audit,
        risk: store.risk,
        accessReviews: store.accessReviews,
        corrections: store.corrections,
        lock,
        now: () => new Date(),
      },
      data,
      {
        audit: cycle.auditSettings,
        risk: riskSettingsFor(config),
        clockSkewMs: config.smartsheet.clockSkewSeconds * 1000,
        timeZone: config.billing.timeZone,
        weekEndDay: weekEndDayOf(config),
      },
    ).finally(() => metrics.addRequests(client.requestCounts()));
    log.info(
      {
        runId: data.runId,
        sheetId: data.sheet.id,
        outcome: output.outcome,
        events: output.events,
        attempt: job.retryCount,
      },
      'sheet synced',
    );
    return output as unknown as JsonObject;
  });

  await work('webhook-batch', concurrency, async () => {
    const drained = await drainWebhookInbox(cycle, config, {
      lock,
      batchSize: WEBHOOK_BATCH_SIZE,
      // A killed worker's callbacks return soon after its job does. Processing them twice is safe
      // (the sheet lock serialises, natural keys drop repeats), only wasteful, so the lease is short.
      leaseMs: Math.max(30_000, 3 * config.queue.heartbeatSeconds * 1000),
      onEvents: async (events, runId, checkpointText) => {
        log.info({ events: events.length, runId }, 'webhook changes audited');
        await enqueueRunAlerts(queue, runId, checkpointText);
      },
    });
    return { callbacks: drained };
  });

  await work('cycle', 1, async (job) => {
    const runId = typeof job.data.runId === 'string' ? job.data.runId : undefined;
    const summary = await cycle.run({ dryRun: false, ...(runId ? { runId } : {}) });
    log.info(
      { runId: summary.runId, status: summary.status, events: summary.audit.findings.eventCount },
      'cycle finished',
    );
    // A failed run (Smartsheet or the database unreachable) is retried with backoff by the queue.
    if (summary.status === 'failed') throw new Error(summary.error ?? 'the cycle failed');
    return { runId: summary.runId, status: summary.status, events: summary.audit.findings.eventCount };
  });

  await work('alerts', 1, async (job) => {
    const outcome = await runAlertJob(
      {
        audit: store.audit,
        lock,
        send: (events, runId, checkpointText) => cycle.alerting.send(events, runId, checkpointText),
        retry: () => cycle.alerting.retry(),
      },
      job.data,
    );
    return outcome;
  });
  let stopping = false;
  const port = options.port ?? config.queue.workerPort;
  const probes =
    port === undefined
      ? undefined
      : await listenForProbes(
          buildProbeServer({
            metrics: registry,
            logger: log,
            ready: () => workerReadiness({ store, queue, stopping: () => stopping }),
          }),
          config.http.host,
          port,
        ).catch(async (error: unknown) => {
          await cluster.close();
          await cycle.close();
          throw error;
        });
  log.info({ concurrency, probes: probes?.url }, 'ledgerline worker is taking jobs');

  return {
    name,
    probeUrl: probes?.url,
    async stop() {
      // Probes answer 503 from here on, so the platform stops counting this worker as ready.
      stopping = true;
      await cluster.close();
      await cycle.close();
      await probes?.server.close();
    },
  };
}

/** Ready = it can reach the store and the queue, and it is not stopping. */
async function workerReadiness(parts: {
  store: Store;
  queue: JobQueue;
  stopping: () => boolean;
}): Promise<ReadinessReport> {
  const checks: Record<string, string> = {};
  let ok = true;
  const check = async (name: string, probe: () => Promise<unknown>) => {
    try {
      await probe();
      checks[name] = 'ok';
    } catch (error) {
      ok = false;
      checks[name] = (error as Error).message;
    }
  };
  await check('database', () => parts.store.sheets.listSheets({ role: 'target' }));
  await check('queue', () => parts.queue.stats());
  if (parts.stopping()) {
    ok = false;
    checks.worker = 'stopping';
  }
  return { ok, checks };
}

async function listenForProbes(
  server: FastifyInstance,
  host: string,
  port: number,
): Promise<{ server: FastifyInstance; url: string }> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `The worker cannot listen for probes on ${host}:${port}: ${(error as Error).message}`,
      {
        hint: 'Give each worker on a machine its own port (`ledgerline worker --port <n>` or LEDGERLINE_WORKER_PORT), or leave it unset for none.',
        cause: error,
      },
    );
  }
  const address = server.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}
