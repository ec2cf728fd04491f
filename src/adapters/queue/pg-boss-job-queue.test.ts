// The JobQueue on pg-boss against the real Postgres, each test in a fresh queue schema dropped
// afterwards: deterministic ids and singleton keys collapse duplicates, a completed job carries its
// handler's output, a failure with no retries left is visible at once everywhere the dashboard and
// `doctor` look, a failed job can be put back once, and stop lets a handler in flight finish.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, TEST_DATABASE_URL } from '../../../test/support/test-databases.js';
import type { JobKind, JobQueue } from '../../ports/job-queue.js';
import { createLogger } from '../log/pino-logger.js';
import { openPgBossJobQueue, type PgBossJobQueueOptions } from './pg-boss-job-queue.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
let schema: string | undefined;
let queue: JobQueue | undefined;

afterEach(async () => {
  await queue?.stop({ graceMs: 2_000 });
  if (schema) await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  queue = schema = undefined;
});

async function sql<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function openQueue(options: Partial<PgBossJobQueueOptions> = {}): Promise<JobQueue> {
  schema = `t_queue_${randomBytes(6).toString('hex')}`;
  queue = await openPgBossJobQueue({
    connectionString: TEST_DATABASE_URL,
    schema,
    logger: createLogger({ level: 'silent', format: 'json' }),
    pollingIntervalSeconds: 0.5,
    poolSize: 3,
    ...options,
  });
  return queue;
}

async function waitForState(kind: JobKind, id: string, state: string): Promise<void> {
  let seen: string | undefined;
  for (let polls = 0; polls < 600; polls += 1) {
    seen = (await queue!.status(kind, id))?.state;
    if (seen === state) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the ${kind} job ${id} stayed ${seen ?? 'missing'}, never ${state}`);
}

describe.skipIf(postgres.skipReason)('the pg-boss job queue', () => {
  it('takes a job id once: a second send with the same id is a no-op', async () => {
    const jobs = await openQueue();
    const id = randomUUID();
    expect(await jobs.send('sheet-sync', { sheet: { id: 1 } }, { id })).toBe(id);
    expect(await jobs.send('sheet-sync', { sheet: { id: 2 } }, { id })).toBeNull();
    const rows = await sql<{ n: number; data: unknown }>(
      `SELECT count(*) OVER ()::int AS n, data FROM "${schema}".job WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ n: 1, data: { sheet: { id: 1 } } }]);
  }, 30_000);

  it('sends many jobs in one go, dropping ids already queued, with the same settings as send', async () => {
    const jobs = await openQueue({ heartbeatSeconds: 20 });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    expect(await jobs.send('sheet-sync', { sheet: { id: 1 } }, { id: a })).toBe(a);
    const sent = await jobs.sendMany('sheet-sync', [
      { id: a, data: { sheet: { id: 10 } } },
      { id: b, data: { sheet: { id: 2 } } },
      { id: c, data: { sheet: { id: 3 } } },
    ]);
    expect([...sent].sort()).toEqual([b, c].sort());
    expect(await jobs.sendMany('sheet-sync', [{ id: b, data: { sheet: { id: 20 } } }])).toEqual([]);
    expect(await jobs.sendMany('sheet-sync', [])).toEqual([]);
    const rows = await sql<{ id: string; data: unknown; retry_limit: number; heartbeat_seconds: number }>(
      `SELECT id, data, retry_limit, heartbeat_seconds FROM "${schema}".job WHERE id = ANY($1) ORDER BY data->'sheet'->>'id'`,
      [[a, b, c]],
    );
    expect(rows).toEqual([
      { id: a, data: { sheet: { id: 1 } }, retry_limit: 5, heartbeat_seconds: 20 },
      { id: b, data: { sheet: { id: 2 } }, retry_limit: 5, heartbeat_seconds: 20 },
      { id: c, data: { sheet: { id: 3 } }, retry_limit: 5, heartbeat_seconds: 20 },
    ]);
  }, 30_000);

  it("reports a completed job with its handler's output", async () => {
    const jobs = await openQueue();
    await jobs.work('alerts', { concurrency: 1 }, async (job) => ({
      delivered: 3,
      runId: job.data.runId ?? null,
    }));
    const id = (await jobs.send('alerts', { runId: 'run-5' }))!;
    await waitForState('alerts', id, 'completed');
    expect(await jobs.status('alerts', id)).toEqual({
      id,
      state: 'completed',
      output: { delivered: 3, runId: 'run-5' },
    });
  }, 30_000);

  it('shows a job that failed with no retries left in status, stats and listFailed at once', async () => {
    const jobs = await openQueue({ retryLimit: 0 });
    await jobs.work('webhook-batch', { concurrency: 1 }, async () => {
      throw new Error('inbox row 17 is not JSON');
    });
    const id = (await jobs.send('webhook-batch', { slot: 9 }))!;
    await waitForState('webhook-batch', id, 'failed');

    expect((await jobs.status('webhook-batch', id))?.output).toMatchObject({
      message: 'inbox row 17 is not JSON',
    });
    const stats = await jobs.stats();
    expect(stats.find((s) => s.kind === 'webhook-batch')).toEqual({
      kind: 'webhook-batch',
      queued: 0,
      active: 0,
      failed: 1,
      completed: 0,
    });
    expect(stats.filter((s) => s.kind !== 'webhook-batch').every((s) => s.failed === 0)).toBe(true);
    expect(await jobs.listFailed({ limit: 10 })).toEqual([
      {
        id,
        kind: 'webhook-batch',
        data: { slot: 9 },
        retryCount: 0,
        createdAt: expect.any(String),
        failedAt: expect.any(String),
        error: 'inbox row 17 is not JSON',
      },
    ]);
  }, 30_000);

  it('puts a failed job back once; a job that is not failed is not retried', async () => {
    const jobs = await openQueue({ retryLimit: 0 });
    const waiting = (await jobs.send('alerts', { retry: true }))!;
    expect(await jobs.retry('alerts', waiting)).toBe(false);
    expect(await jobs.retry('alerts', randomUUID())).toBe(false);

    await jobs.work('sheet-sync', { concurrency: 1 }, async () => {
      throw new Error('sheet 4 is gone');
    });
    const failed = (await jobs.send('sheet-sync', { sheet: { id: 4 } }))!;
    await waitForState('sheet-sync', failed, 'failed');
    // Two admins at once: exactly one of them puts it back.
    const answers = await Promise.all([jobs.retry('sheet-sync', failed), jobs.retry('sheet-sync', failed)]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  }, 30_000);

  it('holds one queued cycle per singleton key (policy stately)', async () => {
    const jobs = await openQueue();
    const first = await jobs.send('cycle', { reason: 'schedule' }, { singletonKey: 'cycle' });
    expect(first).toEqual(expect.any(String));
    expect(await jobs.send('cycle', { reason: 'webhook' }, { singletonKey: 'cycle' })).toBeNull();
    expect((await jobs.stats()).find((s) => s.kind === 'cycle')?.queued).toBe(1);
  }, 30_000);

  it('lets a handler in flight finish before stop returns', async () => {
    const jobs = await openQueue();
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finished = false;
    await jobs.work('sheet-sync', { concurrency: 1 }, async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      finished = true;
      return { rows: 12 };
    });
    const id = (await jobs.send('sheet-sync', { sheet: { id: 8 } }))!;
    await running;

    await jobs.stop({ graceMs: 10_000 });
    queue = undefined;
    expect(finished).toBe(true);
    const [row] = await sql<{ state: string; output: unknown }>(
      `SELECT state, output FROM "${schema}".job WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ state: 'completed', output: { rows: 12 } });
  }, 30_000);
});
