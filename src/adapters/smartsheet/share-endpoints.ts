// GET /sheets/{sheetId}/shares: who can see and edit a sheet, for the access review.
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { indexResultSchema } from './envelope-schemas.js';
import { collectPages, offsetPages } from './paging.js';
import { shareSchema } from './user-schemas.js';
import type { Share } from './user-schemas.js';

const SHARES_PER_PAGE = 500;

export interface ListSharesOptions {
  /** Also the shares inherited from the sheet's workspace (scope WORKSPACE). */
  includeWorkspaceShares?: boolean;
}

export function listSheetShares(
  ctx: EndpointContext,
  sheetId: number,
  options: ListSharesOptions = {},
): Promise<Share[]> {
  const route = apiRoute('GET', '/sheets/{sheetId}/shares', { sheetId });
  const schema = indexResultSchema(shareSchema);
  const include = options.includeWorkspaceShares ? 'workspaceShares' : undefined;
  return collectPages(
    offsetPages((page) =>
      ctx.http.call({ route, query: { include, page, pageSize: SHARES_PER_PAGE }, schema }),
    ),
  );
}
