// Every write method end to end against the Smartsheet emulator, and per-sheet write serialisation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/index.js';
import type { RunningEmulator } from '../../../emulator/index.js';
import {
  TEST_IDS,
  TEST_USERS,
  buildTestSeed,
  testColumnIds,
  testRowId,
} from '../../../emulator/testing/build-test-seed.js';
import { AppError } from '../../domain/app-error.js';
import { TokenBucketBudget } from './request-budget.js';
import { SmartsheetClient } from './smartsheet-client.js';
import type { SmartsheetClientOptions } from './smartsheet-client.js';
import { requestCounts, resetEmulator, setFaults } from './testing/emulator-control.js';

const NORTH = TEST_IDS.sheetNorth;
const COLUMNS = testColumnIds(NORTH);
let emulator: RunningEmulator;

function clientFor(options: Partial<SmartsheetClientOptions> = {}): SmartsheetClient {
  return new SmartsheetClient({
    baseUrl: emulator.baseUrl,
    token: TEST_USERS.owner.token,
    budget: new TokenBucketBudget({ perMinute: 6000 }),
    ...options,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({
    seed: buildTestSeed({ rows: 12 }),
    clock: { frozen: true },
    randomSeed: 7,
  });
});
afterAll(() => emulator.close());
beforeEach(() => resetEmulator(emulator.controlUrl));

describe('row writes against the emulator', () => {
  it('adds 620 rows in two requests and reads them back', async () => {
    const client = clientFor();
    const rows = Array.from({ length: 620 }, (_, i) => ({
      cells: [
        { columnId: COLUMNS.workRequest, value: `WR-9${i}` },
        { columnId: COLUMNS.totalPrice, value: 100 + i },
      ],
    }));
    const added = await client.addRows(NORTH, rows);
    expect(added.rows).toHaveLength(620);
    expect(client.requestCounts().byEndpoint['POST /sheets/{sheetId}/rows']).toBe(2);
    const sheet = await client.getSheet(NORTH, { pageSize: 250 });
    expect(sheet.rows).toHaveLength(632);
    expect(sheet.version).toBe(added.version);
  });

  it('reports rows the sheet refused when partial success is allowed', async () => {
    const result = await clientFor().addRows(
      NORTH,
      [
        { cells: [{ columnId: COLUMNS.workRequest, value: 'WR-ok' }] },
        { cells: [{ columnId: 42, value: 'nowhere' }] },
      ],
      { allowPartialSuccess: true },
    );
    expect(result.rows).toHaveLength(1);
    expect(result.failedItems).toEqual([
      expect.objectContaining({ index: 1, error: expect.objectContaining({ errorCode: 1036 }) }),
    ]);
  });

  it('updates cells, which shows in the cell history newest first', async () => {
    const client = clientFor();
    const rowId = testRowId(NORTH, 0);
    await client.updateRows(NORTH, [{ id: rowId, cells: [{ columnId: COLUMNS.totalPrice, value: 999.5 }] }]);
    const history = await client.getCellHistory(NORTH, rowId, COLUMNS.totalPrice);
    expect(history.map((h) => h.value)).toEqual([999.5, 125]);
  });

  it('deletes rows, tolerating ids already gone when asked to', async () => {
    const client = clientFor();
    const gone = [testRowId(NORTH, 1), testRowId(NORTH, 2)];
    expect(await client.deleteRows(NORTH, gone)).toEqual(gone);
    await expect(client.deleteRows(NORTH, gone)).rejects.toMatchObject({
      details: { status: 404, errorCode: 1006 },
    });
    expect(
      await client.deleteRows(NORTH, [...gone, testRowId(NORTH, 3)], { ignoreRowsNotFound: true }),
    ).toEqual([testRowId(NORTH, 3)]);
  });
});

describe('attachments against the emulator', () => {
  it('uploads, lists, downloads and deletes a row attachment', async () => {
    const client = clientFor();
    const rowId = testRowId(NORTH, 4);
    const bytes = new TextEncoder().encode('week ending 2026-08-30, WR 1004');
    const uploaded = await client.uploadRowAttachment(NORTH, rowId, {
      fileName: 'WR 1004 – week 35.txt',
      bytes,
    });
    expect(uploaded).toMatchObject({
      name: 'WR 1004 – week 35.txt',
      attachmentType: 'FILE',
      parentType: 'ROW',
    });

    expect((await client.listRowAttachments(NORTH, rowId)).map((a) => a.id)).toEqual([uploaded.id]);
    expect((await client.listSheetAttachments(NORTH)).map((a) => a.id)).toContain(uploaded.id);
    const meta = await client.getAttachment(NORTH, uploaded.id);
    expect(meta.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(new TextDecoder().decode(await client.downloadAttachment(NORTH, uploaded.id))).toBe(
      'week ending 2026-08-30, WR 1004',
    );

    await client.deleteAttachment(NORTH, uploaded.id);
    expect(await client.listRowAttachments(NORTH, rowId)).toEqual([]);
    expect(client.requestCounts().byEndpoint['POST /sheets/{sheetId}/rows/{rowId}/attachments']).toBe(1);
    expect((await requestCounts(emulator.controlUrl)).byRoute['GET /files/{token}']).toBe(1);
  });
});

describe('webhooks against the emulator', () => {
  it('creates, finds, renames, rotates the secret of and deletes a webhook', async () => {
    const client = clientFor();
    const created = await client.createWebhook({
      name: 'ledgerline north',
      callbackUrl: 'https://hooks.example.com/smartsheet',
      sheetId: NORTH,
      columnIds: [COLUMNS.totalPrice],
    });
    expect(created).toMatchObject({ enabled: false, status: 'NEW_NOT_VERIFIED', scopeObjectId: NORTH });
    expect(created.subscope?.columnIds).toEqual([COLUMNS.totalPrice]);

    expect((await client.listWebhooks()).map((w) => w.id)).toEqual([created.id]);
    const renamed = await client.updateWebhook(created.id, { name: 'ledgerline north (billing)' });
    expect(renamed.name).toBe('ledgerline north (billing)');
    const secret = await client.resetSharedSecret(created.id);
    expect(secret).not.toBe(created.sharedSecret);
    expect((await client.getWebhook(created.id)).sharedSecret).toBe(secret);

    await client.deleteWebhook(created.id);
    expect(await client.listWebhooks()).toEqual([]);
  });
});

describe('write serialisation', () => {
  const priceUpdate = (index: number, value: number) => [
    { id: testRowId(NORTH, index), cells: [{ columnId: COLUMNS.totalPrice, value }] },
  ];

  it('never overlaps two writes to one sheet (the emulator answers 4004 to overlaps)', async () => {
    await setFaults(emulator.controlUrl, [
      { route: 'PUT /sheets/{sheetId}/rows', kind: 'latency', latencyMs: 150 },
    ]);
    const client = clientFor();
    await Promise.all([
      client.updateRows(NORTH, priceUpdate(0, 1)),
      client.updateRows(NORTH, priceUpdate(1, 2)),
    ]);
    expect(client.requestCounts().retries).toBe(0);
    expect((await requestCounts(emulator.controlUrl)).byStatus).toEqual({ '200': 2 });
  });

  it('shows the overlap that the queue prevents: two clients with separate queues collide', async () => {
    await setFaults(emulator.controlUrl, [
      { route: 'PUT /sheets/{sheetId}/rows', kind: 'latency', latencyMs: 150 },
    ]);
    const noRetries = { maxRetryMs: 0 };
    const results = await Promise.allSettled([
      clientFor(noRetries).updateRows(NORTH, priceUpdate(0, 1)),
      clientFor(noRetries).updateRows(NORTH, priceUpdate(1, 2)),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason: unknown = rejected[0]?.status === 'rejected' ? rejected[0].reason : undefined;
    expect(reason).toBeInstanceOf(AppError);
    expect((reason as AppError).details).toMatchObject({ status: 500, errorCode: 4004 });
  });
});
