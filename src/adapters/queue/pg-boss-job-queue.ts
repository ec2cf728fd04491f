// The JobQueue on pg-boss (DESIGN.md §4: an existing distributed job engine on the same Postgres).
// pg-boss lives in a schema of its own, never the store's, so backups and restores of the store do
// not carry queue rows. Every queue has a heartbeat: a worker that is killed stops beating, pg-boss's
// supervisor notices after `heartbeatSeconds` and puts the job back for another worker.
import { PgBoss } from 'pg-boss';
import type { Job, Queue } from 'pg-boss';
import type { JsonObject } from '../../domain/audit-chain.js';
import { JOB_KINDS, JOB_RETENTION_DAYS } from '../../ports/job-queue.js';
import type {
  FailedJob,
  JobHandler,
  JobKind,
  JobKindStats,
  JobQueue,
  JobState,
  JobStatus,
  SendJobOptions,
} from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';

export interface PgBossJobQueueOptions {
  /** postgres://… of the store's database. */
  connectionString: string;
  /** pg-boss's own schema, e.g. `ledgerline_queue`. */
  schema: string;
  logger: Logger;
  /** How long a silent worker keeps its job (pg-boss minimum 10). Default 30. */
  heartbeatSeconds?: number;
  /** How often lapsed heartbeats and expired jobs are looked for. Default 10. */
  superviseIntervalSeconds?: number;
  /** How often a worker looks for new jobs when no notification woke it. Default 0.5. */
  pollingIntervalSeconds?: number;
  /** Attempts after the first. Default 5. */
  retryLimit?: number;
  /** First retry delay in seconds, doubling with jitter. Default 5. */
  retryDelaySeconds?: number;
  /** Connections of this process's pool. Default 6. */
  poolSize?: number;
}

/** The longest one attempt of a kind may run before pg-boss gives up on it. */
const EXPIRE_SECONDS: Record<JobKind, number> = {
  cycle: 4 * 3600,
  'sheet-sync': 3600,
  'webhook-batch': 1800,
  alerts: 900,
};

/**
 * One cycle may run and one more wait, whatever the schedule asks; every other kind takes as many
 * jobs as are sent (their handlers are idempotent and serialise on the sheet where they must).
 */
const POLICY: Record<JobKind, Queue['policy']> = {
  cycle: 'stately',
  'sheet-sync': 'standard',
  'webhook-batch': 'standard',
  alerts: 'standard',
};

const RETENTION_SECONDS = JOB_RETENTION_DAYS * 24 * 3600;

interface FailedRow {
  id: string;
  name: string;
  data: JsonObject | null;
  retry_count: number;
  created_on: Date | string;
  completed_on: Date | string | null;
  output: unknown;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const message = (output as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return typeof output === 'string' ? output : JSON.stringify(output ?? null);
}

export async function openPgBossJobQueue(options: PgBossJobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema,
    max: options.poolSize ?? 6,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 10,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 10,
    // Ledgerline's own scheduler decides when things run; pg-boss's cron is not used.
    schedule: false,
    // Workers wake when a job is sent instead of at their next poll: a cycle's sheet-sync jobs are
    // taken at once, which is most of an unchanged cycle's time otherwise.
    useListenNotify: true,
    application_name: 'ledgerline-queue',
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (error: Error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  const heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 30);
  for (const kind of JOB_KINDS) {
    const settings = {
      policy: POLICY[kind],
      retryLimit: options.retryLimit ?? 5,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: EXPIRE_SECONDS[kind],
      heartbeatSeconds,
      notify: true,
      deleteAfterSeconds: RETENTION_SECONDS,
    };
    // Several processes start at once: whoever creates the queue first wins, the others update it.
    const existing = await boss.getQueue(kind);
    if (!existing) {
      try {
        await boss.createQueue(kind, settings);
      } catch (error) {
        if (!(await boss.getQueue(kind))) throw error;
      }
    } else {
      const { policy: _policy, ...changeable } = settings;
      await boss.updateQueue(kind, changeable);
    }
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 0.5;

  return {
    async send(kind: JobKind, data: JsonObject, sendOptions: SendJobOptions = {}) {
      return boss.send(kind, data as object, {
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
    },
    async sendMany(kind: JobKind, jobs: readonly { readonly id: string; readonly data: JsonObject }[]) {
      if (jobs.length === 0) return [];
      // The same statement `send` runs (pg-boss's insertJobs, ending in ON CONFLICT DO NOTHING) with
      // all rows at once; retries, heartbeat and expiry come from the queue's settings either way.
      const ids = await boss.insert(
        kind,
        jobs.map((job) => ({ id: job.id, data: job.data as object })),
        { returnId: true },
      );
      return ids ?? [];
    },
    async work(kind: JobKind, workOptions: { concurrency: number }, handler: JobHandler) {
      // One pg-boss worker per slot, each woken right after its job ends: a worker otherwise sleeps
      // out its polling interval between jobs, which for a cycle's 90 quick sheet-syncs adds up
      // to most of an unchanged cycle. (pg-boss returns the id of the first worker only when one
      // call spawns several, so each slot is its own call.)
      for (let slot = 0; slot < workOptions.concurrency; slot += 1) {
        const worker: { id?: string } = {};
        worker.id = await boss.work<JsonObject>(
          kind,
          { pollingIntervalSeconds, notifyPollingIntervalSeconds: pollingIntervalSeconds, batchSize: 1 },
          async ([job]: Job<JsonObject>[]) => {
            if (!job) return undefined;
            try {
              return await handler({ id: job.id, kind, data: job.data ?? {}, retryCount: job.retryCount });
            } finally {
              if (worker.id) boss.notifyWorker(worker.id);
            }
          },
        );
      }
    },
    async status(kind: JobKind, id: string): Promise<JobStatus | undefined> {
      const job = await boss.getJobById<JsonObject>(kind, id);
      if (!job) return undefined;
      return {
        id: job.id,
        state: job.state as JobState,
        output: (job.output as JsonObject | null | undefined) ?? null,
      };
    },
    async statuses(kind: JobKind, ids: readonly string[]): Promise<JobStatus[]> {
      if (ids.length === 0) return [];
      const result = await boss.getDb().executeSql(
        `SELECT id, state, output FROM ${quoteIdentifier(options.schema)}.job
          WHERE name = $1 AND id = ANY($2::uuid[])`,
        [kind, [...ids]],
      );
      return (result.rows as { id: string; state: JobState; output: JsonObject | null }[]).map((row) => ({
        id: row.id,
        state: row.state,
        output: row.output ?? null,
      }));
    },
    async stats(): Promise<JobKindStats[]> {
      // Counted from the job table itself: pg-boss's own queue counts are a snapshot its monitor
      // refreshes every few seconds, so a job that just failed would show next to "0 failed".
      const result = await boss.getDb().executeSql(
        `SELECT name, state, count(*)::int AS n
           FROM ${quoteIdentifier(options.schema)}.job
          WHERE name = ANY($1::text[])
          GROUP BY name, state`,
        [[...JOB_KINDS]],
      );
      const rows = result.rows as { name: string; state: JobState; n: number }[];
      const count = (kind: JobKind, states: readonly JobState[]) =>
        rows.filter((r) => r.name === kind && states.includes(r.state)).reduce((sum, r) => sum + r.n, 0);
      return JOB_KINDS.map((kind) => ({
        kind,
        queued: count(kind, ['created', 'retry']),
        active: count(kind, ['active']),
        failed: count(kind, ['failed']),
        completed: count(kind, ['completed']),
      }));
    },
    async retry(kind: JobKind, id: string): Promise<boolean> {
      // pg-boss requeues only a job that is still failed, in one UPDATE, and counts what it changed:
      // the count (not an earlier read) says whether this call put it back, so two admins retrying
      // at once cannot both succeed.
      try {
        const result = (await boss.retry(kind, id)) as { affected?: number };
        return (result.affected ?? 0) > 0;
      } catch (error) {
        // A stately kind (cycle) holds one job per state and key: with another already waiting for
        // its retry, this one cannot join it and stays failed.
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },
    async listFailed({ limit }: { limit: number }): Promise<FailedJob[]> {
      // pg-boss has no "failed jobs across queues" call; its job table is documented SQL.
      const result = await boss.getDb().executeSql(
        `SELECT id, name, data, retry_count, created_on, completed_on, output
           FROM ${quoteIdentifier(options.schema)}.job
          WHERE state = 'failed' AND name = ANY($1::text[])
          ORDER BY COALESCE(completed_on, created_on) DESC
          LIMIT $2`,
        [[...JOB_KINDS], limit],
      );
      return (result.rows as FailedRow[]).map((row) => ({
        id: row.id,
        kind: row.name as JobKind,
        data: row.data ?? {},
        retryCount: row.retry_count,
        createdAt: new Date(row.created_on).toISOString(),
        failedAt: row.completed_on ? new Date(row.completed_on).toISOString() : null,
        error: errorText(row.output).slice(0, 500),
      }));
    },
    async stop({ graceMs = 30_000 }: { graceMs?: number } = {}) {
      await boss.stop({ graceful: true, timeout: graceMs, close: true });
    },
  };
}
