// Jobs (auditors and admins): with the cluster queue (LEDGERLINE_QUEUE=pg-boss) the jobs per kind
// and state and the newest jobs that used up their retries, each with a Retry button for admins;
// in-process mode has no queue, and the page says so in one line.
import { useState } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type { FailedJobItem, JobKindCounts, JobRetried, JobsResponse } from '../api/contract-types.js';
import { useSession } from '../app/session.js';
import { formatCount, formatDateTime } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';

export function JobsPage() {
  const { data, error, loading, reload } = useApiData<JobsResponse>('/api/jobs');
  const { can } = useSession();
  const [notice, setNotice] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  async function retry(job: FailedJobItem): Promise<void> {
    setRetrying(job.id);
    setNotice(null);
    try {
      const path = `/api/jobs/${encodeURIComponent(job.kind)}/${encodeURIComponent(job.id)}/retry`;
      const reply = await api.post<JobRetried>(path);
      setNotice({
        ok: true,
        text: `The ${reply.kind} job ${reply.id} is back in the queue (${reply.state}).`,
      });
    } catch (failure) {
      setNotice({ ok: false, text: describeFailure(failure) });
    } finally {
      setRetrying(null);
      reload();
    }
  }

  return (
    <section className="page" aria-labelledby="jobs-title">
      <header className="page-header">
        <h1 id="jobs-title">Jobs</h1>
        <button
          type="button"
          className="button"
          onClick={reload}
          disabled={loading}
          data-testid="jobs-reload"
        >
          Refresh
        </button>
      </header>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data?.mode === 'in-process' && (
        <p className="muted" data-testid="jobs-in-process">
          {data.message}
        </p>
      )}
      {notice && (
        <div
          className={notice.ok ? 'notice notice-success' : 'notice notice-error'}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="job-retry-notice"
        >
          {notice.text}
        </div>
      )}
      {data?.mode === 'pg-boss' && (
        <>
          <JobCounts kinds={data.kinds} />
          <FailedJobs
            jobs={data.failed}
            retentionDays={data.retentionDays}
            onRetry={can('admin') ? (job) => void retry(job) : undefined}
            retrying={retrying}
          />
        </>
      )}
    </section>
  );
}

function JobCounts({ kinds }: { readonly kinds: readonly JobKindCounts[] }) {
  return (
    <div className="kpi-grid" data-testid="job-counts">
      {kinds.map((entry) => (
        <div className="card kpi" key={entry.kind} data-testid={`job-kind-${entry.kind}`}>
          <div className="kpi-label">{entry.kind}</div>
          <div className={entry.failed > 0 ? 'kpi-value text-danger' : 'kpi-value'}>
            {formatCount(entry.failed)} failed
          </div>
          <ul className="kpi-severities">
            <li>{formatCount(entry.queued)} queued</li>
            <li>{formatCount(entry.active)} active</li>
            <li>{formatCount(entry.completed)} completed</li>
          </ul>
        </div>
      ))}
    </div>
  );
}

function FailedJobs({
  jobs,
  retentionDays,
  onRetry,
  retrying,
}: {
  readonly jobs: readonly FailedJobItem[];
  readonly retentionDays: number;
  /** Admins only: puts the job back in the queue. */
  readonly onRetry: ((job: FailedJobItem) => void) | undefined;
  /** The id of the job being retried, while its request runs. */
  readonly retrying: string | null;
}) {
  const columns = onRetry ? 6 : 5;
  return (
    <div className="card">
      <h2>Failed jobs</h2>
      <p className="muted">
        Jobs that used up their retries, newest first; the queue keeps them for {retentionDays} days. A failed
        cycle or sheet sync is redone by the next scheduled cycle
        {onRetry ? '; Retry puts a job back in the queue now.' : '.'}
      </p>
      <div className="table-wrap">
        <table className="data-table compact" data-testid="failed-jobs-table">
          <thead>
            <tr>
              <th scope="col">Failed</th>
              <th scope="col">Kind</th>
              <th scope="col">Job</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Error</th>
              {onRetry && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {jobs.length === 0 && (
              <tr>
                <td colSpan={columns} className="muted">
                  No failed jobs.
                </td>
              </tr>
            )}
            {jobs.map((job) => (
              <tr key={job.id} data-testid="failed-job-row">
                <td>{formatDateTime(job.failedAt ?? job.createdAt)}</td>
                <td>{job.kind}</td>
                <td className="wrap">
                  {job.description}
                  <div className="muted">
                    <code>{job.id}</code>
                  </div>
                </td>
                <td className="num">{formatCount(job.attempts)}</td>
                <td className="wrap text-danger">{job.error}</td>
                {onRetry && (
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={retrying !== null}
                      onClick={() => onRetry(job)}
                      data-testid="job-retry"
                    >
                      {retrying === job.id ? 'Retrying…' : 'Retry'}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
