// The plain-data shape a seed generator produces and the emulator state loads. It is the only contract
// between the seed/simulator code and the server core, so both can change independently.

export type ColumnType =
  | 'TEXT_NUMBER'
  | 'DATE'
  | 'DATETIME'
  | 'CHECKBOX'
  | 'PICKLIST'
  | 'MULTI_PICKLIST'
  | 'CONTACT_LIST'
  | 'MULTI_CONTACT_LIST';

export type SystemColumnType =
  'AUTO_NUMBER' | 'CREATED_BY' | 'CREATED_DATE' | 'MODIFIED_BY' | 'MODIFIED_DATE';

export type AccessLevel = 'OWNER' | 'ADMIN' | 'EDITOR_SHARE' | 'EDITOR' | 'COMMENTER' | 'VIEWER';

export type CellValue = string | number | boolean;

export interface SeedUser {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  /** Bearer token this user authenticates with. */
  token: string;
  /** Smartsheet system admin (sees everything, may lock rows). */
  admin?: boolean;
  /** A token the emulator treats as expired (401/1003). */
  expired?: boolean;
  /** Non-human identity such as automation@smartsheet.com; only the edit simulator uses its token. */
  automation?: boolean;
}

export interface SeedColumn {
  id: number;
  title: string;
  type: ColumnType;
  primary?: boolean;
  systemColumnType?: SystemColumnType;
  options?: string[];
  autoNumberFormat?: { prefix?: string; suffix?: string; fill?: string; startingNumber?: number };
  /** Display format hint for TEXT_NUMBER columns holding money: displayValue becomes "$1,234.57". */
  currency?: boolean;
  width?: number;
}

export interface SeedCell {
  columnId: number;
  value?: CellValue;
  formula?: string;
}

export interface SeedRow {
  id: number;
  cells: SeedCell[];
  createdAt: string; // ISO-8601 UTC
  modifiedAt: string;
  createdBy: string; // e-mail of a SeedUser
  modifiedBy: string;
  locked?: boolean;
}

export interface SeedShare {
  email: string;
  accessLevel: AccessLevel;
}

export type SeedSheetRole = 'source' | 'target' | 'audit' | 'other';

export interface SeedSheet {
  id: number;
  name: string;
  role: SeedSheetRole;
  ownerEmail: string;
  /** Exactly one of workspaceId / folderId places the sheet; neither = the owner's Sheets folder. */
  workspaceId?: number;
  folderId?: number;
  columns: SeedColumn[];
  rows: SeedRow[];
  shares: SeedShare[];
  createdAt: string;
  modifiedAt: string;
}

export interface SeedWorkspace {
  id: number;
  name: string;
  ownerEmail: string;
  shares: SeedShare[];
}

export interface SeedFolder {
  id: number;
  name: string;
  workspaceId?: number;
  parentFolderId?: number;
}

/** A compatible unit of the synthetic catalogue (prices in cents; undefined = N/A). */
export interface SeedCompatibleUnit {
  cu: string;
  description: string;
  uom: string;
  group: string;
  installCents?: number;
  removalCents?: number;
  transferCents?: number;
}

/** Deliberate data-quality problems planted in the seed (ground truth for DATA_QUALITY and duplicate rules). */
export type SeedNoiseKind =
  | 'unparseable_price'
  | 'zero_price'
  | 'price_rate_mismatch'
  | 'missing_foreman'
  | 'missing_work_request'
  | 'non_sunday_week_ending'
  | 'cu_no_match'
  | 'not_completed'
  | 'blank_snapshot_date'
  | 'very_old_date'
  | 'future_date'
  | 'duplicate_unit';

export interface SeedNoise {
  kind: SeedNoiseKind;
  sheetId: number;
  rowId: number;
  /** The row this one duplicates (duplicate_unit only). */
  relatedRowId?: number;
}

export interface SeedData {
  /** The seed name or number it was generated from. */
  seed: string;
  /** The emulator clock starts here (ISO-8601 UTC). */
  now: string;
  users: SeedUser[];
  workspaces: SeedWorkspace[];
  folders: SeedFolder[];
  sheets: SeedSheet[];
  catalogue: SeedCompatibleUnit[];
  /**
   * Ledgerline configuration that lives outside Smartsheet, seeded so that rules can be exercised:
   * per source sheet (key `String(sheetId)`), the e-mails allowed to change billing fields. Anyone else
   * with edit access who changes one is an UNAUTHORIZED_EDITOR.
   */
  authorizedEditors?: Record<string, string[]>;
  /** E-mails holding the `billing.correct` permission (their post-close changes are AUTHORIZED_CORRECTION). */
  billingCorrectors?: string[];
  /** The account (and so the token) Ledgerline itself uses against the emulator. */
  ledgerlineUserEmail?: string;
  /** Every deliberate data-quality problem in the seed rows. */
  noise?: SeedNoise[];
}
