// Sheet reads (smartsheet-api.md §5 #2–#5, §5.1, §5.2): the sheet list, a whole sheet with every
// row page, the cheap version check and the column list.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { indexResultSchema } from './envelope-schemas.js';
import { collectPages, offsetPages } from './paging.js';
import { columnSchema, sheetSchema, sheetSummarySchema, sheetVersionSchema } from './sheet-schemas.js';
import type { Column, Row, Sheet, SheetSummary } from './sheet-schemas.js';

/** Items per page for offset-paged lists: fewer round trips, each one counted against the budget. */
const LIST_PAGE_SIZE = 500;
/** Rows per Get Sheet page. */
const DEFAULT_ROW_PAGE_SIZE = 1000;
/** Row ids per Get Sheet request: 16-digit ids keep the URL near 3.5 kB, well below proxy limits. */
const ROW_IDS_PER_REQUEST = 200;
/** Full re-reads tolerated when the sheet changes between row pages. */
const MAX_CONSISTENT_READ_ATTEMPTS = 3;

export type ColumnLevel = 0 | 1 | 2;

export interface ListSheetsOptions {
  /** Only sheets modified at or after this instant. */
  modifiedSince?: Date;
  /** e.g. `sheetVersion`, `ownerInfo`, `source`. */
  include?: readonly string[];
}

export interface GetSheetOptions {
  columnIds?: readonly number[];
  rowIds?: readonly number[];
  /** Only rows modified since; deleted rows are never reported this way (§5.2). */
  rowsModifiedSince?: Date;
  /** e.g. `attachments`, `writerInfo`, `objectValue`, `columnType`, `rowPermalink`. */
  include?: readonly string[];
  /** e.g. `nonexistentCells`, `filteredOutRows`. */
  exclude?: readonly string[];
  /** Column type fidelity; 2 exposes MULTI_PICKLIST and MULTI_CONTACT_LIST as themselves. Default 2. */
  level?: ColumnLevel;
  /** Rows per request. Default 1000. */
  pageSize?: number;
}

/** Smartsheet's documented timestamp form, seconds precision (truncating widens the window: safe). */
export function apiTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function listSheets(
  ctx: EndpointContext,
  options: ListSheetsOptions = {},
): Promise<SheetSummary[]> {
  const route = apiRoute('GET', '/sheets');
  const schema = indexResultSchema(sheetSummarySchema);
  const query = {
    include: options.include,
    modifiedSince: options.modifiedSince && apiTimestamp(options.modifiedSince),
    pageSize: LIST_PAGE_SIZE,
  };
  return collectPages(offsetPages((page) => ctx.http.call({ route, query: { ...query, page }, schema })));
}

export async function getSheetVersion(ctx: EndpointContext, sheetId: number): Promise<number> {
  const route = apiRoute('GET', '/sheets/{sheetId}/version', { sheetId });
  const { version } = await ctx.http.call({ route, schema: sheetVersionSchema });
  return version;
}

export async function getColumns(
  ctx: EndpointContext,
  sheetId: number,
  options: { level?: ColumnLevel } = {},
): Promise<Column[]> {
  const route = apiRoute('GET', '/sheets/{sheetId}/columns', { sheetId });
  const schema = indexResultSchema(columnSchema);
  const query = { level: options.level ?? 2, pageSize: LIST_PAGE_SIZE };
  return collectPages(offsetPages((page) => ctx.http.call({ route, query: { ...query, page }, schema })));
}

/**
 * The whole sheet: columns and every row, reading row pages until `totalRowCount` rows (or an empty
 * page). Large `rowIds` lists are split over several requests.
 */
export async function getSheet(
  ctx: EndpointContext,
  sheetId: number,
  options: GetSheetOptions = {},
): Promise<Sheet> {
  const query = {
    include: options.include,
    exclude: options.exclude,
    columnIds: options.columnIds,
    rowsModifiedSince: options.rowsModifiedSince && apiTimestamp(options.rowsModifiedSince),
    level: options.level ?? 2,
  };
  const pageSize = options.pageSize ?? DEFAULT_ROW_PAGE_SIZE;
  if (options.rowIds === undefined) return readConsistentSheet(ctx, sheetId, query, pageSize);
  if (options.rowIds.length === 0) {
    // Smartsheet would read `rowIds=` as "no filter" and send everything: ask for one row, drop it.
    const route = apiRoute('GET', '/sheets/{sheetId}', { sheetId });
    const sheet = await ctx.http.call({
      route,
      query: { ...query, page: 1, pageSize: 1 },
      schema: sheetSchema,
    });
    return { ...sheet, rows: [] };
  }
  let result: Sheet | undefined;
  for (let start = 0; start < options.rowIds.length; start += ROW_IDS_PER_REQUEST) {
    const rowIds = options.rowIds.slice(start, start + ROW_IDS_PER_REQUEST);
    const part = await readConsistentSheet(ctx, sheetId, { ...query, rowIds }, pageSize);
    // The first part's version is kept: older is the safe side for "has it changed since?".
    result = result ? { ...result, rows: [...result.rows, ...part.rows] } : part;
  }
  return result as Sheet;
}

type SheetQuery = Record<string, string | number | readonly (string | number)[] | undefined>;

/**
 * Rows shift between pages when someone edits the sheet mid-read, which would drop or duplicate
 * billing rows. The version of every page must match the first; otherwise the read starts over.
 */
async function readConsistentSheet(
  ctx: EndpointContext,
  sheetId: number,
  query: SheetQuery,
  pageSize: number,
): Promise<Sheet> {
  const route = apiRoute('GET', '/sheets/{sheetId}', { sheetId });
  for (let attempt = 1; ; attempt += 1) {
    let first: Sheet | undefined;
    let changed = false;
    const rows = new Map<number, Row>();
    for (let page = 1; ; page += 1) {
      const sheet = await ctx.http.call({ route, query: { ...query, page, pageSize }, schema: sheetSchema });
      first ??= sheet;
      if (sheet.version !== first.version) {
        changed = true;
        break;
      }
      for (const row of sheet.rows) if (!rows.has(row.id)) rows.set(row.id, row);
      const total = sheet.totalRowCount;
      if (sheet.rows.length === 0 || (total !== undefined && rows.size >= total)) break;
    }
    if (!changed) return { ...(first as Sheet), rows: [...rows.values()] };
    if (attempt >= MAX_CONSISTENT_READ_ATTEMPTS) {
      throw new AppError(
        ErrorCode.SMARTSHEET_UNAVAILABLE,
        `Smartsheet ${route.label} kept changing while its rows were read (${attempt} attempts)`,
        {
          details: { endpoint: route.key, ids: route.ids, retryable: true, ambiguous: false },
          hint: 'The sheet is being edited heavily; the next run will read it again.',
        },
      );
    }
    ctx.logger?.info(
      { endpoint: route.key, sheetId, attempt },
      'Sheet changed between row pages; reading again',
    );
  }
}
