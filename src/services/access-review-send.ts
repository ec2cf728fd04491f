// The access review by e-mail, and the monthly job of `serve`: build, store, mail.
import type { AccessReview, AccessReviewDecisionEntry } from '../domain/access-review/access-review.js';
import { accessReviewPeriod, summariseAccessReview } from '../domain/access-review/access-review.js';
import type { AccessReviewThresholds } from '../domain/access-review/access-review-subject.js';
import type { AccessReviewRenderer } from '../ports/access-review-renderer.js';
import type { ReportMailer } from '../ports/report-mailer.js';
import type { BuildAccessReviewDeps } from './access-review-build.js';
import { buildAccessReview } from './access-review-build.js';
import { renderAccessReviewFile } from './access-review-export.js';

/** `createdBy` of the reviews the monthly job makes. */
export const SCHEDULER = 'scheduler';

/** Subjects listed in the body; the workbook holds them all. */
const LISTED_IN_BODY = 50;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Subject, text and HTML of the review's e-mail: the counts and the subjects that need action. */
export function accessReviewMailBody(
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
  dashboardUrl: string | undefined,
): { subject: string; text: string; html: string } {
  const summary = summariseAccessReview(review, decisions);
  const act = review.subjects.filter((s) => s.recommendation !== 'keep');
  const r = summary.byRecommendation;
  const subject = `[Ledgerline] Access review ${review.period}: ${summary.subjects} subjects, ${summary.flagged} flagged, ${r.revoke} to revoke`;
  const counts = [
    `${summary.accounts} Ledgerline accounts and ${summary.smartsheetSubjects} Smartsheet subjects on ${review.sheets.length} source sheets.`,
    `Recommended: ${r.revoke} revoke, ${r.downgrade} downgrade, ${r['enable-mfa']} enable MFA, ${r.review} review, ${r.keep} keep.`,
    ...(summary.sheetProblems > 0
      ? [`${summary.sheetProblems} sheets could not be read; see the Summary sheet.`]
      : []),
  ];
  const line = (s: AccessReview['subjects'][number]) =>
    `${s.recommendation.toUpperCase()} ${s.key}${s.accessLevel ? ` (${s.accessLevel})` : s.role ? ` (${s.role})` : ''}: ${s.flags.join(', ')}`;
  const listed = act.slice(0, LISTED_IN_BODY);
  const more =
    act.length > listed.length ? [`… and ${act.length - listed.length} more in the attached workbook.`] : [];
  const link = dashboardUrl
    ? [`Record decisions at ${dashboardUrl}.`]
    : ['Record decisions with `ledgerline access-review decide`.'];
  const text = [
    `Access review ${review.period} (${review.id}).`,
    '',
    ...counts,
    '',
    ...(listed.length > 0 ? ['Needs action:', ...listed.map(line), ...more] : ['Nothing needs action.']),
    '',
    ...link,
  ].join('\n');
  const html = [
    `<p>Access review <b>${escapeHtml(review.period)}</b> (${escapeHtml(review.id)}).</p>`,
    `<p>${counts.map(escapeHtml).join('<br>')}</p>`,
    listed.length > 0
      ? `<p>Needs action:</p><ul>${listed.map((s) => `<li>${escapeHtml(line(s))}</li>`).join('')}</ul>${more.map((m) => `<p>${escapeHtml(m)}</p>`).join('')}`
      : '<p>Nothing needs action.</p>',
    `<p>${link.map(escapeHtml).join('')}</p>`,
  ].join('\n');
  return { subject, text, html };
}

/** Mails the review with its workbook attached; returns the channel's message id. */
export async function sendAccessReviewReport(
  deps: { readonly mailer: ReportMailer; readonly renderer: AccessReviewRenderer },
  options: {
    readonly review: AccessReview;
    readonly decisions: readonly AccessReviewDecisionEntry[];
    readonly recipients: readonly string[];
    readonly dashboardUrl?: string;
  },
): Promise<{ readonly id: string }> {
  const file = await renderAccessReviewFile(deps.renderer, options.review, options.decisions, 'xlsx');
  const body = accessReviewMailBody(options.review, options.decisions, options.dashboardUrl);
  return deps.mailer.send({
    to: options.recipients,
    ...body,
    attachments: [{ fileName: file.fileName, contentType: file.contentType, content: file.bytes }],
  });
}

export interface MonthlyAccessReviewDeps extends BuildAccessReviewDeps {
  readonly renderer: AccessReviewRenderer;
  /** Undefined when mail is off (LEDGERLINE_MAIL_TRANSPORT=none): the review is stored only. */
  readonly mailer: ReportMailer | undefined;
  readonly recipients: readonly string[];
  readonly timeZone: string;
  readonly thresholds?: AccessReviewThresholds;
  /** Where reviewers record decisions, for the e-mail. */
  readonly dashboardUrl?: string;
}

export interface MonthlyAccessReviewOutcome {
  /** The review made now, or the one the scheduler already made this month. */
  readonly review: AccessReview;
  /** False when this month's scheduled review existed already (a catch-up after a restart). */
  readonly created: boolean;
  /** The message id, or null when nothing was mailed (no mailer, no recipients, or not created). */
  readonly mailedId: string | null;
}

/**
 * The monthly job: builds and stores the review of `now`'s month (once: a month that already has a
 * scheduled review is left alone), then mails it. A mail failure rejects after the review is stored,
 * so the scheduler logs it and the review stays downloadable.
 */
export async function runMonthlyAccessReview(
  deps: MonthlyAccessReviewDeps,
  options: { readonly now: Date },
): Promise<MonthlyAccessReviewOutcome> {
  const period = accessReviewPeriod(options.now, deps.timeZone);
  const made = (await deps.accessReviews.listReviews({ limit: 24 })).find(
    (r) => r.period === period && r.createdBy === SCHEDULER,
  );
  const existing = made && (await deps.accessReviews.getReview(made.id));
  if (existing) {
    deps.logger?.info({ reviewId: existing.id }, 'this month has its access review already');
    return { review: existing, created: false, mailedId: null };
  }
  const review = await buildAccessReview(deps, {
    now: options.now,
    createdBy: SCHEDULER,
    timeZone: deps.timeZone,
    ...(deps.thresholds ? { thresholds: deps.thresholds } : {}),
  });
  return mailMonthly(deps, review);
}

async function mailMonthly(
  deps: MonthlyAccessReviewDeps,
  review: AccessReview,
): Promise<MonthlyAccessReviewOutcome> {
  if (!deps.mailer || deps.recipients.length === 0) {
    deps.logger?.info({ reviewId: review.id }, 'access review stored; no recipients to mail it to');
    return { review, created: true, mailedId: null };
  }
  const { id } = await sendAccessReviewReport(
    { mailer: deps.mailer, renderer: deps.renderer },
    {
      review,
      decisions: [],
      recipients: deps.recipients,
      ...(deps.dashboardUrl ? { dashboardUrl: deps.dashboardUrl } : {}),
    },
  );
  deps.logger?.info({ reviewId: review.id, recipients: deps.recipients.length }, 'access review mailed');
  return { review, created: true, mailedId: id };
}
