// Throughput of the Smartsheet emulator over real HTTP on loopback: GET of a 2,000-row sheet, and
// 500 row updates sent as one bulk PUT and as 500 single PUTs. Prints figures only.
// Run: node --import tsx bench/emulator-throughput.ts
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../emulator/index.js';
import {
  buildTestSeed,
  TEST_IDS,
  TEST_USERS,
  testColumnIds,
  testRowId,
} from '../emulator/testing/build-test-seed.js';

const ROWS = 2_000;
const UPDATES = 500;
const GET_RUNS = 5;

const sheetId = TEST_IDS.sheetNorth;
const quantity = testColumnIds(sheetId).quantity;
const headers = { Authorization: `Bearer ${TEST_USERS.owner.token}`, 'Content-Type': 'application/json' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(action: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

async function expectOk(response: Response): Promise<string> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

const emulator = await startEmulator({
  seed: buildTestSeed({ rows: ROWS }),
  rateLimit: { enabled: false, perMinute: 300, heavyWeight: 10 },
});
try {
  const sheetUrl = `${emulator.baseUrl}/sheets/${sheetId}`;
  let bytes = 0;
  const getTimes: number[] = [];
  for (let run = 0; run < GET_RUNS; run += 1) {
    getTimes.push(
      await timed(async () => void (bytes = (await expectOk(await fetch(sheetUrl, { headers }))).length)),
    );
  }

  const bulkBody = Array.from({ length: UPDATES }, (_, i) => ({
    id: testRowId(sheetId, i),
    cells: [{ columnId: quantity, value: i + 1 }],
  }));
  const bulk = await timed(async () => {
    await expectOk(
      await fetch(`${sheetUrl}/rows`, { method: 'PUT', headers, body: JSON.stringify(bulkBody) }),
    );
  });

  const singles = await timed(async () => {
    for (let i = 0; i < UPDATES; i += 1) {
      const body = JSON.stringify([
        { id: testRowId(sheetId, i), cells: [{ columnId: quantity, value: i + 2 }] },
      ]);
      await expectOk(await fetch(`${sheetUrl}/rows`, { method: 'PUT', headers, body }));
    }
  });

  console.log(
    `Emulator throughput (Node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  console.log(
    `  GET sheet, ${ROWS} rows (${(bytes / 1024 / 1024).toFixed(1)} MB): median ${median(getTimes).toFixed(1)} ms over ${GET_RUNS} runs (first ${getTimes[0]?.toFixed(1)} ms)`,
  );
  console.log(`  ${UPDATES} row updates, one bulk PUT:   ${bulk.toFixed(1)} ms`);
  console.log(
    `  ${UPDATES} row updates, ${UPDATES} single PUTs: ${singles.toFixed(1)} ms (${(singles / UPDATES).toFixed(2)} ms each)`,
  );
} finally {
  await emulator.close();
}
