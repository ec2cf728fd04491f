// The dashboard inside `serve` (issue #7): the permission check every /api route passes through,
// sign-in and users (src/http/auth), the data API and live feed (src/http/dashboard), the access
// review routes, and the built web app at `/`. Order matters: the permission hook must exist
// before any /api route is registered, so a route without a declared permission fails at start.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { accessReviewRenderer } from '../adapters/access-review/access-review-renderer.js';
import { createArgon2idPasswordHasher } from '../adapters/auth/argon2id-password-hasher.js';
import { createQrCodeSvgRenderer } from '../adapters/auth/qr-code-svg.js';
import type { SmartsheetClient } from '../adapters/smartsheet/index.js';
import { smartsheetRowWriter } from '../adapters/smartsheet/smartsheet-row-writer.js';
import { smartsheetRowLocker } from '../adapters/smartsheet/smartsheet-row-locker.js';
import type { Config } from '../config/index.js';
import { redactedConfig } from '../config/redacted-config.js';
import { enforcePermissions } from '../http/access-control.js';
import { authDepsFor, csrfKeyFor } from '../http/auth/auth-settings.js';
import { registerAuth } from '../http/auth/register-auth.js';
import { registerAccessReviewRoutes } from '../http/dashboard/access-review-routes.js';
import { registerCorrectionRoutes } from '../http/dashboard/corrections-routes.js';
import { jobsRoutes } from '../http/dashboard/jobs-routes.js';
import { registerDashboardRoutes } from '../http/dashboard/register-dashboard.js';
import { registerWebApp } from '../http/web-app-route.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import type { JobQueue } from '../ports/job-queue.js';
import { weekEndDayOf } from './audit-settings.js';
import { loadCheckpointVerifier } from './audit-verifier.js';
import { jobTextScrubber } from './job-error-scrubber.js';
import { webAppDir } from './web-app-dir.js';
import { reportFilesFor } from './report-files-kit.js';

export interface DashboardParts {
  readonly store: Store;
  readonly client: SmartsheetClient;
  readonly source: BillingSheets;
}

/** Registers the whole dashboard on `server`; returns whether the web app (web/dist) was found. */
export async function registerDashboardApp(
  server: FastifyInstance,
  config: Config,
  parts: DashboardParts,
  logger: Logger,
  options: {
    webRoot?: string;
    /** Runs a cycle soon (serve's guarded cycle) so an applied correction's report is republished. */
    requestCycle?: () => void;
    /** The cluster's job queue (LEDGERLINE_QUEUE=pg-boss): its counts and failed jobs are shown to auditors and admins. */
    jobs?: JobQueue;
  } = {},
): Promise<{ webApp: boolean }> {
  enforcePermissions(server);
  registerAuth(server, {
    ...authDepsFor(parts.store, config, createArgon2idPasswordHasher()),
    qr: createQrCodeSvgRenderer(),
    csrfKey: csrfKeyFor(config),
    loginAttemptsPerMinute: config.auth.loginAttemptsPerMinute,
  });
  registerDashboardRoutes(server, {
    store: parts.store,
    source: parts.source,
    writer: smartsheetRowWriter(parts.client),
    reportFiles: reportFilesFor(config, parts.client),
    checkpointVerifiers: () => loadCheckpointVerifier(config),
    configView: () => redactedConfig(config),
    timeZone: config.billing.timeZone,
    weekEndDay: weekEndDayOf(config),
    logger,
  });
  registerAccessReviewRoutes(server, {
    accessReviews: parts.store.accessReviews,
    audit: parts.store.audit,
    renderer: accessReviewRenderer(),
    now: () => new Date(),
  });
  registerCorrectionRoutes(server, {
    corrections: parts.store.corrections,
    audit: parts.store.audit,
    sheets: parts.store.sheets,
    source: parts.source,
    writer: smartsheetRowWriter(parts.client),
    locking: { locker: smartsheetRowLocker(parts.client), scope: config.locking.scope },
    requestCycle: options.requestCycle,
    now: () => new Date(),
  });
  jobsRoutes(server, {
    jobs: options.jobs,
    audit: parts.store.audit,
    scrub: jobTextScrubber(config),
    now: () => new Date(),
    newId: randomUUID,
  });
  const webApp = await registerWebApp(server, options.webRoot ?? webAppDir());
  if (!webApp)
    logger.warn({}, 'the dashboard web app is not built (npm run build:web); serving the API only');
  return { webApp };
}
