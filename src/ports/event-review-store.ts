import type { ReviewKind } from '../domain/dashboard/violation-view.js';

/** A reviewer's decision on an audit event (issue #7). Reviews are evidence: appended, never edited. */
export interface EventReview {
  readonly eventId: string;
  readonly status: ReviewKind;
  readonly comment: string;
  /** The reviewer's e-mail. */
  readonly reviewer: string;
  readonly reviewedAt: string;
}

/** Acknowledgements, resolutions and reverts of audit events; the latest one is an event's status. */
export interface EventReviewStore {
  appendReview(review: EventReview): Promise<void>;
  /** An event's reviews, oldest first. */
  listReviews(eventId: string): Promise<EventReview[]>;
  /** The latest review kind of each event that has one. */
  latestReviews(eventIds: readonly string[]): Promise<Map<string, ReviewKind>>;
}
