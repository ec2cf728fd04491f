import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, startTestEmulator } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const col = testColumnIds(sheetId);
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

async function expectError(
  promise: ReturnType<typeof call>,
  status: number,
  errorCode: number,
): Promise<Awaited<ReturnType<typeof call>>> {
  const res = await promise;
  expect({ status: res.status, errorCode: res.json?.errorCode }).toEqual({ status, errorCode });
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  expect(res.json).toEqual(
    expect.objectContaining({
      errorCode,
      message: expect.any(String),
      refId: expect.stringMatching(/^\w+$/),
    }),
  );
  return res;
}

const addRows = (body: unknown, query = '') =>
  call(emu.baseUrl, 'POST', `/sheets/${sheetId}/rows${query}`, { body });
const updateRows = (body: unknown) => call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/rows`, { body });

describe('authentication and access', () => {
  it('answers 401/1001 without a token, 1002 for an unknown one, 1003 for an expired one', async () => {
    await expectError(call(emu.baseUrl, 'GET', '/users/me', { token: null }), 401, 1001);
    await expectError(call(emu.baseUrl, 'GET', '/users/me', { token: 'nope' }), 401, 1002);
    await expectError(call(emu.baseUrl, 'GET', '/users/me', { token: TEST_USERS.expired.token }), 401, 1003);
  });

  it('answers 403/1004 for a sheet not shared with the caller and 404/1006 for an unknown id', async () => {
    await expectError(
      call(emu.baseUrl, 'GET', `/sheets/${sheetId}`, { token: TEST_USERS.outsider.token }),
      403,
      1004,
    );
    await expectError(call(emu.baseUrl, 'GET', '/sheets/1234567890123456'), 404, 1006);
  });

  it('grants the sheets of a shared workspace', async () => {
    const res = await call(emu.baseUrl, 'GET', `/sheets/${TEST_IDS.sheetSouth}`, {
      token: TEST_USERS.editor.token,
    });
    expect(res.status).toBe(200);
    expect(res.json.accessLevel).toBe('EDITOR');
  });
});

describe('routing', () => {
  it('answers 404/1006 for unknown paths and 405/1010 for a wrong method', async () => {
    await expectError(call(emu.baseUrl, 'GET', '/nothing/here'), 404, 1006);
    const res = await expectError(call(emu.baseUrl, 'PATCH', `/sheets/${sheetId}`), 405, 1010);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('accepts a trailing slash', async () => {
    expect((await call(emu.baseUrl, 'GET', '/sheets/')).status).toBe(200);
  });

  it('answers retired endpoints with 410/4005', async () => {
    await expectError(call(emu.baseUrl, 'GET', `/folders/${TEST_IDS.folder}`), 410, 4005);
    await expectError(call(emu.baseUrl, 'GET', `/workspaces/${TEST_IDS.workspace}`), 410, 4005);
  });
});

describe('row validation', () => {
  it('rejects an unknown column with 1036 and a repeated one with 1037', async () => {
    await expectError(addRows([{ cells: [{ columnId: 77, value: 'x' }] }]), 400, 1036);
    await expectError(
      addRows([
        {
          cells: [
            { columnId: col.cu, value: 'x' },
            { columnId: col.cu, value: 'y' },
          ],
        },
      ]),
      400,
      1037,
    );
  });

  it('rejects an unknown row id on update with 1034', async () => {
    await expectError(updateRows([{ id: 99, cells: [{ columnId: col.cu, value: 'x' }] }]), 400, 1034);
  });

  it('enforces strict types with 1042', async () => {
    await expectError(addRows([{ cells: [{ columnId: col.completed, value: 'true' }] }]), 400, 1042);
    await expectError(addRows([{ cells: [{ columnId: col.loggedDate, value: '09/04/2026' }] }]), 400, 1042);
  });

  it('refuses writes to system columns with 1046', async () => {
    await expectError(
      addRows([{ cells: [{ columnId: col.modified, value: '2026-01-01T00:00:00Z' }] }]),
      400,
      1046,
    );
    await expectError(addRows([{ cells: [{ columnId: col.rowCode, value: 'BL-9' }] }]), 400, 1046);
  });

  it('caps a request at 500 rows with 1061', async () => {
    const many = Array.from({ length: 501 }, () => ({ cells: [{ columnId: col.cu, value: 'x' }] }));
    await expectError(addRows(many), 400, 1061);
  });

  it('rejects contradictory locations with 1062 and mixed locations with 1123', async () => {
    await expectError(addRows([{ toTop: true, toBottom: true, cells: [] }]), 400, 1062);
    await expectError(addRows([{ toTop: true }, { toBottom: true }]), 400, 1123);
    await expectError(addRows([{ siblingId: 5, cells: [] }]), 400, 1062);
  });

  it('rejects a formula with a value (1163) and a value with an objectValue (1130)', async () => {
    await expectError(addRows([{ cells: [{ columnId: col.cu, value: '20', formula: '=1+1' }] }]), 400, 1163);
    await expectError(
      addRows([
        {
          cells: [
            { columnId: col.foreman, value: 'a@b.c', objectValue: { objectType: 'CONTACT', email: 'a@b.c' } },
          ],
        },
      ]),
      400,
      1130,
    );
  });

  it('rejects read-only row fields with 1032 and a missing row id with 1012', async () => {
    await expectError(updateRows([{ id: testRowId(sheetId, 0), rowNumber: 4 }]), 400, 1032);
    await expectError(updateRows([{ cells: [{ columnId: col.cu, value: 'x' }] }]), 400, 1012);
  });

  it('lets only admins edit a locked row (1050) and needs ids to delete rows (1009)', async () => {
    const id = testRowId(sheetId, 7);
    expect((await updateRows([{ id, locked: true }])).status).toBe(200);
    await expectError(
      call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/rows`, {
        token: TEST_USERS.editor.token,
        body: [{ id, cells: [{ columnId: col.cu, value: 'x' }] }],
      }),
      403,
      1050,
    );
    await expectError(call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/rows`), 400, 1009);
  });

  it('needs a JSON content type (415/1124), a body (1024) and valid JSON (1008)', async () => {
    await expectError(
      call(emu.baseUrl, 'POST', `/sheets/${sheetId}/rows`, {
        rawBody: '[]',
        headers: { 'Content-Type': 'text/plain' },
      }),
      415,
      1124,
    );
    await expectError(
      call(emu.baseUrl, 'POST', `/sheets/${sheetId}/rows`, {
        rawBody: '',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      1024,
    );
    await expectError(
      call(emu.baseUrl, 'POST', `/sheets/${sheetId}/rows`, {
        rawBody: '[{',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      1008,
    );
  });
});

describe('attachment errors', () => {
  it('refuses FILE attachments sent as JSON with 1051', async () => {
    await expectError(
      call(emu.baseUrl, 'POST', `/sheets/${sheetId}/attachments`, {
        body: { name: 'x', attachmentType: 'FILE', url: 'https://x' },
      }),
      400,
      1051,
    );
  });

  /** A raw upload whose body stops short of its Content-Length, then half-closes. */
  function shortUpload(declared: number, sent: number): Promise<string> {
    const { port } = emu;
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /2.0/sheets/${sheetId}/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TEST_USERS.owner.token}\r\n` +
            `Content-Type: text/plain\r\nContent-Disposition: attachment; filename="a.txt"\r\nContent-Length: ${declared}\r\n\r\n` +
            'a'.repeat(sent),
        );
        setTimeout(() => socket.end(), 50);
      });
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('answers 1075 when the body is shorter than its Content-Length', async () => {
    const answer = await shortUpload(100, 40);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ errorCode: 1075 });
  });

  it('answers 1074 for a declared size over 30 MB without reading it', async () => {
    const answer = await shortUpload(31 * 1024 * 1024, 10);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ errorCode: 1074 });
  });
});
