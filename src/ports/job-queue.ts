// The scale-out job queue (DESIGN.md §1 `ledgerline worker`): `serve` and the scheduler enqueue,
// any number of workers on any number of machines take the jobs. Jobs are delivered at least once
// (a killed worker's job comes back after its heartbeat lapses), so every handler is idempotent.
import type { JsonObject } from '../domain/audit-chain.js';

/** What the cluster does, one queue each. A cycle job coordinates a run: it fans its sheets out as
 * sheet-sync jobs, then plans, renders and publishes the reports (report generation) itself. */
export const JOB_KINDS = ['cycle', 'sheet-sync', 'webhook-batch', 'alerts'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface SendJobOptions {
  /**
   * A deterministic id (UUID): sending the same id again is a no-op, which is what makes a retried
   * coordinator fan out the same jobs instead of new ones.
   */
  readonly id?: string;
  /** At most one queued-or-active job with this key per kind; a duplicate send returns null. */
  readonly singletonKey?: string;
}

export interface QueuedJob {
  readonly id: string;
  readonly kind: JobKind;
  readonly data: JsonObject;
  /** 0 on the first delivery. */
  readonly retryCount: number;
}

/** How long finished and failed jobs stay visible before the queue deletes them. */
export const JOB_RETENTION_DAYS = 7;

export type JobHandler = (job: QueuedJob) => Promise<JsonObject | undefined>;

export interface JobStatus {
  readonly id: string;
  readonly state: JobState;
  /** What the handler returned (completed) or the error (failed). */
  readonly output: JsonObject | null;
}

/** Jobs per state for one kind, as the dashboard and `doctor` show them. */
export interface JobKindStats {
  readonly kind: JobKind;
  readonly queued: number;
  readonly active: number;
  readonly failed: number;
  readonly completed: number;
}

/** A job that used up its retries: what it was, when and why it failed. */
export interface FailedJob {
  readonly id: string;
  readonly kind: JobKind;
  readonly data: JsonObject;
  readonly retryCount: number;
  readonly createdAt: string;
  readonly failedAt: string | null;
  /** The handler's last error message (never a stack; it may be shown on the dashboard). */
  readonly error: string;
}

export interface JobQueue {
  /** The job's id, or null when a job with the same id or singleton key is already there. */
  send(kind: JobKind, data: JsonObject, options?: SendJobOptions): Promise<string | null>;
  /**
   * Sends many jobs of one kind in one statement, each with its deterministic id; as with `send`,
   * an id already in the queue is dropped. Resolves to the ids that were new.
   */
  sendMany(
    kind: JobKind,
    jobs: readonly { readonly id: string; readonly data: JsonObject }[],
  ): Promise<string[]>;
  /**
   * Takes jobs of `kind`, at most `concurrency` at a time in this process, until `stop`. A handler
   * that throws fails the attempt; the job is retried with backoff up to the kind's retry limit.
   */
  work(kind: JobKind, options: { readonly concurrency: number }, handler: JobHandler): Promise<void>;
  status(kind: JobKind, id: string): Promise<JobStatus | undefined>;
  /** The status of each of `ids` still in the queue, in one read (a coordinator polls many). */
  statuses(kind: JobKind, ids: readonly string[]): Promise<JobStatus[]>;
  /** Exact counts, read now. */
  stats(): Promise<JobKindStats[]>;
  /** Puts a failed job back in the queue for another round of attempts; false when it is not failed. */
  retry(kind: JobKind, id: string): Promise<boolean>;
  /** Newest first. */
  listFailed(options: { readonly limit: number }): Promise<FailedJob[]>;
  /** Stops taking jobs, lets handlers in flight finish (up to `graceMs`), then closes. */
  stop(options?: { readonly graceMs?: number }): Promise<void>;
}
