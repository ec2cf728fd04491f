import { afterEach, expect, it } from 'vitest';
import { editorToken, startCycleHarness } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';

let harness: CycleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

it('never lets a row stored outside a sheet sync move the sync point past an unseen edit', async () => {
  const h = (harness = await startCycleHarness({ seed: 'tiny' }));
  await h.run({ audit: false });
  const sheetId = h.sourceSheetIds[0] as number;
  const [first, second] = await h.store.snapshots.listSnapshots(sheetId);

  // Another path (a webhook's targeted read) stores one row with a far newer modification time…
  await h.store.snapshots.upsertSnapshots([{ ...second!, modifiedAt: '2099-01-01T00:00:00.000Z' }]);
  // …while a different row is edited in Smartsheet.
  const sheet = await h.client.getSheet(sheetId, { rowIds: [first!.rowId] });
  const priceColumn = sheet.columns.find((c) => /price/i.test(c.title));
  const price = sheet.rows[0]?.cells.find((c) => c.columnId === priceColumn?.id)?.value;
  const response = await fetch(`${h.emulator.baseUrl}/sheets/${sheetId}/rows`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${editorToken(h.seed)}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      { id: first!.rowId, cells: [{ columnId: priceColumn?.id, value: Number(price) + 5 }] },
    ]),
  });
  expect(response.status).toBe(200);

  const next = await h.run({ audit: false });
  expect(next.rows.changes.updated).toBe(1);
  const stored = (await h.store.snapshots.listSnapshots(sheetId)).find((s) => s.rowId === first!.rowId);
  expect(Number(stored?.values.price)).toBe(Number(price) + 5);
});
