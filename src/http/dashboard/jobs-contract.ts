// The JSON of the Jobs route (issue #10) for the web app, which imports these types only.
// Paths and permissions are in API_ROUTES (api-contract.ts):
//   GET  /api/jobs[?limit=]          → JobsResponse (audit.review: auditors and admins)
//   POST /api/jobs/:kind/:id/retry   → JobRetried (admin; CSRF header as every POST). 400 for an
//        unknown kind or an id that is not a UUID, 404 when the queue holds no such job, 409 when the
//        job is not failed (or in in-process mode, which has no queue). Recorded as a JOB_RETRIED
//        audit event.
// With LEDGERLINE_QUEUE=pg-boss it lists the cluster queue's jobs per kind and state and its newest
// failed jobs (at most `limit`, default 50, ≤ 500); in-process mode has no queue and says so.
// Instants are ISO-8601 UTC.
import type { JobKind, JobState } from '../../ports/job-queue.js';

/** cycle, sheet-sync, webhook-batch, alerts (JOB_KINDS). */
export type JobKindName = JobKind;

/** Jobs of one kind per state. Queued includes jobs waiting for a retry. */
export interface JobKindCounts {
  readonly kind: JobKindName;
  readonly queued: number;
  readonly active: number;
  readonly failed: number;
  readonly completed: number;
}

/** A job that used up its retries. Its data is never sent; `description` names what it was about. */
export interface FailedJobItem {
  readonly id: string;
  readonly kind: JobKindName;
  /** "sync of sheet Crew A (#4211) of run 8c1f…", "alert digest of run 8c1f…". */
  readonly description: string;
  /** Deliveries made, the first included. */
  readonly attempts: number;
  readonly createdAt: string;
  readonly failedAt: string | null;
  /** The last attempt's error message (scrubbed of credentials and e-mail addresses). */
  readonly error: string;
}

export interface PgBossJobsResponse {
  readonly mode: 'pg-boss';
  readonly kinds: readonly JobKindCounts[];
  /** Newest first; the queue deletes failed jobs after `retentionDays`. */
  readonly failed: readonly FailedJobItem[];
  /** How long the queue keeps finished and failed jobs (JOB_RETENTION_DAYS). */
  readonly retentionDays: number;
}

/** LEDGERLINE_QUEUE=in-process: `serve` does the work itself; a failed cycle shows on the Runs page. */
export interface InProcessJobsResponse {
  readonly mode: 'in-process';
  readonly message: string;
  readonly kinds: readonly [];
  readonly failed: readonly [];
}

/** GET /api/jobs (audit.review). */
export type JobsResponse = PgBossJobsResponse | InProcessJobsResponse;

/** POST /api/jobs/:kind/:id/retry (admin): the job is back in the queue for another round of attempts. */
export interface JobRetried {
  readonly id: string;
  readonly kind: JobKindName;
  /** Normally `retry` (waiting for a worker); a fast worker may already have taken it. */
  readonly state: JobState;
  /** Seq of the JOB_RETRIED audit event. */
  readonly eventSeq: number | null;
}
