import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyChain, type ChainedAuditEvent } from '../../../domain/audit-chain.js';
import type { Store } from '../../../ports/store.js';
import { buildAuditEvent } from '../../../../test/support/store-records.js';
import { backends, createTestStore, useTestStore } from '../../../../test/support/test-databases.js';
import { openStore } from '../open-store.js';

async function allEvents(store: Store): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  let fromSeq: number | undefined;
  for (;;) {
    const page = await store.audit.listEvents({ limit: 50, ...(fromSeq === undefined ? {} : { fromSeq }) });
    events.push(...page.events);
    if (page.nextSeq === null) return events;
    fromSeq = page.nextSeq;
  }
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`audit store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('appends events to a hash chain that verifies, and reads them back exactly', async () => {
      const appended = await store().audit.appendEvents([
        buildAuditEvent({
          timestamp: '2025-08-18T09:00:00-05:00',
          riskScore: 0.1 + 0.2,
          details: { z: 1, a: [true, null] },
        }),
        buildAuditEvent({
          sheetId: null,
          rowId: null,
          columnName: null,
          deltaCents: null,
          changedAt: null,
          weekEnding: null,
        }),
        buildAuditEvent({ deltaCents: -9_007_199_254_740_991, isHistorical: true, severity: 'CRITICAL' }),
      ]);

      expect(appended.map((event) => event.seq)).toEqual([1, 2, 3]);
      expect(appended[0]?.prevHash).toBe(GENESIS_HASH);
      expect(appended[0]?.timestamp).toBe('2025-08-18T14:00:00.000Z');
      const stored = await allEvents(store());
      expect(stored).toEqual(appended);
      expect(verifyChain(stored)).toMatchObject({ firstBadSeq: null, verifiedCount: 3 });
      expect(await store().audit.chainHead()).toEqual({
        eventCount: 3,
        headSeq: 3,
        headHash: appended[2]?.hash,
      });
    });

    it('drops events whose natural key is already stored or repeated in the batch', async () => {
      const first = buildAuditEvent({ sheetId: 1, rowId: 2, columnName: 'Price', revision: '10' });
      await store().audit.appendEvents([first]);
      const again = { ...first, eventId: 'another-id', newValue: 'different' };
      const fresh = buildAuditEvent({ sheetId: 1, rowId: 2, columnName: 'Price', revision: '11' });

      const appended = await store().audit.appendEvents([
        again,
        fresh,
        { ...fresh, eventId: 'dup-in-batch' },
      ]);

      expect(appended.map((event) => event.eventId)).toEqual([fresh.eventId]);
      expect(await store().audit.countEvents()).toBe(2);
      expect(verifyChain(await allEvents(store())).firstBadSeq).toBeNull();
      expect(await store().audit.appendEvents([first, again])).toEqual([]);
    });

    it('refuses an event id reused for a different change', async () => {
      const event = buildAuditEvent();
      await store().audit.appendEvents([event]);

      await expect(store().audit.appendEvents([{ ...event, revision: 'other' }])).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store().audit.chainHead()).toMatchObject({ eventCount: 1 });
    });

    it('filters events and pages through them in either direction', async () => {
      await store().audit.appendEvents([
        buildAuditEvent({
          runId: 'r1',
          workRequest: 'WR1',
          severity: 'HIGH',
          changedAt: '2025-08-10T00:00:00Z',
        }),
        buildAuditEvent({
          runId: 'r1',
          workRequest: 'WR2',
          severity: 'LOW',
          changedAt: '2025-08-11T00:00:00Z',
        }),
        buildAuditEvent({
          runId: 'r2',
          workRequest: 'WR1',
          severity: 'HIGH',
          violationType: 'WEEK_MOVED',
          changedAt: '2025-08-12T00:00:00Z',
        }),
        buildAuditEvent({
          runId: 'r2',
          workRequest: 'WR1',
          severity: 'CRITICAL',
          sheetId: 5,
          rowId: 6,
          changedAt: '2025-08-13T00:00:00Z',
        }),
      ]);
      const seqs = async (query: Parameters<Store['audit']['listEvents']>[0]) =>
        (await store().audit.listEvents(query)).events.map((event) => event.seq);

      expect(await seqs({ limit: 10, runId: 'r1' })).toEqual([1, 2]);
      expect(await seqs({ limit: 10, workRequest: 'WR1', severities: ['HIGH', 'CRITICAL'] })).toEqual([
        1, 3, 4,
      ]);
      expect(await seqs({ limit: 10, violationTypes: ['WEEK_MOVED'] })).toEqual([3]);
      expect(await seqs({ limit: 10, sheetId: 5, rowId: 6 })).toEqual([4]);
      expect(
        await seqs({ limit: 10, changedFrom: '2025-08-11T00:00:00Z', changedTo: '2025-08-12T00:00:00Z' }),
      ).toEqual([2, 3]);
      expect(await seqs({ limit: 10, severities: [] })).toEqual([]);
      expect(await store().audit.listEvents({ limit: 3, order: 'desc' })).toMatchObject({ nextSeq: 1 });
      expect(await seqs({ limit: 3, order: 'desc', toSeq: 1 })).toEqual([1]);
      expect(await store().audit.listEvents({ limit: 2, fromSeq: 2 })).toMatchObject({ nextSeq: 4 });
    });

    it('counts events matching a filter', async () => {
      await store().audit.appendEvents([
        buildAuditEvent({ severity: 'HIGH' }),
        buildAuditEvent({ severity: 'HIGH' }),
        buildAuditEvent({ severity: 'INFO' }),
      ]);

      expect(await store().audit.countEvents()).toBe(3);
      expect(await store().audit.countEvents({ severities: ['HIGH'], fromSeq: 2 })).toBe(1);
    });

    it('starts with an empty head', async () => {
      expect(await store().audit.chainHead()).toEqual({
        eventCount: 0,
        headSeq: null,
        headHash: GENESIS_HASH,
      });
    });

    it('stores checkpoints and lists them in seq order', async () => {
      const [event] = await store().audit.appendEvents([buildAuditEvent()]);
      const later = {
        seq: 1,
        eventCount: 1,
        headHash: event?.hash ?? '',
        signature: 'sig-b',
        keyId: 'k2',
        runId: 'run-1',
        createdAt: '2025-08-18T15:00:00.000Z',
      };
      const earlier = {
        seq: 0,
        eventCount: 0,
        headHash: GENESIS_HASH,
        signature: 'sig-a',
        keyId: 'k1',
        runId: null,
        createdAt: '2025-08-18T13:00:00.000Z',
      };

      await store().audit.appendCheckpoint(later);
      await store().audit.appendCheckpoint(earlier);

      expect(await store().audit.listCheckpoints()).toEqual([earlier, later]);
      await expect(store().audit.appendCheckpoint(later)).rejects.toThrow();
    });
  });

  describe.skipIf(backend.skipReason)(`concurrent audit appends on ${backend.dialect}`, () => {
    it('two stores appending at once build one valid chain without duplicates', async () => {
      const { store: first, location, cleanup } = await createTestStore(backend);
      const second = await openStore(location);
      try {
        const shared = Array.from({ length: 20 }, () => buildAuditEvent());
        const batchesFor = (prefix: string) =>
          Array.from({ length: 5 }, (_, batch) => [
            ...shared.slice(batch * 4, batch * 4 + 4),
            ...Array.from({ length: 10 }, (_, i) => buildAuditEvent({ eventId: `${prefix}-${batch}-${i}` })),
          ]);

        const appendAll = async (store: Store, batches: ReturnType<typeof batchesFor>) => {
          for (const batch of batches) await store.audit.appendEvents(batch);
        };
        await Promise.all([appendAll(first, batchesFor('a')), appendAll(second, batchesFor('b'))]);

        const events = await allEvents(first);
        expect(events).toHaveLength(20 + 2 * 5 * 10);
        expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
        const verification = verifyChain(events);
        expect(verification).toMatchObject({ firstBadSeq: null, verifiedCount: 120 });
        expect(await second.audit.chainHead()).toEqual({
          eventCount: 120,
          headSeq: events.at(-1)?.seq,
          headHash: verification.lastHash,
        });
      } finally {
        await second.close();
        await cleanup();
      }
    });
  });
}
