// The billing office's sheets: the Work Request register (the target sheet: one row per WR, where weekly
// reports get attached) and the empty audit sheet Ledgerline appends detected changes to.
import { AUDIT_SHEET_COLUMNS } from './billing-vocabulary.js';
import type { IdAllocator } from './id-allocator.js';
import type { SeedWeek } from './seed-calendar.js';
import type { ColumnType, SeedCell, SeedColumn, SeedRow, SeedUser } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';
import type { WorkRequest } from './work-requests.js';
import { addDays, toSmartsheetTimestamp, zonedTimeToUtc } from './zoned-time.js';

export interface OfficeSheetContent {
  columns: SeedColumn[];
  rows: SeedRow[];
}

/** One row per Work Request, entered by a clerk on the Monday its first week began. */
export function buildTargetSheet(
  workRequests: readonly WorkRequest[],
  weeks: readonly SeedWeek[],
  clerks: readonly SeedUser[],
  ids: IdAllocator,
  random: SeededRandom,
): OfficeSheetContent {
  const column = (
    title: string,
    type: ColumnType = 'TEXT_NUMBER',
    extra: Partial<SeedColumn> = {},
  ): SeedColumn => ({
    id: ids.next(),
    title,
    type,
    ...extra,
  });
  const wrColumn = column('Work Request #', 'TEXT_NUMBER', { primary: true, width: 130 });
  const customer = column('Customer Name', 'TEXT_NUMBER', { width: 220 });
  const job = column('Job #');
  const workOrder = column('Work Order #');
  const area = column('Area');
  const status = column('WR Status', 'PICKLIST', { options: ['Active', 'Complete'] });
  const columns = [wrColumn, customer, job, workOrder, area, status];

  const lastClosedWeek = weeks.length - 2;
  const ordered = [...workRequests].sort((a, b) => a.firstWeek - b.firstWeek || a.number - b.number);
  const rows = ordered.map((wr): SeedRow => {
    const cells: SeedCell[] = [
      // Mostly text, as typed by the office; a few came in through an import as numbers.
      { columnId: wrColumn.id, value: random.chance(0.15) ? wr.number : String(wr.number) },
      { columnId: customer.id, value: wr.customer },
      { columnId: job.id, value: wr.job },
      { columnId: workOrder.id, value: wr.workOrder },
      { columnId: area.id, value: wr.area },
      { columnId: status.id, value: wr.lastWeek < lastClosedWeek ? 'Complete' : 'Active' },
    ];
    const weekEnding = weeks[wr.firstWeek]?.weekEnding ?? weeks[0]?.weekEnding ?? '2026-01-04';
    const createdAt = toSmartsheetTimestamp(
      zonedTimeToUtc(addDays(weekEnding, -6), random.int(7, 9), random.int(0, 59)),
    );
    const clerk = random.pick(clerks).email;
    return { id: ids.next(), cells, createdAt, modifiedAt: createdAt, createdBy: clerk, modifiedBy: clerk };
  });
  return { columns, rows };
}

const AUDIT_COLUMN_TYPES: Partial<Record<(typeof AUDIT_SHEET_COLUMNS)[number], ColumnType>> = {
  'Week Ending': 'DATE',
  Severity: 'PICKLIST',
};

/** The audit sheet: exactly the §3.6 columns, no rows yet. */
export function buildAuditSheet(ids: IdAllocator): OfficeSheetContent {
  const columns = AUDIT_SHEET_COLUMNS.map((title, index): SeedColumn => {
    const column: SeedColumn = { id: ids.next(), title, type: AUDIT_COLUMN_TYPES[title] ?? 'TEXT_NUMBER' };
    if (index === 0) column.primary = true;
    if (title === 'Severity') column.options = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
    if (title === 'Delta') column.currency = true;
    return column;
  });
  return { columns, rows: [] };
}
