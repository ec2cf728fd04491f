// The dashboard's data API (issue #7): overview, live feed, violations (list, CSV export, detail,
// review, revert), reports, runs, editors, settings and the trail's status. Everything the routes
// need comes in through DashboardDeps as ports, plain values and functions, so http/ depends on
// no adapter and on nothing in app/; the composition root (src/app) builds them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Weekday } from '../../domain/calendar-date.js';
import type { BillingSheets } from '../../ports/billing-sheets.js';
import type { CheckpointVerifier } from '../../ports/checkpoint-signer.js';
import type { Logger } from '../../ports/logger.js';
import type { ReportFiles } from '../../ports/report-files.js';
import type { SheetRowWriter } from '../../ports/sheet-row-writer.js';
import type { Store } from '../../ports/store.js';
import { createTrailMonitor, type TrailMonitor } from '../../services/dashboard-trail-status.js';
import { auditFeedRoute } from './audit-feed.js';
import { editorsRoutes } from './editors-routes.js';
import { overviewRoutes } from './overview-routes.js';
import { reportsRoutes } from './reports-routes.js';
import { runsRoutes } from './runs-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { trailRoutes } from './trail-routes.js';
import { violationsRoutes } from './violations-routes.js';

export interface DashboardDeps {
  readonly store: Pick<
    Store,
    'audit' | 'reviews' | 'sheets' | 'snapshots' | 'runs' | 'reports' | 'risk' | 'webhooks' | 'backups'
  >;
  /** Smartsheet reads: a cell's history (drill-down) and the current cell (revert's check). */
  readonly source: BillingSheets;
  /** Smartsheet writes: the revert (writes carry Ledgerline's change agent). */
  readonly writer: SheetRowWriter;
  /** The local copies of published workbooks (`<dataDir>/reports`). */
  readonly reportFiles: ReportFiles;
  /** The public key(s) checkpoints are verified with, loaded when a verification starts. */
  readonly checkpointVerifiers: () => Promise<CheckpointVerifier | readonly CheckpointVerifier[]>;
  /** The configuration as it may be shown (redactedConfig); secrets must already read "(set)". */
  readonly configView: () => Readonly<Record<string, unknown>>;
  /** The organisation's time zone and week-end day (billing weeks, local dates and hours). */
  readonly timeZone: string;
  readonly weekEndDay: Weekday;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Ids of dashboard actions (part of their events' natural keys); default randomUUID. */
  readonly newId?: () => string;
  /** Live feed timing; defaults 500 ms polls, 15 s heartbeats. */
  readonly feed?: { readonly pollIntervalMs?: number; readonly heartbeatMs?: number };
}

/** What the registration leaves for the caller: the trail monitor (its last verification). */
export interface RegisteredDashboard {
  readonly trail: TrailMonitor;
}

/**
 * Registers every dashboard data route on `server`. Call it after `enforcePermissions(server)` and
 * the auth hook that sets `request.auth`: each route declares its permission in its config.
 */
export function registerDashboardRoutes(server: FastifyInstance, deps: DashboardDeps): RegisteredDashboard {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const trail = createTrailMonitor({ audit: store.audit, verifiers: deps.checkpointVerifiers, now });

  overviewRoutes(server, {
    audit: store.audit,
    risk: store.risk,
    runs: store.runs,
    sheets: store.sheets,
    snapshots: store.snapshots,
    trail,
    now,
    timeZone: deps.timeZone,
    weekEndDay: deps.weekEndDay,
  });
  auditFeedRoute(server, {
    audit: store.audit,
    reviews: store.reviews,
    sheets: store.sheets,
    logger: deps.logger,
    ...(deps.feed?.pollIntervalMs === undefined ? {} : { pollIntervalMs: deps.feed.pollIntervalMs }),
    ...(deps.feed?.heartbeatMs === undefined ? {} : { heartbeatMs: deps.feed.heartbeatMs }),
  });
  violationsRoutes(server, {
    audit: store.audit,
    reviews: store.reviews,
    sheets: store.sheets,
    source: deps.source,
    writer: deps.writer,
    timeZone: deps.timeZone,
    now,
    newId,
  });
  reportsRoutes(server, { reports: store.reports, files: deps.reportFiles });
  runsRoutes(server, { runs: store.runs });
  editorsRoutes(server, { audit: store.audit, risk: store.risk, now });
  settingsRoutes(server, {
    configView: deps.configView,
    webhooks: store.webhooks,
    risk: store.risk,
    backups: store.backups,
  });
  trailRoutes(server, { trail });
  return { trail };
}
