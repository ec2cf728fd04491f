// Retries through the emulator's injected faults and its rate limit. Time is shared and virtual
// (SharedTimeline): backoff and budget waits of minutes pass at once on both sides.
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
import type { RequestBudget } from './request-budget.js';
import { REQUEST_WEIGHT, TokenBucketBudget } from './request-budget.js';
import { SmartsheetClient } from './smartsheet-client.js';
import type { FaultRuleInput } from './testing/emulator-control.js';
import {
  SharedTimeline,
  requestCounts,
  resetEmulator,
  setFaults,
  setLimits,
} from './testing/emulator-control.js';

const NORTH = TEST_IDS.sheetNorth;
const COLUMNS = testColumnIds(NORTH);
let emulator: RunningEmulator;

/** A budget that records what it granted and when, to check the client's own limit. */
class RecordingBudget implements RequestBudget {
  readonly granted: { at: number; weight: number }[] = [];
  constructor(
    private readonly inner: TokenBucketBudget,
    private readonly now: () => number,
  ) {}
  async acquire(weight: number): Promise<void> {
    await this.inner.acquire(weight);
    this.granted.push({ at: this.now(), weight });
  }
  pauseFor(ms: number): void {
    this.inner.pauseFor(ms);
  }
}

function harness(perMinute = 300) {
  const timeline = new SharedTimeline(emulator.controlUrl);
  const budget = new RecordingBudget(
    new TokenBucketBudget({ perMinute, now: timeline.now, sleep: timeline.sleep }),
    timeline.now,
  );
  const client = new SmartsheetClient({
    baseUrl: emulator.baseUrl,
    token: TEST_USERS.owner.token,
    budget,
    sleep: timeline.sleep,
    now: timeline.now,
    random: () => 0.5,
  });
  return { client, budget, timeline };
}

beforeAll(async () => {
  emulator = await startEmulator({
    seed: buildTestSeed({ rows: 12 }),
    clock: { frozen: true },
    randomSeed: 7,
  });
});
afterAll(() => emulator.close());
beforeEach(() => resetEmulator(emulator.controlUrl));

describe('retries through injected faults', () => {
  it.each<[string, FaultRuleInput['kind']]>([
    ['two 500/4000', 'error-4000'],
    ['two 500/4004', 'error-4004'],
    ['two 503/4001', 'error-4001'],
    ['two HTML 502 pages', 'html-502'],
    ['two connection resets', 'reset'],
  ])('reads a sheet through %s', async (_name, kind) => {
    await setFaults(emulator.controlUrl, [{ route: 'GET /sheets/{sheetId}', kind, count: 2 }]);
    const { client } = harness();
    const sheet = await client.getSheet(NORTH);
    expect(sheet.rows).toHaveLength(12);
    expect(client.requestCounts()).toMatchObject({ retries: 2, byEndpoint: { 'GET /sheets/{sheetId}': 3 } });
  });

  it('repeats an add-rows POST that Smartsheet asked to retry (4004)', async () => {
    await setFaults(emulator.controlUrl, [
      { route: 'POST /sheets/{sheetId}/rows', kind: 'error-4004', count: 1 },
    ]);
    const { client } = harness();
    const result = await client.addRows(NORTH, [
      { cells: [{ columnId: COLUMNS.workRequest, value: 'WR-7001' }] },
    ]);
    expect(result.rows).toHaveLength(1);
    expect((await client.getSheet(NORTH)).rows).toHaveLength(13);
  });

  it('does not repeat an add-rows POST whose connection broke: the caller must reconcile', async () => {
    await setFaults(emulator.controlUrl, [{ route: 'POST /sheets/{sheetId}/rows', kind: 'reset', count: 1 }]);
    const { client } = harness();
    const error = await client
      .addRows(NORTH, [{ cells: [{ columnId: COLUMNS.workRequest, value: 'WR-7002' }] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      retryable: true,
      ambiguous: true,
      status: undefined,
    });
    expect((error as AppError).message).toContain('may or may not have been applied');
    expect((await requestCounts(emulator.controlUrl)).byRoute['POST /sheets/{sheetId}/rows']).toBe(1);
  });

  it('gives up after maxRetryMs with SMARTSHEET_UNAVAILABLE when the fault never clears', async () => {
    await setFaults(emulator.controlUrl, [{ route: 'GET /sheets/{sheetId}/version', kind: 'error-4001' }]);
    const { client } = harness();
    const error = (await client.getSheetVersion(NORTH).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe(ErrorCode.SMARTSHEET_UNAVAILABLE);
    expect(error.message).toMatch(/still failing after \d+ attempts/);
    expect(error.details).toMatchObject({ errorCode: 4001, retryable: true });
  });
});

describe('rate limiting', () => {
  it('absorbs a 429 storm from a low Smartsheet limit without exceeding its own budget', async () => {
    await setLimits(emulator.controlUrl, { enabled: true, perMinute: 20, heavyWeight: 10 });
    const { client, budget } = harness(300);
    const reads = Array.from({ length: 30 }, () => client.getSheetVersion(NORTH));
    const history = client.getCellHistory(NORTH, testRowId(NORTH, 0), COLUMNS.totalPrice);
    await Promise.all([...reads, history]);

    const counts = client.requestCounts();
    expect(counts.rateLimited).toBeGreaterThan(0);
    // The first 429 pauses the shared budget, so the other 30 calls wait instead of hammering.
    expect(counts.rateLimited).toBeLessThan(5);
    const emulatorCounts = await requestCounts(emulator.controlUrl);
    expect(emulatorCounts.byStatus['200']).toBe(31);
    expect(emulatorCounts.rateLimited).toBe(counts.rateLimited);
    for (const first of budget.granted) {
      const units = budget.granted
        .filter((g) => g.at >= first.at && g.at <= first.at + 60_000)
        .reduce((sum, g) => sum + g.weight, 0);
      expect(units).toBeLessThanOrEqual(300);
    }
    expect(budget.granted.filter((g) => g.weight === REQUEST_WEIGHT.heavy).length).toBeGreaterThan(0);
  });
});
