import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
let emu: RunningEmulator;

beforeEach(async () => {
  emu = await startTestEmulator({ rateLimit: { enabled: true, perMinute: 300, heavyWeight: 10 } });
});
afterEach(() => emu.close());

/** `count` requests, 25 at a time, as fast as the emulator answers. */
async function burst(
  count: number,
  path: string,
  token: string,
): Promise<Awaited<ReturnType<typeof call>>[]> {
  const results: Awaited<ReturnType<typeof call>>[] = [];
  for (let done = 0; done < count; done += 25) {
    const batch = Array.from({ length: Math.min(25, count - done) }, () =>
      call(emu.baseUrl, 'GET', path, { token }),
    );
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

describe('rate limiting', () => {
  it('lets 300 requests through per token and minute, then answers 429/4003 with Retry-After', async () => {
    const results = await burst(400, `/sheets/${sheetId}/version`, TEST_USERS.owner.token);
    expect(results.filter((r) => r.status === 200)).toHaveLength(300);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(100);
    expect(limited[0]?.json).toEqual({
      errorCode: 4003,
      message: 'Rate limit exceeded.',
      refId: expect.any(String),
    });
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    const counts = await control(emu, 'GET', '/requests/counts');
    expect(counts).toMatchObject({ rateLimited: 100, unitsByUser: { [TEST_USERS.owner.email]: 300 } });
    // Another token has its own budget.
    expect((await call(emu.baseUrl, 'GET', '/users/me', { token: TEST_USERS.editor.token })).status).toBe(
      200,
    );
  });

  it('counts cell history as 10: 30 history calls use up the budget', async () => {
    const col = testColumnIds(sheetId);
    const history = `/sheets/${sheetId}/rows/${testRowId(sheetId, 0)}/columns/${col.cu}/history`;
    const results = await burst(30, history, TEST_USERS.editor.token);
    expect(results.every((r) => r.status === 200)).toBe(true);
    const next = await call(emu.baseUrl, 'GET', '/users/me', { token: TEST_USERS.editor.token });
    expect(next.json.errorCode).toBe(4003);
    const entries = (await control(emu, 'GET', '/requests')).entries;
    expect(entries[0]).toMatchObject({
      route: 'GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history',
      weight: 10,
    });
  });

  it('frees the budget when the window passes (clock advance) and can be switched off', async () => {
    await burst(300, '/users/me', TEST_USERS.owner.token);
    expect((await call(emu.baseUrl, 'GET', '/users/me')).status).toBe(429);
    await control(emu, 'POST', '/clock', { advanceMs: 61_000 });
    expect((await call(emu.baseUrl, 'GET', '/users/me')).status).toBe(200);
    await control(emu, 'PUT', '/limits', { perMinute: 1 });
    expect((await call(emu.baseUrl, 'GET', '/users/me')).status).toBe(429);
    await control(emu, 'PUT', '/limits', { enabled: false });
    expect((await call(emu.baseUrl, 'GET', '/users/me')).status).toBe(200);
  });
});
