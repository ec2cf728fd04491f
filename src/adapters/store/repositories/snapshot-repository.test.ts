import { describe, expect, it } from 'vitest';
import { buildSheet, buildSnapshot } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`snapshot store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    async function storedSheet() {
      const sheet = buildSheet();
      await store().sheets.upsertSheet(sheet);
      return sheet.id;
    }

    it('stores snapshots and lists a sheet’s rows by row number', async () => {
      const sheetId = await storedSheet();
      const second = buildSnapshot(sheetId, { rowNumber: 2, billable: false, modifiedAt: null });
      const first = buildSnapshot(sheetId, { rowNumber: 1, values: { price: '$1,234.56', qty: 1.5 } });

      await store().snapshots.upsertSnapshots([second, first]);

      expect(await store().snapshots.listSnapshots(sheetId)).toEqual([first, second]);
    });

    it('replaces a row’s snapshot on conflict instead of duplicating it', async () => {
      const sheetId = await storedSheet();
      const snapshot = buildSnapshot(sheetId);
      await store().snapshots.upsertSnapshots([snapshot]);
      const changed = {
        ...snapshot,
        contentHash: 'changed',
        values: { price: 1 },
        billable: false,
        lastRunId: 'run-2',
      };

      await store().snapshots.upsertSnapshots([changed]);

      expect(await store().snapshots.listSnapshots(sheetId)).toEqual([changed]);
    });

    it('writes more rows than one statement may bind, in one call', async () => {
      const sheetId = await storedSheet();
      // 9 parameters a row: 8,000 rows exceed one statement on both engines (3,640 and 7,281).
      const snapshots = Array.from({ length: 8_000 }, (_, index) =>
        buildSnapshot(sheetId, { rowId: index + 1, rowNumber: index + 1 }),
      );

      await store().snapshots.upsertSnapshots(snapshots);
      await store().snapshots.upsertSnapshots(
        snapshots.slice(0, 4_000).map((s) => ({ ...s, billable: false })),
      );

      expect(await store().snapshots.countSnapshots({ sheetId })).toBe(8_000);
      expect(await store().snapshots.countSnapshots({ sheetId, billable: false })).toBe(4_000);
    });

    it('rejects a snapshot of a sheet it does not know', async () => {
      await expect(store().snapshots.upsertSnapshots([buildSnapshot(123)])).rejects.toThrow();
    });

    it('lists live row ids in ascending order', async () => {
      const sheetId = await storedSheet();
      await store().snapshots.upsertSnapshots([
        buildSnapshot(sheetId, { rowId: 30 }),
        buildSnapshot(sheetId, { rowId: 10 }),
        buildSnapshot(sheetId, { rowId: 20, deletedAt: '2025-08-18T00:00:00Z' }),
      ]);

      expect(await store().snapshots.listRowIds(sheetId)).toEqual([10, 30]);
      expect(await store().snapshots.listRowIds(sheetId, { includeDeleted: true })).toEqual([10, 20, 30]);
    });

    it('marks rows deleted once and leaves them out of live listings', async () => {
      const sheetId = await storedSheet();
      await store().snapshots.upsertSnapshots([
        buildSnapshot(sheetId, { rowId: 1 }),
        buildSnapshot(sheetId, { rowId: 2 }),
        buildSnapshot(sheetId, { rowId: 3 }),
      ]);

      expect(
        await store().snapshots.markRowsDeleted(sheetId, [1, 2, 99], '2025-08-18T15:00:00Z', 'run-9'),
      ).toBe(2);
      expect(await store().snapshots.markRowsDeleted(sheetId, [1], '2025-08-19T15:00:00Z', 'run-10')).toBe(0);

      const all = await store().snapshots.listSnapshots(sheetId, { includeDeleted: true });
      expect(all.find((s) => s.rowId === 1)).toMatchObject({
        deletedAt: '2025-08-18T15:00:00.000Z',
        lastRunId: 'run-9',
      });
      expect((await store().snapshots.listSnapshots(sheetId)).map((s) => s.rowId)).toEqual([3]);
    });

    it('counts snapshots per sheet, billable flag and deletion', async () => {
      const sheetId = await storedSheet();
      const otherSheetId = await storedSheet();
      await store().snapshots.upsertSnapshots([
        buildSnapshot(sheetId, { billable: true }),
        buildSnapshot(sheetId, { billable: false }),
        buildSnapshot(sheetId, { billable: true, deletedAt: '2025-08-18T00:00:00Z' }),
        buildSnapshot(otherSheetId),
      ]);

      expect(await store().snapshots.countSnapshots()).toBe(3);
      expect(await store().snapshots.countSnapshots({ sheetId, billable: true })).toBe(1);
      expect(await store().snapshots.countSnapshots({ sheetId, includeDeleted: true })).toBe(3);
    });
  });
}
