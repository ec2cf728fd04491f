// The simulator's view of a source sheet as read over the API: its columns mapped to billing fields by
// title (the same vocabulary Ledgerline is configured with) and each row's current values. Edits update
// the view locally so one read per round is enough.
import type { BillingField } from '../seed/billing-vocabulary.js';
import { mapColumnsToFields } from '../seed/billing-vocabulary.js';
import type { CellValue } from '../seed/seed-data.js';

export interface SnapshotColumn {
  id: number;
  title: string;
  type: string;
  primary?: boolean;
  systemColumnType?: string;
}

/** Immutable: an edit replaces the row object (planners cache facts per row). */
export interface SnapshotRow {
  readonly id: number;
  readonly values: ReadonlyMap<number, CellValue>;
}

export interface SheetSnapshot {
  id: number;
  name: string;
  columns: SnapshotColumn[];
  fields: Partial<Record<BillingField, SnapshotColumn>>;
  rows: SnapshotRow[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isCellValue = (value: unknown): value is CellValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Read the columns and rows of a `GET /sheets/{id}` response body. */
export function parseSheet(body: unknown): {
  id: number;
  name: string;
  columns: SnapshotColumn[];
  rows: SnapshotRow[];
} {
  if (!isRecord(body) || typeof body['id'] !== 'number' || !Array.isArray(body['columns'])) {
    throw new Error('unexpected sheet response: no id or columns');
  }
  const columns: SnapshotColumn[] = body['columns'].filter(isRecord).map((column) => {
    const parsed: SnapshotColumn = {
      id: Number(column['id']),
      title: String(column['title']),
      type: String(column['type']),
    };
    if (column['primary'] === true) parsed.primary = true;
    if (typeof column['systemColumnType'] === 'string') parsed.systemColumnType = column['systemColumnType'];
    return parsed;
  });
  const rows = (Array.isArray(body['rows']) ? body['rows'] : []).filter(isRecord).map(parseRow);
  return { id: body['id'], name: String(body['name'] ?? ''), columns, rows };
}

export function parseRow(row: Record<string, unknown>): SnapshotRow {
  const values = new Map<number, CellValue>();
  for (const cell of Array.isArray(row['cells']) ? row['cells'] : []) {
    if (isRecord(cell) && typeof cell['columnId'] === 'number' && isCellValue(cell['value'])) {
      values.set(cell['columnId'], cell['value']);
    }
  }
  return { id: Number(row['id']), values };
}

export function buildSnapshot(parsed: ReturnType<typeof parseSheet>): SheetSnapshot {
  return { ...parsed, fields: mapColumnsToFields(parsed.columns) };
}

/** A row's value for a billing field, undefined when the sheet lacks the column or the cell is empty. */
export function fieldValue(
  sheet: SheetSnapshot,
  row: SnapshotRow,
  field: BillingField,
): CellValue | undefined {
  const column = sheet.fields[field];
  return column ? row.values.get(column.id) : undefined;
}
