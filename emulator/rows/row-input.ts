// Reading the rows of an add/update request (smartsheet-api.md §5.3). Problems with the request as a
// whole (not a JSON array of objects, too many rows, conflicting locations) fail it outright; problems
// with one row are kept per row so `allowPartialSuccess=true` can apply the others.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast } from '../access/access-levels.js';
import { ApiError, apiErrors } from '../errors/api-error.js';
import type { RowRecord, SheetRecord } from '../state/state-types.js';
import { parseCell, type ParsedCell } from './cell-input.js';
import { parseRowLocation, type RowLocation, sameLocation } from './row-tree.js';

/** Rows per add/update request (smartsheet-api.md §5.3). */
export const MAX_ROWS_PER_REQUEST = 500;

/** Fields Smartsheet computes; sending them back is 1032. */
const READ_ONLY_ROW_FIELDS = [
  'rowNumber',
  'createdAt',
  'modifiedAt',
  'createdBy',
  'modifiedBy',
  'permaLink',
  'version',
  'accessLevel',
  'lockedForUser',
  'filteredOut',
  'inCriticalPath',
  'conditionalFormat',
] as const;

export interface ValidRow {
  index: number;
  /** The existing row (updates only). */
  target?: RowRecord;
  cells: ParsedCell[];
  expanded?: boolean;
  locked?: boolean;
}

export interface RowFailure {
  index: number;
  rowId?: number;
  error: ApiError;
}

export interface RowRequest {
  location: RowLocation;
  valid: ValidRow[];
  failures: RowFailure[];
}

export type RowMode = 'add' | 'update';

/** The body as a list of row objects, and whether the client sent an array (then `result` is one). */
export function rowsOfBody(body: unknown): { rows: Record<string, unknown>[]; isArray: boolean } {
  const isArray = Array.isArray(body);
  const list: unknown[] = isArray ? (body as unknown[]) : [body];
  if (list.length === 0) throw apiErrors.unparsable('the request must contain at least one row.');
  if (list.length > MAX_ROWS_PER_REQUEST) throw apiErrors.maxCountExceeded('rows');
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw apiErrors.unparsable('each row must be a JSON object.');
    }
  }
  return { rows: list as Record<string, unknown>[], isArray };
}

function optionalBoolean(row: Record<string, unknown>, field: string): boolean | undefined {
  const value = row[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw apiErrors.invalidValue(JSON.stringify(value), `row.${field}`);
  return value;
}

function validateRow(
  raw: Record<string, unknown>,
  index: number,
  mode: RowMode,
  sheet: SheetRecord,
  level: AccessLevel,
  columns: ReadonlyMap<number, ParsedCell['column']>,
  numericDates: boolean,
): ValidRow {
  const readOnly: string[] = READ_ONLY_ROW_FIELDS.filter((field) => raw[field] !== undefined);
  if (mode === 'add' && raw['id'] !== undefined) readOnly.unshift('id');
  if (readOnly.length > 0)
    throw apiErrors.attributesNotAllowed(readOnly.map((field) => `row.${field}`).join(', '));

  let target: RowRecord | undefined;
  if (mode === 'update') {
    const id = raw['id'];
    if (id === undefined || id === null) throw apiErrors.missingAttribute('row.id');
    target = typeof id === 'number' ? sheet.rowsById.get(id) : undefined;
    if (!target) throw apiErrors.invalidRowId();
    if (target.locked && !atLeast(level, 'ADMIN')) throw apiErrors.lockedRow();
  }
  const locked = optionalBoolean(raw, 'locked');
  // Locking and unlocking rows is for sheet admins and owners.
  if (locked !== undefined && !atLeast(level, 'ADMIN')) throw apiErrors.notAuthorized();
  const expanded = optionalBoolean(raw, 'expanded');

  const rawCells = raw['cells'];
  if (rawCells !== undefined && rawCells !== null && !Array.isArray(rawCells)) {
    throw apiErrors.unparsable('row.cells must be an array.');
  }
  const cells: ParsedCell[] = [];
  const seen = new Set<number>();
  for (const rawCell of (rawCells ?? []) as unknown[]) {
    const cell = parseCell(rawCell, columns, numericDates);
    if (seen.has(cell.column.id)) throw apiErrors.duplicateColumn(cell.column.id);
    seen.add(cell.column.id);
    cells.push(cell);
  }
  return {
    index,
    ...(target ? { target } : {}),
    cells,
    ...(expanded !== undefined ? { expanded } : {}),
    ...(locked !== undefined ? { locked } : {}),
  };
}

export function readRowRequest(
  rows: Record<string, unknown>[],
  mode: RowMode,
  sheet: SheetRecord,
  level: AccessLevel,
  numericDates: boolean,
): RowRequest {
  const locations = rows.map((row) => parseRowLocation(row, mode === 'update'));
  const location = locations[0] ?? { kind: 'none' };
  if (locations.some((other) => !sameLocation(other, location))) throw apiErrors.multipleRowLocations();

  const columns = new Map(sheet.columns.map((column) => [column.id, column]));
  const valid: ValidRow[] = [];
  const failures: RowFailure[] = [];
  const claimed = new Set<number>();
  rows.forEach((raw, index) => {
    try {
      const row = validateRow(raw, index, mode, sheet, level, columns, numericDates);
      // One row id twice in an update would make the result ambiguous.
      if (row.target) {
        if (claimed.has(row.target.id)) throw apiErrors.invalidRowId();
        claimed.add(row.target.id);
      }
      valid.push(row);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const rowId = typeof raw['id'] === 'number' ? raw['id'] : undefined;
      failures.push({ index, ...(rowId !== undefined ? { rowId } : {}), error });
    }
  });
  return { location, valid, failures };
}
