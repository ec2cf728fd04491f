import type { AccessReview, AccessReviewDecisionEntry } from '../domain/access-review/access-review.js';

/** Writes an access review with its decisions as files people open (billing-domain.md §4). */
export interface AccessReviewRenderer {
  /** An .xlsx workbook: a Summary sheet and a Subjects sheet. */
  workbook(review: AccessReview, decisions: readonly AccessReviewDecisionEntry[]): Promise<Uint8Array>;
  /** RFC 4180 CSV with a header row, UTF-8 with a BOM so spreadsheets read accents right. */
  csv(review: AccessReview, decisions: readonly AccessReviewDecisionEntry[]): string;
}
