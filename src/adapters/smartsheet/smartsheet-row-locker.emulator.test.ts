// The RowLocker over the real client against the emulator: bulk locks in batches of ≤ 500 through
// the shared client, rows already locked counted without a write, and refusals reported per row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/index.js';
import type { RunningEmulator } from '../../../emulator/index.js';
import { TEST_IDS, TEST_USERS, buildTestSeed, testRowId } from '../../../emulator/testing/build-test-seed.js';
import { TokenBucketBudget } from './request-budget.js';
import { SmartsheetClient } from './smartsheet-client.js';
import { smartsheetRowLocker } from './smartsheet-row-locker.js';
import { resetEmulator } from './testing/emulator-control.js';

const NORTH = TEST_IDS.sheetNorth;
let emulator: RunningEmulator;

function lockerAs(token: string) {
  const client = new SmartsheetClient({
    baseUrl: emulator.baseUrl,
    token,
    budget: new TokenBucketBudget({ perMinute: 6000 }),
    maxRetryMs: 2000,
  });
  return { client, locker: smartsheetRowLocker(client) };
}

beforeAll(async () => {
  emulator = await startEmulator({
    seed: buildTestSeed({ rows: 620 }),
    clock: { frozen: true },
    randomSeed: 7,
  });
});
afterAll(() => emulator.close());
beforeEach(() => resetEmulator(emulator.controlUrl));

describe('smartsheetRowLocker', () => {
  it('locks 610 rows in two update requests and counts them locked on the second call', async () => {
    const { client, locker } = lockerAs(TEST_USERS.owner.token);
    const rowIds = Array.from({ length: 610 }, (_, i) => testRowId(NORTH, i));
    const before = client.requestCounts();
    const first = await locker.lockRows(NORTH, rowIds);
    expect({
      changed: first.changed.length,
      unchanged: first.unchanged.length,
      refused: first.refused,
    }).toEqual({
      changed: 610,
      unchanged: 0,
      refused: [],
    });
    const puts = (counts: { byEndpoint: Record<string, number> }) =>
      counts.byEndpoint['PUT /sheets/{sheetId}/rows'] ?? 0;
    expect(puts(client.requestCounts()) - puts(before)).toBe(2);

    const again = await locker.lockRows(NORTH, rowIds);
    expect({ changed: again.changed.length, unchanged: again.unchanged.length }).toEqual({
      changed: 0,
      unchanged: 610,
    });
    expect(puts(client.requestCounts()) - puts(before)).toBe(2);
    const states = await locker.lockStates(NORTH, [rowIds[0]!, testRowId(NORTH, 619)]);
    expect(states).toEqual([
      { rowId: rowIds[0], locked: true, lockedForUser: false },
      { rowId: testRowId(NORTH, 619), locked: false, lockedForUser: false },
    ]);
  });

  it('reports every row as refused for insufficient access when the token is only EDITOR', async () => {
    const { locker } = lockerAs(TEST_USERS.editor.token);
    const rowIds = [testRowId(NORTH, 1), testRowId(NORTH, 2)];
    const outcome = await locker.lockRows(NORTH, rowIds);
    expect(outcome.changed).toEqual([]);
    expect(outcome.refused).toEqual(
      rowIds.map((rowId) => ({
        rowId,
        reason: 'insufficient-access',
        message: expect.stringContaining('1004'),
      })),
    );
    expect(
      (await lockerAs(TEST_USERS.owner.token).locker.lockStates(NORTH, rowIds))?.map((s) => s.locked),
    ).toEqual([false, false]);
  });

  it('unlocks, leaving rows that were not locked as unchanged, and names missing rows', async () => {
    const { locker } = lockerAs(TEST_USERS.owner.token);
    const [a, b] = [testRowId(NORTH, 3), testRowId(NORTH, 4)];
    await locker.lockRows(NORTH, [a]);
    const outcome = await locker.unlockRows(NORTH, [a, b, 1234]);
    expect(outcome).toEqual({
      sheetId: NORTH,
      changed: [a],
      unchanged: [b],
      refused: [{ rowId: 1234, reason: 'not-found', message: expect.any(String) }],
    });
  });

  it('reports a sheet the token cannot see as not found', async () => {
    const { locker } = lockerAs(TEST_USERS.outsider.token);
    const outcome = await locker.lockRows(NORTH, [testRowId(NORTH, 5)]);
    expect(outcome.refused).toEqual([
      { rowId: testRowId(NORTH, 5), reason: 'not-found', message: expect.any(String) },
    ]);
  });
});
