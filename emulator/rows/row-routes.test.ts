import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator, type LooseJson } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const col = testColumnIds(sheetId);
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', '/reset', {}));

const rows = (method: string, body: unknown, query = '', token: string = TEST_USERS.owner.token) =>
  call(emu.baseUrl, method, `/sheets/${sheetId}/rows${query}`, { body, token });
const getSheet = async (query = '') => (await call(emu.baseUrl, 'GET', `/sheets/${sheetId}${query}`)).json;
const cellOf = (row: LooseJson, columnId: number) =>
  row.cells.find((c: LooseJson) => c.columnId === columnId);

describe('adding rows', () => {
  it('adds rows at the bottom, bumps the version and fills system cells', async () => {
    const before = await getSheet();
    const res = await rows('POST', [{ cells: [{ columnId: col.workRequest, value: 'WR-9001' }] }]);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ message: 'SUCCESS', resultCode: 0, version: before.version + 1 });
    const [row] = res.json.result;
    expect(row).toMatchObject({ sheetId, rowNumber: 13, siblingId: testRowId(sheetId, 11), expanded: true });
    expect(cellOf(row, col.workRequest)).toEqual({
      columnId: col.workRequest,
      value: 'WR-9001',
      displayValue: 'WR-9001',
    });
    expect(cellOf(row, col.rowCode)).toEqual({
      columnId: col.rowCode,
      value: 'BL-0013',
      displayValue: 'BL-0013',
    });
    expect(cellOf(row, col.modified)).toEqual({ columnId: col.modified, value: '2026-09-02T12:00:00Z' });
    expect(cellOf(row, col.modifiedBy)).toMatchObject({
      value: TEST_USERS.owner.email,
      displayValue: 'Olivia Owner',
    });
  });

  it('returns an object result for an object body and inserts toTop in request order', async () => {
    const single = await rows('POST', { toTop: true, cells: [{ columnId: col.cu, value: 'X' }] });
    expect(Array.isArray(single.json.result)).toBe(false);
    expect(single.json.result.rowNumber).toBe(1);
    const pair = await rows('POST', [
      { toTop: true, cells: [{ columnId: col.cu, value: 'A' }] },
      { toTop: true, cells: [{ columnId: col.cu, value: 'B' }] },
    ]);
    expect(pair.json.result.map((r: LooseJson) => r.rowNumber)).toEqual([1, 2]);
  });

  it('formats currency and keeps strict types', async () => {
    const res = await rows('POST', [
      {
        cells: [
          { columnId: col.totalPrice, value: 1250 },
          { columnId: col.loggedDate, value: '2026-09-04' },
          { columnId: col.completed, value: true },
        ],
      },
    ]);
    const [row] = res.json.result;
    expect(cellOf(row, col.totalPrice)).toEqual({
      columnId: col.totalPrice,
      value: 1250,
      displayValue: '$1,250.00',
    });
    expect(cellOf(row, col.loggedDate)).toEqual({ columnId: col.loggedDate, value: '2026-09-04' });
    expect(cellOf(row, col.completed)).toEqual({ columnId: col.completed, value: true });
  });

  it('parses leniently with strict:false', async () => {
    const res = await rows('POST', [
      {
        cells: [
          { columnId: col.completed, value: 'yes', strict: false },
          { columnId: col.loggedDate, value: '9/4/2026', strict: false },
          { columnId: col.quantity, value: '1,250', strict: false },
        ],
      },
    ]);
    const [row] = res.json.result;
    expect(cellOf(row, col.completed).value).toBe(true);
    expect(cellOf(row, col.loggedDate).value).toBe('2026-09-04');
    expect(cellOf(row, col.quantity).value).toBe(1250);
  });

  it('stores formulas without evaluating them', async () => {
    const res = await rows('POST', [{ cells: [{ columnId: col.quantity, formula: '=SUM([CU]1:[CU]2)' }] }]);
    expect(cellOf(res.json.result[0], col.quantity)).toEqual({
      columnId: col.quantity,
      formula: '=SUM([CU]1:[CU]2)',
    });
  });

  it('places first and last children and reports parentId', async () => {
    const parent = testRowId(sheetId, 0);
    const first = await rows('POST', [{ parentId: parent, cells: [{ columnId: col.cu, value: 'child1' }] }]);
    const last = await rows('POST', [
      { parentId: parent, toBottom: true, cells: [{ columnId: col.cu, value: 'child2' }] },
    ]);
    expect(first.json.result[0]).toMatchObject({ parentId: parent, rowNumber: 2 });
    expect(last.json.result[0]).toMatchObject({
      parentId: parent,
      rowNumber: 3,
      siblingId: first.json.result[0].id,
    });
  });
});

describe('updating rows', () => {
  it('changes cells, clears values the way Smartsheet does, and records the writer', async () => {
    const id = testRowId(sheetId, 0);
    const res = await rows(
      'PUT',
      [
        {
          id,
          cells: [
            { columnId: col.cu, value: '' },
            { columnId: col.completed, value: '' },
            { columnId: col.quantity, value: 7 },
          ],
        },
      ],
      '',
      TEST_USERS.editor.token,
    );
    expect(res.status).toBe(200);
    const [row] = res.json.result;
    expect(cellOf(row, col.cu)).toEqual({ columnId: col.cu });
    expect(cellOf(row, col.completed)).toEqual({ columnId: col.completed, value: false });
    expect(cellOf(row, col.quantity).value).toBe(7);
    expect(cellOf(row, col.modifiedBy).value).toBe(TEST_USERS.editor.email);
  });

  it('moves a row to the top', async () => {
    const id = testRowId(sheetId, 5);
    const res = await rows('PUT', [{ id, toTop: true }]);
    expect(res.json.result[0].rowNumber).toBe(1);
    const sheet = await getSheet();
    expect(sheet.rows[0].id).toBe(id);
    expect(sheet.rows[1].siblingId).toBe(id);
  });

  it('applies the good rows and reports the bad ones with allowPartialSuccess', async () => {
    const res = await rows(
      'PUT',
      [
        { id: testRowId(sheetId, 1), cells: [{ columnId: col.quantity, value: 3 }] },
        { id: testRowId(sheetId, 2), cells: [{ columnId: 42, value: 3 }] },
      ],
      '?allowPartialSuccess=true',
    );
    expect(res.json).toMatchObject({ message: 'PARTIAL_SUCCESS', resultCode: 3 });
    expect(res.json.result).toHaveLength(1);
    expect(res.json.failedItems).toEqual([
      {
        index: 1,
        rowId: testRowId(sheetId, 2),
        error: { errorCode: 1036, message: 'The columnId 42 is invalid.', refId: expect.any(String) },
      },
    ]);
  });

  it('changes nothing when one row fails without allowPartialSuccess', async () => {
    const before = await getSheet();
    const res = await rows('PUT', [
      { id: testRowId(sheetId, 1), cells: [{ columnId: col.quantity, value: 99 }] },
      { id: testRowId(sheetId, 2), cells: [{ columnId: col.completed, value: 'yes' }] },
    ]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ errorCode: 1042, detail: { index: 1, rowId: testRowId(sheetId, 2) } });
    const after = await getSheet();
    expect(after.version).toBe(before.version);
    expect(cellOf(after.rows[1], col.quantity).value).toBe(cellOf(before.rows[1], col.quantity).value);
  });

  it('refuses writes from a viewer', async () => {
    const res = await rows(
      'PUT',
      [{ id: testRowId(sheetId, 1), cells: [{ columnId: col.cu, value: 'x' }] }],
      '',
      TEST_USERS.viewer.token,
    );
    expect(res.status).toBe(403);
    expect(res.json.errorCode).toBe(1004);
  });
});

describe('deleting rows', () => {
  it('deletes rows with their children and returns every deleted id', async () => {
    const parent = testRowId(sheetId, 0);
    const child = (await rows('POST', [{ parentId: parent, cells: [{ columnId: col.cu, value: 'c' }] }])).json
      .result[0].id;
    const res = await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/rows?ids=${parent}`);
    expect(res.json).toMatchObject({ message: 'SUCCESS', resultCode: 0, result: [parent, child] });
    const sheet = await getSheet();
    expect(sheet.totalRowCount).toBe(11);
    expect(sheet.rows[0].rowNumber).toBe(1);
  });

  it('is all-or-nothing for unknown ids unless ignoreRowsNotFound=true', async () => {
    const known = testRowId(sheetId, 3);
    const strict = await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/rows?ids=${known},123`);
    expect(strict.status).toBe(404);
    expect((await getSheet()).totalRowCount).toBe(12);
    const lenient = await call(
      emu.baseUrl,
      'DELETE',
      `/sheets/${sheetId}/rows?ids=${known}%2C123&ignoreRowsNotFound=true`,
    );
    expect(lenient.json.result).toEqual([known]);
  });
});

describe('reading a sheet', () => {
  it('narrows columns and rows and honours rowsModifiedSince', async () => {
    await control(emu, 'POST', '/clock', { advanceMs: 60_000 });
    await rows('PUT', [{ id: testRowId(sheetId, 4), cells: [{ columnId: col.cu, value: 'new' }] }]);
    const since = encodeURIComponent('2026-09-02T12:00:30Z');
    const sheet = await getSheet(`?rowsModifiedSince=${since}&columnIds=${col.cu},${col.workRequest}`);
    expect(sheet.rows.map((r: LooseJson) => r.id)).toEqual([testRowId(sheetId, 4)]);
    expect(sheet.columns.map((c: LooseJson) => c.id)).toEqual([col.workRequest, col.cu]);
    expect(sheet.rows[0].cells).toHaveLength(2);
  });

  it('gives every column a cell unless exclude=nonexistentCells', async () => {
    const added = await rows('POST', [{ cells: [{ columnId: col.cu, value: 'only' }] }]);
    const id = added.json.result[0].id;
    const full = await getSheet(`?rowIds=${id}`);
    expect(full.rows[0].cells).toHaveLength(11);
    expect(cellOf(full.rows[0], col.quantity)).toEqual({ columnId: col.quantity });
    const sparse = await getSheet(`?rowIds=${id}&exclude=nonexistentCells`);
    expect(sparse.rows[0].cells.map((c: LooseJson) => c.columnId)).toEqual([
      col.cu,
      col.modified,
      col.modifiedBy,
      col.rowCode,
    ]);
  });

  it('returns only the version when nothing changed since ifVersionAfter', async () => {
    const { version } = await getSheet();
    expect(await getSheet(`?ifVersionAfter=${version}`)).toEqual({ version });
    expect((await getSheet(`?ifVersionAfter=${version - 1}`)).rows).toHaveLength(12);
  });

  it('switches timestamps to epoch ms with numericDates=true', async () => {
    const sheet = await getSheet('?numericDates=true&rowNumbers=1');
    expect(sheet.createdAt).toBe(Date.parse('2026-07-01T08:00:00Z'));
    expect(typeof sheet.rows[0].modifiedAt).toBe('number');
    expect(cellOf(sheet.rows[0], col.loggedDate).value).toBe(Date.parse('2026-08-01T00:00:00Z'));
  });

  it('adds writer info, permalinks and object values on request', async () => {
    const sheet = await getSheet('?include=writerInfo,rowPermalink,objectValue,columnType&rowNumbers=1');
    const [row] = sheet.rows;
    expect(row.createdBy).toEqual({ name: 'Olivia Owner', email: TEST_USERS.owner.email });
    expect(row.permaLink).toMatch(/^https:\/\/app\.smartsheet\.com\/sheets\/.+\?rowId=/);
    expect(cellOf(row, col.foreman)).toMatchObject({
      columnType: 'CONTACT_LIST',
      objectValue: { objectType: 'CONTACT', email: TEST_USERS.editor.email, name: 'Eddie Editor' },
    });
  });
});

describe('cell history', () => {
  it('lists values newest first with the writer and formatted display values', async () => {
    const id = testRowId(sheetId, 0);
    await control(emu, 'POST', '/clock', { advanceMs: 1_000 });
    await rows(
      'PUT',
      [{ id, cells: [{ columnId: col.totalPrice, value: 1250 }] }],
      '',
      TEST_USERS.editor.token,
    );
    const res = await call(
      emu.baseUrl,
      'GET',
      `/sheets/${sheetId}/rows/${id}/columns/${col.totalPrice}/history?include=columnType`,
    );
    expect(res.json).toMatchObject({ pageNumber: 1, totalCount: 2 });
    expect(res.json.data[0]).toEqual({
      columnId: col.totalPrice,
      columnType: 'TEXT_NUMBER',
      value: 1250,
      displayValue: '$1,250.00',
      modifiedAt: '2026-09-02T12:00:01Z',
      modifiedBy: { name: 'Eddie Editor', email: TEST_USERS.editor.email },
    });
    expect(res.json.data[1]).toMatchObject({
      value: 125,
      displayValue: '$125.00',
      modifiedBy: { email: TEST_USERS.owner.email },
    });
  });
});
