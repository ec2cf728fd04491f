// `ledgerline model …` as an auditor runs it: cold start, training, flags, verdicts, precision.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../src/adapters/store/index.js';
import type { ChangeObservation } from '../../src/domain/risk/change-observation.js';
import type { ScoredChange } from '../../src/ports/store.js';
import { runCli } from '../support/run-cli.js';

function change(n: number): ScoredChange {
  const observation: ChangeObservation = {
    changeId: `change-${n}`,
    runId: n < 60 ? 'run-old' : 'run-new',
    sheetId: 1 + (n % 3),
    rowId: 1000 + n,
    columnName: 'Price',
    revision: `2026-10-01T${String(8 + (n % 10)).padStart(2, '0')}:00:00.000Z`,
    field: 'price',
    sheetName: `Crew ${1 + (n % 3)}`,
    rowNumber: n,
    oldValue: '100',
    newValue: String(100 + n),
    sheetReference: null,
    editor: `editor${n % 4}@example.com`,
    editorHuman: true,
    editorCorrector: false,
    editorAuthorised: true,
    changeAgent: null,
    changedAt: new Date(Date.UTC(2026, 9, 1 + Math.floor(n / 10), 14, n % 60)).toISOString(),
    localHour: 9,
    localWeekday: n % 5,
    deltaCents: n * 100,
    rowPriceCents: 10_000,
    unitPriceCents: 10_000 + n * 100,
    contractUnitCents: null,
    valueRatio: 1 + n / 100,
    cu: 'ALB-6-AUR1',
    workRequest: '89708709',
    weekEnding: null,
    hoursAfterClose: 0,
    rules: [],
    maxSeverity: null,
  };
  return {
    observation,
    anomalyScore: null,
    riskScore: n === 61 ? 0.9 : 0.15,
    category: 'correction',
    signature: 'correction|ANOMALY',
    modelId: null,
    explanation: {},
    flagRank: n === 61 ? 1 : null,
    flagPriority: n === 61 ? 55 : null,
  };
}

describe('ledgerline model', () => {
  it('reports a cold start, trains a version, lists flags and records verdicts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-model-'));
    const database = path.join(dir, 'ledgerline.db');
    const store = await openStore({ kind: 'sqlite', path: database });
    await migrateToLatest(store);
    await store.risk.recordChanges(Array.from({ length: 62 }, (_, n) => change(n)));
    await store.close();
    const env = { LEDGERLINE_DATABASE_URL: `sqlite:${database}`, LEDGERLINE_DATA_DIR: dir };

    const cold = await runCli(['model', 'status'], { env });
    expect(cold.code).toBe(0);
    expect(cold.stdout).toContain('Cold start');
    expect(cold.stdout).toContain('62 changes stored; a model is trained once 200 are');

    const refused = await runCli(['model', 'train'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('a model needs 200');

    const trained = await runCli(
      ['model', 'train', '--min-changes', '50', '--window-days', '3650', '--seed', '3'],
      { env },
    );
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(/Trained model v1 on 62 changes/);

    const status = await runCli(['model', 'status', '--json'], { env });
    expect(JSON.parse(status.stdout)).toMatchObject({
      coldStart: false,
      model: { id: 'v1', sampleCount: 62 },
    });
    expect((await runCli(['model', 'list'], { env })).stdout).toMatch(/^v1\t/);

    const flags = await runCli(['model', 'flags', '--run', 'run-new'], { env });
    expect(flags.stdout).toMatch(/^#1\tchange-61\trisk 0\.90/);

    const verdict = await runCli(
      ['model', 'verdict', 'change-61', 'false-alarm', '--by', 'auditor@example.com'],
      { env },
    );
    expect(verdict.code).toBe(0);
    expect(verdict.stdout).toContain('Recorded false alarm for change change-61');
    const precision = await runCli(['model', 'precision', '--json'], { env });
    expect(JSON.parse(precision.stdout)).toEqual([
      expect.objectContaining({ runId: 'run-new', flags: 1, falseAlarms: 1, precision: 0 }),
    ]);

    const badVerdict = await runCli(['model', 'verdict', 'change-61', 'maybe', '--by', 'a@example.com'], {
      env,
    });
    expect(badVerdict.code).toBe(2);
    expect(badVerdict.stderr).toContain('verdict must be "confirmed" or "false-alarm"');
    const unknown = await runCli(['model', 'verdict', 'nope', 'confirmed', '--by', 'a@example.com'], { env });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No scored change has id nope');
  }, 180_000);
});
