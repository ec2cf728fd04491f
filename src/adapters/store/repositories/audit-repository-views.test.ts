// The dashboard's views of the audit log (queryEvents, getEvent) on both engines.
import { describe, expect, it } from 'vitest';
import type { AuditEventRecord } from '../../../domain/audit-chain.js';
import type { ViolationFilter, ViolationSort } from '../../../domain/dashboard/violation-query.js';
import type { Store } from '../../../ports/store.js';
import { buildAuditEvent } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

const bySeqDesc: ViolationSort = { key: 'seq', order: 'desc' };

async function seqsOf(store: Store, filter: ViolationFilter, sort: ViolationSort = bySeqDesc) {
  const page = await store.audit.queryEvents(filter, sort, { offset: 0, limit: 100 });
  return { seqs: page.items.map((item) => item.event.seq), total: page.total };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`audit views on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    async function seed(events: Partial<AuditEventRecord>[]) {
      return store().audit.appendEvents(events.map((overrides) => buildAuditEvent(overrides)));
    }

    it('filters by every Violations filter, the editor without regard to case', async () => {
      await seed([
        { severity: 'HIGH', violationType: 'POST_CLOSE_EDIT', changedBy: 'Ann@Example.com', sheetId: 1 },
        { severity: 'LOW', violationType: 'WEEK_MOVED', changedBy: 'bob@example.com', workRequest: '111' },
        { severity: 'CRITICAL', weekEnding: '2025-08-24', changedAt: '2025-08-20T10:00:00.000Z' },
        { severity: 'INFO', changedBy: null, changedAt: null, sheetId: 2 },
      ]);
      const s = store();
      expect(await seqsOf(s, { severities: ['HIGH', 'CRITICAL'] })).toEqual({ seqs: [3, 1], total: 2 });
      expect((await seqsOf(s, { violationTypes: ['WEEK_MOVED'] })).seqs).toEqual([2]);
      expect((await seqsOf(s, { editor: 'ann@example.COM' })).seqs).toEqual([1]);
      expect((await seqsOf(s, { workRequest: '111' })).seqs).toEqual([2]);
      expect((await seqsOf(s, { weekEnding: '2025-08-24' as never })).seqs).toEqual([3]);
      expect((await seqsOf(s, { sheetId: 2 })).seqs).toEqual([4]);
      expect(
        (await seqsOf(s, { changedFrom: '2025-08-19T00:00:00Z', changedTo: '2025-08-21T00:00:00Z' })).seqs,
      ).toEqual([3]);
      expect((await seqsOf(s, { maxSeq: 2 })).seqs).toEqual([2, 1]);
      expect((await seqsOf(s, { severities: [] })).total).toBe(0);
    });

    it('sorts severity by rank, puts missing values last either way, and breaks ties by seq', async () => {
      await seed([
        { severity: 'MEDIUM', riskScore: 0.5, deltaCents: -100 },
        { severity: 'CRITICAL', riskScore: null, deltaCents: null },
        { severity: 'INFO', riskScore: 0.9, deltaCents: 5 },
        { severity: 'MEDIUM', riskScore: 0.5, deltaCents: 7 },
        { severity: 'HIGH', riskScore: 0.1, deltaCents: -100 },
      ]);
      const s = store();
      expect((await seqsOf(s, {}, { key: 'severity', order: 'desc' })).seqs).toEqual([2, 5, 4, 1, 3]);
      expect((await seqsOf(s, {}, { key: 'severity', order: 'asc' })).seqs).toEqual([3, 1, 4, 5, 2]);
      expect((await seqsOf(s, {}, { key: 'riskScore', order: 'desc' })).seqs).toEqual([3, 4, 1, 5, 2]);
      expect((await seqsOf(s, {}, { key: 'riskScore', order: 'asc' })).seqs).toEqual([5, 1, 4, 3, 2]);
      expect((await seqsOf(s, {}, { key: 'deltaCents', order: 'asc' })).seqs).toEqual([1, 5, 3, 4, 2]);
    });

    it('pages with offset and limit and reports the total of the whole view', async () => {
      await seed(Array.from({ length: 7 }, () => ({})));
      const page = await store().audit.queryEvents({}, { key: 'seq', order: 'asc' }, { offset: 3, limit: 2 });
      expect(page.items.map((item) => item.event.seq)).toEqual([4, 5]);
      expect(page.total).toBe(7);
    });

    it('carries the latest review and filters by review status (a revert counts as resolved)', async () => {
      const [a, b, c, d] = await seed([{}, {}, {}, {}]);
      const review = (eventId: string, status: 'acknowledged' | 'resolved' | 'reverted', at: string) =>
        store().reviews.appendReview({
          eventId,
          status,
          comment: 'checked',
          reviewer: 'x@example.com',
          reviewedAt: at,
        });
      await review(a!.eventId, 'resolved', '2025-08-20T10:00:00Z');
      await review(a!.eventId, 'acknowledged', '2025-08-20T11:00:00Z');
      await review(b!.eventId, 'resolved', '2025-08-20T10:00:00Z');
      await review(c!.eventId, 'reverted', '2025-08-20T10:00:00Z');
      const s = store();
      expect((await seqsOf(s, { reviewStatus: 'open' })).seqs).toEqual([d!.seq]);
      expect((await seqsOf(s, { reviewStatus: 'acknowledged' })).seqs).toEqual([a!.seq]);
      expect((await seqsOf(s, { reviewStatus: 'resolved' })).seqs).toEqual([c!.seq, b!.seq]);
      expect(await s.audit.getEvent(a!.eventId)).toEqual({ event: a, latestReview: 'acknowledged' });
      expect(await s.audit.getEvent(d!.eventId)).toEqual({ event: d, latestReview: undefined });
      expect(await s.audit.getEvent('no-such-event')).toBeUndefined();
    });
  });
}
