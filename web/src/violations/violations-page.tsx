// Violations: filters, sortable columns and server-side pages of 50, the CSV export of exactly
// the filtered and sorted view (auditors and admins), and the drill-down of the selected event.
import { queryString } from '../api/api-client.js';
import type { ViolationPage } from '../api/contract-types.js';
import { navigate, useLocation } from '../app/router.js';
import { useSession } from '../app/session.js';
import { LoadState } from '../ui/load-state.js';
import { Pager } from '../ui/pager.js';
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
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                noun="events"
                onPage={(page) => go({ ...view, page })}
              />
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
