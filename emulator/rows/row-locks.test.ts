// Row locks as Smartsheet has them (issue #12), over raw HTTP: only sheet OWNER/ADMIN tokens set
// `locked`; an EDITOR cannot change or delete a locked row (403/1050) and nothing changes;
// `lockedForUser` is reported per token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, buildTestSeed, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator, type LooseJson } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const col = testColumnIds(sheetId);
/** Nora is ADMIN on the north sheet through a share (not its owner, not a system admin). */
const ADMIN = TEST_USERS.outsider;
let emu: RunningEmulator;

beforeAll(async () => {
  const seed = buildTestSeed();
  const north = seed.sheets.find((s) => s.id === sheetId);
  north?.shares.push({ email: ADMIN.email, accessLevel: 'ADMIN' });
  emu = await startTestEmulator({ seed });
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', '/reset', {}));

const putRows = (token: string, body: unknown, query = '') =>
  call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/rows${query}`, { token, body });
const readSheet = async (token: string = TEST_USERS.owner.token) =>
  (await call(emu.baseUrl, 'GET', `/sheets/${sheetId}`, { token })).json;
const rowOf = (sheet: LooseJson, rowId: number) => sheet.rows.find((r: LooseJson) => r.id === rowId);
const cuOf = (row: LooseJson) => row.cells.find((c: LooseJson) => c.columnId === col.cu)?.value;

async function lock(rowIds: number[], token: string = TEST_USERS.owner.token) {
  const res = await putRows(
    token,
    rowIds.map((id) => ({ id, locked: true })),
  );
  expect(res.status).toBe(200);
  return res;
}

describe('locking rows', () => {
  it('lets the owner and a sheet admin lock and unlock rows in bulk', async () => {
    const [a, b] = [testRowId(sheetId, 0), testRowId(sheetId, 1)];
    const res = await lock([a, b], ADMIN.token);
    expect(res.json.result.map((r: LooseJson) => r.locked)).toEqual([true, true]);
    expect(rowOf(await readSheet(), a)).toMatchObject({ locked: true, lockedForUser: false });

    await putRows(TEST_USERS.owner.token, [{ id: a, locked: false }]);
    const after = await readSheet();
    expect(rowOf(after, a).locked).toBeUndefined();
    expect(rowOf(after, b).locked).toBe(true);
  });

  it('refuses an editor setting `locked` (403/1004) and locks nothing', async () => {
    const id = testRowId(sheetId, 2);
    const res = await putRows(TEST_USERS.editor.token, [{ id, locked: true }]);
    expect({ status: res.status, errorCode: res.json.errorCode }).toEqual({ status: 403, errorCode: 1004 });
    expect(rowOf(await readSheet(), id).locked).toBeUndefined();
  });

  it('reports each failed lock with allowPartialSuccess for an editor', async () => {
    const ids = [testRowId(sheetId, 3), testRowId(sheetId, 4)];
    const res = await putRows(
      TEST_USERS.editor.token,
      ids.map((id) => ({ id, locked: true })),
      '?allowPartialSuccess=true',
    );
    expect(res.status).toBe(200);
    expect(res.json.failedItems.map((f: LooseJson) => [f.rowId, f.error.errorCode])).toEqual([
      [ids[0], 1004],
      [ids[1], 1004],
    ]);
  });

  it('reports lockedForUser per token', async () => {
    const id = testRowId(sheetId, 5);
    await lock([id]);
    const editorView = rowOf(await readSheet(TEST_USERS.editor.token), id);
    const viewerView = rowOf(await readSheet(TEST_USERS.viewer.token), id);
    const adminView = rowOf(await readSheet(ADMIN.token), id);
    expect(editorView).toMatchObject({ locked: true, lockedForUser: true });
    expect(viewerView).toMatchObject({ locked: true, lockedForUser: true });
    expect(adminView).toMatchObject({ locked: true, lockedForUser: false });
  });
});

describe('editing locked rows', () => {
  it('refuses an editor with 403/1050 and changes nothing, not even the other rows of the request', async () => {
    const [locked, open] = [testRowId(sheetId, 6), testRowId(sheetId, 7)];
    await lock([locked]);
    const before = await readSheet();
    const res = await putRows(TEST_USERS.editor.token, [
      { id: open, cells: [{ columnId: col.cu, value: 'CHANGED-OPEN' }] },
      { id: locked, cells: [{ columnId: col.cu, value: 'CHANGED-LOCKED' }] },
    ]);
    expect({ status: res.status, errorCode: res.json.errorCode }).toEqual({ status: 403, errorCode: 1050 });
    expect(res.json.message).toBe('You cannot edit a locked row.');
    const after = await readSheet();
    expect(after.version).toBe(before.version);
    expect(cuOf(rowOf(after, locked))).toBe(cuOf(rowOf(before, locked)));
    expect(cuOf(rowOf(after, open))).toBe(cuOf(rowOf(before, open)));
  });

  it('with allowPartialSuccess, writes the unlocked rows and reports the locked one as 1050', async () => {
    const [locked, open] = [testRowId(sheetId, 8), testRowId(sheetId, 9)];
    await lock([locked]);
    const res = await putRows(
      TEST_USERS.editor.token,
      [
        { id: open, cells: [{ columnId: col.cu, value: 'OPEN-NEW' }] },
        { id: locked, cells: [{ columnId: col.cu, value: 'LOCKED-NEW' }] },
      ],
      '?allowPartialSuccess=true',
    );
    expect(res.status).toBe(200);
    expect(res.json.failedItems).toEqual([
      expect.objectContaining({
        index: 1,
        rowId: locked,
        error: expect.objectContaining({ errorCode: 1050 }),
      }),
    ]);
    const after = await readSheet();
    expect(cuOf(rowOf(after, open))).toBe('OPEN-NEW');
    expect(cuOf(rowOf(after, locked))).not.toBe('LOCKED-NEW');
  });

  it('lets the owner and a sheet admin edit a locked row', async () => {
    const id = testRowId(sheetId, 10);
    await lock([id]);
    expect(
      (await putRows(ADMIN.token, [{ id, cells: [{ columnId: col.cu, value: 'BY-ADMIN' }] }])).status,
    ).toBe(200);
    expect(cuOf(rowOf(await readSheet(), id))).toBe('BY-ADMIN');
    expect(
      (await putRows(TEST_USERS.owner.token, [{ id, cells: [{ columnId: col.cu, value: 'BY-OWNER' }] }]))
        .status,
    ).toBe(200);
    expect(cuOf(rowOf(await readSheet(), id))).toBe('BY-OWNER');
  });

  it('refuses an editor deleting a locked row (403/1050) and keeps it', async () => {
    const id = testRowId(sheetId, 11);
    await lock([id]);
    const res = await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/rows?ids=${id}`, {
      token: TEST_USERS.editor.token,
    });
    expect({ status: res.status, errorCode: res.json.errorCode }).toEqual({ status: 403, errorCode: 1050 });
    expect(rowOf(await readSheet(), id)).toBeDefined();
  });
});
