// Runs: the history of cycles; selecting one shows its JSON summary.
import type { RunItem, RunList } from '../api/contract-types.js';
import { navigate, useLocation } from '../app/router.js';
import { formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { ErrorNotice, LoadState, Loading } from '../ui/load-state.js';
import { StatusChip } from '../ui/severity-chip.js';
import { useApiData } from '../ui/use-api-data.js';

export function RunsPage() {
  const { search } = useLocation();
  const selected = search.get('run');
  const { data, error, loading } = useApiData<RunList>('/api/runs');
  const items = data?.runs ?? [];

  function open(runId: string | null): void {
    navigate(runId === null ? '/runs' : `/runs?run=${encodeURIComponent(runId)}`);
  }

  return (
    <section className={selected ? 'page page-with-drilldown' : 'page'} aria-labelledby="runs-title">
      <h1 id="runs-title">Runs</h1>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      <div className="master-detail">
        {data && (
          <div className="master table-wrap">
            <table className="data-table" data-testid="runs-table">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Started</th>
                  <th scope="col">Finished</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No runs yet.
                    </td>
                  </tr>
                )}
                {items.map((run) => (
                  <tr
                    key={run.id}
                    tabIndex={0}
                    className={run.id === selected ? 'row-selected clickable' : 'clickable'}
                    onClick={() => open(run.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') open(run.id);
                    }}
                    data-testid="run-row"
                  >
                    <td>
                      <code>{run.id}</code>
                    </td>
                    <td>
                      <StatusChip status={run.status} />
                    </td>
                    <td>{textOrEmpty(run.kind)}</td>
                    <td>{formatDateTime(run.startedAt)}</td>
                    <td>{formatDateTime(run.finishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {selected && <RunSummary runId={selected} onClose={() => open(null)} />}
      </div>
    </section>
  );
}

function RunSummary({ runId, onClose }: { readonly runId: string; onClose(): void }) {
  const { data, error, loading } = useApiData<RunItem>(`/api/runs/${encodeURIComponent(runId)}`);
  return (
    <aside className="drilldown" aria-labelledby="run-title" data-testid="run-summary">
      <header className="drilldown-header">
        <h2 id="run-title">Run {runId}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data?.error && (
        <div className="notice notice-error" role="status">
          {data.error}
        </div>
      )}
      {data && (
        <pre className="json" data-testid="run-summary-json">
          {data.summary === null ? 'No summary recorded.' : JSON.stringify(data.summary, null, 2)}
        </pre>
      )}
    </aside>
  );
}
