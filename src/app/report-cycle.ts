// Composition of a reports cycle: store, Smartsheet client with the process-wide request budget,
// Excel renderer, local output folder, all built from Config.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderAuditWorkbook } from '../adapters/audit-workbook/render-audit-workbook.js';
import { EchartsPngRenderer } from '../adapters/charts/echarts-png-renderer.js';
import { renderReports } from '../adapters/excel/render-reports-in-parallel.js';
import { smartsheetAuditSheet } from '../adapters/smartsheet/smartsheet-audit-sheet.js';
import { publishAuditOutputs } from '../services/publish-audit-outputs.js';
import { localReportFolder } from '../adapters/report-folder/local-report-folder.js';
import { SmartsheetClient, TokenBucketBudget } from '../adapters/smartsheet/index.js';
import { smartsheetBillingSheets } from '../adapters/smartsheet/smartsheet-billing-sheets.js';
import { smartsheetRowLocker } from '../adapters/smartsheet/smartsheet-row-locker.js';
import { migrateToLatest, openStore } from '../adapters/store/index.js';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { Weekday } from '../domain/calendar-date.js';
import type { Logger } from '../ports/logger.js';
import type { ProgressReporter } from '../ports/progress.js';
import type { ReportBranding } from '../ports/report-writer.js';
import { runReportCycle } from '../services/run-report-cycle.js';
import { alertingFor } from './alerting.js';
import type { Alerting } from './alerting.js';
import { loadAuditSettings } from './audit-settings.js';
import type { AuditSettings } from './audit-settings.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Store } from '../ports/store.js';
import type { CheckpointSigner } from '../ports/checkpoint-signer.js';
import { loadCheckpointSigner } from './audit-signing-key.js';
import { riskSettingsFor } from './risk-settings.js';
import type { CycleSummary } from '../services/run-report-cycle.js';
import type { RequestBudget } from '../ports/request-budget.js';
import type { WorkLock } from '../ports/work-lock.js';
import { realSleep } from '../adapters/smartsheet/request-budget.js';
import { fanOutSheetSyncs } from '../services/fan-out-sheet-syncs.js';
import { openClusterShared } from './cluster-kit.js';
import type { Cluster } from './cluster-kit.js';
import { enqueueRunAlerts } from '../services/cluster-jobs.js';

export interface ReportCycle {
  /** `runId` names the run (a cluster's cycle job carries it); a new one otherwise. */
  run(options: { dryRun: boolean; runId?: string }): Promise<CycleSummary>;
  close(): Promise<void>;
  /** What the cycle was built from, for `serve` (webhook receiver and inbox processor). */
  readonly store: Store;
  readonly client: SmartsheetClient;
  readonly source: BillingSheets;
  readonly auditSettings: AuditSettings;
  readonly alerting: Alerting;
  readonly signer: CheckpointSigner;
}

/** A sortable, unique run id: `run-20260916T150000Z-3f9a1c`. */
export function newRunId(now: Date): string {
  return `run-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}-${randomBytes(3).toString('hex')}`;
}

export async function loadBranding(config: Config): Promise<ReportBranding> {
  const { logoPath, companyName, timeZone } = config.billing;
  if (!logoPath) return { companyName, timeZone };
  const extension = path.extname(logoPath).toLowerCase();
  if (!['.png', '.jpg', '.jpeg'].includes(extension)) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `LEDGERLINE_LOGO_PATH must be a .png or .jpg file, got ${logoPath}`,
    );
  }
  try {
    const data = await readFile(logoPath);
    return { companyName, timeZone, logo: { data, extension: extension === '.png' ? 'png' : 'jpeg' } };
  } catch (error) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `Cannot read the logo at LEDGERLINE_LOGO_PATH=${logoPath}`, {
      hint: 'Fix the path or unset it to print the company name instead.',
      cause: error,
    });
  }
}

/**
 * The Smartsheet client for this process, sharing one request budget: the process's own, or in a
 * cluster the one in Postgres, with writes to a sheet serialised cluster-wide.
 */
export function smartsheetClientFor(
  config: Config,
  logger: Logger,
  shared: { budget?: RequestBudget; writeLock?: WorkLock } = {},
): SmartsheetClient {
  const { token, baseUrl, changeAgent, requestsPerMinute, maxRetrySeconds } = config.smartsheet;
  if (!token) {
    throw new AppError(ErrorCode.SMARTSHEET_AUTH, 'No Smartsheet API token is configured', {
      hint: 'Set SMARTSHEET_API_TOKEN in the environment or .env.',
    });
  }
  return new SmartsheetClient({
    baseUrl,
    token,
    changeAgent,
    budget: shared.budget ?? new TokenBucketBudget({ perMinute: requestsPerMinute }),
    ...(shared.writeLock ? { writeLock: shared.writeLock } : {}),
    maxRetryMs: maxRetrySeconds * 1000,
    logger,
  });
}

export async function openReportCycle(
  config: Config,
  logger: Logger,
  options: {
    progress: ProgressReporter;
    /** Scale-out: the shared budget and locks, and sheet syncs and alerts as jobs. */
    cluster?: Cluster;
    /** Per-sheet lock within this process (`serve`: its inbox and its cycles). */
    lock?: WorkLock;
    /** False for a cluster worker: a missing signing key is an error, never a new key. */
    createSigningKey?: boolean;
  },
): Promise<ReportCycle> {
  const branding = await loadBranding(config);
  const cluster = options.cluster;
  // Beside a cluster, a process working alone (`run`, `webhooks …`) still spends from the cluster's
  // budget and takes its locks.
  const shared: { budget: RequestBudget; lock: WorkLock; close?: () => Promise<void> } | undefined =
    cluster ?? (config.queue.kind === 'pg-boss' ? await openClusterShared(config, logger) : undefined);
  const lock = options.lock ?? shared?.lock;
  const client = smartsheetClientFor(
    config,
    logger,
    shared ? { budget: shared.budget, writeLock: shared.lock } : {},
  );
  const store = await openStore(config.database.location, { logger });
  try {
    const { applied } = await migrateToLatest(store);
    if (applied.length > 0) logger.info({ applied }, 'applied database migrations');
  } catch (error) {
    await store.close();
    throw error;
  }
  const source = smartsheetBillingSheets(client);
  const audit = await loadAuditSettings(config);
  const signer = await loadCheckpointSigner(config, logger, {
    create: options.createSigningKey ?? true,
  });
  const auditSheet = smartsheetAuditSheet(client);
  const chartRenderer = new EchartsPngRenderer();
  const alerting = alertingFor(config, store.alerts);
  const weekEndDay = Weekday[config.billing.weekEndDay.toUpperCase() as keyof typeof Weekday];
  return {
    store,
    client,
    source,
    auditSettings: audit,
    run: ({ dryRun, runId }) => {
      const now = new Date();
      return runReportCycle(
        {
          source,
          sheets: store.sheets,
          snapshots: store.snapshots,
          runs: store.runs,
          reports: store.reports,
          audit: store.audit,
          risk: store.risk,
          accessReviews: store.accessReviews,
          corrections: store.corrections,
          publishAudit: (events, summary) =>
            publishAuditOutputs(
              {
                audit: store.audit,
                signer,
                auditSheet,
                renderWorkbook: (runEvents, figures, checkpointText) =>
                  renderAuditWorkbook(runEvents, figures, {
                    runId: summary.runId,
                    generatedAt: figures.generatedAt,
                    timeZone: config.billing.timeZone,
                    companyName: config.billing.companyName,
                    checkpointText,
                    chartRenderer,
                  }),
              },
              events,
              {
                runId: summary.runId,
                now: new Date(summary.startedAt),
                timeZone: config.billing.timeZone,
                auditSheetId: config.smartsheet.auditSheetId,
              },
            ),
          // In a cluster the run's alerts are a job of their own, retried apart from the cycle.
          alert: cluster
            ? async (_events, alertRunId, checkpointText) => {
                await enqueueRunAlerts(cluster.queue, alertRunId, checkpointText);
                return undefined;
              }
            : (events, alertRunId, checkpointText) => alerting.send(events, alertRunId, checkpointText),
          ...(cluster
            ? {
                lock: cluster.lock,
                syncSheets: (phase) =>
                  fanOutSheetSyncs(cluster.queue, phase.sheets, { ...phase, sleep: realSleep, logger }),
              }
            : lock
              ? { lock }
              : {}),
          render: (reports) => renderReports(reports, branding),
          archive: localReportFolder(path.resolve(config.dataDir, 'reports')),
          locker: smartsheetRowLocker(client),
          progress: options.progress,
          logger,
          now: () => new Date(),
        },
        {
          runId: runId ?? newRunId(now),
          audit,
          risk: riskSettingsFor(config),
          discovery: {
            sheetIds: config.smartsheet.sourceSheetIds,
            folderIds: config.smartsheet.sourceFolderIds,
            workspaceIds: config.smartsheet.sourceWorkspaceIds,
            nameExclude: config.smartsheet.sheetNameExclude,
          },
          targetSheetId: config.smartsheet.targetSheetId,
          timeZone: config.billing.timeZone,
          weekEndDay,
          dryRun,
          clockSkewMs: config.smartsheet.clockSkewSeconds * 1000,
          phaseBudgetMs: config.smartsheet.phaseTimeBudgetSeconds * 1000,
          failOnMissingSheet: config.smartsheet.failOnMissingSheet,
          locking: {
            scope: config.locking.scope,
            weekClose: { timeZone: config.billing.timeZone, graceHours: config.billing.weekCloseGraceHours },
          },
        },
      );
    },
    alerting,
    signer,
    close: async () => {
      alerting.close();
      await store.close();
      // The cluster's own connections are closed by whoever opened the cluster.
      if (!cluster) await shared?.close?.();
    },
  };
}
