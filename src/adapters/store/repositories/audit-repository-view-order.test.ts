// The Violations view's sorts on nullable keys and its open-event count, on both engines, against
// a reference computed here: the store serves both from indexes (migration 0008) and a count that
// subtracts reviewed events, and neither may change what a page shows or the total it reports.
import { describe, expect, it } from 'vitest';
import type { ChainedAuditEvent } from '../../../domain/audit-chain.js';
import type { ViolationFilter, ViolationSort } from '../../../domain/dashboard/violation-query.js';
import type { Store } from '../../../ports/store.js';
import { buildAuditEvent } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

const RISKS = [0.25, null, 0.9, 0.25, 0, null, 0.5, 0.9];
const DELTAS = [-100, 500, null, 0, -100, 7];
const CHANGED_AT = ['2025-08-18T10:00:00.000Z', null, '2025-08-17T09:30:00.000Z', '2025-08-18T10:00:00.000Z'];

/** The documented order: the key in the given direction, events without it last, then seq. */
function referenceOrder(events: readonly ChainedAuditEvent[], sort: ViolationSort): number[] {
  const keyOf = (event: ChainedAuditEvent) =>
    sort.key === 'riskScore'
      ? event.riskScore
      : sort.key === 'deltaCents'
        ? event.deltaCents
        : event.changedAt;
  const sign = sort.order === 'asc' ? 1 : -1;
  return [...events]
    .sort((a, b) => {
      const [x, y] = [keyOf(a), keyOf(b)];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) return (x < y ? -1 : 1) * sign;
      return (a.seq - b.seq) * sign;
    })
    .map((event) => event.seq);
}

/** Every page of a view, pageSize at a time, and the totals each page reported. */
async function allPages(store: Store, filter: ViolationFilter, sort: ViolationSort, pageSize: number) {
  const seqs: number[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.audit.queryEvents(filter, sort, { offset, limit: pageSize });
    totals.add(page.total);
    seqs.push(...page.items.map((item) => item.event.seq));
    if (page.items.length < pageSize) return { seqs, totals: [...totals] };
  }
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`audit view order and open count on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    async function seedMixed(count: number) {
      return store().audit.appendEvents(
        Array.from({ length: count }, (_, i) =>
          buildAuditEvent({
            violationType: i % 3 === 0 ? 'POST_CLOSE_EDIT' : 'PRICE_OVERRIDE',
            severity: i % 4 === 0 ? 'HIGH' : 'MEDIUM',
            riskScore: RISKS[i % RISKS.length]!,
            deltaCents: DELTAS[i % DELTAS.length]!,
            changedAt: CHANGED_AT[i % CHANGED_AT.length]!,
          }),
        ),
      );
    }

    it('sorts nullable keys with missing values last either way, by rule code, across pages', async () => {
      const events = await seedMixed(45);
      const priceOverrides = events.filter((event) => event.violationType === 'PRICE_OVERRIDE');
      for (const key of ['riskScore', 'deltaCents', 'changedAt'] as const) {
        for (const order of ['desc', 'asc'] as const) {
          const sort = { key, order };
          const coded = await allPages(store(), { violationTypes: ['PRICE_OVERRIDE'] }, sort, 7);
          expect(coded.seqs, `${key} ${order}`).toEqual(referenceOrder(priceOverrides, sort));
          expect(coded.totals).toEqual([priceOverrides.length]);
          expect((await allPages(store(), {}, sort, 100)).seqs).toEqual(referenceOrder(events, sort));
        }
      }
    });

    it('counts open events as the events no review names, alone and with other filters', async () => {
      const events = await seedMixed(30);
      const review = (eventId: string, status: 'acknowledged' | 'resolved' | 'reverted') =>
        store().reviews.appendReview({
          eventId,
          status,
          comment: 'checked',
          reviewer: 'x@example.com',
          reviewedAt: '2025-08-20T10:00:00Z',
        });
      // Reviewed twice, once each, and a review whose event is not in the log (reviews have no
      // foreign key: a restore may load them first): it must not lower the count.
      await review(events[1]!.eventId, 'acknowledged');
      await review(events[1]!.eventId, 'resolved');
      for (const index of [0, 4, 5, 12, 29]) await review(events[index]!.eventId, 'reverted');
      await review('evt-not-in-the-log', 'acknowledged');
      const reviewed = new Set([1, 0, 4, 5, 12, 29].map((index) => events[index]!.seq));
      const open = events.filter((event) => !reviewed.has(event.seq));

      const cases: [ViolationFilter, readonly ChainedAuditEvent[]][] = [
        [{ reviewStatus: 'open' }, open],
        [
          { reviewStatus: 'open', violationTypes: ['PRICE_OVERRIDE'] },
          open.filter((event) => event.violationType === 'PRICE_OVERRIDE'),
        ],
        [
          { reviewStatus: 'open', severities: ['HIGH'], maxSeq: events[20]!.seq },
          open.filter((event) => event.severity === 'HIGH' && event.seq <= events[20]!.seq),
        ],
        [{ reviewStatus: 'open', violationTypes: [] }, []],
      ];
      for (const [filter, expected] of cases) {
        const page = await allPages(store(), filter, { key: 'seq', order: 'desc' }, 4);
        expect(page.seqs, JSON.stringify(filter)).toEqual(expected.map((event) => event.seq).reverse());
        expect(page.totals, JSON.stringify(filter)).toEqual([expected.length]);
      }
    });
  });
}
