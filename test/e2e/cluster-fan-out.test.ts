// The sync phase of a cluster cycle against a real pg-boss queue: one job per sheet, sent once even
// when the coordinator sends again (a retried coordinator), results gathered whatever order the jobs
// end in, and a sheet whose job fails for good reported as skipped with the job's error.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openPgBossJobQueue } from '../../src/adapters/queue/pg-boss-job-queue.js';
import type { JsonObject } from '../../src/domain/audit-chain.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import { fanOutSheetSyncs } from '../../src/services/fan-out-sheet-syncs.js';
import { parseSheetSyncJobData } from '../../src/services/sync-sheet-job.js';
import type { SheetSyncJobOutput } from '../../src/services/sync-sheet-job.js';
import { TEST_DATABASE_URL, backends } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const logger = createLogger({ level: 'silent', format: 'json' });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe.skipIf(postgres.skipReason)('fanOutSheetSyncs on pg-boss', () => {
  let schema: string;
  let queue: JobQueue;
  beforeEach(async () => {
    schema = `t_fanout_${randomBytes(5).toString('hex')}`;
    queue = await openPgBossJobQueue({ connectionString: TEST_DATABASE_URL, schema, logger, retryLimit: 0 });
  });
  afterEach(async () => {
    await queue.stop({ graceMs: 1_000 });
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('gathers one result per sheet and reports a failed sheet as skipped', async () => {
    const sheets = [11, 12, 13, 14].map((id) => ({ id, name: `Crew ${id}`, location: 'Field / Crews' }));
    const runs = new Map<number, number>();
    await queue.work('sheet-sync', { concurrency: 3 }, async (job) => {
      const { sheet } = parseSheetSyncJobData(job.data);
      runs.set(sheet.id, (runs.get(sheet.id) ?? 0) + 1);
      await sleep(50 * (15 - sheet.id)); // later sheets end first
      if (sheet.id === 13) throw new Error('Smartsheet answered 4004 five times');
      const output: SheetSyncJobOutput = {
        sheetId: sheet.id,
        sheetName: sheet.name,
        outcome: 'incremental',
        rowsFetched: sheet.id,
        changeCounts: { created: 0, updated: 1, deleted: 0 },
        isNew: false,
        at: '2026-12-05T12:00:00.000Z',
        auditedChanges: 1,
        historyCalls: 1,
        events: 1,
        requests: { total: 3, units: 12 },
      };
      return output as unknown as JsonObject;
    });
    const options = {
      runId: 'run-fan-out-1',
      startedAt: new Date('2026-12-05T12:00:00Z'),
      deadline: new Date('2026-12-05T13:00:00Z'),
      pollMs: 50,
      sleep,
      logger,
    };
    const [first, again] = await Promise.all([
      fanOutSheetSyncs(queue, sheets, options),
      // The coordinator redelivered while the first attempt still waits: the same jobs, not new ones.
      fanOutSheetSyncs(queue, sheets, options),
    ]);

    expect(first.results.map((r) => [r.sheetId, r.outcome])).toEqual([
      [11, 'incremental'],
      [12, 'incremental'],
      [13, 'skipped'],
      [14, 'incremental'],
    ]);
    expect(first.results[2]!.message).toContain('Smartsheet answered 4004 five times');
    expect(first.results[0]).toMatchObject({ rowsFetched: 11, changes: [], changeCounts: { updated: 1 } });
    expect(first).toMatchObject({ changes: 3, historyCalls: 3, requests: { total: 9, units: 36 } });
    expect(again.results.map((r) => r.outcome)).toEqual(first.results.map((r) => r.outcome));
    expect([...runs.values()]).toEqual([1, 1, 1, 1]);
    expect((await queue.stats()).find((s) => s.kind === 'sheet-sync')).toMatchObject({
      completed: 3,
      failed: 1,
    });
  });
});
