import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`run store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('starts a run as running and finishes it with its summary', async () => {
      await store().runs.startRun({ id: 'run-1', kind: 'cycle', startedAt: '2025-08-18T14:00:00Z' });
      expect(await store().runs.getRun('run-1')).toEqual({
        id: 'run-1',
        kind: 'cycle',
        startedAt: '2025-08-18T14:00:00.000Z',
        finishedAt: null,
        status: 'running',
        summary: null,
        error: null,
      });

      const summary = { sheets: 3, rows: 10_482, rejected: { notCompleted: 12 }, totalCents: 123_456_789 };
      const finished = await store().runs.finishRun('run-1', {
        finishedAt: '2025-08-18T14:03:10Z',
        status: 'partial',
        summary,
        error: 'sheet 42 unmapped',
      });

      expect(finished).toBe(true);
      expect(await store().runs.getRun('run-1')).toMatchObject({
        status: 'partial',
        summary,
        error: 'sheet 42 unmapped',
      });
      expect(
        await store().runs.finishRun('nope', {
          finishedAt: '2025-08-18T14:03:10Z',
          status: 'failed',
          summary: null,
          error: 'x',
        }),
      ).toBe(false);
      expect(await store().runs.getRun('nope')).toBeUndefined();
    });

    it('lists the latest runs first, optionally of one kind', async () => {
      await store().runs.startRun({ id: 'a', kind: 'cycle', startedAt: '2025-08-18T10:00:00Z' });
      await store().runs.startRun({ id: 'b', kind: 'webhook', startedAt: '2025-08-18T11:00:00Z' });
      await store().runs.startRun({ id: 'c', kind: 'cycle', startedAt: '2025-08-18T12:00:00Z' });

      expect((await store().runs.listRecentRuns({ limit: 2 })).map((run) => run.id)).toEqual(['c', 'b']);
      expect((await store().runs.listRecentRuns({ limit: 10, kind: 'cycle' })).map((run) => run.id)).toEqual([
        'c',
        'a',
      ]);
    });
  });
}
