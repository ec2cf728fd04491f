import type { AccessReview, AccessReviewDecisionEntry } from '../domain/access-review/access-review.js';

/** A stored review without its subjects, for lists. */
export interface AccessReviewListing {
  readonly id: string;
  readonly createdAt: string;
  readonly period: string;
  readonly createdBy: string;
  readonly subjectCount: number;
}

/**
 * Monthly access reviews and the reviewers' decisions (billing-domain.md §4). Both are evidence:
 * appended, never edited; the database refuses updates and deletes.
 */
export interface AccessReviewStore {
  /** Throws AppError CONFLICT when the id is taken. */
  saveReview(review: AccessReview): Promise<void>;
  getReview(id: string): Promise<AccessReview | undefined>;
  /** The newest review (by creation time); undefined before the first. */
  latestReview(): Promise<AccessReview | undefined>;
  /** Newest first. */
  listReviews(options: { readonly limit: number }): Promise<AccessReviewListing[]>;
  recordDecision(decision: AccessReviewDecisionEntry): Promise<void>;
  /** A review's decisions, oldest first. */
  listDecisions(reviewId: string): Promise<AccessReviewDecisionEntry[]>;
  /** Per subject key, the newest decision of any review. */
  latestDecisionPerSubject(): Promise<Map<string, AccessReviewDecisionEntry>>;
  /**
   * Per lower-cased editor e-mail, the newest `changedAt` of their sheet edits: audit events on a
   * sheet and scored changes. Ledgerline's own actions (no sheet) are not sheet activity.
   */
  lastSheetActivityPerEditor(): Promise<Map<string, string>>;
}
