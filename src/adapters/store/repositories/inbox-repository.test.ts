import { describe, expect, it } from 'vitest';
import { backends, createTestStore, useTestStore } from '../../../../test/support/test-databases.js';
import { openStore } from '../open-store.js';

const callback = (nonce: string, receivedAt = '2025-08-18T14:00:00Z') => ({
  webhookId: 77,
  nonce,
  receivedAt,
  body: `{"nonce":"${nonce}","events":[{"objectType":"row","eventType":"updated","id":1}]}`,
});

const T0 = '2025-08-18T14:00:00Z';
const T1 = '2025-08-18T14:01:00Z';
const LEASE = '2025-08-18T14:05:00Z';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`webhook inbox on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('enqueues a delivery once, however often it arrives', async () => {
      expect(await store().inbox.enqueueCallback(callback('n1'))).toBe(true);
      expect(await store().inbox.enqueueCallback(callback('n1'))).toBe(false);

      expect(await store().inbox.depth()).toEqual({ pending: 1, processing: 0, done: 0, failed: 0 });
    });

    it('claims due items oldest first, marking them processing under a lease', async () => {
      await store().inbox.enqueueCallback(callback('later', T1));
      await store().inbox.enqueueCallback(callback('first', T0));
      await store().inbox.enqueueCallback(callback('future', '2025-08-18T15:00:00Z'));

      expect(await store().inbox.countDue(T1)).toBe(2);
      const claimed = await store().inbox.claimNextBatch({ now: T1, leaseUntil: LEASE, limit: 10 });
      // Claimed: not due again until the lease runs out (a dead claimer's items come back).
      expect(await store().inbox.countDue(T1)).toBe(0);
      expect(await store().inbox.countDue('2025-08-18T14:30:00Z')).toBe(2);

      expect(claimed.map((item) => item.key)).toEqual(['77:first', '77:later']);
      expect(claimed[0]).toMatchObject({
        status: 'processing',
        attempts: 1,
        nextAttemptAt: '2025-08-18T14:05:00.000Z',
      });
      expect(claimed[0]?.body).toBe(callback('first').body);
      expect(await store().inbox.claimNextBatch({ now: T1, leaseUntil: LEASE, limit: 10 })).toEqual([]);
    });

    it('reclaims an item whose lease ran out', async () => {
      await store().inbox.enqueueCallback(callback('n1'));
      await store().inbox.claimNextBatch({ now: T0, leaseUntil: LEASE, limit: 1 });

      const reclaimed = await store().inbox.claimNextBatch({
        now: LEASE,
        leaseUntil: '2025-08-18T14:10:00Z',
        limit: 1,
      });

      expect(reclaimed).toMatchObject([{ key: '77:n1', attempts: 2 }]);
    });

    it('marks an item done', async () => {
      await store().inbox.enqueueCallback(callback('n1'));
      await store().inbox.claimNextBatch({ now: T0, leaseUntil: LEASE, limit: 1 });

      await store().inbox.markDone('77:n1', T1);
      expect(await store().inbox.countDue('2030-01-01T00:00:00Z')).toBe(0);

      expect(await store().inbox.depth()).toMatchObject({ done: 1, processing: 0 });
      expect(
        await store().inbox.claimNextBatch({
          now: '2030-01-01T00:00:00Z',
          leaseUntil: '2030-01-01T00:05:00Z',
          limit: 1,
        }),
      ).toEqual([]);
    });

    it('retries a failed item when its next attempt is due, and never when given up on', async () => {
      await store().inbox.enqueueCallback(callback('retry'));
      await store().inbox.enqueueCallback(callback('dead'));
      await store().inbox.claimNextBatch({ now: T0, leaseUntil: LEASE, limit: 2 });

      await store().inbox.markFailed('77:retry', { error: 'Smartsheet 503', nextAttemptAt: T1 });
      await store().inbox.markFailed('77:dead', { error: 'malformed body', nextAttemptAt: null });

      expect(await store().inbox.depth()).toMatchObject({ failed: 2 });
      // Due: the retry once its time has come; never the one given up on.
      expect(await store().inbox.countDue(T0)).toBe(0);
      expect(await store().inbox.countDue('2030-01-01T00:00:00Z')).toBe(1);
      const retried = await store().inbox.claimNextBatch({
        now: '2030-01-01T00:00:00Z',
        leaseUntil: '2030-01-01T00:05:00Z',
        limit: 5,
      });
      expect(retried).toMatchObject([{ key: '77:retry', attempts: 2, error: 'Smartsheet 503' }]);
    });

    it('counts the depth per status', async () => {
      await store().inbox.enqueueCallback(callback('a'));
      await store().inbox.enqueueCallback(callback('b'));
      await store().inbox.enqueueCallback(callback('c'));
      await store().inbox.claimNextBatch({ now: T0, leaseUntil: LEASE, limit: 1 });

      expect(await store().inbox.depth()).toEqual({ pending: 2, processing: 1, done: 0, failed: 0 });
    });
  });

  describe.skipIf(backend.skipReason)(`concurrent inbox claims on ${backend.dialect}`, () => {
    it('never hands the same item to two claimers', async () => {
      const { store: first, location, cleanup } = await createTestStore(backend);
      const second = await openStore(location);
      try {
        for (let i = 0; i < 40; i += 1) await first.inbox.enqueueCallback(callback(`n${i}`));
        const claim = (s: typeof first) => s.inbox.claimNextBatch({ now: T1, leaseUntil: LEASE, limit: 15 });

        const batches = await Promise.all([claim(first), claim(second), claim(first), claim(second)]);

        const keys = batches.flat().map((item) => item.key);
        expect(keys).toHaveLength(40);
        expect(new Set(keys).size).toBe(40);
      } finally {
        await second.close();
        await cleanup();
      }
    });
  });
}
