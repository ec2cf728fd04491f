// Reading a stored access review with its decisions, and exporting it as CSV or xlsx.
import type {
  AccessReview,
  AccessReviewDecisionEntry,
  AccessReviewSummary,
} from '../domain/access-review/access-review.js';
import { summariseAccessReview } from '../domain/access-review/access-review.js';
import { accessReviewFileName } from '../domain/access-review/access-review-table.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { AccessReviewRenderer } from '../ports/access-review-renderer.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';

export interface LoadedAccessReview {
  readonly review: AccessReview;
  /** Oldest first; the newest per subject is in force. */
  readonly decisions: AccessReviewDecisionEntry[];
  readonly summary: AccessReviewSummary;
}

/** A review by id, or the latest; NOT_FOUND with a hint when there is none. */
export async function loadAccessReview(
  deps: { readonly accessReviews: AccessReviewStore },
  id?: string,
): Promise<LoadedAccessReview> {
  const review =
    id === undefined ? await deps.accessReviews.latestReview() : await deps.accessReviews.getReview(id);
  if (!review) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      id === undefined ? 'No access review has been made yet' : `No access review has id ${id}`,
      {
        hint:
          id === undefined
            ? 'Run one with `ledgerline access-review run` (serve makes one every month).'
            : 'List reviews with `ledgerline access-review list`.',
      },
    );
  }
  const decisions = await deps.accessReviews.listDecisions(review.id);
  return { review, decisions, summary: summariseAccessReview(review, decisions) };
}

export type AccessReviewExportFormat = 'csv' | 'xlsx';

export interface AccessReviewFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly review: AccessReview;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** The review (by id, or the latest) with its decisions in force, as a file. */
export async function exportAccessReview(
  deps: { readonly accessReviews: AccessReviewStore; readonly renderer: AccessReviewRenderer },
  options: { readonly id?: string; readonly format: AccessReviewExportFormat },
): Promise<AccessReviewFile> {
  const { review, decisions } = await loadAccessReview(deps, options.id);
  return renderAccessReviewFile(deps.renderer, review, decisions, options.format);
}

export async function renderAccessReviewFile(
  renderer: AccessReviewRenderer,
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
  format: AccessReviewExportFormat,
): Promise<AccessReviewFile> {
  const fileName = accessReviewFileName(review, format);
  if (format === 'xlsx') {
    return {
      fileName,
      contentType: XLSX_CONTENT_TYPE,
      bytes: await renderer.workbook(review, decisions),
      review,
    };
  }
  return {
    fileName,
    contentType: CSV_CONTENT_TYPE,
    bytes: new TextEncoder().encode(renderer.csv(review, decisions)),
    review,
  };
}
