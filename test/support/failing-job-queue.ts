// A real pg-boss queue in a schema of its own (`t_jobs_<random>`, dropped afterwards) and jobs made
// to fail for real: a worker whose handler throws, with no retries left. For the tests of what the
// dashboard and `doctor` show about failed jobs, and of retrying them.
//
// The failing worker runs on a second queue instance over the same schema (a worker process of its
// own), so a test can stop it and let a worker of its choosing take a retried job; `queue` itself
// runs no worker unless the test starts one.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openPgBossJobQueue } from '../../src/adapters/queue/pg-boss-job-queue.js';
import type { JsonObject } from '../../src/domain/audit-chain.js';
import type { JobKind, JobQueue } from '../../src/ports/job-queue.js';
import { TEST_DATABASE_URL } from './test-databases.js';

export interface TestJobQueue {
  readonly queue: JobQueue;
  readonly schema: string;
  /** Sends a job of `kind` whose handler throws `message`, and waits until the job has failed. */
  failJob(kind: JobKind, data: JsonObject, message: string): Promise<string>;
  /** Stops the failing worker (after the jobs it holds); later jobs are left to other workers. */
  stopFailing(): Promise<void>;
  /** Waits until the job is in one of `states` (polling); its last status otherwise fails the test. */
  waitForState(kind: JobKind, id: string, states: readonly string[]): Promise<void>;
  /** Stops the queues and drops their schema. */
  close(): Promise<void>;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function openQueue(schema: string): Promise<JobQueue> {
  return openPgBossJobQueue({
    connectionString: TEST_DATABASE_URL,
    schema,
    logger: createLogger({ level: 'silent', format: 'json' }),
    retryLimit: 0,
    pollingIntervalSeconds: 0.5,
    poolSize: 3,
  });
}

export async function openFailingJobQueue(): Promise<TestJobQueue> {
  const schema = `t_jobs_${randomBytes(6).toString('hex')}`;
  const queue = await openQueue(schema).catch(async (error: unknown) => {
    await dropSchema(schema);
    throw error;
  });
  let failer: JobQueue | undefined;
  const failures = new Map<string, string>();
  const working = new Set<JobKind>();

  async function waitForState(kind: JobKind, id: string, states: readonly string[]): Promise<void> {
    let state: string | undefined;
    for (let polls = 0; polls < 600; polls += 1) {
      state = (await queue.status(kind, id))?.state;
      if (state !== undefined && states.includes(state)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the ${kind} job ${id} stayed ${state ?? 'missing'}, never ${states.join(' or ')}`);
  }

  return {
    queue,
    schema,
    async failJob(kind, data, message) {
      failer ??= await openQueue(schema);
      if (!working.has(kind)) {
        working.add(kind);
        await failer.work(kind, { concurrency: 1 }, async (job) => {
          throw new Error(failures.get(job.id) ?? 'unexpected job');
        });
      }
      const id = randomUUID();
      failures.set(id, message);
      await queue.send(kind, data, { id });
      await waitForState(kind, id, ['failed']);
      return id;
    },
    async stopFailing() {
      await failer?.stop({ graceMs: 2_000 });
      failer = undefined;
      working.clear();
    },
    waitForState,
    async close() {
      await failer?.stop({ graceMs: 2_000 });
      await queue.stop({ graceMs: 2_000 });
      await dropSchema(schema);
    },
  };
}
