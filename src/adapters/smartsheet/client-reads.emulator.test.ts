// Every read method end to end against the Smartsheet emulator.
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
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { TokenBucketBudget } from './request-budget.js';
import { SmartsheetClient } from './smartsheet-client.js';
import { resetEmulator } from './testing/emulator-control.js';

const NORTH = TEST_IDS.sheetNorth;
const NORTH_ROWS = 45;
let emulator: RunningEmulator;

function clientFor(token: string = TEST_USERS.owner.token): SmartsheetClient {
  return new SmartsheetClient({ baseUrl: emulator.baseUrl, token, budget: new TokenBucketBudget() });
}

beforeAll(async () => {
  emulator = await startEmulator({
    seed: buildTestSeed({ rows: NORTH_ROWS }),
    clock: { frozen: true },
    randomSeed: 7,
  });
});
afterAll(() => emulator.close());
beforeEach(() => resetEmulator(emulator.controlUrl));

describe('SmartsheetClient reads against the emulator', () => {
  it('gets the current user', async () => {
    const user = await clientFor().getCurrentUser();
    expect(user).toMatchObject({
      id: TEST_USERS.owner.id,
      email: TEST_USERS.owner.email,
      firstName: 'Olivia',
    });
  });

  it('lists sheets and reads their versions', async () => {
    const client = clientFor();
    const sheets = await client.listSheets({ include: ['sheetVersion'] });
    expect(sheets.map((s) => s.id).sort()).toEqual([TEST_IDS.sheetNorth, TEST_IDS.sheetSouth]);
    const north = sheets.find((s) => s.id === NORTH);
    expect(await client.getSheetVersion(NORTH)).toBe(north?.version);
    expect(north?.modifiedAt).toBeInstanceOf(Date);
  });

  it('reads a whole sheet over several row pages', async () => {
    const client = clientFor();
    const sheet = await client.getSheet(NORTH, { pageSize: 10, include: ['writerInfo'] });
    expect(sheet.rows.map((r) => r.id)).toEqual(
      Array.from({ length: NORTH_ROWS }, (_, i) => testRowId(NORTH, i)),
    );
    expect(sheet.columns.map((c) => c.title)).toContain('Units Total Price');
    expect(sheet.rows[0]?.createdBy?.email).toBe(TEST_USERS.owner.email);
    expect(client.requestCounts().byEndpoint['GET /sheets/{sheetId}']).toBe(5);
  });

  it('narrows a sheet read to some rows and columns', async () => {
    const columns = testColumnIds(NORTH);
    const rowIds = [testRowId(NORTH, 3), testRowId(NORTH, 7)];
    const sheet = await clientFor().getSheet(NORTH, { rowIds, columnIds: [columns.totalPrice] });
    expect(sheet.rows.map((r) => r.id)).toEqual(rowIds);
    expect(sheet.rows[0]?.cells).toEqual([
      expect.objectContaining({ columnId: columns.totalPrice, value: 125 * 4 + 3, displayValue: '$503.00' }),
    ]);
  });

  it('reads only rows modified since an instant', async () => {
    const sheet = await clientFor().getSheet(NORTH, { rowsModifiedSince: new Date('2026-08-27T00:00:00Z') });
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(sheet.rows.length).toBeLessThan(NORTH_ROWS);
    expect(
      sheet.rows.every((r) => (r.modifiedAt?.getTime() ?? 0) >= Date.parse('2026-08-27T00:00:00Z')),
    ).toBe(true);
  });

  it('lists columns with their true types', async () => {
    const columns = await clientFor().getColumns(NORTH);
    expect(columns.find((c) => c.primary)?.title).toBe('Work Request #');
    expect(columns.find((c) => c.title === 'Row ID')?.systemColumnType).toBe('AUTO_NUMBER');
  });

  it('reads a cell history, charged ten units', async () => {
    const client = clientFor();
    const history = await client.getCellHistory(NORTH, testRowId(NORTH, 2), testColumnIds(NORTH).totalPrice);
    expect(history[0]).toMatchObject({ value: 125 * 3 + 2, modifiedBy: { email: TEST_USERS.owner.email } });
    expect(client.requestCounts().units).toBe(10);
  });

  it('walks workspaces, folders and a sheet path', async () => {
    const client = clientFor();
    expect((await client.listWorkspaces()).map((w) => w.name)).toEqual(['Field Billing']);
    const children = await client.getWorkspaceChildren(TEST_IDS.workspace);
    expect(children.map((c) => [c.resourceType, c.id])).toEqual(
      expect.arrayContaining([
        ['sheet', NORTH],
        ['folder', TEST_IDS.folder],
      ]),
    );
    const inFolder = await client.getFolderChildren(TEST_IDS.folder);
    expect(inFolder.map((c) => c.id)).toEqual([TEST_IDS.sheetSouth]);
    const path = await client.getSheetPath(TEST_IDS.sheetSouth);
    expect(path.name).toBe('Field Billing');
    expect(path.folders?.[0]?.sheets?.[0]?.id).toBe(TEST_IDS.sheetSouth);
  });

  it('lists who a sheet is shared with', async () => {
    const shares = await clientFor().listSheetShares(NORTH, { includeWorkspaceShares: true });
    expect(shares.map((s) => [s.email, s.accessLevel, s.scope])).toEqual(
      expect.arrayContaining([
        [TEST_USERS.owner.email, 'OWNER', 'ITEM'],
        [TEST_USERS.viewer.email, 'VIEWER', 'ITEM'],
        [TEST_USERS.editor.email, 'EDITOR', 'WORKSPACE'],
      ]),
    );
  });
});

describe('SmartsheetClient read errors against the emulator', () => {
  it('reports an expired token as SMARTSHEET_AUTH with errorCode and refId', async () => {
    const error = await clientFor(TEST_USERS.expired.token)
      .getCurrentUser()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.SMARTSHEET_AUTH);
    expect((error as AppError).message).toMatch(
      /GET \/users\/me failed: HTTP 401, errorCode 1003, refId \S+/,
    );
  });

  it('reports a sheet the token cannot see as SMARTSHEET_REQUEST naming the sheet', async () => {
    const error = (await clientFor(TEST_USERS.outsider.token)
      .getSheet(NORTH)
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe(ErrorCode.SMARTSHEET_REQUEST);
    expect(error.message).toContain(`GET /sheets/{sheetId} (sheetId ${NORTH})`);
    expect(error.details).toMatchObject({ status: 403, errorCode: 1004, endpoint: 'GET /sheets/{sheetId}' });
  });
});
