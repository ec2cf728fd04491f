// What the cluster's job queue holds, as the dashboard's Jobs page and `doctor` show it (issue #10):
// jobs per kind and state, and the newest jobs that used up their retries, each described in a few
// words. A job's data is never shown as such: the description names only the fields known to be
// harmless (run id, sheet id and name, slot), so whatever else a job carries stays in the queue.
import type { JsonObject, JsonValue } from '../domain/audit-chain.js';
import type { FailedJob, JobKind, JobKindStats, JobQueue } from '../ports/job-queue.js';

export const DEFAULT_FAILED_JOB_LIMIT = 50;
export const MAX_FAILED_JOB_LIMIT = 500;

/** A failed job as it may be shown: no raw data, the error scrubbed. */
export interface FailedJobSummary {
  readonly id: string;
  readonly kind: JobKind;
  /** "sheet Crew A (#4211) of run 8c1f…", "cycle run 8c1f… (schedule)". */
  readonly description: string;
  /** Deliveries made, the first included. */
  readonly attempts: number;
  readonly createdAt: string;
  readonly failedAt: string | null;
  readonly error: string;
}

export interface JobQueueOverview {
  readonly kinds: readonly JobKindStats[];
  readonly failed: readonly FailedJobSummary[];
}

const MAX_TEXT = 120;

function shortText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function field(data: JsonObject, name: string): string | undefined {
  return shortText(data[name]);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A short description of what a job was about, from the fields each kind's sender puts in its data
 * (services/cluster-jobs.ts, fan-out-sheet-syncs.ts). Other fields are left out on purpose.
 */
export function describeJobData(kind: JobKind, data: JsonObject): string {
  const runId = field(data, 'runId');
  const ofRun = runId ? ` of run ${runId}` : '';
  switch (kind) {
    case 'cycle': {
      const reason = field(data, 'reason');
      return `cycle${runId ? ` run ${runId}` : ''}${reason ? ` (${reason})` : ''}`;
    }
    case 'sheet-sync': {
      const sheet: JsonObject = isObject(data.sheet) ? data.sheet : {};
      const id = shortText(sheet.id);
      const name = shortText(sheet.name);
      const which = name && id ? `${name} (#${id})` : (name ?? (id ? `#${id}` : 'unknown'));
      return `sync of sheet ${which}${ofRun}`;
    }
    case 'webhook-batch': {
      const slot = field(data, 'slot');
      return `webhook callbacks${slot ? ` (inbox poll ${slot})` : ''}`;
    }
    case 'alerts':
      return data.retry === true ? 'retry of failed alert deliveries' : `alert digest${ofRun}`;
  }
}

function summarise(job: FailedJob, scrub: (text: string) => string): FailedJobSummary {
  return {
    id: job.id,
    kind: job.kind,
    description: scrub(describeJobData(job.kind, job.data)),
    attempts: job.retryCount + 1,
    createdAt: job.createdAt,
    failedAt: job.failedAt,
    error: scrub(job.error),
  };
}

/** The queue's counts (exact, read from the queue now) and its newest failed jobs. */
export async function readJobQueueOverview(
  queue: Pick<JobQueue, 'stats' | 'listFailed'>,
  options: { readonly limit: number; readonly scrub: (text: string) => string },
): Promise<JobQueueOverview> {
  const [stats, failedJobs] = await Promise.all([queue.stats(), queue.listFailed({ limit: options.limit })]);
  return { kinds: stats, failed: failedJobs.map((job) => summarise(job, options.scrub)) };
}
