// `doctor`'s queue check against the real Postgres: a pg-boss queue in a fresh schema where a job
// really failed makes it warn and name the job; a clean queue passes with its counts; a SQLite store
// or an unreachable server fails with a message that says what to change; in-process mode passes.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { runHealthChecks } from '../services/run-health-checks.js';
import { openFailingJobQueue, type TestJobQueue } from '../../test/support/failing-job-queue.js';
import { backends, TEST_DATABASE_URL } from '../../test/support/test-databases.js';
import { jobQueueHealthCheck } from './job-queue-health-check.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const TOKEN = 'doctor-test-token-0123456789';
let queue: TestJobQueue | undefined;

afterEach(async () => {
  await queue?.close();
  queue = undefined;
});

const configFor = (env: Record<string, string>) =>
  loadConfig({ envFile: false, env: { SMARTSHEET_API_TOKEN: TOKEN, ...env } });

async function doctorQueue(env: Record<string, string>) {
  const report = await runHealthChecks([jobQueueHealthCheck(configFor(env))]);
  return report.results[0]!;
}

describe('doctor: queue', () => {
  it('passes and says the queue is not used in in-process mode', async () => {
    const result = await doctorQueue({ LEDGERLINE_QUEUE: 'in-process' });
    expect(result).toMatchObject({ name: 'queue', ok: true, detail: expect.stringMatching(/^not used/) });
    expect(result.warning).toBeUndefined();
  });

  it('fails with what to change when LEDGERLINE_QUEUE=pg-boss but the store is SQLite', async () => {
    const result = await doctorQueue({
      LEDGERLINE_QUEUE: 'pg-boss',
      LEDGERLINE_DATABASE_URL: 'sqlite:/tmp/ll.db',
    });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/LEDGERLINE_QUEUE=pg-boss needs the store on Postgres/);
    expect(result.hint).toMatch(/LEDGERLINE_DATABASE_URL=postgres:\/\//);
  });

  it('fails naming the queue schema when Postgres cannot be reached', async () => {
    const result = await doctorQueue({
      LEDGERLINE_QUEUE: 'pg-boss',
      // Port 1 on the loopback: nothing listens, the connection is refused at once.
      LEDGERLINE_DATABASE_URL: 'postgres://ledgerline:pw-not-shown@127.0.0.1:1/ledger',
      LEDGERLINE_QUEUE_SCHEMA: 'ledgerline_queue',
    });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^Cannot open the job queue \(pg-boss, schema ledgerline_queue\)/);
    expect(result.hint).toMatch(/LEDGERLINE_DATABASE_URL/);
    expect(JSON.stringify(result)).not.toContain('pw-not-shown');
  });

  describe.skipIf(postgres.skipReason)('on Postgres', () => {
    it('passes with the counts when no job failed', async () => {
      queue = await openFailingJobQueue();
      const result = await doctorQueue({
        LEDGERLINE_QUEUE: 'pg-boss',
        LEDGERLINE_DATABASE_URL: TEST_DATABASE_URL,
        LEDGERLINE_QUEUE_SCHEMA: queue.schema,
      });
      expect(result).toMatchObject({
        ok: true,
        detail: `pg-boss in schema ${queue.schema}: 0 queued, 0 active, no failed jobs`,
      });
      expect(result.warning).toBeUndefined();
    }, 60_000);

    it('warns with the failed jobs per kind and names the newest failure, without secrets', async () => {
      queue = await openFailingJobQueue();
      await queue.failJob('cycle', { runId: 'run-1', reason: 'schedule' }, 'Smartsheet is down');
      const newest = await queue.failJob(
        'alerts',
        { runId: 'run-2' },
        `SMTP refused the digest for ops@example.com (auth ${TOKEN})`,
      );
      const result = await doctorQueue({
        LEDGERLINE_QUEUE: 'pg-boss',
        LEDGERLINE_DATABASE_URL: TEST_DATABASE_URL,
        LEDGERLINE_QUEUE_SCHEMA: queue.schema,
      });
      expect(result.ok).toBe(true);
      expect(result.warning).toBe(true);
      expect(result.detail).toContain('2 failed (cycle 1, alerts 1)');
      expect(result.detail).toContain(
        'newest: alerts alert digest of run run-2: SMTP refused the digest for [email] (auth [redacted])',
      );
      expect(result.lines).toHaveLength(2);
      expect(result.lines![0]).toContain(newest);
      expect(result.lines![1]).toContain('cycle run run-1 (schedule) (1 attempt): Smartsheet is down');
      expect(result.hint).toMatch(/7 days/);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }, 60_000);
  });
});
