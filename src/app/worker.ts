// `ledgerline worker` (issue #10): takes the cluster's jobs from pg-boss until stopped. Any number of
// workers on any number of machines share the work; every handler is idempotent, because a job
// whose worker dies is delivered again (after its heartbeat lapses) to another one.
import os from 'node:os';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { JsonObject } from '../domain/audit-chain.js';
import type { Logger } from '../ports/logger.js';
import { silentProgress } from '../ports/progress.js';
import { enqueueRunAlerts, runAlertJob, WEBHOOK_BATCH_SIZE } from '../services/cluster-jobs.js';
import { parseSheetSyncJobData, runSheetSyncJob } from '../services/sync-sheet-job.js';
import { weekEndDayOf } from './audit-settings.js';
import { openCluster } from './cluster-kit.js';
import { openReportCycle, smartsheetClientFor } from './report-cycle.js';
import { smartsheetBillingSheets } from '../adapters/smartsheet/smartsheet-billing-sheets.js';
import { riskSettingsFor } from './risk-settings.js';
import { drainWebhookInbox } from './webhook-drain.js';

export interface RunningWorker {
  /** host:pid, as the worker's log lines say. */
  readonly name: string;
  /** Stops taking jobs, finishes the ones in hand, closes. */
  stop(): Promise<void>;
}

export async function startWorker(config: Config, logger: Logger): Promise<RunningWorker> {
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

  await queue.work('sheet-sync', { concurrency }, async (job) => {
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
    );
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

  await queue.work('webhook-batch', { concurrency }, async () => {
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

  await queue.work('cycle', { concurrency: 1 }, async (job) => {
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

  await queue.work('alerts', { concurrency: 1 }, async (job) => {
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
  log.info({ concurrency }, 'ledgerline worker is taking jobs');

  return {
    name,
    async stop() {
      await cluster.close();
      await cycle.close();
    },
  };
}
