// /sheets/{sheetId}/columns: list, get, add, update and delete columns. Column changes bump the sheet
// version and reach webhooks as column.created/updated/deleted (smartsheet-api.md §6.5).
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import { formatAutoNumber } from '../rows/auto-number.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { actorOf, commitSheetChange } from '../sheets/commit-change.js';
import { renderColumn } from '../sheets/render-column.js';
import { renderContextFor } from '../sheets/render-context.js';
import { sheetFor } from '../sheets/sheet-access.js';
import { historyKey, type ColumnRecord, type SheetRecord } from '../state/state-types.js';
import { asRecord, checkUniqueTitles, readColumn } from './column-input.js';

function listColumns(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const ctx = renderContextFor(req, rt.state, level);
  const indexed = sheet.columns.map((column, index) => ({ column, index }));
  return {
    body: paginate(indexed, readOffsetPage(req.query), ({ column, index }) =>
      renderColumn(column, index, ctx.level),
    ),
  };
}

function findColumn(req: ApiRequest, sheet: SheetRecord): { column: ColumnRecord; index: number } {
  const columnId = req.idParam('columnId');
  const index = sheet.columns.findIndex((column) => column.id === columnId);
  const column = sheet.columns[index];
  if (!column) throw apiErrors.notFound();
  return { column, index };
}

function getColumn(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const { column, index } = findColumn(req, sheet);
  return { body: renderColumn(column, index, renderContextFor(req, rt.state, level).level) };
}

/** A new AUTO_NUMBER column numbers the existing rows in order, as Smartsheet does. */
function backfillAutoNumbers(sheet: SheetRecord, column: ColumnRecord): void {
  let next = column.autoNumberFormat?.startingNumber ?? 1;
  for (const row of sheet.rows) {
    row.cells.set(column.id, { value: formatAutoNumber(column.autoNumberFormat, next, row.createdAt) });
    next += 1;
  }
  sheet.autoNumberNext.set(column.id, next);
}

async function addColumns(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const { sheet } = sheetFor(req, rt, 'ADMIN');
  const body = await req.jsonBody();
  const isArray = Array.isArray(body);
  const inputs = (isArray ? body : [body]) as unknown[];
  const added: { column: ColumnRecord; index: number }[] = [];
  const columns = [...sheet.columns];
  for (const raw of inputs) {
    const column = readColumn(raw, () => rt.state.newId());
    if (column.primary) throw apiErrors.attributesNotAllowed('column.primary');
    const requested = asRecord(raw, 'each column')['index'];
    const index =
      typeof requested === 'number' && requested >= 0 && requested <= columns.length
        ? requested
        : columns.length;
    columns.splice(index, 0, column);
    added.push({ column, index });
  }
  checkUniqueTitles(columns);
  sheet.columns = columns;
  for (const { column } of added)
    if (column.systemColumnType === 'AUTO_NUMBER') backfillAutoNumbers(sheet, column);
  commitSheetChange(
    rt,
    sheet,
    actorOf(req),
    added.map(({ column }) => ({
      objectType: 'column',
      eventType: 'created',
      id: column.id,
      causeColumns: [column.id],
    })),
  );
  const rendered = added.map(({ column }) => renderColumn(column, sheet.columns.indexOf(column), 2));
  return { body: successResult(isArray ? rendered : rendered[0]) };
}

async function updateColumn(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const { sheet } = sheetFor(req, rt, 'ADMIN');
  const { column } = findColumn(req, sheet);
  const body = asRecord(await req.jsonBody(), 'the request body');
  if (body['type'] !== undefined && body['type'] !== column.type)
    throw apiErrors.attributesNotAllowed('column.type');
  if (typeof body['title'] === 'string' && body['title'].trim() !== '') column.title = body['title'].trim();
  if (Array.isArray(body['options']))
    column.options = body['options'].filter((o): o is string => typeof o === 'string');
  if (typeof body['width'] === 'number' && body['width'] > 0) column.width = body['width'];
  checkUniqueTitles(sheet.columns);
  const index = body['index'];
  if (typeof index === 'number' && index >= 0 && index < sheet.columns.length) {
    sheet.columns = sheet.columns.filter((c) => c !== column);
    sheet.columns.splice(index, 0, column);
  }
  commitSheetChange(rt, sheet, actorOf(req), [
    { objectType: 'column', eventType: 'updated', id: column.id, causeColumns: [column.id] },
  ]);
  return { body: successResult(renderColumn(column, sheet.columns.indexOf(column), 2)) };
}

function deleteColumn(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt, 'ADMIN');
  const { column } = findColumn(req, sheet);
  if (column.primary)
    throw apiErrors.invalidValue(String(column.id), 'columnId (the primary column cannot be deleted)');
  sheet.columns = sheet.columns.filter((c) => c !== column);
  for (const row of sheet.rows) {
    row.cells.delete(column.id);
    sheet.history.delete(historyKey(row.id, column.id));
  }
  sheet.autoNumberNext.delete(column.id);
  commitSheetChange(rt, sheet, actorOf(req), [
    { objectType: 'column', eventType: 'deleted', id: column.id, causeColumns: [column.id] },
  ]);
  return { body: successResult(undefined) };
}

export const columnRoutes: ApiRouteSpec[] = [
  { method: 'GET', pattern: '/sheets/{sheetId}/columns', run: listColumns },
  { method: 'POST', pattern: '/sheets/{sheetId}/columns', run: addColumns, writesSheet: true },
  { method: 'GET', pattern: '/sheets/{sheetId}/columns/{columnId}', run: getColumn },
  { method: 'PUT', pattern: '/sheets/{sheetId}/columns/{columnId}', run: updateColumn, writesSheet: true },
  { method: 'DELETE', pattern: '/sheets/{sheetId}/columns/{columnId}', run: deleteColumn, writesSheet: true },
];
