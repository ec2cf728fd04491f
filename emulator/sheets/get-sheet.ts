// GET /sheets/{sheetId} (smartsheet-api.md §5.2): the whole sheet, narrowed by columnIds, rowIds,
// rowNumbers and rowsModifiedSince, paged by page/pageSize, shaped by include/exclude and level;
// ifVersionAfter short-circuits to {version} when nothing changed.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast, workspaceOfSheet } from '../access/access-levels.js';
import { currentAttachments, renderAttachment } from '../attachments/render-attachment.js';
import { apiErrors } from '../errors/api-error.js';
import { parseTimestamp } from '../format/timestamps.js';
import type { ApiRequest, ApiResult } from '../http/api-request.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { layoutRows } from '../rows/row-tree.js';
import type { RowRecord, SheetRecord } from '../state/state-types.js';
import { permalinks } from './permalinks.js';
import { renderColumn } from './render-column.js';
import { renderContextFor, type RenderContext } from './render-context.js';
import { renderRow } from './render-row.js';
import { sheetFor } from './sheet-access.js';

const ATTACHMENT_OPTIONS = [
  'FILE',
  'GOOGLE_DRIVE',
  'EGNYTE',
  'ONEDRIVE',
  'DROPBOX',
  'BOX_COM',
  'EVERNOTE',
  'LINK',
];

function summaryPermission(level: AccessLevel): string {
  if (atLeast(level, 'ADMIN')) return 'ADMIN';
  if (atLeast(level, 'EDITOR')) return 'READ_WRITE';
  return 'READ_ONLY';
}

function selectRows(
  req: ApiRequest,
  sheet: SheetRecord,
  rowNumberOf: (row: RowRecord) => number,
): RowRecord[] {
  let rows = sheet.rows;
  const rowIds = req.query.ids('rowIds');
  if (rowIds.length > 0) {
    const wanted = new Set(rowIds);
    rows = rows.filter((row) => wanted.has(row.id));
  }
  const rowNumbers = req.query.ids('rowNumbers');
  if (rowNumbers.length > 0) {
    const wanted = new Set(rowNumbers);
    rows = rows.filter((row) => wanted.has(rowNumberOf(row)));
  }
  const since = req.query.string('rowsModifiedSince');
  if (since !== undefined) {
    const threshold = parseTimestamp(since);
    if (threshold === undefined) throw apiErrors.invalidValue(since, 'rowsModifiedSince');
    rows = rows.filter((row) => row.modifiedAt >= threshold);
  }
  return rows;
}

/** Sheet-level fields shared by the full sheet and its list form. */
function renderSheetHeader(
  ctx: RenderContext,
  sheet: SheetRecord,
  level: AccessLevel,
): Record<string, unknown> {
  const owner = ctx.state.userByEmail(sheet.ownerEmail);
  return {
    id: sheet.id,
    name: sheet.name,
    version: sheet.version,
    totalRowCount: sheet.rows.length,
    accessLevel: level,
    effectiveAttachmentOptions: ATTACHMENT_OPTIONS,
    ganttEnabled: false,
    dependenciesEnabled: false,
    resourceManagementEnabled: false,
    cellImageUploadEnabled: true,
    userSettings: { criticalPathEnabled: false, displaySummaryTasks: true },
    userPermissions: { summaryPermissions: summaryPermission(level) },
    hasSummaryFields: false,
    permalink: permalinks.sheet(sheet.id),
    createdAt: ctx.dates(sheet.createdAt),
    modifiedAt: ctx.dates(sheet.modifiedAt),
    isMultiPicklistEnabled: true,
    ...(ctx.include.has('ownerInfo')
      ? { owner: sheet.ownerEmail, ...(owner ? { ownerId: owner.id } : {}) }
      : {}),
  };
}

export function getSheet(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const ifVersionAfter = req.query.int('ifVersionAfter');
  if (ifVersionAfter !== undefined && sheet.version <= ifVersionAfter)
    return { body: { version: sheet.version } };

  const ctx = renderContextFor(req, rt.state, level);
  const exclude = req.query.flags('exclude');
  const columnIds = req.query.ids('columnIds');
  const wanted = new Set(columnIds);
  const columns = sheet.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => columnIds.length === 0 || wanted.has(column.id));

  const layout = layoutRows(sheet.rows);
  let rows = selectRows(req, sheet, (row) => layout.get(row.id)?.rowNumber ?? 0);
  const page = req.query.int('page');
  const pageSize = req.query.int('pageSize');
  if (page !== undefined || pageSize !== undefined) {
    const size = pageSize ?? 100;
    const number = page ?? 1;
    if (size < 1) throw apiErrors.invalidValue(String(size), 'pageSize');
    if (number < 1) throw apiErrors.invalidValue(String(number), 'page');
    rows = rows.slice((number - 1) * size, number * size);
  }

  const workspace = workspaceOfSheet(rt.state, sheet);
  const body: Record<string, unknown> = {
    ...renderSheetHeader(ctx, sheet, level),
    ...(workspace ? { workspace: { id: workspace.id, name: workspace.name } } : {}),
    columns: columns.map(({ column, index }) => renderColumn(column, index, ctx.level)),
    rows: rows.map((row) =>
      renderRow(ctx, sheet, row, layout.get(row.id), {
        columns: columns.map(({ column }) => column),
        includeSheetId: false,
        nonexistentCells: !exclude.has('nonexistentCells'),
      }),
    ),
  };
  if (ctx.include.has('attachments')) {
    const sheetLevel = currentAttachments(sheet.attachments.filter((a) => a.parentType === 'SHEET'));
    body['attachments'] = sheetLevel.map((a) => renderAttachment(rt.state, a, ctx.dates));
  }
  if (ctx.include.has('discussions')) body['discussions'] = [];
  return { body };
}
