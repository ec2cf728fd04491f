import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_NOW, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const col = testColumnIds(sheetId);
let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  dir = await mkdtemp(path.join(tmpdir(), 'emulator-state-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

const setQuantity = (value: number) =>
  call(emu.baseUrl, 'PUT', `/sheets/${sheetId}/rows`, {
    body: [{ id: testRowId(sheetId, 0), cells: [{ columnId: col.quantity, value }] }],
  });

describe('control plane', () => {
  it('reads, sets and advances the clock that stamps writes', async () => {
    expect(await control(emu, 'GET', '/clock')).toEqual({ now: new Date(TEST_NOW).toISOString() });
    expect(await control(emu, 'POST', '/clock', { set: '2026-10-01T00:00:00Z', advanceMs: 90_000 })).toEqual({
      now: '2026-10-01T00:01:30.000Z',
    });
    const res = await setQuantity(3);
    expect(res.json.result[0].modifiedAt).toBe('2026-10-01T00:01:30Z');
  });

  it('logs requests with route, user, status and weight, and counts them', async () => {
    await control(emu, 'DELETE', '/requests');
    await call(emu.baseUrl, 'GET', `/sheets/${sheetId}`);
    await call(emu.baseUrl, 'GET', '/sheets/1', { token: null });
    const { entries } = await control(emu, 'GET', '/requests');
    expect(entries.map(({ seq: _seq, at: _at, ...rest }: Record<string, unknown>) => rest)).toEqual([
      {
        method: 'GET',
        path: `/2.0/sheets/${sheetId}`,
        route: 'GET /sheets/{sheetId}',
        user: TEST_USERS.owner.email,
        status: 200,
        weight: 1,
      },
      {
        method: 'GET',
        path: '/2.0/sheets/1',
        route: 'GET /sheets/{sheetId}',
        user: null,
        status: 401,
        errorCode: 1001,
        weight: 0,
      },
    ]);
    expect(await control(emu, 'GET', `/requests?since=${entries[0].seq}`)).toEqual({ entries: [entries[1]] });
    expect(await control(emu, 'GET', '/requests/counts')).toEqual({
      total: 2,
      byRoute: { 'GET /sheets/{sheetId}': 2 },
      byStatus: { '200': 1, '401': 1 },
      rateLimited: 0,
      unitsByUser: { [TEST_USERS.owner.email]: 1 },
    });
  });

  it('lists the seeded users with their tokens', async () => {
    const { users } = await control(emu, 'GET', '/users');
    expect(users.map((u: { token: string }) => u.token)).toEqual(
      Object.values(TEST_USERS).map((u) => u.token),
    );
  });

  it('resets data and clock to the seed', async () => {
    await setQuantity(42);
    await control(emu, 'POST', '/reset', {});
    const sheet = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}?rowNumbers=1`);
    expect(
      sheet.json.rows[0].cells.find((c: { columnId: number }) => c.columnId === col.quantity).value,
    ).toBe(1);
    expect((await control(emu, 'GET', '/clock')).now).toBe(new Date(TEST_NOW).toISOString());
  });

  it('saves to a file and loads it back, attachments and webhooks included', async () => {
    await setQuantity(77);
    const upload = await call(emu.baseUrl, 'POST', `/sheets/${sheetId}/attachments`, {
      rawBody: Buffer.from('saved bytes'),
      headers: { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="s.txt"' },
    });
    await call(emu.baseUrl, 'POST', '/webhooks', {
      body: {
        name: 'kept',
        callbackUrl: 'http://127.0.0.1:9/x',
        scope: 'sheet',
        scopeObjectId: sheetId,
        events: ['*.*'],
        version: 1,
      },
    });
    const saved = (await call(emu.baseUrl, 'GET', `/sheets/${sheetId}?include=attachments`)).text;
    const file = path.join(dir, 'state.json');
    await control(emu, 'POST', '/save', { path: file });
    await control(emu, 'POST', '/reset', {});
    await control(emu, 'POST', '/load', { path: file });

    expect((await call(emu.baseUrl, 'GET', `/sheets/${sheetId}?include=attachments`)).text).toBe(saved);
    const meta = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments/${upload.json.result.id}`);
    expect(await (await fetch(meta.json.url)).text()).toBe('saved bytes');
    expect(
      (await call(emu.baseUrl, 'GET', '/webhooks')).json.data.map((w: { name: string }) => w.name),
    ).toEqual(['kept']);
  });

  it('answers unknown routes with 404 and bad bodies with 400', async () => {
    expect((await fetch(`${emu.controlUrl}/nope`)).status).toBe(404);
    const bad = await fetch(`${emu.controlUrl}/clock`, { method: 'POST', body: '{"set": "soon"}' });
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([
      400,
      'set must be an ISO-8601 timestamp',
    ]);
    expect(
      (
        await fetch(`${emu.controlUrl}/load`, {
          method: 'POST',
          body: JSON.stringify({ path: path.join(dir, 'missing.json') }),
        })
      ).status,
    ).toBe(400);
  });
});
