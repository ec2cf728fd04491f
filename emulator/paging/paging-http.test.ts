import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, startTestEmulator, type LooseJson } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const get = async (path: string, token: string = TEST_USERS.owner.token) =>
  (await call(emu.baseUrl, 'GET', path, { token })).json;

describe('offset paging', () => {
  it('pages sheets and answers a page past the end with empty data', async () => {
    expect(await get('/sheets?pageSize=1&page=2')).toMatchObject({
      pageNumber: 2,
      pageSize: 1,
      totalPages: 2,
      totalCount: 2,
    });
    expect(await get('/sheets?pageSize=1&page=3')).toEqual({
      pageNumber: 3,
      pageSize: 1,
      totalPages: 2,
      totalCount: 2,
      data: [],
    });
    const all = await get('/sheets?includeAll=true');
    expect(all).toEqual({ pageNumber: 1, totalPages: 1, totalCount: 2, data: expect.any(Array) });
  });

  it('pages columns and cell history', async () => {
    const columns = await get(`/sheets/${sheetId}/columns?pageSize=4&page=3`);
    expect(columns).toMatchObject({ pageNumber: 3, totalPages: 3, totalCount: 11 });
    expect(columns.data.map((c: LooseJson) => c.index)).toEqual([8, 9, 10]);
    const col = testColumnIds(sheetId);
    const history = await get(
      `/sheets/${sheetId}/rows/${testRowId(sheetId, 0)}/columns/${col.cu}/history?page=2`,
    );
    expect(history).toMatchObject({ pageNumber: 2, totalCount: 1, data: [] });
  });

  it('pages the rows of a sheet with page/pageSize and keeps totalRowCount', async () => {
    const sheet = await get(`/sheets/${sheetId}?pageSize=5&page=3`);
    expect(sheet.totalRowCount).toBe(12);
    expect(sheet.rows.map((r: LooseJson) => r.rowNumber)).toEqual([11, 12]);
  });

  it('rejects a page size below one with 1018', async () => {
    expect((await get('/sheets?pageSize=0')).errorCode).toBe(1018);
  });
});

describe('token paging', () => {
  it('walks workspace children with maxItems and an opaque lastKey', async () => {
    const first = await get(`/workspaces/${TEST_IDS.workspace}/children?maxItems=1`);
    expect(first.data).toHaveLength(1);
    expect(typeof first.lastKey).toBe('string');
    const second = await get(
      `/workspaces/${TEST_IDS.workspace}/children?maxItems=1&lastKey=${encodeURIComponent(first.lastKey)}`,
    );
    expect(second.data).toHaveLength(1);
    expect(second.lastKey).toBeUndefined();
    expect([first.data[0].resourceType, second.data[0].resourceType]).toEqual(['folder', 'sheet']);
  });

  it('lists workspaces with paginationType=token and filters children by type', async () => {
    expect(await get('/workspaces?paginationType=token')).toEqual({
      data: [
        {
          id: TEST_IDS.workspace,
          name: 'Field Billing',
          accessLevel: 'OWNER',
          permalink: expect.any(String),
        },
      ],
    });
    expect((await get('/workspaces?paginationType=token', TEST_USERS.outsider.token)).data).toEqual([]);
    const sheetsOnly = await get(`/workspaces/${TEST_IDS.workspace}/children?childrenResourceTypes=sheets`);
    expect(sheetsOnly.data.map((c: LooseJson) => c.id)).toEqual([sheetId]);
  });

  it('rejects a lastKey it did not issue with 1018', async () => {
    expect((await get(`/folders/${TEST_IDS.folder}/children?lastKey=bm9wZQ==`)).errorCode).toBe(1018);
  });

  it('serves folder and workspace metadata', async () => {
    expect(await get(`/folders/${TEST_IDS.folder}/metadata`)).toEqual({
      id: TEST_IDS.folder,
      name: '2026',
      permalink: expect.any(String),
      createdAt: '2026-07-01T08:00:00Z',
      modifiedAt: '2026-08-28T09:15:00Z',
    });
    expect(await get(`/workspaces/${TEST_IDS.workspace}/metadata`, TEST_USERS.editor.token)).toMatchObject({
      accessLevel: 'EDITOR',
    });
    expect(
      (await get(`/workspaces/${TEST_IDS.workspace}/metadata`, TEST_USERS.outsider.token)).errorCode,
    ).toBe(1004);
  });
});
