// Workspace and folder discovery (smartsheet-api.md §4.8, §5.6): token-paged lists and children,
// metadata, and the endpoints Smartsheet retired in 2025–2026 answering 410/4005.
import type { AccessLevel } from '../seed/seed-data.js';
import { workspaceAccessLevel, workspaceOfFolder } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import { tokenPaginate } from '../paging/token-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { permalinks } from '../sheets/permalinks.js';
import type { FolderRecord, UserRecord, WorkspaceRecord } from '../state/state-types.js';

const RESOURCE_TYPES = ['sheets', 'reports', 'sights', 'folders', 'templates'];

function visibleWorkspaces(
  rt: EmulatorRuntime,
  user: UserRecord,
): { workspace: WorkspaceRecord; level: AccessLevel }[] {
  const visible: { workspace: WorkspaceRecord; level: AccessLevel }[] = [];
  for (const workspace of rt.state.workspaces.values()) {
    const level = workspaceAccessLevel(workspace, user);
    if (level) visible.push({ workspace, level });
  }
  return visible.sort(
    (a, b) => a.workspace.name.localeCompare(b.workspace.name, 'en') || a.workspace.id - b.workspace.id,
  );
}

function listWorkspaces(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const render = ({ workspace, level }: { workspace: WorkspaceRecord; level: AccessLevel }) => ({
    id: workspace.id,
    name: workspace.name,
    accessLevel: level,
    permalink: permalinks.workspace(workspace.id),
  });
  const visible = visibleWorkspaces(rt, req.user);
  // Without paginationType=token the list answers in the older offset form.
  if (req.query.string('paginationType') === 'token')
    return { body: tokenPaginate(visible, req.query, render) };
  return { body: paginate(visible, readOffsetPage(req.query), render) };
}

function workspaceFor(
  req: ApiRequest,
  rt: EmulatorRuntime,
): { workspace: WorkspaceRecord; level: AccessLevel } {
  const workspace = rt.state.workspaces.get(req.idParam('workspaceId'));
  if (!workspace) throw apiErrors.notFound();
  const level = workspaceAccessLevel(workspace, req.user);
  if (!level) throw apiErrors.notAuthorized();
  return { workspace, level };
}

function folderFor(req: ApiRequest, rt: EmulatorRuntime): { folder: FolderRecord; level: AccessLevel } {
  const folder = rt.state.folders.get(req.idParam('folderId'));
  if (!folder) throw apiErrors.notFound();
  const workspace = workspaceOfFolder(rt.state, folder.id);
  const level = workspace ? workspaceAccessLevel(workspace, req.user) : req.user.admin ? 'ADMIN' : undefined;
  if (!level) throw apiErrors.notAuthorized();
  return { folder, level };
}

function workspaceMetadata(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { workspace, level } = workspaceFor(req, rt);
  return {
    body: {
      id: workspace.id,
      name: workspace.name,
      accessLevel: level,
      permalink: permalinks.workspace(workspace.id),
      createdAt: req.dates(workspace.createdAt),
      modifiedAt: req.dates(workspace.modifiedAt),
    },
  };
}

function folderMetadata(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { folder } = folderFor(req, rt);
  return {
    body: {
      id: folder.id,
      name: folder.name,
      permalink: permalinks.folder(folder.id),
      createdAt: req.dates(folder.createdAt),
      modifiedAt: req.dates(folder.modifiedAt),
    },
  };
}

/** Folders then sheets directly inside a workspace or folder, each sorted by name. */
function children(
  req: ApiRequest,
  rt: EmulatorRuntime,
  level: AccessLevel,
  inContainer: { workspaceId?: number; folderId?: number },
): ApiResult {
  const types = req.query.list('childrenResourceTypes');
  for (const type of types)
    if (!RESOURCE_TYPES.includes(type)) throw apiErrors.invalidValue(type, 'childrenResourceTypes');
  const wants = (type: string) => types.length === 0 || types.includes(type);
  const byName = <T extends { name: string; id: number }>(a: T, b: T) =>
    a.name.localeCompare(b.name, 'en') || a.id - b.id;
  const items: Record<string, unknown>[] = [];
  if (wants('folders')) {
    const folders = [...rt.state.folders.values()].filter((folder) =>
      inContainer.folderId !== undefined
        ? folder.parentFolderId === inContainer.folderId
        : folder.workspaceId === inContainer.workspaceId && folder.parentFolderId === undefined,
    );
    for (const folder of folders.sort(byName)) {
      items.push({
        id: folder.id,
        name: folder.name,
        permalink: permalinks.folder(folder.id),
        createdAt: req.dates(folder.createdAt),
        modifiedAt: req.dates(folder.modifiedAt),
        resourceType: 'folder',
      });
    }
  }
  if (wants('sheets')) {
    const sheets = [...rt.state.sheets.values()].filter((sheet) =>
      inContainer.folderId !== undefined
        ? sheet.folderId === inContainer.folderId
        : sheet.workspaceId === inContainer.workspaceId && sheet.folderId === undefined,
    );
    for (const sheet of sheets.sort(byName)) {
      items.push({
        id: sheet.id,
        name: sheet.name,
        permalink: permalinks.sheet(sheet.id),
        createdAt: req.dates(sheet.createdAt),
        modifiedAt: req.dates(sheet.modifiedAt),
        // Sheets in a workspace inherit its access; the sheet owner keeps OWNER.
        accessLevel:
          sheet.ownerEmail.toLowerCase() === req.user.email.toLowerCase()
            ? 'OWNER'
            : level === 'OWNER'
              ? 'ADMIN'
              : level,
        resourceType: 'sheet',
      });
    }
  }
  return { body: tokenPaginate(items, req.query, (item) => item) };
}

function workspaceChildren(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { workspace, level } = workspaceFor(req, rt);
  return children(req, rt, level, { workspaceId: workspace.id });
}

function folderChildren(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { folder, level } = folderFor(req, rt);
  return children(req, rt, level, { folderId: folder.id });
}

const retired = (): ApiResult => {
  throw apiErrors.versionRetired();
};

export const workspaceRoutes: ApiRouteSpec[] = [
  { method: 'GET', pattern: '/workspaces', run: listWorkspaces },
  { method: 'GET', pattern: '/workspaces/{workspaceId}/metadata', run: workspaceMetadata },
  { method: 'GET', pattern: '/workspaces/{workspaceId}/children', run: workspaceChildren },
  { method: 'GET', pattern: '/folders/{folderId}/metadata', run: folderMetadata },
  { method: 'GET', pattern: '/folders/{folderId}/children', run: folderChildren },
  // Sunset on Jun-03-2026 (smartsheet-api.md §5): clients must have migrated to metadata/children.
  { method: 'GET', pattern: '/workspaces/{workspaceId}', run: retired },
  { method: 'GET', pattern: '/workspaces/{workspaceId}/folders', run: retired },
  { method: 'GET', pattern: '/folders/{folderId}', run: retired },
  { method: 'GET', pattern: '/folders/{folderId}/folders', run: retired },
  { method: 'GET', pattern: '/home', run: retired },
  { method: 'GET', pattern: '/home/folders', run: retired },
];
