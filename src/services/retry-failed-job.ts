// An admin puts a failed cluster job back in the queue from the Jobs page (issue #10). Only a job
// that used up its retries can be retried; the act is a JOB_RETRIED audit event naming who did it and
// from where, as every other admin action on the dashboard.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ChainedAuditEvent, JsonObject } from '../domain/audit-chain.js';
import { jobRetriedEvent } from '../domain/dashboard/dashboard-action-events.js';
import { JOB_RETENTION_DAYS } from '../ports/job-queue.js';
import type { JobKind, JobQueue, JobStatus } from '../ports/job-queue.js';
import type { AuditStore } from '../ports/store.js';
import type { DashboardActor } from './dashboard-review.js';

export interface RetryFailedJobDeps {
  readonly queue: Pick<JobQueue, 'status' | 'retry'>;
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  /** Cleans the job's last error before it is written to the (append-only) trail. */
  readonly scrub: (text: string) => string;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface RetriedJob {
  readonly status: JobStatus;
  readonly event: ChainedAuditEvent | undefined;
}

function lastErrorOf(output: JsonObject | null): string {
  const message = output?.message;
  return typeof message === 'string' ? message : JSON.stringify(output ?? null);
}

export async function retryFailedJob(
  deps: RetryFailedJobDeps,
  kind: JobKind,
  id: string,
  actor: DashboardActor,
): Promise<RetriedJob> {
  const before = await deps.queue.status(kind, id);
  if (!before)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `The queue holds no ${kind} job with the id ${id} (failed jobs are deleted after ${JOB_RETENTION_DAYS} days).`,
    );
  if (before.state !== 'failed')
    throw new AppError(
      ErrorCode.CONFLICT,
      `The ${kind} job ${id} is ${before.state}, not failed: only a failed job can be retried.`,
    );
  // The trail first, as for reviews: a retry that is not on record must not happen. Should the
  // requeue then lose a race (below), the event still records what the admin asked for.
  const [event] = await deps.audit.appendEvents([
    jobRetriedEvent(
      { kind, id, lastError: deps.scrub(lastErrorOf(before.output)).slice(0, 500) },
      { actionId: deps.newId(), actor: actor.email, now: deps.now(), origin: actor.origin },
    ),
  ]);
  if (!(await deps.queue.retry(kind, id))) {
    const now = await deps.queue.status(kind, id);
    throw new AppError(
      ErrorCode.CONFLICT,
      now?.state === 'failed'
        ? `The ${kind} job ${id} could not be put back: a ${kind} job is already waiting for a retry, and the queue holds one at a time.`
        : `The ${kind} job ${id} is ${now?.state ?? 'gone'} now: someone else retried or removed it meanwhile.`,
    );
  }
  return { status: (await deps.queue.status(kind, id)) ?? { ...before, state: 'retry' }, event };
}
