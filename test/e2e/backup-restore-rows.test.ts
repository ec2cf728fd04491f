// Issue #9's recovery after an unauthorised change, against the emulator: a backup taken before a
// post-close price increase holds the billed value; `restore rows` writes it back into Smartsheet
// and the revert appears in the audit trail next to the POST_CLOSE_EDIT it undoes.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateEdits } from '../../emulator/simulator/simulate-edits.js';
import { localBackupFolder } from '../../src/adapters/backup/local-backup-folder.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { smartsheetRowWriter } from '../../src/adapters/smartsheet/smartsheet-row-writer.js';
import { storeBackupEngine } from '../../src/adapters/store/index.js';
import { storeInternals } from '../../src/adapters/store/store-internals.js';
import { ROWS_RESTORED } from '../../src/domain/backup/rows-restored-event.js';
import { createBackup } from '../../src/services/create-backup.js';
import { restoreRows } from '../../src/services/restore-rows.js';
import { startCycleHarness, type CycleHarness } from '../support/report-cycle-harness.js';

let harness: CycleHarness | undefined;
let root: string | undefined;
afterEach(async () => {
  await harness?.close();
  if (root) await rm(root, { recursive: true, force: true });
  harness = undefined;
  root = undefined;
});

/** The harness's SQLite file, as the store itself reports it. */
async function storePath(h: CycleHarness): Promise<string> {
  const list = await sql<{ name: string; file: string }>`pragma database_list`.execute(
    storeInternals(h.store).db,
  );
  return list.rows.find((row) => row.name === 'main')?.file ?? '';
}

describe('restore rows', () => {
  it('reverts a planted post-close price change in Smartsheet and records the revert in the trail', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    await h.run();
    root = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-backups-'));
    const folder = localBackupFolder(root);
    const backup = await createBackup(
      {
        backups: h.store.backups,
        sheets: h.store.sheets,
        reports: h.store.reports,
        copier: storeBackupEngine({ kind: 'sqlite', path: await storePath(h) }),
        folder,
        source: h.source,
        now: () => new Date(),
        logger: createLogger({ level: 'silent', format: 'json' }),
      },
      {
        backupId: 'backup-20250818T020000Z-abcdef',
        extraSheets: [],
        versions: { ledgerline: 'test', node: process.version },
      },
    );
    expect(backup.ok).toBe(true);

    const { labels } = await simulateEdits({
      baseUrl: h.emulator.baseUrl,
      controlUrl: h.emulator.controlUrl,
      seed: h.seed,
      rounds: 1,
      editsPerRound: 12,
      randomSeed: 5,
      plantRate: 1,
    });
    const planted = labels.find((label) => label.kind === 'post_close_price_increase');
    expect(planted, 'the simulation planted a post-close price increase').toBeDefined();
    const { sheetId, rowId, columnId, oldValue, newValue } = planted!;
    await h.run();
    const [detected] = (
      await h.store.audit.listEvents({ sheetId, rowId, violationTypes: ['POST_CLOSE_EDIT'], limit: 5 })
    ).events;
    expect(detected?.newValue).toBe(String(newValue));

    const result = await restoreRows(
      {
        folder,
        source: h.source,
        writer: smartsheetRowWriter(h.client),
        audit: h.store.audit,
        now: () => new Date(),
      },
      {
        backupId: 'backup-20250818T020000Z-abcdef',
        sheetId,
        rowIds: [rowId],
        dryRun: false,
        operator: 'ops@host',
        runId: 'restore-test-1',
      },
    );
    expect(result.rows).toEqual([
      expect.objectContaining({
        rowId,
        status: 'restored',
        cells: [expect.objectContaining({ from: String(newValue) })],
      }),
    ]);

    const sheet = await h.source.readSheet(sheetId, { rowIds: [rowId] });
    const cell = sheet?.rows[0]?.cells.find((c) => c.columnId === columnId);
    expect(Number(cell?.value)).toBe(Number(oldValue));

    const [revert] = (
      await h.store.audit.listEvents({ sheetId, rowId, violationTypes: [ROWS_RESTORED], limit: 5 })
    ).events;
    expect(revert).toMatchObject({
      severity: 'INFO',
      oldValue: String(newValue),
      newValue: String(oldValue),
      details: expect.objectContaining({ backupId: 'backup-20250818T020000Z-abcdef', operator: 'ops@host' }),
    });
    expect(revert!.seq).toBeGreaterThan(detected!.seq);
    expect(revert!.issueDescription).toContain('ops@host restored');
  });
});
