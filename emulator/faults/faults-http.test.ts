import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const getSheetRoute = 'GET /sheets/{sheetId}';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'DELETE', '/faults'));

const getSheet = () => call(emu.baseUrl, 'GET', `/sheets/${sheetId}`);

describe('fault injection', () => {
  it('fails exactly the next N requests of a route', async () => {
    await control(emu, 'PUT', '/faults', { rules: [{ route: getSheetRoute, kind: 'error-4004', count: 2 }] });
    expect((await call(emu.baseUrl, 'GET', '/users/me')).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await getSheet();
      statuses.push(`${res.status}/${res.json.errorCode ?? '-'}`);
    }
    expect(statuses).toEqual(['500/4004', '500/4004', '200/-']);
  });

  it('answers maintenance with 503/4001 and timeouts with 500/4002', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [
        { route: getSheetRoute, kind: 'error-4001', count: 1 },
        { route: 'GET /users/me', kind: 'error-4002', count: 1 },
      ],
    });
    expect((await getSheet()).json).toMatchObject({ errorCode: 4001 });
    const timeout = await call(emu.baseUrl, 'GET', '/users/me');
    expect([timeout.status, timeout.json.errorCode]).toEqual([500, 4002]);
  });

  it('can answer like a proxy with an HTML 502', async () => {
    await control(emu, 'PUT', '/faults', { rules: [{ route: '*', kind: 'html-502', count: 1 }] });
    const res = await getSheet();
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.json).toBeUndefined();
  });

  it('can drop the connection and logs it with status 0', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [{ route: getSheetRoute, method: 'GET', kind: 'reset', count: 1 }],
    });
    const { entries: before } = await control(emu, 'GET', '/requests');
    const lastSeq = before.at(-1)?.seq ?? 0;
    await expect(getSheet()).rejects.toThrow();
    expect((await getSheet()).status).toBe(200);
    const { entries } = await control(emu, 'GET', `/requests?since=${lastSeq}`);
    expect(entries.map((e: { status: number }) => e.status)).toEqual([0, 200]);
  });

  it('turns slow writes into 500/4004 for a second write by the same token', async () => {
    await control(emu, 'PUT', '/faults', {
      rules: [{ route: 'PUT /sheets/{sheetId}/rows', kind: 'latency', latencyMs: 300 }],
    });
    const col = testColumnIds(sheetId);
    const write = (token: string, value: string) =>
      call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/rows`, {
        token,
        body: [{ id: testRowId(sheetId, 0), cells: [{ columnId: col.cu, value }] }],
      });
    const [first, second, other] = await Promise.all([
      write(TEST_USERS.owner.token, 'a'),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => write(TEST_USERS.owner.token, 'b')),
      write(TEST_USERS.editor.token, 'c'),
    ]);
    expect(first.status).toBe(200);
    expect(other.status).toBe(200);
    expect(second.status).toBe(500);
    expect(second.json.errorCode).toBe(4004);
    expect(second.json.message).toContain(`sheetId ${sheetId} is currently being updated`);
  });

  it('rejects invalid rules and clears rules', async () => {
    const bad = await fetch(`${emu.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: [{ route: '*', kind: 'explode' }] }),
    });
    expect(bad.status).toBe(400);
    await control(emu, 'PUT', '/faults', { rules: [{ route: '*', kind: 'error-4000' }] });
    expect((await getSheet()).json.errorCode).toBe(4000);
    await control(emu, 'DELETE', '/faults');
    expect((await getSheet()).status).toBe(200);
  });
});
