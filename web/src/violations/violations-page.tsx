// Violations: filters, sortable columns and server-side pages of 50, the CSV export of exactly
// the filtered and sorted view (auditors and admins), and the drill-down of the selected event.
import { queryString } from '../api/api-client.js';
import type { ViolationPage } from '../api/contract-types.js';
import { navigate, useLocation } from '../app/router.js';
import { useSession } from '../app/session.js';
import { formatCount } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';
import { FilterBar } from './filter-bar.js';
import { filterQuery, pageQuery, toggleSort, viewFromSearch, viewUrl } from './violation-filters.js';
import type { ViolationView } from './violation-filters.js';
import { ViolationDrilldown } from './violation-drilldown.js';
import { ViolationsTable } from './violations-table.js';

export function ViolationsPage() {
  const { search } = useLocation();
  const { can } = useSession();
  const view = viewFromSearch(search);
  const selectedId = search.get('event');
  const { data, error, loading, reload } = useApiData<ViolationPage>(
    `/api/violations${queryString(pageQuery(view))}`,
  );

  const go = (next: ViolationView, eventId: string | null = selectedId) => navigate(viewUrl(next, eventId));
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section className={selectedId ? 'page page-with-drilldown' : 'page'} aria-labelledby="violations-title">
      <div className="page-header">
        <h1 id="violations-title">Violations</h1>
        {can('audit.review') && (
          <a
            className="button"
            href={`/api/violations/export.csv${queryString(filterQuery(view))}`}
            download
            data-testid="export-csv"
          >
            Export CSV
          </a>
        )}
      </div>
      <FilterBar filters={view.filters} onApply={(filters) => go({ ...view, filters, page: 1 }, null)} />
      <div className="master-detail">
        <div className="master">
          <LoadState loading={loading} error={error} hasData={data !== undefined} />
          {data && (
            <>
              <ViolationsTable
                items={data.items}
                view={view}
                selectedId={selectedId}
                onSort={(key) => go(toggleSort(view, key))}
                onSelect={(eventId) => go(view, eventId)}
              />
              <nav className="pager" aria-label="Pages">
                <button
                  type="button"
                  className="button"
                  disabled={view.page <= 1}
                  onClick={() => go({ ...view, page: view.page - 1 })}
                  data-testid="page-prev"
                >
                  Previous
                </button>
                <span data-testid="page-info">
                  Page {data.page} of {pages} · {formatCount(data.total)} events
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={view.page >= pages}
                  onClick={() => go({ ...view, page: view.page + 1 })}
                  data-testid="page-next"
                >
                  Next
                </button>
              </nav>
            </>
          )}
        </div>
        {selectedId && (
          <ViolationDrilldown eventId={selectedId} onClose={() => go(view, null)} onChanged={reload} />
        )}
      </div>
    </section>
  );
}
