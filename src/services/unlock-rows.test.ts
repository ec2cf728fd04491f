import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { ROWS_UNLOCKED } from '../domain/locking/rows-unlocked-event.js';
import type { RowLocker } from '../ports/row-locker.js';
import { unlockRows } from './unlock-rows.js';
import type { UnlockRowsRequest } from './unlock-rows.js';

/** Row 1 and 2 locked, 3 unlocked, 4 refused (the token is only EDITOR on it, say). */
const locker: RowLocker = {
  lockRows: async (sheetId) => ({ sheetId, changed: [], unchanged: [], refused: [] }),
  lockStates: async () => [],
  unlockRows: async (sheetId, rowIds) => ({
    sheetId,
    changed: rowIds.filter((id) => id === 1 || id === 2),
    unchanged: rowIds.filter((id) => id === 3),
    refused: rowIds
      .filter((id) => id === 4)
      .map((rowId) => ({ rowId, reason: 'insufficient-access', message: '1004' })),
  }),
};

const request = (overrides: Partial<UnlockRowsRequest> = {}): UnlockRowsRequest => ({
  sheetId: 42,
  rowIds: [1, 2, 3, 4],
  reason: 'Re-bill WR 89708709 after the crew corrected the pole count',
  by: 'Billing.Manager@Example.com',
  via: 'admin-command',
  unlockId: 'unlock-1',
  now: new Date('2026-09-20T10:00:00Z'),
  ...overrides,
});

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`unlockRows on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('records one ROWS_UNLOCKED event per row actually unlocked, with the reason and who asked', async () => {
      const result = await unlockRows(
        { locker, audit: store().audit, writerIdentity: async () => 'ledgerline@example.com' },
        request(),
      );
      expect(result.outcome.refused).toHaveLength(1);
      const { events } = await store().audit.listEvents({ violationTypes: [ROWS_UNLOCKED], limit: 10 });
      expect(events.map((e) => e.rowId).sort()).toEqual([1, 2]);
      expect(events[0]).toMatchObject({
        sheetId: 42,
        changedBy: 'billing.manager@example.com',
        severity: 'INFO',
        details: expect.objectContaining({
          holdUntil: '2026-09-21T10:00:00.000Z',
          reason: request().reason,
          via: 'admin-command',
          writtenAs: 'ledgerline@example.com',
        }),
      });
    });

    it('records the same unlock once, however often it is retried', async () => {
      await unlockRows({ locker, audit: store().audit }, request());
      await unlockRows({ locker, audit: store().audit }, request());
      expect(await store().audit.countEvents({ violationTypes: [ROWS_UNLOCKED] })).toBe(2);
    });

    it('refuses an unlock without a reason or a person', async () => {
      await expect(unlockRows({ locker, audit: store().audit }, request({ reason: '  ' }))).rejects.toThrow(
        /reason/,
      );
      await expect(unlockRows({ locker, audit: store().audit }, request({ by: 'someone' }))).rejects.toThrow(
        /e-mail/,
      );
    });
  });
}
