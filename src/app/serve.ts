// `ledgerline serve`: the webhook receiver, the inbox processor and the scheduled cycle in one
// long-running process. Work never overlaps itself (a run still going when its next time comes is
// skipped and logged), and shutdown stops accepting, then lets in-flight work finish. With
// LEDGERLINE_QUEUE=pg-boss, `serve` keeps the receiver, dashboard and schedule but enqueues the
// cycles, webhook batches and alert retries for `ledgerline worker` processes (issue #10).
import { randomUUID } from 'node:crypto';
import { smartsheetWebhookAdmin } from '../adapters/smartsheet/smartsheet-webhook-admin.js';
import { checkWebhookHealth } from '../services/check-webhook-health.js';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { buildHttpServer } from '../http/build-http-server.js';
import { closeGracefully } from '../http/close-gracefully.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../ports/logger.js';
import { silentProgress } from '../ports/progress.js';
import { startScheduler } from '../jobs/scheduler.js';
import { checkBackupFreshness } from '../services/check-backup-freshness.js';
import { backupKitFor } from './backup-kit.js';
import { trainAndStoreRiskModel } from '../services/train-risk-model.js';
import { newRunId, openReportCycle } from './report-cycle.js';
import { riskSettingsFor } from './risk-settings.js';
import { monthlyAccessReviewDepsFor } from './access-review-kit.js';
import { registerDashboardApp } from './dashboard-app.js';
import { runMonthlyAccessReview } from '../services/access-review-send.js';
import { registerServiceMetrics } from './service-metrics.js';
import { KeyedMutexWorkLock } from '../adapters/cluster/keyed-mutex-work-lock.js';
import { enqueueAlertRetry, enqueueCycle, enqueueWebhookBatches } from '../services/cluster-jobs.js';
import { openCluster } from './cluster-kit.js';
import type { Cluster } from './cluster-kit.js';
import { drainWebhookInbox } from './webhook-drain.js';

export interface RunningService {
  /** `http://host:port` the receiver listens on. */
  url: string;
  /** Check webhook health now (also every 10 minutes). */
  checkWebhooks(): Promise<void>;
  /** Drain the inbox now (also runs on its timer). */
  drainInbox(): Promise<number>;
  stop(): Promise<void>;
}

/** A unit of work that never runs twice at once; a call while it runs is skipped and logged. */
function exclusive(name: string, logger: Logger, work: () => Promise<unknown>) {
  let running: Promise<unknown> | undefined;
  const run = async () => {
    if (running) {
      logger.warn({ job: name }, 'previous run still going; this run is skipped');
      return;
    }
    running = work()
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'job failed'))
      .finally(() => {
        running = undefined;
      });
    await running;
  };
  return { run, idle: () => running ?? Promise.resolve() };
}

export async function startService(
  config: Config,
  logger: Logger,
  options: { port?: number } = {},
): Promise<RunningService> {
  const cluster: Cluster | undefined =
    config.queue.kind === 'pg-boss' ? await openCluster(config, logger) : undefined;
  // Work on one sheet never overlaps: across the cluster, or within this process.
  const workLock = cluster?.lock ?? new KeyedMutexWorkLock();
  const cycle = await openReportCycle(config, logger, {
    progress: silentProgress,
    ...(cluster ? { cluster } : { lock: workLock }),
  });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const server = await buildHttpServer({
    webhooks: cycle.store.webhooks,
    inbox: cycle.store.inbox,
    logger,
    metrics,
    now: () => new Date(),
    maxCallbackAgeMs: config.http.webhookMaxAgeHours * 3_600_000,
    trustProxy: config.http.trustProxy,
    ready: async () => {
      const checks: Record<string, string> = {};
      let ok = true;
      try {
        await cycle.store.sheets.listSheets({ role: 'target' });
        checks.database = 'ok';
      } catch (error) {
        ok = false;
        checks.database = (error as Error).message;
      }
      try {
        await cycle.client.getCurrentUser();
        checks.smartsheet = 'ok';
      } catch (error) {
        ok = false;
        checks.smartsheet = (error as Error).message;
      }
      if (cluster) {
        // The workers' work arrives through the queue: a serve that cannot reach it is not ready.
        try {
          await cluster.queue.stats();
          checks.queue = 'ok';
        } catch (error) {
          ok = false;
          checks.queue = (error as Error).message;
        }
      }
      return { ok, checks };
    },
  });
  const serviceMetrics = registerServiceMetrics(metrics, cycle.client);
  // An approved correction republishes its report through the same guarded cycle (issue #12); a
  // cycle already running skips this one and the next scheduled run picks the change up.
  let requestCycle = (): void => undefined;
  const dashboard = await registerDashboardApp(server, config, cycle, logger, {
    requestCycle: () => requestCycle(),
    ...(cluster ? { jobs: cluster.queue } : {}),
  });
  await server.listen({ host: config.http.host, port: options.port ?? config.http.port });
  const address = server.server.address();
  const url =
    typeof address === 'object' && address
      ? `http://${config.http.host}:${address.port}`
      : `http://${config.http.host}`;

  const inbox = exclusive('inbox', logger, async () => {
    if (cluster) {
      // Workers drain the inbox; this process only says there is something to drain.
      // Due: new callbacks, retries whose time has come, and claims whose worker died (lease over).
      const due = await cycle.store.inbox.countDue(new Date().toISOString());
      if (due > 0)
        await enqueueWebhookBatches(cluster.queue, due, {
          slot: Math.floor(Date.now() / (config.http.inboxPollSeconds * 1000)),
          parallelism: 4,
        });
      return due;
    }
    return drainWebhookInbox(cycle, config, {
      lock: workLock,
      onEvents: async (events, runId, checkpointText) => {
        logger.info({ events: events.length, runId }, 'webhook changes audited');
        serviceMetrics.recordWebhookEvents(events.length);
        await cycle.alerting.send(events, runId, checkpointText);
      },
    });
  });
  const fullCycle = exclusive('cycle', logger, async () => {
    if (cluster) {
      const runId = newRunId(new Date());
      const jobId = await enqueueCycle(cluster.queue, runId, 'schedule');
      if (jobId) logger.info({ runId, jobId }, 'cycle enqueued');
      else logger.info('a cycle is already waiting for a worker; this one is not enqueued');
      return;
    }
    const summary = await cycle.run({ dryRun: false });
    serviceMetrics.recordCycle(summary);
    logger.info(
      { runId: summary.runId, status: summary.status, events: summary.audit.findings.eventCount },
      'cycle finished',
    );
  });
  requestCycle = () => void fullCycle.run();
  const alertRetries = exclusive('alert-retry', logger, async () => {
    if (cluster) await enqueueAlertRetry(cluster.queue, Math.floor(Date.now() / 60_000));
    else await cycle.alerting.retry();
  });
  const retrain = exclusive('model-retrain', logger, async () => {
    const settings = riskSettingsFor(config);
    const outcome = await trainAndStoreRiskModel(
      {
        risk: cycle.store.risk,
        sheets: cycle.store.sheets,
        snapshots: cycle.store.snapshots,
        now: () => new Date(),
      },
      { now: new Date(), windowDays: settings.trainingWindowDays, minChanges: settings.minTrainingChanges },
    );
    if (outcome.trained)
      logger.info(
        { modelId: outcome.record.id, changes: outcome.record.sampleCount },
        'risk model retrained',
      );
    else logger.info({ changes: outcome.changes }, outcome.reason);
  });
  // The daily backup (written, restore-drilled, pruned; failures alert) and the hourly alarm for
  // when no verified backup is younger than LEDGERLINE_BACKUP_MAX_AGE_HOURS.
  const startedAt = new Date();
  const backupKit = await backupKitFor(config, logger, {
    store: cycle.store,
    client: cycle.client,
    alerting: cycle.alerting,
  });
  const backups = exclusive('backup', logger, async () => {
    const outcome = await backupKit.runBackup();
    if (outcome.ok)
      logger.info({ backupId: outcome.record.id, sizeBytes: outcome.record.sizeBytes }, 'backup verified');
    else logger.error({ backupId: outcome.record.id, error: outcome.error }, 'backup failed');
  });
  const backupFreshness = exclusive('backup-freshness', logger, async () => {
    const freshness = await checkBackupFreshness(
      { backups: cycle.store.backups, alerting: backupKit.alerting },
      { maxAgeHours: config.backup.maxAgeHours, watchingSince: startedAt },
    );
    if (!freshness.fresh) logger.warn({ latest: freshness.latest?.id ?? null }, freshness.message);
  });
  const accessReviewDeps = monthlyAccessReviewDepsFor(config, cycle.store, cycle.source, logger);
  const accessReview = exclusive('access-review', logger, async () => {
    const outcome = await runMonthlyAccessReview(accessReviewDeps, { now: new Date() });
    if (outcome.created)
      logger.info(
        { reviewId: outcome.review.id, mailed: outcome.mailedId !== null },
        'access review created',
      );
  });
  const webhookHealth = exclusive('webhook-health', logger, async () => {
    const { problems } = await checkWebhookHealth(
      {
        admin: smartsheetWebhookAdmin(cycle.client),
        webhooks: cycle.store.webhooks,
        alerts: cycle.store.alerts,
        ...(cycle.alerting.email ? { email: cycle.alerting.email } : {}),
        newId: randomUUID,
      },
      {
        now: new Date(),
        timeZone: config.billing.timeZone,
        silenceMinutes: config.http.webhookSilenceMinutes,
        workingHours: config.http.workingHours,
        recipients: cycle.alerting.recipients,
      },
    );
    for (const problem of problems)
      logger.warn(
        { webhookId: problem.webhookId, sheetId: problem.sheetId, kind: problem.kind },
        problem.message,
      );
  });
  // The cycle and the sweep are the same work, so they share one guard and never overlap each other.
  const scheduler = await startScheduler(
    [
      { name: 'inbox', everySeconds: config.http.inboxPollSeconds, run: () => inbox.run() },
      {
        name: 'cycle',
        cron: config.http.cycleCron,
        run: () => fullCycle.run(),
        lastRunAt: async () => {
          const [last] = await cycle.store.runs.listRecentRuns({ limit: 1, kind: 'cycle' });
          return last ? new Date(last.startedAt) : undefined;
        },
      },
      { name: 'sweep', cron: config.http.sweepCron, run: () => fullCycle.run() },
      { name: 'alert-retry', everySeconds: 60, run: () => alertRetries.run() },
      { name: 'model-retrain', cron: config.risk.retrainCron, run: () => retrain.run() },
      { name: 'webhook-health', cron: '*/10 * * * *', run: () => webhookHealth.run() },
      {
        name: 'backup',
        cron: config.backup.cron,
        run: () => backups.run(),
        // A missed daily backup is caught up at start; a store never backed up waits for its time.
        lastRunAt: async () => {
          const [last] = await cycle.store.backups.listBackups({ limit: 1 });
          return last ? new Date(last.startedAt) : new Date();
        },
      },
      { name: 'backup-freshness', cron: '17 * * * *', run: () => backupFreshness.run() },
      { name: 'access-review', cron: config.accessReview.cron, run: () => accessReview.run() },
    ],
    { timeZone: config.billing.timeZone, logger },
  );
  logger.info(
    { url, cycle: config.http.cycleCron, sweep: config.http.sweepCron, dashboard: dashboard.webApp },
    'ledgerline serve is listening',
  );

  return {
    url,
    checkWebhooks: () => webhookHealth.run(),
    drainInbox: async () => {
      await inbox.run();
      return (await cycle.store.inbox.depth()).pending;
    },
    async stop() {
      scheduler.stop();
      await closeGracefully(server, 10_000);
      await scheduler.idle();
      await Promise.all([
        inbox.idle(),
        fullCycle.idle(),
        alertRetries.idle(),
        webhookHealth.idle(),
        retrain.idle(),
      ]);
      await Promise.all([backups.idle(), backupFreshness.idle(), accessReview.idle()]);
      accessReviewDeps.close();
      await cycle.close();
      await cluster?.close();
    },
  };
}
