// Reports: the published weekly workbooks, filtered by Work Request and week, in server-side pages
// (a deployment publishes tens of thousands), each downloadable.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { queryString } from '../api/api-client.js';
import type { ReportList } from '../api/contract-types.js';
import { navigate, useLocation } from '../app/router.js';
import { formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { Pager } from '../ui/pager.js';
import { useApiData } from '../ui/use-api-data.js';

export function ReportsPage() {
  const { search } = useLocation();
  const workRequest = search.get('workRequest') ?? '';
  const week = search.get('week') ?? '';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const { data, error, loading } = useApiData<ReportList>(
    `/api/reports${queryString({ workRequest, week, page: page > 1 ? page : undefined })}`,
  );
  const [draftWr, setDraftWr] = useState(workRequest);
  const [draftWeek, setDraftWeek] = useState(week);

  function apply(event: FormEvent): void {
    event.preventDefault();
    navigate(`/reports${queryString({ workRequest: draftWr.trim(), week: draftWeek })}`);
  }

  const items = data?.reports ?? [];
  return (
    <section className="page" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <form className="filter-bar card filter-bar-inline" onSubmit={apply} aria-label="Filter reports">
        <label className="field">
          <span>Work Request</span>
          <input
            value={draftWr}
            onChange={(event) => setDraftWr(event.target.value)}
            data-testid="reports-filter-wr"
          />
        </label>
        <label className="field">
          <span>Week ending</span>
          <input
            type="date"
            value={draftWeek}
            onChange={(event) => setDraftWeek(event.target.value)}
            data-testid="reports-filter-week"
          />
        </label>
        <button type="submit" className="button button-primary" data-testid="reports-apply">
          Apply
        </button>
      </form>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && (
        <>
          <div className="table-wrap">
            <table className="data-table" data-testid="reports-table">
              <thead>
                <tr>
                  <th scope="col">Work Request</th>
                  <th scope="col">Week ending</th>
                  <th scope="col">Variant</th>
                  <th scope="col">Claimer</th>
                  <th scope="col">File</th>
                  <th scope="col">Published</th>
                  <th scope="col">Download</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={7} className="muted">
                      No published reports match.
                    </td>
                  </tr>
                )}
                {items.map((report) => (
                  <tr key={report.reportId} data-testid="report-row">
                    <td>{textOrEmpty(report.workRequest)}</td>
                    <td>{textOrEmpty(report.weekEnding)}</td>
                    <td>{textOrEmpty(report.variant)}</td>
                    <td>{textOrEmpty(report.claimer)}</td>
                    <td>{textOrEmpty(report.fileName)}</td>
                    <td>{formatDateTime(report.publishedAt)}</td>
                    <td>
                      <a
                        href={`/api/reports/${encodeURIComponent(report.reportId)}/download`}
                        download
                        data-testid="report-download"
                      >
                        Download .xlsx
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            noun="reports"
            onPage={(next) => navigate(`/reports${queryString({ workRequest, week, page: next })}`)}
          />
        </>
      )}
    </section>
  );
}
