// `doctor`'s look at the cluster's job queue (issue #10): jobs per kind, and a warning naming the
// newest failure when jobs used up their retries. A failed job is a warning, not a failure: the
// next scheduled cycle redoes its work (see docs/OPERATIONS.md), but someone should know why.
import { JOB_KINDS, JOB_RETENTION_DAYS } from '../ports/job-queue.js';
import type { JobQueue } from '../ports/job-queue.js';
import { readJobQueueOverview } from './job-queue-overview.js';
import type { HealthDetail } from './run-health-checks.js';

/** How many failed jobs are read to name the newest ones per kind. */
const FAILED_SAMPLE = 200;
/** Failed jobs listed under the warning. */
const LISTED = 5;

export async function checkJobQueue(
  queue: Pick<JobQueue, 'stats' | 'listFailed'>,
  options: { readonly where: string; readonly scrub: (text: string) => string },
): Promise<HealthDetail> {
  const overview = await readJobQueueOverview(queue, { limit: FAILED_SAMPLE, scrub: options.scrub });
  const count = (state: 'queued' | 'active' | 'failed') =>
    overview.kinds.reduce((sum, entry) => sum + entry[state], 0);
  const counts = `${count('queued')} queued, ${count('active')} active`;
  const newest = overview.failed[0];
  if (!newest) return { detail: `${options.where}: ${counts}, no failed jobs` };
  const perKind = JOB_KINDS.map(
    (kind) => [kind, overview.kinds.find((k) => k.kind === kind)?.failed ?? 0] as const,
  )
    .filter(([, failed]) => failed > 0)
    .map(([kind, failed]) => `${kind} ${failed}`)
    .join(', ');
  return {
    detail: `${options.where}: ${counts}, ${count('failed')} failed (${perKind}); newest: ${newest.kind} ${newest.description}: ${newest.error}`,
    warning: true,
    hint: `Failed jobs are kept for ${JOB_RETENTION_DAYS} days and shown on the dashboard's Jobs page, where an admin can retry one; a failed cycle or sheet sync is also redone by the next scheduled cycle (docs/OPERATIONS.md).`,
    lines: overview.failed
      .slice(0, LISTED)
      .map(
        (job) =>
          `${job.failedAt ?? job.createdAt} ${job.kind} ${job.id}: ${job.description} (${job.attempts} attempt${job.attempts === 1 ? '' : 's'}): ${job.error}`,
      ),
  };
}
