// Ledgerline's typed Smartsheet client: one object per token, sharing a RequestBudget with every
// other client of the process. Each method is one endpoint family's function; the shared HTTP layer
// supplies retries, the budget, validation and errors, and writes to one sheet go one at a time.
import type { Logger } from '../../ports/logger.js';
import type { Attachment } from './attachment-schemas.js';
import * as attachments from './attachment-endpoints.js';
import type { FileUpload } from './attachment-endpoints.js';
import { getCellHistory } from './cell-history-endpoint.js';
import { createSheet } from './create-sheet-endpoint.js';
import type { CreatedSheet, NewSheet } from './create-sheet-endpoint.js';
import type { CellHistoryOptions } from './cell-history-endpoint.js';
import type { EndpointContext } from './endpoint-context.js';
import type { RequestBudget } from './request-budget.js';
import type { WorkLock } from '../../ports/work-lock.js';
import { realSleep } from './request-budget.js';
import type { RequestCountsSnapshot } from './request-counts.js';
import * as rows from './row-endpoints.js';
import type {
  DeleteRowsOptions,
  NewRow,
  RowUpdate,
  RowWriteOptions,
  RowWriteResult,
} from './row-endpoints.js';
import * as sheets from './sheet-endpoints.js';
import type { ColumnLevel, GetSheetOptions, ListSheetsOptions } from './sheet-endpoints.js';
import type { CellHistory, Column, Sheet, SheetSummary } from './sheet-schemas.js';
import { listSheetShares } from './share-endpoints.js';
import type { ListSharesOptions } from './share-endpoints.js';
import { SheetWriteQueue } from './sheet-write-queue.js';
import { SmartsheetHttp } from './smartsheet-http.js';
import { getCurrentUser } from './user-endpoints.js';
import type { Share, UserProfile } from './user-schemas.js';
import * as webhooks from './webhook-endpoints.js';
import type { NewSheetWebhook, WebhookUpdate } from './webhook-endpoints.js';
import type { Webhook } from './webhook-schemas.js';
import * as workspaces from './workspace-endpoints.js';
import type { ChildrenOptions } from './workspace-endpoints.js';
import type { ContainerChild, SheetPathNode, Workspace } from './workspace-schemas.js';

export interface SmartsheetClientOptions {
  /** e.g. `https://api.smartsheet.com/2.0`; a trailing slash is dropped. */
  baseUrl: string;
  token: string;
  /** Sent as Smartsheet-Change-Agent on writes, echoed in webhook events (loop prevention). */
  changeAgent?: string;
  /** Shared by every client of the process (or cluster). */
  budget: RequestBudget;
  /** Serialises writes to one sheet across processes; within this process a queue always does. */
  writeLock?: WorkLock;
  /** Longest time one call keeps retrying transient failures. Default 90 s. */
  maxRetryMs?: number;
  /** One attempt's limit, headers and body. Default 60 s. */
  requestTimeoutMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): retry jitter. */
  random?: () => number;
  /** Epoch milliseconds. */
  now?: () => number;
}

export class SmartsheetClient {
  private readonly ctx: EndpointContext;

  constructor(options: SmartsheetClientOptions) {
    const http = new SmartsheetHttp({
      baseUrl: options.baseUrl,
      token: options.token,
      changeAgent: options.changeAgent ?? 'ledgerline',
      budget: options.budget,
      maxRetryMs: options.maxRetryMs ?? 90_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
      logger: options.logger,
      fetch: options.fetch ?? fetch,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    });
    this.ctx = { http, writes: new SheetWriteQueue(options.writeLock), logger: options.logger };
  }

  /** Requests sent so far: total, per endpoint, retries and 429s. */
  requestCounts(): RequestCountsSnapshot {
    return this.ctx.http.counts.snapshot();
  }

  getCurrentUser(): Promise<UserProfile> {
    return getCurrentUser(this.ctx);
  }

  listSheets(options?: ListSheetsOptions): Promise<SheetSummary[]> {
    return sheets.listSheets(this.ctx, options);
  }

  getSheet(sheetId: number, options?: GetSheetOptions): Promise<Sheet> {
    return sheets.getSheet(this.ctx, sheetId, options);
  }

  getSheetVersion(sheetId: number): Promise<number> {
    return sheets.getSheetVersion(this.ctx, sheetId);
  }

  /** A new sheet in a workspace, or in the token user's Sheets folder without one. */
  createSheet(sheet: NewSheet, workspaceId?: number): Promise<CreatedSheet> {
    return createSheet(this.ctx, sheet, workspaceId);
  }

  getColumns(sheetId: number, options?: { level?: ColumnLevel }): Promise<Column[]> {
    return sheets.getColumns(this.ctx, sheetId, options);
  }

  addRows(sheetId: number, newRows: readonly NewRow[], options?: RowWriteOptions): Promise<RowWriteResult> {
    return rows.addRows(this.ctx, sheetId, newRows, options);
  }

  updateRows(
    sheetId: number,
    updates: readonly RowUpdate[],
    options?: RowWriteOptions,
  ): Promise<RowWriteResult> {
    return rows.updateRows(this.ctx, sheetId, updates, options);
  }

  deleteRows(sheetId: number, rowIds: readonly number[], options?: DeleteRowsOptions): Promise<number[]> {
    return rows.deleteRows(this.ctx, sheetId, rowIds, options);
  }

  getCellHistory(
    sheetId: number,
    rowId: number,
    columnId: number,
    options?: CellHistoryOptions,
  ): Promise<CellHistory[]> {
    return getCellHistory(this.ctx, sheetId, rowId, columnId, options);
  }

  listRowAttachments(sheetId: number, rowId: number): Promise<Attachment[]> {
    return attachments.listRowAttachments(this.ctx, sheetId, rowId);
  }

  listSheetAttachments(sheetId: number): Promise<Attachment[]> {
    return attachments.listSheetAttachments(this.ctx, sheetId);
  }

  uploadRowAttachment(sheetId: number, rowId: number, file: FileUpload): Promise<Attachment> {
    return attachments.uploadRowAttachment(this.ctx, sheetId, rowId, file);
  }

  getAttachment(sheetId: number, attachmentId: number): Promise<Attachment> {
    return attachments.getAttachment(this.ctx, sheetId, attachmentId);
  }

  downloadAttachment(sheetId: number, attachmentId: number): Promise<Uint8Array> {
    return attachments.downloadAttachment(this.ctx, sheetId, attachmentId);
  }

  deleteAttachment(sheetId: number, attachmentId: number): Promise<void> {
    return attachments.deleteAttachment(this.ctx, sheetId, attachmentId);
  }

  listWorkspaces(): Promise<Workspace[]> {
    return workspaces.listWorkspaces(this.ctx);
  }

  getWorkspaceChildren(workspaceId: number, options?: ChildrenOptions): Promise<ContainerChild[]> {
    return workspaces.getWorkspaceChildren(this.ctx, workspaceId, options);
  }

  getFolderChildren(folderId: number, options?: ChildrenOptions): Promise<ContainerChild[]> {
    return workspaces.getFolderChildren(this.ctx, folderId, options);
  }

  getSheetPath(sheetId: number): Promise<SheetPathNode> {
    return workspaces.getSheetPath(this.ctx, sheetId);
  }

  listSheetShares(sheetId: number, options?: ListSharesOptions): Promise<Share[]> {
    return listSheetShares(this.ctx, sheetId, options);
  }

  createWebhook(webhook: NewSheetWebhook): Promise<Webhook> {
    return webhooks.createWebhook(this.ctx, webhook);
  }

  listWebhooks(): Promise<Webhook[]> {
    return webhooks.listWebhooks(this.ctx);
  }

  getWebhook(webhookId: number): Promise<Webhook> {
    return webhooks.getWebhook(this.ctx, webhookId);
  }

  updateWebhook(webhookId: number, update: WebhookUpdate): Promise<Webhook> {
    return webhooks.updateWebhook(this.ctx, webhookId, update);
  }

  deleteWebhook(webhookId: number): Promise<void> {
    return webhooks.deleteWebhook(this.ctx, webhookId);
  }

  resetSharedSecret(webhookId: number): Promise<string> {
    return webhooks.resetSharedSecret(this.ctx, webhookId);
  }
}
