// POST /sheets (the caller's Sheets folder), /workspaces/{id}/sheets and /folders/{id}/sheets: a new
// empty sheet from a name and column definitions, owned by the caller. Exactly one primary column,
// of type TEXT_NUMBER.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast, workspaceAccessLevel, workspaceOfFolder } from '../access/access-levels.js';
import { asRecord, checkUniqueTitles, readColumn } from '../columns/column-input.js';
import { renderColumn } from '../sheets/render-column.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { firstAutoNumber } from '../rows/auto-number.js';
import type { SheetRecord } from '../state/state-types.js';
import { permalinks } from './permalinks.js';

type Placement = { workspaceId?: number; folderId?: number };

async function createSheet(req: ApiRequest, rt: EmulatorRuntime, placement: Placement): Promise<ApiResult> {
  const body = asRecord(await req.jsonBody(), 'the request body');
  const name = body['name'];
  if (typeof name !== 'string' || name.trim() === '') throw apiErrors.missingAttribute('name');
  const rawColumns = body['columns'];
  if (!Array.isArray(rawColumns) || rawColumns.length === 0) throw apiErrors.missingAttribute('columns');
  const columns = rawColumns.map((raw) => readColumn(raw, () => rt.state.newId()));
  const primaries = columns.filter((column) => column.primary);
  if (primaries.length !== 1)
    throw apiErrors.missingAttribute('column.primary (exactly one column must be primary)');
  if (primaries[0]?.type !== 'TEXT_NUMBER' || primaries[0].systemColumnType) {
    throw apiErrors.invalidValue(String(primaries[0]?.type), 'column.type of the primary column');
  }
  checkUniqueTitles(columns);

  const sheet: SheetRecord = {
    id: rt.state.newId(),
    name: name.trim(),
    role: 'other',
    ownerEmail: req.user.email,
    ...placement,
    columns,
    rows: [],
    rowsById: new Map(),
    shares: [],
    createdAt: req.at,
    modifiedAt: req.at,
    version: 1,
    autoNumberNext: new Map(
      columns
        .filter((c) => c.systemColumnType === 'AUTO_NUMBER')
        .map((c) => [c.id, firstAutoNumber(c.autoNumberFormat)]),
    ),
    attachments: [],
    history: new Map(),
  };
  rt.state.sheets.set(sheet.id, sheet);
  return {
    body: successResult({
      id: sheet.id,
      name: sheet.name,
      accessLevel: 'OWNER',
      permalink: permalinks.sheet(sheet.id),
      columns: columns.map((column, index) => renderColumn(column, index, 2)),
    }),
  };
}

/** Creating in a workspace or folder needs ADMIN there (Smartsheet: Admin on the workspace). */
function requireContainerAccess(level: AccessLevel | undefined): void {
  if (!atLeast(level, 'ADMIN')) throw apiErrors.notAuthorized();
}

function inWorkspace(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const workspace = rt.state.workspaces.get(req.idParam('workspaceId'));
  if (!workspace) throw apiErrors.notFound();
  requireContainerAccess(workspaceAccessLevel(workspace, req.user));
  return createSheet(req, rt, { workspaceId: workspace.id });
}

function inFolder(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const folder = rt.state.folders.get(req.idParam('folderId'));
  if (!folder) throw apiErrors.notFound();
  const workspace = workspaceOfFolder(rt.state, folder.id);
  requireContainerAccess(
    workspace ? workspaceAccessLevel(workspace, req.user) : req.user.admin ? 'ADMIN' : undefined,
  );
  return createSheet(req, rt, { folderId: folder.id });
}

export const createSheetRoutes: ApiRouteSpec[] = [
  { method: 'POST', pattern: '/sheets', run: (req, rt) => createSheet(req, rt, {}) },
  { method: 'POST', pattern: '/workspaces/{workspaceId}/sheets', run: inWorkspace },
  { method: 'POST', pattern: '/folders/{folderId}/sheets', run: inFolder },
];
