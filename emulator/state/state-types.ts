// The emulator's in-memory records. They hold what Smartsheet stores, with times as epoch ms and
// people as e-mail addresses; everything derived (rowNumber, siblingId, displayValue, system cells)
// is computed when a response is rendered so it can never go stale.
import type {
  AccessLevel,
  CellValue,
  ColumnType,
  SeedSheetRole,
  SeedUser,
  SystemColumnType,
} from '../seed/seed-data.js';

export type UserRecord = SeedUser;

export interface AutoNumberFormat {
  prefix?: string;
  suffix?: string;
  fill?: string;
  startingNumber?: number;
}

export interface ColumnRecord {
  id: number;
  title: string;
  type: ColumnType;
  primary: boolean;
  systemColumnType?: SystemColumnType;
  options?: string[];
  autoNumberFormat?: AutoNumberFormat;
  currency: boolean;
  width: number;
}

export interface Hyperlink {
  url?: string;
  sheetId?: number;
  reportId?: number;
  sightId?: number;
}

export type ObjectValue =
  | { objectType: 'MULTI_PICKLIST'; values: string[] }
  | { objectType: 'MULTI_CONTACT'; values: { objectType: 'CONTACT'; email: string; name?: string }[] };

/** A cell that exists (was populated at least once). A cleared cell stays, without a value. */
export interface CellRecord {
  value?: CellValue;
  formula?: string;
  hyperlink?: Hyperlink;
  objectValue?: ObjectValue;
}

export interface RowRecord {
  id: number;
  /** Present on indented rows; children follow their parent contiguously in `SheetRecord.rows`. */
  parentId?: number;
  expanded: boolean;
  locked: boolean;
  createdAt: number;
  modifiedAt: number;
  createdBy: string;
  modifiedBy: string;
  cells: Map<number, CellRecord>;
}

export interface HistoryEntry {
  value?: CellValue;
  formula?: string;
  objectValue?: ObjectValue;
  modifiedAt: number;
  modifiedBy: string;
}

export type AttachmentParentType = 'SHEET' | 'ROW';

export interface AttachmentRecord {
  id: number;
  sheetId: number;
  parentType: AttachmentParentType;
  parentId: number;
  /** Id of the first version: all versions of one attachment share it. */
  chainId: number;
  name: string;
  attachmentType: string;
  attachmentSubType?: string;
  mimeType?: string;
  sizeInKb?: number;
  /** The link of a URL attachment (FILE attachments get a temporary download URL instead). */
  url?: string;
  description?: string;
  createdAt: number;
  createdBy: string;
  content?: Buffer;
}

export interface ShareRecord {
  id: string;
  email: string;
  accessLevel: AccessLevel;
}

export interface SheetRecord {
  id: number;
  name: string;
  role: SeedSheetRole;
  ownerEmail: string;
  workspaceId?: number;
  folderId?: number;
  columns: ColumnRecord[];
  /** Rows in display order; a parent precedes its children. */
  rows: RowRecord[];
  rowsById: Map<number, RowRecord>;
  shares: ShareRecord[];
  createdAt: number;
  modifiedAt: number;
  version: number;
  /** Next number each AUTO_NUMBER column hands out. */
  autoNumberNext: Map<number, number>;
  /** Every version of every attachment, oldest first. */
  attachments: AttachmentRecord[];
  /** Cell history keyed by `${rowId}:${columnId}`, oldest first. */
  history: Map<string, HistoryEntry[]>;
}

export interface WorkspaceRecord {
  id: number;
  name: string;
  ownerEmail: string;
  shares: ShareRecord[];
  createdAt: number;
  modifiedAt: number;
}

export interface FolderRecord {
  id: number;
  name: string;
  workspaceId?: number;
  parentFolderId?: number;
  createdAt: number;
  modifiedAt: number;
}

export type WebhookStatus =
  | 'NEW_NOT_VERIFIED'
  | 'ENABLED'
  | 'DISABLED_BY_OWNER'
  | 'DISABLED_VERIFICATION_FAILED'
  | 'DISABLED_CALLBACK_FAILED'
  | 'DISABLED_SCOPE_INACCESSIBLE'
  | 'DISABLED_APP_REVOKED'
  | 'DISABLED_ADMINISTRATIVE';

export interface WebhookStats {
  lastCallbackAttempt?: number;
  lastCallbackAttemptRetryCount?: number;
  lastSuccessfulCallback?: number;
}

export interface WebhookRecord {
  id: number;
  ownerEmail: string;
  name: string;
  callbackUrl: string;
  scope: 'sheet';
  scopeObjectId: number;
  subscope?: { columnIds: number[] };
  events: string[];
  version: number;
  enabled: boolean;
  status: WebhookStatus;
  disabledDetails?: string;
  sharedSecret: string;
  createdAt: number;
  modifiedAt: number;
  stats?: WebhookStats;
  /** Successful callbacks since the last verification challenge (re-verified every 100). */
  callbacksSinceVerification: number;
}

export function historyKey(rowId: number, columnId: number): string {
  return `${rowId}:${columnId}`;
}
