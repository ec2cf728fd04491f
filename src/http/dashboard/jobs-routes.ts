// The Jobs API (issue #10): the cluster queue's jobs per kind and its newest failed jobs, for
// auditors and admins, and an admin's retry of a failed job. Without a queue
// (LEDGERLINE_QUEUE=in-process) the list still answers, with the mode, so the page can say why there
// is nothing to list; a retry is refused with the same explanation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { JOB_KINDS, JOB_RETENTION_DAYS } from '../../ports/job-queue.js';
import type { JobKind, JobQueue } from '../../ports/job-queue.js';
import type { AuditStore } from '../../ports/store.js';
import {
  DEFAULT_FAILED_JOB_LIMIT,
  MAX_FAILED_JOB_LIMIT,
  readJobQueueOverview,
} from '../../services/job-queue-overview.js';
import type { DashboardActor } from '../../services/dashboard-review.js';
import { retryFailedJob } from '../../services/retry-failed-job.js';
import { requestOrigin } from '../auth/request-origin.js';
import type { JobRetried, JobsResponse } from './jobs-contract.js';

export interface JobsRouteDeps {
  /** The cluster's queue; undefined in in-process mode. */
  readonly jobs: Pick<JobQueue, 'stats' | 'listFailed' | 'status' | 'retry'> | undefined;
  /** Where a retry is recorded (JOB_RETRIED). */
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  /** Cleans error messages before they leave the server (credentials, e-mail addresses, secrets). */
  readonly scrub: (text: string) => string;
  readonly now: () => Date;
  readonly newId: () => string;
}

const IN_PROCESS_MESSAGE =
  'No job queue: LEDGERLINE_QUEUE=in-process, so `serve` does all the work itself. Failed cycles show on the Runs page.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function limitOf(value: unknown): number {
  if (value === undefined) return DEFAULT_FAILED_JOB_LIMIT;
  const limit = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_FAILED_JOB_LIMIT))
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Invalid limit ${JSON.stringify(String(value))}: expected a whole number from 1 to ${MAX_FAILED_JOB_LIMIT}.`,
    );
  return limit;
}

function jobOf(params: { kind: string; id: string }): { kind: JobKind; id: string } {
  const kind = JOB_KINDS.find((k) => k === params.kind);
  if (!kind)
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Unknown job kind ${JSON.stringify(params.kind.slice(0, 40))}: expected one of ${JOB_KINDS.join(', ')}.`,
    );
  if (!UUID.test(params.id))
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Invalid job id ${JSON.stringify(params.id.slice(0, 60))}: expected a UUID.`,
    );
  return { kind, id: params.id.toLowerCase() };
}

/** The signed-in user and the origin; enforcePermissions guarantees a user on admin routes. */
function actorOf(request: FastifyRequest): DashboardActor {
  const user = request.auth?.user;
  if (!user) throw new Error('jobs route reached without a signed-in user');
  return { email: user.email, origin: requestOrigin(request) };
}

/** The queue (or the trail) failed to answer: a database problem, not the request's. */
function unavailable(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.DATABASE_UNAVAILABLE, message, { cause: error });
  };
}

export function jobsRoutes(server: FastifyInstance, deps: JobsRouteDeps): void {
  server.get('/api/jobs', { config: { permission: 'audit.review' } }, async (request) => {
    const limit = limitOf((request.query as Record<string, unknown>).limit);
    if (!deps.jobs) {
      const body: JobsResponse = { mode: 'in-process', message: IN_PROCESS_MESSAGE, kinds: [], failed: [] };
      return body;
    }
    const overview = await readJobQueueOverview(deps.jobs, { limit, scrub: deps.scrub }).catch(
      unavailable('The job queue cannot be read.'),
    );
    const body: JobsResponse = {
      mode: 'pg-boss',
      kinds: overview.kinds,
      failed: overview.failed,
      retentionDays: JOB_RETENTION_DAYS,
    };
    return body;
  });

  server.post<{ Params: { kind: string; id: string } }>(
    '/api/jobs/:kind/:id/retry',
    { config: { permission: 'admin' } },
    async (request) => {
      const { kind, id } = jobOf(request.params);
      if (!deps.jobs)
        throw new AppError(ErrorCode.CONFLICT, `${IN_PROCESS_MESSAGE} There is no queued job to retry.`);
      const retried = await retryFailedJob({ ...deps, queue: deps.jobs }, kind, id, actorOf(request)).catch(
        unavailable('The job could not be retried: the job queue or the audit trail cannot be reached.'),
      );
      const body: JobRetried = {
        id,
        kind,
        state: retried.status.state,
        eventSeq: retried.event?.seq ?? null,
      };
      return body;
    },
  );
}
