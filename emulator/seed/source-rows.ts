// Turns billing units into the rows of one source sheet: one cell per populated column of that sheet's
// layout, plus the line label, status, notes and the system columns the sheet has.
import type { BillingUnit } from './billing-units.js';
import type { SeedWeek } from './seed-calendar.js';
import type { CellValue, SeedCell, SeedRow } from './seed-data.js';
import type { IdAllocator } from './id-allocator.js';
import type { SourceLayout } from './source-columns.js';
import { addDays, toSmartsheetTimestamp, zonedTimeToUtc } from './zoned-time.js';

/** Render units (already in entry order) as rows; records each unit's row id in `rowIds`. */
export function renderSourceRows(
  units: readonly BillingUnit[],
  layout: SourceLayout,
  weeks: readonly SeedWeek[],
  ids: IdAllocator,
  rowIds: Map<BillingUnit, number>,
): SeedRow[] {
  return units.map((unit, index) => {
    const cells: SeedCell[] = [];
    const put = (columnId: number | undefined, value: CellValue | undefined): void => {
      if (columnId !== undefined && value !== undefined && value !== '') cells.push({ columnId, value });
    };
    const { values } = unit;
    put(layout.lineItem?.id, `${String(values.cu)} ${String(values.workType)} @ ${String(values.pole)}`);
    for (const [field, column] of Object.entries(layout.fields)) {
      put(column.id, values[field as keyof typeof values]);
    }
    put(layout.status?.id, statusOf(unit, weeks));
    put(layout.notes?.id, unit.notes);
    put(layout.modifiedDate?.id, toSmartsheetTimestamp(unit.modifiedAt));
    const format = layout.autoNumber?.autoNumberFormat;
    if (format) {
      const fill = format.fill ?? '';
      const number = String((format.startingNumber ?? 1) + index).padStart(fill.length, '0');
      put(layout.autoNumber?.id, `${format.prefix ?? ''}${number}${format.suffix ?? ''}`);
    }

    const id = ids.next();
    rowIds.set(unit, id);
    return {
      id,
      cells,
      createdAt: toSmartsheetTimestamp(unit.createdAt),
      modifiedAt: toSmartsheetTimestamp(unit.modifiedAt),
      createdBy: unit.createdBy,
      modifiedBy: unit.modifiedBy,
    };
  });
}

function statusOf(unit: BillingUnit, weeks: readonly SeedWeek[]): string {
  if (unit.values.completed !== true) return 'In Progress';
  return weeks[unit.week]?.closed ? 'Billed' : 'Ready for Review';
}

/** A sheet was set up some days before its first week and last changed with its latest row. */
export function sheetTimes(
  rows: readonly SeedRow[],
  weeks: readonly SeedWeek[],
  nowMs: number,
): { createdAt: string; modifiedAt: string } {
  const firstWeek = weeks[0]?.weekEnding ?? toSmartsheetTimestamp(nowMs).slice(0, 10);
  const createdAt = toSmartsheetTimestamp(zonedTimeToUtc(addDays(firstWeek, -20), 9, 0));
  const modifiedAt = rows.reduce(
    (latest, row) => (row.modifiedAt > latest ? row.modifiedAt : latest),
    createdAt,
  );
  return { createdAt, modifiedAt };
}
