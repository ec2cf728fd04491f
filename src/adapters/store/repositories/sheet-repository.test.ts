import { describe, expect, it } from 'vitest';
import { buildSheet } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`sheet store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('stores a sheet and gives it back unchanged', async () => {
      const sheet = buildSheet({ id: 9_007_199_254_740_000, missingColumns: ['pole', 'scope'] });

      await store().sheets.upsertSheet(sheet);

      expect(await store().sheets.getSheet(sheet.id)).toEqual(sheet);
      expect(await store().sheets.getSheet(1)).toBeUndefined();
    });

    it('replaces every field on a second upsert', async () => {
      const sheet = buildSheet();
      await store().sheets.upsertSheet(sheet);
      const renamed = {
        ...sheet,
        name: 'Renamed',
        version: 7,
        columnMap: { workRequest: 5 },
        lastSeenAt: null,
      };

      await store().sheets.upsertSheet(renamed);

      expect(await store().sheets.getSheet(sheet.id)).toEqual(renamed);
    });

    it('lists sheets by id, filtered by role and status', async () => {
      const target = buildSheet({ id: 30, role: 'target' });
      const source = buildSheet({ id: 10, role: 'source' });
      const missing = buildSheet({ id: 20, role: 'source', status: 'missing' });
      for (const sheet of [target, source, missing]) await store().sheets.upsertSheet(sheet);

      expect((await store().sheets.listSheets()).map((sheet) => sheet.id)).toEqual([10, 20, 30]);
      expect(await store().sheets.listSheets({ role: 'source', status: 'active' })).toEqual([source]);
    });

    it('marks a sheet missing, and says when there is no such sheet', async () => {
      const sheet = buildSheet();
      await store().sheets.upsertSheet(sheet);

      expect(await store().sheets.markSheetStatus(sheet.id, 'missing')).toBe(true);
      expect(await store().sheets.markSheetStatus(404, 'missing')).toBe(false);
      expect((await store().sheets.getSheet(sheet.id))?.status).toBe('missing');
    });
  });
}
