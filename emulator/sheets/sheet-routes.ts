// /sheets and /sheets/{sheetId}/…: list, get, version, path and delete.
import type { AccessLevel } from '../seed/seed-data.js';
import { sheetAccessLevel, workspaceOfSheet } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import { parseTimestamp } from '../format/timestamps.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import type { FolderRecord, SheetRecord } from '../state/state-types.js';
import { reviewScopeAccess } from '../webhooks/scope-access.js';
import { getSheet } from './get-sheet.js';
import { permalinks } from './permalinks.js';
import { sheetFor } from './sheet-access.js';

function listSheets(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const include = req.query.flags('include');
  const since = req.query.string('modifiedSince');
  const threshold = since === undefined ? undefined : parseTimestamp(since);
  if (since !== undefined && threshold === undefined) throw apiErrors.invalidValue(since, 'modifiedSince');

  const visible: { sheet: SheetRecord; level: AccessLevel }[] = [];
  for (const sheet of rt.state.sheets.values()) {
    const level = sheetAccessLevel(rt.state, sheet, req.user);
    if (!level) continue;
    if (threshold !== undefined && sheet.modifiedAt < threshold) continue;
    visible.push({ sheet, level });
  }
  // Alphabetical by name (old docs); ids break ties so the order is total and stable.
  visible.sort((a, b) => a.sheet.name.localeCompare(b.sheet.name, 'en') || a.sheet.id - b.sheet.id);
  const body = paginate(visible, readOffsetPage(req.query), ({ sheet, level }) => {
    const owner = rt.state.userByEmail(sheet.ownerEmail);
    return {
      id: sheet.id,
      name: sheet.name,
      ...(include.has('sheetVersion') ? { version: sheet.version } : {}),
      accessLevel: level,
      ...(include.has('ownerInfo')
        ? { owner: sheet.ownerEmail, ...(owner ? { ownerId: owner.id } : {}) }
        : {}),
      permalink: permalinks.sheet(sheet.id),
      createdAt: req.dates(sheet.createdAt),
      modifiedAt: req.dates(sheet.modifiedAt),
    };
  });
  return { body };
}

function sheetVersion(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  return { body: { version: sheetFor(req, rt).sheet.version } };
}

/** The folders from the workspace down to the one holding the sheet (outermost first). */
function folderChain(rt: EmulatorRuntime, folderId: number | undefined): FolderRecord[] {
  const chain: FolderRecord[] = [];
  let current = folderId === undefined ? undefined : rt.state.folders.get(folderId);
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parentFolderId === undefined ? undefined : rt.state.folders.get(current.parentFolderId);
  }
  return chain;
}

/**
 * GET /sheets/{sheetId}/path: workspace → folders → sheet as nested nodes (SDK `SheetPathNode`).
 * A sheet outside any workspace hangs under a "Sheets" node standing for the owner's Sheets folder.
 */
function sheetPath(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet, level } = sheetFor(req, rt);
  const leaf = {
    id: sheet.id,
    name: sheet.name,
    permalink: permalinks.sheet(sheet.id),
    accessLevel: level,
    createdAt: req.dates(sheet.createdAt),
    modifiedAt: req.dates(sheet.modifiedAt),
  };
  let node: Record<string, unknown> = { sheets: [leaf] };
  const folders = folderChain(rt, sheet.folderId);
  for (const folder of [...folders].reverse()) {
    node = { id: folder.id, name: folder.name, permalink: permalinks.folder(folder.id), ...node };
    node = { folders: [node] };
  }
  const workspace = workspaceOfSheet(rt.state, sheet);
  if (workspace) {
    return {
      body: {
        id: workspace.id,
        name: workspace.name,
        permalink: permalinks.workspace(workspace.id),
        ...node,
      },
    };
  }
  const owner = rt.state.userByEmail(sheet.ownerEmail);
  return {
    body: {
      id: owner?.id ?? 0,
      name: 'Sheets',
      permalink: 'https://app.smartsheet.com/browse/personal',
      ...node,
    },
  };
}

function deleteSheet(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt, 'OWNER');
  rt.state.sheets.delete(sheet.id);
  reviewScopeAccess(rt, sheet.id);
  return { body: successResult(undefined) };
}

export const sheetRoutes: ApiRouteSpec[] = [
  { method: 'GET', pattern: '/sheets', run: listSheets },
  { method: 'GET', pattern: '/sheets/{sheetId}', run: getSheet },
  { method: 'DELETE', pattern: '/sheets/{sheetId}', run: deleteSheet, writesSheet: true },
  { method: 'GET', pattern: '/sheets/{sheetId}/version', run: sheetVersion },
  { method: 'GET', pattern: '/sheets/{sheetId}/path', run: sheetPath },
];
