import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import { generateSeed } from '../seed/generate-seed.js';
import type { CellValue } from '../seed/seed-data.js';
import { zonedParts } from '../seed/zoned-time.js';
import { isPlantedKind } from './ground-truth-label.js';
import type { GroundTruthLabel } from './ground-truth-label.js';
import { simulateEdits } from './simulate-edits.js';

const seed = generateSeed('small');
const reader = seed.users.find((user) => user.email === seed.ledgerlineUserEmail)!;
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed,
    rateLimit: { enabled: false, perMinute: 300, heavyWeight: 10 },
  });
});
afterAll(async () => {
  await emulator.close();
});

async function get(pathname: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.baseUrl}${pathname}`, {
    headers: { Authorization: `Bearer ${reader.token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function cellValue(label: GroundTruthLabel): Promise<CellValue | undefined | 'gone'> {
  const { status, body } = await get(`/sheets/${label.sheetId}/rows/${label.rowId}`);
  if (status === 404) return 'gone';
  const cells = body['cells'] as { columnId: number; value?: CellValue }[];
  return cells.find((cell) => cell.columnId === label.columnId)?.value;
}

describe('simulateEdits against a running emulator', () => {
  let labels: GroundTruthLabel[];
  let edits: number;
  let labelsPath: string;

  beforeAll(async () => {
    labelsPath = path.join(mkdtempSync(path.join(tmpdir(), 'ledgerline-sim-')), 'labels.jsonl');
    ({ labels, edits } = await simulateEdits({
      baseUrl: emulator.baseUrl,
      controlUrl: emulator.controlUrl,
      seed,
      rounds: 2,
      editsPerRound: 15,
      randomSeed: 7,
      plantRate: 0.6,
      labelsPath,
    }));
  });

  it('makes every edit and writes its labels as JSON lines', () => {
    expect(edits).toBe(30);
    const fromFile = readFileSync(labelsPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GroundTruthLabel);
    expect(fromFile).toEqual(labels);
    expect(new Set(labels.filter((l) => l.planted).map((l) => l.kind)).size).toBeGreaterThanOrEqual(4);
    expect(labels.some((l) => !l.planted)).toBe(true);
    expect(labels.every((l) => l.planted === isPlantedKind(l.kind))).toBe(true);
  });

  it('leaves every labelled change visible through the API', async () => {
    for (const label of labels) {
      const value = await cellValue(label);
      if (label.newValue === null) expect(value, `${label.kind} ${label.rowId}`).toBe('gone');
      else expect(value, `${label.kind} ${label.rowId}`).toEqual(label.newValue);
    }
  });

  it('records the planted editor in cell history of post-close edits', async () => {
    const planted = labels.filter(
      (l) =>
        l.kind === 'post_close_price_increase' ||
        l.kind === 'week_restamp' ||
        l.kind === 'post_close_quantity_bump',
    );
    expect(planted.length).toBeGreaterThan(0);
    for (const label of planted) {
      const { body } = await get(
        `/sheets/${label.sheetId}/rows/${label.rowId}/columns/${label.columnId}/history`,
      );
      const [newest] = body['data'] as {
        value?: CellValue;
        modifiedAt: string;
        modifiedBy: { email: string };
      }[];
      expect(newest?.modifiedBy.email).toBe(label.editor);
      expect(newest?.value).toEqual(label.newValue);
      expect(Math.abs(Date.parse(newest!.modifiedAt) - Date.parse(label.at))).toBeLessThan(5000);
    }
  });

  it('stamps off-hours edits between 2 and 4 AM in Chicago', () => {
    for (const label of labels.filter((l) => l.kind === 'off_hours_edit')) {
      const hour = zonedParts(Date.parse(label.at)).hour;
      expect(hour >= 2 && hour < 4).toBe(true);
    }
  });
});
