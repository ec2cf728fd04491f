import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { storeInternals } from '../store-internals.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`event reviews on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    const review = (eventId: string, status: 'acknowledged' | 'resolved' | 'reverted', minute: number) => ({
      eventId,
      status,
      comment: `comment ${minute}`,
      reviewer: 'auditor@example.com',
      reviewedAt: `2025-08-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
    });

    it('keeps every review in order and tells the latest of each event', async () => {
      await store().reviews.appendReview(review('e1', 'acknowledged', 1));
      await store().reviews.appendReview(review('e2', 'resolved', 2));
      await store().reviews.appendReview(review('e1', 'resolved', 3));

      expect(await store().reviews.listReviews('e1')).toEqual([
        review('e1', 'acknowledged', 1),
        review('e1', 'resolved', 3),
      ]);
      expect(await store().reviews.latestReviews(['e1', 'e2', 'e3'])).toEqual(
        new Map([
          ['e1', 'resolved'],
          ['e2', 'resolved'],
        ]),
      );
    });

    it('refuses to change or delete a review, in the database itself', async () => {
      await store().reviews.appendReview(review('e1', 'acknowledged', 1));
      const { db } = storeInternals(store());
      await expect(sql`update event_reviews set comment = 'edited'`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from event_reviews`.execute(db)).rejects.toThrow(/append-only/);
      expect(await store().reviews.listReviews('e1')).toHaveLength(1);
    });
  });
}
