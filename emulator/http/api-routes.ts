// The /2.0 route table: every Smartsheet endpoint the emulator serves, by concept.
import { attachmentRoutes } from '../attachments/attachment-routes.js';
import { columnRoutes } from '../columns/column-routes.js';
import { cellHistoryRoutes } from '../history/cell-history-routes.js';
import { rowRoutes } from '../rows/row-routes.js';
import { shareRoutes } from '../shares/share-routes.js';
import { createSheetRoutes } from '../sheets/create-sheet.js';
import { sheetRoutes } from '../sheets/sheet-routes.js';
import { userRoutes } from '../users/user-routes.js';
import { webhookRoutes } from '../webhooks/webhook-routes.js';
import { workspaceRoutes } from '../workspaces/workspace-routes.js';
import type { ApiRouteSpec } from './api-request.js';
import { RouteTable } from './route-matcher.js';

export function apiRouteTable(): RouteTable<ApiRouteSpec> {
  return new RouteTable<ApiRouteSpec>([
    ...userRoutes,
    ...sheetRoutes,
    ...createSheetRoutes,
    ...columnRoutes,
    ...rowRoutes,
    ...cellHistoryRoutes,
    ...attachmentRoutes,
    ...shareRoutes,
    ...workspaceRoutes,
    ...webhookRoutes,
  ]);
}
