// GET …/rows/{rowId}/columns/{columnId}/history (smartsheet-api.md §4.5, §5.4): every value a cell
// had, newest first, with who set it and the displayValue formatted as the column formats it.
// Weighs heavyWeight units against the budget.
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { renderCell } from '../sheets/render-cell.js';
import { miniUser, renderContextFor } from '../sheets/render-context.js';
import { sheetFor } from '../sheets/sheet-access.js';
import { historyKey } from '../state/state-types.js';

function cellHistory(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const row = sheet.rowsById.get(req.idParam('rowId'));
  const columnId = req.idParam('columnId');
  const column = sheet.columns.find((c) => c.id === columnId);
  if (!row || !column) throw apiErrors.notFound();
  const ctx = renderContextFor(req, rt.state, level);
  // System cells are computed, not edited, so they have no recorded history.
  const entries = column.systemColumnType
    ? []
    : [...(sheet.history.get(historyKey(row.id, column.id)) ?? [])].reverse();
  const body = paginate(entries, readOffsetPage(req.query), (entry) => ({
    ...renderCell(ctx, column, row, {
      ...(entry.value !== undefined ? { value: entry.value } : {}),
      ...(entry.formula !== undefined ? { formula: entry.formula } : {}),
      ...(entry.objectValue !== undefined ? { objectValue: entry.objectValue } : {}),
    }),
    modifiedAt: req.dates(entry.modifiedAt),
    modifiedBy: miniUser(rt.state, entry.modifiedBy),
  }));
  return { body };
}

export const cellHistoryRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    pattern: '/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history',
    run: cellHistory,
    heavy: true,
  },
];
