// What the sync and publish use cases need from Smartsheet, named for the use case rather than the
// REST API. The Smartsheet adapter implements it over its client; tests can drive the emulator.
import type { SourceRow } from '../domain/billing-row.js';
import type { SheetAccessLevel } from '../domain/access-review/sheet-access-level.js';

export interface SheetColumnInfo {
  id: number;
  title: string;
  type: string;
  primary: boolean;
}

export interface DiscoveredSheet {
  id: number;
  name: string;
  /** Workspace / folder / … path, for messages and the run summary. */
  location: string;
}

/** A row as read, with its lock as Smartsheet reports it to our token (absent on unlocked rows). */
export interface SheetRow extends SourceRow {
  readonly locked?: boolean | undefined;
  /** True when our token cannot edit the row: locked, and we are not OWNER/ADMIN on the sheet. */
  readonly lockedForUser?: boolean | undefined;
}

export interface SheetContent {
  id: number;
  name: string;
  version: number;
  permalink: string | undefined;
  columns: SheetColumnInfo[];
  rows: SheetRow[];
}

export interface ReadRowsOptions {
  /** Only rows modified at or after this instant (Smartsheet never reports deleted rows here). */
  rowsModifiedSince?: Date;
  /** Restrict each row's cells (and the request's size) to these columns. */
  columnIds?: number[];
  rowIds?: number[];
}

export interface RowAttachment {
  id: number;
  name: string;
  rowId: number;
  sizeInKb: number | undefined;
  createdAt: string | undefined;
}

/** Who a sheet is shared with, and at which level (GET /sheets/{id}/shares), for the access review. */
export interface SheetShare {
  readonly type: 'USER' | 'GROUP';
  /** A user's e-mail (a group's, when it has one); null when Smartsheet gives none. */
  readonly email: string | null;
  readonly name: string | null;
  readonly accessLevel: SheetAccessLevel;
  /** Shared on the sheet itself or inherited from its workspace. */
  readonly scope: 'ITEM' | 'WORKSPACE';
}

/** One saved value of a cell, as Smartsheet's cell history reports it. */
export interface CellRevision {
  value: string | number | boolean | undefined;
  modifiedAt: Date;
  editorEmail: string | null;
  editorName: string | undefined;
}

export interface BillingSheets {
  /** Every saved value of one cell, newest first (a heavy call: 10 units of the budget). */
  cellHistory(sheetId: number, rowId: number, columnId: number): Promise<CellRevision[]>;
  /** Every sheet inside a workspace or folder, walking sub-folders, with its location. */
  sheetsUnder(container: { kind: 'workspace' | 'folder'; id: number }): Promise<DiscoveredSheet[]>;
  /** The sheet's current version, or undefined when it no longer exists or is not shared with us. */
  sheetVersion(sheetId: number): Promise<number | undefined>;
  /** Read a sheet (all pages), or undefined when it no longer exists or is not shared with us. */
  readSheet(sheetId: number, options?: ReadRowsOptions): Promise<SheetContent | undefined>;
  /** Every file attached to rows of a sheet. */
  listRowAttachments(sheetId: number): Promise<RowAttachment[]>;
  /** The files attached to one row (not its discussions'). */
  listAttachmentsOfRow(sheetId: number, rowId: number): Promise<RowAttachment[]>;
  /**
   * Attach a file to a row; returns the new attachment. A failure whose AppError details say
   * `retryable` may be retried; `ambiguous` means the file may have been attached anyway.
   */
  uploadRowAttachment(
    sheetId: number,
    rowId: number,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<RowAttachment>;
  deleteAttachment(sheetId: number, attachmentId: number): Promise<void>;
  /**
   * Everyone a sheet is shared with, the owner and workspace shares included; undefined when the
   * sheet no longer exists or is not shared with us.
   */
  sheetShares(sheetId: number): Promise<SheetShare[] | undefined>;
  /** Requests made so far, by kind, for the run summary. */
  requestCounts(): Record<string, number>;
}

/** A workspace the token can see, for `ledgerline init`'s choices. */
export interface SetupWorkspace {
  id: number;
  name: string;
}

/** A column to create on a new sheet (the audit sheet `init` offers to make). */
export interface NewSheetColumn {
  title: string;
  primary: boolean;
  type: 'TEXT_NUMBER';
}

/** What `ledgerline init` and `doctor` need from Smartsheet to set up and check a deployment. */
export interface SmartsheetSetup {
  /** The token's user (GET /users/me); throws a clear AppError for a bad token or base URL. */
  currentUser(): Promise<{ id: number; email: string; name: string }>;
  listWorkspaces(): Promise<SetupWorkspace[]>;
  /** Every sheet the token can see, with its workspace/folder path (`Sheets` for the home folder). */
  listSheets(): Promise<DiscoveredSheet[]>;
  /** Every sheet inside a workspace or folder, walking sub-folders. */
  sheetsUnder(container: { kind: 'workspace' | 'folder'; id: number }): Promise<DiscoveredSheet[]>;
  /** A sheet's name and columns, or undefined when it does not exist or is not shared with us. */
  sheetColumns(sheetId: number): Promise<{ name: string; columns: SheetColumnInfo[] } | undefined>;
  /** Create a sheet in a workspace (or the token user's Sheets folder). */
  createSheet(
    name: string,
    columns: readonly NewSheetColumn[],
    workspaceId?: number,
  ): Promise<{ id: number; name: string }>;
}
