// Makes and stores an access review (billing-domain.md §4): every Ledgerline account, everyone the
// active source sheets are shared with (read through Smartsheet), their last activity from the
// stores, and the past decisions; the domain judges them at `now`.
import type { AccessReview, ReviewedSheet } from '../domain/access-review/access-review.js';
import { accessReviewId, accessReviewPeriod } from '../domain/access-review/access-review.js';
import type { AccessReviewThresholds } from '../domain/access-review/access-review-subject.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from '../domain/access-review/access-review-subject.js';
import type { PastDecision, ShareFacts } from '../domain/access-review/build-access-review.js';
import { buildAccessReviewSubjects } from '../domain/access-review/build-access-review.js';
import { toAppError, type AppError } from '../domain/app-error.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { UserStore } from '../ports/access-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { SheetStore } from '../ports/sheet-store.js';

export interface BuildAccessReviewDeps {
  readonly users: Pick<UserStore, 'listUsers'>;
  readonly sheets: Pick<SheetStore, 'listSheets'>;
  readonly source: Pick<BillingSheets, 'sheetShares'>;
  readonly accessReviews: AccessReviewStore;
  readonly logger?: Logger;
}

export interface BuildAccessReviewOptions {
  readonly now: Date;
  /** The reviewer's e-mail, or `scheduler` for the monthly job. */
  readonly createdBy: string;
  /** The organisation's zone: it names the month under review. */
  readonly timeZone: string;
  readonly thresholds?: AccessReviewThresholds;
}

/** Reads the shares of every active source sheet; a sheet that fails is reported, not fatal. */
async function readShares(
  deps: BuildAccessReviewDeps,
): Promise<{ shares: ShareFacts[]; sheets: ReviewedSheet[] }> {
  const sources = await deps.sheets.listSheets({ role: 'source', status: 'active' });
  const shares: ShareFacts[] = [];
  const sheets: ReviewedSheet[] = [];
  let firstError: AppError | undefined;
  for (const sheet of sources) {
    try {
      const found = await deps.source.sheetShares(sheet.id);
      if (found === undefined) {
        sheets.push({
          sheetId: sheet.id,
          sheetName: sheet.name,
          shareCount: null,
          problem: 'The sheet is gone or no longer shared with Ledgerline.',
        });
        continue;
      }
      for (const share of found) shares.push({ ...share, sheetId: sheet.id, sheetName: sheet.name });
      sheets.push({ sheetId: sheet.id, sheetName: sheet.name, shareCount: found.length, problem: null });
    } catch (error) {
      const appError = toAppError(error);
      firstError ??= appError;
      deps.logger?.warn({ sheetId: sheet.id, err: appError }, 'could not read the shares of a source sheet');
      sheets.push({ sheetId: sheet.id, sheetName: sheet.name, shareCount: null, problem: appError.message });
    }
  }
  // Every sheet failing is an outage (token, network), not a review: say so instead of storing it.
  if (firstError && sheets.every((s) => s.problem !== null)) throw firstError;
  return { shares, sheets };
}

/** Builds the review at `now`, stores it and returns it. */
export async function buildAccessReview(
  deps: BuildAccessReviewDeps,
  options: BuildAccessReviewOptions,
): Promise<AccessReview> {
  const { now } = options;
  const thresholds = options.thresholds ?? DEFAULT_ACCESS_REVIEW_THRESHOLDS;
  const [users, { shares, sheets }, sheetActivity, latest] = await Promise.all([
    deps.users.listUsers(),
    readShares(deps),
    deps.accessReviews.lastSheetActivityPerEditor(),
    deps.accessReviews.latestDecisionPerSubject(),
  ]);
  const pastDecisions = new Map<string, PastDecision>(
    [...latest].map(([key, d]) => [key, { decision: d.decision, decidedAt: d.decidedAt }]),
  );
  const subjects = buildAccessReviewSubjects(
    {
      accounts: users.map((u) => ({
        email: u.email,
        name: u.displayName,
        role: u.role,
        disabled: u.disabledAt !== null,
        mfaEnabled: u.mfaEnabled,
        lastLoginAt: u.lastLoginAt,
      })),
      shares,
      sheetActivity,
      pastDecisions,
    },
    { now, thresholds },
  );
  const period = accessReviewPeriod(now, options.timeZone);
  const review: AccessReview = {
    id: accessReviewId(period, now),
    createdAt: now.toISOString(),
    period,
    createdBy: options.createdBy,
    thresholds,
    sheets,
    subjects,
  };
  await deps.accessReviews.saveReview(review);
  deps.logger?.info(
    { reviewId: review.id, subjects: subjects.length, sheets: sheets.length },
    'access review stored',
  );
  return review;
}
