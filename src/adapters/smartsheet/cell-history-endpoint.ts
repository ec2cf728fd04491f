// GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history (smartsheet-api.md §5.4): who changed
// a cell and when, newest first. Each page costs 10 budget units, so pages are large.
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { indexResultSchema } from './envelope-schemas.js';
import { collectPages, offsetPages } from './paging.js';
import { REQUEST_WEIGHT } from './request-budget.js';
import { cellHistorySchema } from './sheet-schemas.js';
import type { CellHistory } from './sheet-schemas.js';
import type { ColumnLevel } from './sheet-endpoints.js';

const HISTORY_PAGE_SIZE = 500;

export interface CellHistoryOptions {
  /** e.g. `columnType`, `objectValue`. */
  include?: readonly string[];
  level?: ColumnLevel;
}

/** Every revision of one cell, newest first, as Smartsheet orders them. */
export function getCellHistory(
  ctx: EndpointContext,
  sheetId: number,
  rowId: number,
  columnId: number,
  options: CellHistoryOptions = {},
): Promise<CellHistory[]> {
  const route = apiRoute('GET', '/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history', {
    sheetId,
    rowId,
    columnId,
  });
  const schema = indexResultSchema(cellHistorySchema);
  const query = { include: options.include, level: options.level ?? 2, pageSize: HISTORY_PAGE_SIZE };
  return collectPages(
    offsetPages((page) =>
      ctx.http.call({ route, query: { ...query, page }, schema, weight: REQUEST_WEIGHT.heavy }),
    ),
  );
}
