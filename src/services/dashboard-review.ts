// Acknowledge or resolve an audit event from the dashboard (issue #7): the review is kept in the
// append-only event_reviews table and the act itself becomes a VIOLATION_REVIEWED audit event.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { violationReviewedEvent, type ActionOrigin } from '../domain/dashboard/dashboard-action-events.js';
import type { ReviewRequest } from '../domain/dashboard/review-request.js';
import type { AuditStore, EventReviewStore } from '../ports/store.js';
import { reviewViewOf, type ReviewView } from './dashboard-violations.js';

export interface ReviewViolationDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** Who acts and from where. */
export interface DashboardActor {
  readonly email: string;
  readonly origin: ActionOrigin;
}

export async function reviewViolation(
  deps: ReviewViolationDeps,
  eventId: string,
  request: ReviewRequest,
  actor: DashboardActor,
): Promise<ReviewView> {
  const stored = await deps.audit.getEvent(eventId);
  if (!stored)
    throw new AppError(ErrorCode.NOT_FOUND, `No audit event has the id ${JSON.stringify(eventId)}.`);
  const now = deps.now();
  // The trail first: a review that is not on record must not change what the dashboard shows.
  await deps.audit.appendEvents([
    violationReviewedEvent(stored.event, request, {
      actionId: deps.newId(),
      actor: actor.email,
      now,
      origin: actor.origin,
    }),
  ]);
  const review = {
    eventId,
    status: request.status,
    comment: request.comment,
    reviewer: actor.email,
    reviewedAt: now.toISOString(),
  };
  await deps.reviews.appendReview(review);
  return reviewViewOf(review);
}
