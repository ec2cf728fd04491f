// Composition of the monthly access review from Config: the workbook/CSV renderer, the report
// mailer of the configured transport, the recipients and thresholds. `serve` builds it over its
// own store and Smartsheet source for its monthly job; the CLI for `access-review run`.
import path from 'node:path';
import { accessReviewRenderer } from '../adapters/access-review/access-review-renderer.js';
import { createOutboxReportMailer, createSmtpReportMailer } from '../adapters/mail/report-mailer.js';
import type { Config } from '../config/index.js';
import type { AccessReviewThresholds } from '../domain/access-review/access-review-subject.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { ReportMailer } from '../ports/report-mailer.js';
import type { Store } from '../ports/store.js';
import type { MonthlyAccessReviewDeps } from '../services/access-review-send.js';

/** The report mailer of LEDGERLINE_MAIL_TRANSPORT; undefined for `none` or SMTP without a host. */
export function reportMailerFor(config: Config): (ReportMailer & { close?: () => void }) | undefined {
  const { mail } = config;
  if (mail.transport === 'outbox') {
    return createOutboxReportMailer({ folder: path.resolve(config.dataDir, 'outbox'), from: mail.from });
  }
  if (mail.transport === 'smtp' && mail.smtp.host) {
    return createSmtpReportMailer({ ...mail.smtp, host: mail.smtp.host, from: mail.from });
  }
  return undefined;
}

export function accessReviewThresholdsFor(config: Config): AccessReviewThresholds {
  const { inactiveDays, reviewIntervalDays, privilegedUnusedDays } = config.accessReview;
  return { inactiveDays, reviewIntervalDays, privilegedUnusedDays };
}

/**
 * What runMonthlyAccessReview needs, from Config and the process's store and Smartsheet source.
 * Call `close` when the process stops (it ends SMTP connections).
 */
export function monthlyAccessReviewDepsFor(
  config: Config,
  store: Store,
  source: BillingSheets,
  logger: Logger,
): MonthlyAccessReviewDeps & { close(): void } {
  const mailer = reportMailerFor(config);
  return {
    users: store.users,
    sheets: store.sheets,
    source,
    accessReviews: store.accessReviews,
    logger,
    renderer: accessReviewRenderer(),
    mailer,
    recipients: config.accessReview.recipients,
    timeZone: config.billing.timeZone,
    thresholds: accessReviewThresholdsFor(config),
    ...(config.http.publicUrl ? { dashboardUrl: config.http.publicUrl } : {}),
    close: () => mailer?.close?.(),
  };
}
