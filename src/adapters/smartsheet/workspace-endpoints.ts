// Discovery (smartsheet-api.md §5 #19–#22, §5.6): workspaces and the children of a workspace or
// folder with token paging, and the path from a sheet up to its workspace.
import { apiRoute } from './api-route.js';
import type { ApiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { tokenPageSchema } from './envelope-schemas.js';
import { collectPages, tokenPages } from './paging.js';
import { containerChildSchema, sheetPathNodeSchema, workspaceSchema } from './workspace-schemas.js';
import type { ContainerChild, SheetPathNode, Workspace } from './workspace-schemas.js';

const WORKSPACES_PER_PAGE = 100;
/** The SDK documents 100–1000 in multiples of 100 for children. */
const CHILDREN_PER_PAGE = 1000;

/** Plural names, as the `childrenResourceTypes` filter wants them. */
export type ChildResourceFilter = 'sheets' | 'folders' | 'reports' | 'sights' | 'templates';

export interface ChildrenOptions {
  /** Default: sheets and folders, all discovery needs. */
  resourceTypes?: readonly ChildResourceFilter[];
}

export function listWorkspaces(ctx: EndpointContext): Promise<Workspace[]> {
  const route = apiRoute('GET', '/workspaces');
  const schema = tokenPageSchema(workspaceSchema);
  return collectPages(
    tokenPages(
      (lastKey) =>
        ctx.http.call({
          route,
          query: { paginationType: 'token', maxItems: WORKSPACES_PER_PAGE, lastKey },
          schema,
        }),
      route.label,
    ),
  );
}

export function getWorkspaceChildren(
  ctx: EndpointContext,
  workspaceId: number,
  options: ChildrenOptions = {},
): Promise<ContainerChild[]> {
  return listChildren(ctx, apiRoute('GET', '/workspaces/{workspaceId}/children', { workspaceId }), options);
}

export function getFolderChildren(
  ctx: EndpointContext,
  folderId: number,
  options: ChildrenOptions = {},
): Promise<ContainerChild[]> {
  return listChildren(ctx, apiRoute('GET', '/folders/{folderId}/children', { folderId }), options);
}

function listChildren(
  ctx: EndpointContext,
  route: ApiRoute,
  options: ChildrenOptions,
): Promise<ContainerChild[]> {
  const schema = tokenPageSchema(containerChildSchema);
  const childrenResourceTypes = options.resourceTypes ?? ['sheets', 'folders'];
  return collectPages(
    tokenPages(
      (lastKey) =>
        ctx.http.call({
          route,
          query: { childrenResourceTypes, maxItems: CHILDREN_PER_PAGE, lastKey },
          schema,
        }),
      route.label,
    ),
  );
}

/** Workspace → folders → sheet, in one call instead of a tree walk. */
export function getSheetPath(ctx: EndpointContext, sheetId: number): Promise<SheetPathNode> {
  return ctx.http.call({
    route: apiRoute('GET', '/sheets/{sheetId}/path', { sheetId }),
    schema: sheetPathNodeSchema,
  });
}
