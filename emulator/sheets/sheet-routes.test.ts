import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator, type LooseJson } from '../testing/test-client.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', '/reset', {}));

const columnsBody = [
  { title: 'Name', primary: true, type: 'TEXT_NUMBER' },
  {
    title: 'Seq',
    type: 'TEXT_NUMBER',
    systemColumnType: 'AUTO_NUMBER',
    autoNumberFormat: { prefix: 'A-', fill: '00' },
  },
];

describe('creating sheets and columns', () => {
  it('creates a sheet in the Sheets folder and numbers its rows', async () => {
    const created = await call(emu.baseUrl, 'POST', '/sheets', {
      body: { name: 'Audit', columns: columnsBody },
      headers: { 'Smartsheet-Change-Agent': 'ledgerline' },
    });
    expect(created.json.result).toMatchObject({
      name: 'Audit',
      accessLevel: 'OWNER',
      columns: [{ primary: true }, { index: 1 }],
    });
    const id = created.json.result.id;
    const [name, seq] = created.json.result.columns;
    const added = await call(emu.baseUrl, 'POST', `/sheets/${id}/rows`, {
      body: [{ cells: [{ columnId: name.id, value: 'x' }] }],
    });
    expect(added.json.result[0].cells.find((c: LooseJson) => c.columnId === seq.id).value).toBe('A-01');
    const path = await call(emu.baseUrl, 'GET', `/sheets/${id}/path`);
    expect(path.json).toMatchObject({
      name: 'Sheets',
      sheets: [{ id, name: 'Audit', accessLevel: 'OWNER' }],
    });
  });

  it('needs exactly one primary column and unique titles', async () => {
    const noPrimary = await call(emu.baseUrl, 'POST', '/sheets', {
      body: { name: 'x', columns: [{ title: 'a', type: 'TEXT_NUMBER' }] },
    });
    expect(noPrimary.json.errorCode).toBe(1012);
    const duplicate = await call(emu.baseUrl, 'POST', '/sheets', {
      body: {
        name: 'x',
        columns: [
          { title: 'a', primary: true, type: 'TEXT_NUMBER' },
          { title: 'A', type: 'DATE' },
        ],
      },
    });
    expect(duplicate.json.errorCode).toBe(1018);
  });

  it('creates sheets in a workspace for its admins only', async () => {
    const path = `/workspaces/${TEST_IDS.workspace}/sheets`;
    const body = { name: 'In workspace', columns: columnsBody.slice(0, 1) };
    expect(
      (await call(emu.baseUrl, 'POST', path, { body, token: TEST_USERS.editor.token })).json.errorCode,
    ).toBe(1004);
    const created = await call(emu.baseUrl, 'POST', path, { body });
    const children = await call(
      emu.baseUrl,
      'GET',
      `/workspaces/${TEST_IDS.workspace}/children?childrenResourceTypes=sheets`,
    );
    expect(children.json.data.map((c: LooseJson) => c.id)).toContain(created.json.result.id);
  });

  it('adds, renames and deletes columns, bumping the version', async () => {
    const sheetId = TEST_IDS.sheetNorth;
    const before = (await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/version`)).json.version;
    const added = await call(emu.baseUrl, 'POST', `/sheets/${sheetId}/columns`, {
      body: [{ title: 'Notes', type: 'TEXT_NUMBER', index: 1 }],
    });
    const column = added.json.result[0];
    expect(column).toMatchObject({ title: 'Notes', index: 1, type: 'TEXT_NUMBER' });
    const renamed = await call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/columns/${column.id}`, {
      body: { title: 'Remarks' },
    });
    expect(renamed.json.result.title).toBe('Remarks');
    await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/columns/${column.id}`);
    const columns = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/columns?includeAll=true`);
    expect(columns.json.data.map((c: LooseJson) => c.title)).not.toContain('Remarks');
    expect((await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/version`)).json.version).toBe(before + 3);
    const primary = testColumnIds(sheetId).workRequest;
    expect((await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/columns/${primary}`)).json.errorCode).toBe(
      1018,
    );
  });
});

describe('shares, rows and users', () => {
  it('lists shares with the owner first, and workspace shares on request', async () => {
    const shares = await call(
      emu.baseUrl,
      'GET',
      `/sheets/${TEST_IDS.sheetNorth}/shares?include=workspaceShares`,
    );
    expect(shares.json.data.map((s: LooseJson) => `${s.email}:${s.accessLevel}:${s.scope}`)).toEqual([
      `${TEST_USERS.owner.email}:OWNER:ITEM`,
      `${TEST_USERS.viewer.email}:VIEWER:ITEM`,
      `${TEST_USERS.editor.email}:EDITOR:WORKSPACE`,
    ]);
    expect(shares.json.data[1]).toEqual({
      id: expect.any(String),
      type: 'USER',
      userId: TEST_USERS.viewer.id,
      email: TEST_USERS.viewer.email,
      name: 'Vera Viewer',
      accessLevel: 'VIEWER',
      scope: 'ITEM',
    });
  });

  it('does not let an editor share above their own level', async () => {
    const res = await call(emu.baseUrl, 'POST', `/sheets/${TEST_IDS.sheetNorth}/shares`, {
      token: TEST_USERS.editor.token,
      body: { email: 'x@example.com', accessLevel: 'VIEWER' },
    });
    expect(res.json.errorCode).toBe(1004);
  });

  it('gets one row with its sheet id and columns', async () => {
    const sheetId = TEST_IDS.sheetSouth;
    const sheet = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}`);
    const rowId = sheet.json.rows[1].id;
    const row = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/rows/${rowId}?include=columns`);
    expect(row.json).toMatchObject({ id: rowId, sheetId, rowNumber: 2, siblingId: sheet.json.rows[0].id });
    expect(row.json.columns).toHaveLength(11);
    expect((await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/rows/42`)).json.errorCode).toBe(1006);
  });

  it('returns the caller’s profile', async () => {
    const me = await call(emu.baseUrl, 'GET', '/users/me', { token: TEST_USERS.editor.token });
    expect(me.json).toMatchObject({
      id: TEST_USERS.editor.id,
      email: TEST_USERS.editor.email,
      firstName: 'Eddie',
      lastName: 'Editor',
    });
    expect(me.json.account).toEqual({ id: expect.any(Number), name: 'example.com' });
  });
});
