import { describe, expect, it } from 'vitest';
import type { PublishedReport } from '../../../ports/store.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function report(overrides: Partial<PublishedReport> = {}): PublishedReport {
  return {
    identityKey: '89708709|2025-08-17|primary|',
    workRequest: '89708709',
    weekEnding: '2025-08-17',
    variant: 'primary',
    claimer: null,
    contentHash: 'abc123',
    fileName: 'WR_89708709_WeekEnding_081725.xlsx',
    targetRowId: 6_141_831_453_927_300,
    attachmentId: 8_141_831_453_927_301,
    publishedAt: '2025-08-18T14:05:00.000Z',
    runId: 'run-1',
    ...overrides,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`report store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('records a published report and finds it by identity', async () => {
      await store().reports.recordPublished(report());

      expect(await store().reports.getPublishedReport(report().identityKey)).toEqual(report());
      expect(await store().reports.getPublishedReport('other')).toBeUndefined();
    });

    it('replaces the record when the same identity is published again', async () => {
      await store().reports.recordPublished(report());
      const republished = report({
        contentHash: 'def456',
        attachmentId: 2,
        publishedAt: '2025-08-25T14:05:00.000Z',
      });

      await store().reports.recordPublished(republished);

      expect(await store().reports.listPublishedReports()).toEqual([republished]);
    });

    it('lists reports by work request and week', async () => {
      const a = report({ identityKey: 'a', workRequest: 'WR1', weekEnding: '2025-08-17' });
      const b = report({ identityKey: 'b', workRequest: 'WR1', weekEnding: '2025-08-24', claimer: 'Sub Co' });
      const c = report({ identityKey: 'c', workRequest: 'WR2', weekEnding: '2025-08-17' });
      for (const r of [c, b, a]) await store().reports.recordPublished(r);

      expect(await store().reports.listPublishedReports()).toEqual([a, b, c]);
      expect(
        await store().reports.pagePublishedReports({
          workRequest: 'WR1',
          weekEnding: '2025-08-24',
          offset: 0,
          limit: 10,
        }),
      ).toEqual({ items: [b], total: 1 });
    });

    it('deletes a record and says whether there was one', async () => {
      await store().reports.recordPublished(report());

      expect(await store().reports.deletePublishedReport(report().identityKey)).toBe(true);
      expect(await store().reports.deletePublishedReport(report().identityKey)).toBe(false);
      expect(await store().reports.listPublishedReports()).toEqual([]);
    });
  });
}
