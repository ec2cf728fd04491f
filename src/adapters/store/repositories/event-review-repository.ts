import type { ReviewKind } from '../../../domain/dashboard/violation-view.js';
import type { EventReview, EventReviewStore } from '../../../ports/event-review-store.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';
import { instantToDb } from '../column-codecs.js';
import type { SqlContext } from '../sql-context.js';

/** The append-only event_reviews table behind EventReviewStore. */
export function createEventReviewRepository({ db, dialect }: SqlContext): EventReviewStore {
  return {
    async appendReview(review) {
      await db
        .insertInto('event_reviews')
        .values({
          event_id: review.eventId,
          status: review.status,
          comment: review.comment,
          reviewer: review.reviewer,
          reviewed_at: instantToDb(review.reviewedAt),
        })
        .execute();
    },

    async listReviews(eventId) {
      const rows = await db
        .selectFrom('event_reviews')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('review_seq')
        .execute();
      return rows.map((row): EventReview => ({
        eventId: row.event_id,
        status: row.status as ReviewKind,
        comment: row.comment,
        reviewer: row.reviewer,
        reviewedAt: row.reviewed_at,
      }));
    },

    async latestReviews(eventIds) {
      const latest = new Map<string, ReviewKind>();
      for (const batch of batchesWithinParameterLimit(dialect, [...new Set(eventIds)], 1)) {
        const rows = await db
          .selectFrom('event_reviews')
          .select(['event_id', 'status'])
          .where('event_id', 'in', batch)
          .orderBy('review_seq')
          .execute();
        // Ascending order: each later review overwrites the earlier one.
        for (const row of rows) latest.set(row.event_id, row.status as ReviewKind);
      }
      return latest;
    },
  };
}
