// The Violations CSV export (issue #7): every row of the filtered, sorted view — all pages — as
// RFC 4180 CSV, and the export itself recorded in the trail (VIOLATIONS_EXPORTED) before a byte
// leaves. The view is pinned to the chain head at the start, so events appended while the file
// streams neither shift the pages (no row twice, none skipped) nor change the recorded count.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { violationsExportedEvent } from '../domain/dashboard/dashboard-action-events.js';
import type { ViolationFilter, ViolationSort } from '../domain/dashboard/violation-query.js';
import { violationCsvRecord, violationsCsvHeader } from '../domain/dashboard/violations-csv.js';
import type { AuditStore, SheetStore } from '../ports/store.js';
import type { DashboardActor } from './dashboard-review.js';
import { violationViewsOf } from './dashboard-violations.js';

/** Exports larger than this are refused: narrow the filters (or use `ledgerline audit export`). */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE_SIZE = 1_000;

export interface ExportViolationsDeps {
  readonly audit: AuditStore;
  readonly sheets: SheetStore;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Defaults to MAX_EXPORT_ROWS. */
  readonly maxRows?: number;
}

export interface ViolationsExport {
  readonly rowCount: number;
  /** `violations-<YYYY-MM-DD>.csv` (UTC date of the export). */
  readonly fileName: string;
  /** The CSV, header first, one record per chunk. */
  readonly chunks: AsyncIterable<string>;
}

export async function exportViolations(
  deps: ExportViolationsDeps,
  view: { readonly filter: ViolationFilter; readonly sort: ViolationSort },
  actor: DashboardActor,
): Promise<ViolationsExport> {
  const head = await deps.audit.chainHead();
  const pinnedTo = Math.min(head.headSeq ?? 0, view.filter.maxSeq ?? Number.MAX_SAFE_INTEGER);
  const filter: ViolationFilter = { ...view.filter, maxSeq: pinnedTo };
  const { total } = await deps.audit.queryEvents(filter, view.sort, { offset: 0, limit: 0 });
  const maxRows = deps.maxRows ?? MAX_EXPORT_ROWS;
  if (total > maxRows)
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `This view holds ${total} events, more than the ${maxRows} one CSV export may hold. Narrow the filters (a date range, a week or a severity) and export in parts.`,
    );

  const now = deps.now();
  await deps.audit.appendEvents([
    violationsExportedEvent(
      { filter, sort: view.sort, rowCount: total },
      { actionId: deps.newId(), actor: actor.email, now, origin: actor.origin },
    ),
  ]);

  async function* chunks(): AsyncGenerator<string> {
    yield violationsCsvHeader();
    for (let offset = 0; offset < total; offset += PAGE_SIZE) {
      const page = await deps.audit.queryEvents(filter, view.sort, {
        offset,
        limit: Math.min(PAGE_SIZE, total - offset),
      });
      const views = await violationViewsOf(deps.sheets, page.items);
      yield views.map(violationCsvRecord).join('');
      if (page.items.length === 0) return;
    }
  }
  return { rowCount: total, fileName: `violations-${now.toISOString().slice(0, 10)}.csv`, chunks: chunks() };
}
