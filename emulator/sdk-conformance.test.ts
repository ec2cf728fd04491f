// The official Smartsheet SDK (smartsheet@5.3.0) run against the emulator: an independent client
// with its own URL building, headers and upload code must work unchanged.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from './index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from './testing/build-test-seed.js';
import { control, startTestEmulator, type LooseJson } from './testing/test-client.js';
import { WebhookReceiver } from './testing/webhook-receiver.js';

const require = createRequire(import.meta.url);
const smartsheet = require('smartsheet') as {
  createClient(options: { accessToken: string; baseUrl: string; logLevel: string }): LooseJson;
};

const sheetId = TEST_IDS.sheetNorth;
const col = testColumnIds(sheetId);
let emu: RunningEmulator;
let client: LooseJson;

beforeAll(async () => {
  emu = await startTestEmulator({ webhooks: { debounceMs: 0 } });
  // The SDK concatenates baseUrl + 'sheets/…', so the base must end with a slash (smartsheet-api.md §9.2).
  client = smartsheet.createClient({
    accessToken: TEST_USERS.owner.token,
    baseUrl: `${emu.baseUrl}/`,
    logLevel: 'error',
  });
});
afterAll(() => emu.close());

describe('official SDK against the emulator', () => {
  it('reads the current user and lists sheets', async () => {
    const me = await client.users.getCurrentUser();
    expect(me).toMatchObject({ id: TEST_USERS.owner.id, email: TEST_USERS.owner.email });
    const list = await client.sheets.listSheets({ queryParameters: { include: 'sheetVersion,ownerInfo' } });
    expect(list.data.map((s: LooseJson) => s.name)).toEqual(['Billing - Crew North', 'Billing - Crew South']);
    expect(list.data[0]).toMatchObject({
      owner: TEST_USERS.owner.email,
      ownerId: TEST_USERS.owner.id,
      version: expect.any(Number),
    });
  });

  it('gets a sheet, also with rowsModifiedSince and an include list', async () => {
    const sheet = await client.sheets.getSheet({
      sheetId,
      queryParameters: { include: 'writerInfo,objectValue', level: 2 },
    });
    expect(sheet.rows).toHaveLength(12);
    expect(sheet.rows[0].createdBy).toEqual({ name: 'Olivia Owner', email: TEST_USERS.owner.email });
    const recent = await client.sheets.getSheet({
      sheetId,
      queryParameters: { rowsModifiedSince: '2026-08-10T00:00:00Z' },
    });
    expect(recent.rows.length).toBeGreaterThan(0);
    expect(recent.rows.length).toBeLessThan(12);
    expect((await client.sheets.getSheetVersion({ sheetId })).version).toBe(sheet.version);
  });

  it('adds, updates and deletes rows', async () => {
    const added = await client.sheets.addRows({
      sheetId,
      body: [
        {
          toBottom: true,
          cells: [
            { columnId: col.workRequest, value: 'WR-7000' },
            { columnId: col.quantity, value: 2 },
          ],
        },
      ],
    });
    expect(added).toMatchObject({ message: 'SUCCESS', resultCode: 0 });
    const rowId = added.result[0].id;
    const updated = await client.sheets.updateRow({
      sheetId,
      body: [{ id: rowId, cells: [{ columnId: col.quantity, value: 5 }] }],
    });
    expect(updated.result[0].cells.find((c: LooseJson) => c.columnId === col.quantity).value).toBe(5);
    const deleted = await client.sheets.deleteRows({ sheetId, queryParameters: { ids: [rowId] } });
    expect(deleted.result).toEqual([rowId]);
  });

  it('reads cell history', async () => {
    const rowId = testRowId(sheetId, 2);
    await client.sheets.updateRow({
      sheetId,
      body: [{ id: rowId, cells: [{ columnId: col.totalPrice, value: 999.5 }] }],
    });
    const history = await client.sheets.getCellHistory({ sheetId, rowId, columnId: col.totalPrice });
    expect(history.totalCount).toBe(2);
    expect(history.data[0]).toMatchObject({
      value: 999.5,
      displayValue: '$999.50',
      modifiedBy: { email: TEST_USERS.owner.email },
    });
  });

  it('attaches a file to a row, downloads it, lists and deletes attachments', async () => {
    const rowId = testRowId(sheetId, 1);
    const content = Buffer.from('Work Request,Units\nWR-1001,3\n');
    const attached = await client.sheets.addRowFileAttachment({
      sheetId,
      rowId,
      fileStream: content,
      fileName: 'WR 1001 week 35 (é).csv',
      fileSize: content.length,
    });
    expect(attached.result).toMatchObject({
      name: 'WR 1001 week 35 (é).csv',
      attachmentType: 'FILE',
      mimeType: 'text/csv',
      parentType: 'ROW',
      parentId: rowId,
    });
    const attachmentId = attached.result.id;
    const meta = await client.sheets.getAttachment({ sheetId, attachmentId });
    expect(meta.urlExpiresInMillis).toBe(120_000);
    const download = await fetch(meta.url);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(content).digest('hex'));
    const listed = await client.sheets.listAttachments({ sheetId });
    expect(listed.data.map((a: LooseJson) => a.id)).toContain(attachmentId);
    const rowListed = await client.sheets.getRowAttachments({ sheetId, rowId });
    expect(rowListed.totalCount).toBe(1);
    await client.sheets.deleteAttachment({ sheetId, attachmentId });
    expect((await client.sheets.listAttachments({ sheetId })).data).toEqual([]);
  });

  it('creates and enables a webhook through the verification handshake', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const created = await client.webhooks.createWebhook({
        body: {
          name: 'ledgerline',
          callbackUrl: receiver.url,
          scope: 'sheet',
          scopeObjectId: sheetId,
          events: ['*.*'],
          version: 1,
        },
      });
      expect(created.result).toMatchObject({
        enabled: false,
        status: 'NEW_NOT_VERIFIED',
        sharedSecret: expect.stringMatching(/^[a-z0-9]{26}$/),
      });
      const enabled = await client.webhooks.updateWebhook({
        webhookId: created.result.id,
        body: { enabled: true },
      });
      expect(enabled.result).toMatchObject({ enabled: true, status: 'ENABLED' });
      expect(receiver.challenges).toBe(1);
      const listed = await client.webhooks.listWebhooks({});
      expect(listed.data.map((w: LooseJson) => w.id)).toEqual([created.result.id]);
      const reset = await client.webhooks.resetSharedSecret({ webhookId: created.result.id });
      expect(reset.result.sharedSecret).not.toBe(created.result.sharedSecret);

      await client.sheets.updateRow({
        sheetId,
        changeAgent: 'sdk-test',
        body: [{ id: testRowId(sheetId, 3), cells: [{ columnId: col.cu, value: 'POLE-45' }] }],
      });
      await control(emu, 'POST', '/webhooks/flush');
      await receiver.waitForCallbacks(1);
      expect(receiver.callbacks[0]?.body.events).toContainEqual(
        expect.objectContaining({ objectType: 'cell', columnId: col.cu, changeAgent: 'sdk-test' }),
      );
      await client.webhooks.deleteWebhook({ webhookId: created.result.id });
    } finally {
      await receiver.close();
    }
  });

  it('lists workspaces and their children with token paging', async () => {
    const workspaces = await client.workspaces.listWorkspaces();
    expect(workspaces.data).toEqual([
      expect.objectContaining({ id: TEST_IDS.workspace, name: 'Field Billing', accessLevel: 'OWNER' }),
    ]);
    const children = await client.workspaces.getWorkspaceChildren({
      workspaceId: TEST_IDS.workspace,
      queryParameters: { childrenResourceTypes: 'sheets,folders' },
    });
    expect(children.data.map((c: LooseJson) => `${c.resourceType}:${c.name}`)).toEqual([
      'folder:2026',
      'sheet:Billing - Crew North',
    ]);
    const inFolder = await client.folders.getFolderChildren({ folderId: TEST_IDS.folder });
    expect(inFolder.data.map((c: LooseJson) => c.id)).toEqual([TEST_IDS.sheetSouth]);
    const path = await client.sheets.getSheetPath({ sheetId: TEST_IDS.sheetSouth });
    expect(path).toMatchObject({
      id: TEST_IDS.workspace,
      folders: [{ id: TEST_IDS.folder, sheets: [{ id: TEST_IDS.sheetSouth }] }],
    });
  });

  it('surfaces emulator errors as the SDK error objects', async () => {
    const outsider = smartsheet.createClient({
      accessToken: TEST_USERS.outsider.token,
      baseUrl: `${emu.baseUrl}/`,
      logLevel: 'error',
    });
    await expect(outsider.sheets.getSheet({ sheetId })).rejects.toMatchObject({
      statusCode: 403,
      errorCode: 1004,
    });
  });
});
