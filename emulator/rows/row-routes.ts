// /sheets/{sheetId}/rows: add, update, delete and get one row.
import type { AccessLevel } from '../seed/seed-data.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { bulkResult, successResult } from '../http/result-envelope.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { renderColumn } from '../sheets/render-column.js';
import { renderContextFor } from '../sheets/render-context.js';
import { renderRow } from '../sheets/render-row.js';
import { sheetFor } from '../sheets/sheet-access.js';
import type { RowRecord, SheetRecord } from '../state/state-types.js';
import { readRowRequest, rowsOfBody, type RowMode } from './row-input.js';
import { layoutRows } from './row-tree.js';
import { addRows, deleteRows, updateRows } from './row-writes.js';
import { actorOf } from '../sheets/commit-change.js';

function renderWritten(
  req: ApiRequest,
  rt: EmulatorRuntime,
  sheet: SheetRecord,
  rows: RowRecord[],
  level: AccessLevel,
) {
  const ctx = renderContextFor(req, rt.state, level, new Set());
  const layout = layoutRows(sheet.rows);
  return rows.map((row) =>
    renderRow(ctx, sheet, row, layout.get(row.id), {
      columns: sheet.columns,
      includeSheetId: true,
      nonexistentCells: false,
    }),
  );
}

async function writeRows(req: ApiRequest, rt: EmulatorRuntime, mode: RowMode): Promise<ApiResult> {
  const { sheet, level } = sheetFor(req, rt, 'EDITOR');
  const { rows, isArray } = rowsOfBody(await req.jsonBody());
  const partial = req.query.bool('allowPartialSuccess', false);
  const request = readRowRequest(rows, mode, sheet, level, req.numericDates);
  const write = mode === 'add' ? addRows : updateRows;
  const outcome = write(rt, sheet, actorOf(req), request, partial);
  const rendered = renderWritten(req, rt, sheet, outcome.rows, level);
  const result = isArray ? rendered : rendered[0];
  return { body: bulkResult(result ?? [], sheet.version, outcome.failures) };
}

function deleteRowsRoute(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt, 'EDITOR');
  const ids = req.query.ids('ids');
  if (ids.length === 0) throw apiErrors.missingParameter('ids');
  if (ids.length > 500) throw apiErrors.maxCountExceeded('ids');
  const deleted = deleteRows(
    rt,
    sheet,
    level,
    actorOf(req),
    ids,
    req.query.bool('ignoreRowsNotFound', false),
  );
  return { body: successResult(deleted, sheet.version) };
}

function getRow(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const row = sheet.rowsById.get(req.idParam('rowId'));
  if (!row) throw apiErrors.notFound();
  const ctx = renderContextFor(req, rt.state, level);
  const nonexistentCells = !req.query.flags('exclude').has('nonexistentCells');
  const body = renderRow(ctx, sheet, row, layoutRows(sheet.rows).get(row.id), {
    columns: sheet.columns,
    includeSheetId: true,
    nonexistentCells,
  });
  if (ctx.include.has('columns'))
    body['columns'] = sheet.columns.map((column, index) => renderColumn(column, index, ctx.level));
  return { body };
}

export const rowRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    pattern: '/sheets/{sheetId}/rows',
    run: (req, rt) => writeRows(req, rt, 'add'),
    writesSheet: true,
  },
  {
    method: 'PUT',
    pattern: '/sheets/{sheetId}/rows',
    run: (req, rt) => writeRows(req, rt, 'update'),
    writesSheet: true,
  },
  { method: 'DELETE', pattern: '/sheets/{sheetId}/rows', run: deleteRowsRoute, writesSheet: true },
  { method: 'GET', pattern: '/sheets/{sheetId}/rows/{rowId}', run: getRow },
];
