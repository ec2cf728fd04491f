import { describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import { buildTestSeed, TEST_IDS, testColumnIds } from '../testing/build-test-seed.js';
import { call } from '../testing/test-client.js';

async function sheetJsonAndNewRowId(randomSeed?: number): Promise<{ sheet: string; newRowId: number }> {
  const emu = await startEmulator({
    seed: buildTestSeed(),
    ...(randomSeed !== undefined ? { randomSeed } : {}),
  });
  try {
    const query = '?include=writerInfo,objectValue,columnType,rowPermalink,ownerInfo&level=2';
    const sheet = (await call(emu.baseUrl, 'GET', `/sheets/${TEST_IDS.sheetNorth}${query}`)).text;
    const added = await call(emu.baseUrl, 'POST', `/sheets/${TEST_IDS.sheetSouth}/rows`, {
      body: [{ cells: [{ columnId: testColumnIds(TEST_IDS.sheetSouth).cu, value: 'x' }] }],
    });
    return { sheet, newRowId: added.json.result[0].id };
  } finally {
    await emu.close();
  }
}

describe('determinism', () => {
  it('serves byte-identical JSON for the same SeedData and gives new objects the same ids', async () => {
    const first = await sheetJsonAndNewRowId();
    const second = await sheetJsonAndNewRowId();
    expect(second.sheet).toBe(first.sheet);
    expect(second.newRowId).toBe(first.newRowId);
  });

  it('draws other ids from another random seed', async () => {
    const a = await sheetJsonAndNewRowId(1);
    const b = await sheetJsonAndNewRowId(2);
    expect(a.newRowId).not.toBe(b.newRowId);
    expect(a.sheet).toBe(b.sheet);
  });
});
