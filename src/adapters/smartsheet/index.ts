// The Smartsheet adapter's public surface: the client, its budget, and the types its methods return.
export { SmartsheetClient } from './smartsheet-client.js';
export type { SmartsheetClientOptions } from './smartsheet-client.js';
export { REQUEST_WEIGHT, TokenBucketBudget } from './request-budget.js';
export type { RequestBudget, TokenBucketOptions } from './request-budget.js';
export type { RequestCountsSnapshot } from './request-counts.js';
export { probeCurrentUser } from './current-user-probe.js';
export type { CurrentUser } from './current-user-probe.js';
export { parseSmartsheetTimestamp } from './common-schemas.js';
export type { AccessLevel, MiniUser } from './common-schemas.js';
export type { BulkItemFailure } from './envelope-schemas.js';
export type { Attachment } from './attachment-schemas.js';
export type { FileUpload } from './attachment-endpoints.js';
export type {
  Cell,
  CellHistory,
  CellPrimitive,
  Column,
  ObjectValue,
  Row,
  Sheet,
  SheetSummary,
} from './sheet-schemas.js';
export type { ColumnLevel, GetSheetOptions, ListSheetsOptions } from './sheet-endpoints.js';
export type { CellHistoryOptions } from './cell-history-endpoint.js';
export type {
  CellWrite,
  DeleteRowsOptions,
  NewRow,
  RowLocation,
  RowUpdate,
  RowWriteOptions,
  RowWriteResult,
} from './row-endpoints.js';
export type { Share, UserProfile } from './user-schemas.js';
export type { ListSharesOptions } from './share-endpoints.js';
export type { Webhook } from './webhook-schemas.js';
export type { NewSheetWebhook, WebhookUpdate } from './webhook-endpoints.js';
export { sheetPathNames } from './workspace-schemas.js';
export type { ContainerChild, PathLeaf, SheetPathNode, Workspace } from './workspace-schemas.js';
export type { ChildResourceFilter, ChildrenOptions } from './workspace-endpoints.js';
