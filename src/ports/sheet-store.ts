/** What a sheet is for (billing-domain.md §1.1). */
export type SheetRole = 'source' | 'target' | 'audit';

/**
 * `missing`: discovery no longer finds the sheet; `unmapped`: its required columns stopped mapping.
 * Both are loud errors, never a silent drop of billing rows (billing-domain.md §1.1).
 */
export type SheetStatus = 'active' | 'missing' | 'unmapped';

/** A Smartsheet sheet Ledgerline knows about, with what the last sync learned of it. */
export interface SheetRecord {
  /** Smartsheet sheet id. */
  readonly id: number;
  readonly name: string;
  readonly role: SheetRole;
  /** Workspace/folder path where discovery found it; null when it was configured by id. */
  readonly locationPath: string | null;
  /** Smartsheet's sheet version at the last sync; null before the first sync. */
  readonly version: number | null;
  /** Billing field → Smartsheet column id (billing-domain.md §1.2). */
  readonly columnMap: Readonly<Record<string, number>>;
  /** Optional billing fields with no matching column, reported once per sheet. */
  readonly missingColumns: readonly string[];
  readonly status: SheetStatus;
  /**
   * The sync point: Smartsheet's time (ISO-8601) up to which a completed sheet sync has read every
   * row modification — the newest row `modifiedAt` it saw. Null before the first sync.
   */
  readonly lastSyncedAt: string | null;
  /** ISO-8601 instant discovery last saw the sheet. */
  readonly lastSeenAt: string | null;
}

/** The sheets discovery found and sync maintains. */
export interface SheetStore {
  /** Inserts the sheet or replaces every field of the stored one. */
  upsertSheet(sheet: SheetRecord): Promise<void>;
  getSheet(id: number): Promise<SheetRecord | undefined>;
  /** Sheets ordered by id, optionally only one role and/or status. */
  listSheets(filter?: { readonly role?: SheetRole; readonly status?: SheetStatus }): Promise<SheetRecord[]>;
  /** Sets the status; false when no such sheet is stored. */
  markSheetStatus(id: number, status: SheetStatus): Promise<boolean>;
}

/** A cell value as Smartsheet returns it. */
export type CellValue = string | number | boolean | null;

/** The last synced state of one row, the baseline the next sync diffs against (billing-domain.md §3.1). */
export interface RowSnapshot {
  readonly sheetId: number;
  readonly rowId: number;
  readonly rowNumber: number;
  /** ISO-8601 instant Smartsheet last modified the row. */
  readonly modifiedAt: string | null;
  /** Hash of the row's values, to skip unchanged rows cheaply. */
  readonly contentHash: string;
  /** The row's cells, keyed as the sync service chooses (column id or billing field). */
  readonly values: Readonly<Record<string, CellValue>>;
  readonly billable: boolean;
  /** ISO-8601 instant the row was found gone; null while it exists. */
  readonly deletedAt: string | null;
  /** The run that last wrote the snapshot. */
  readonly lastRunId: string | null;
}

/** Snapshot filters; deleted rows are left out unless asked for. */
export interface SnapshotFilter {
  readonly sheetId?: number;
  readonly billable?: boolean;
  readonly includeDeleted?: boolean;
}

/** Stored row snapshots: written in bulk by sync, read by diff and reports. */
export interface SnapshotStore {
  /**
   * Inserts or replaces snapshots by (sheet, row) in one transaction, in batches sized to the
   * engine's parameter limit (a full sync writes ~150,000 rows).
   */
  upsertSnapshots(snapshots: readonly RowSnapshot[]): Promise<void>;
  /** A sheet's snapshots ordered by row number. */
  listSnapshots(sheetId: number, options?: { readonly includeDeleted?: boolean }): Promise<RowSnapshot[]>;
  /** A sheet's row ids in ascending order (live rows unless includeDeleted). */
  listRowIds(sheetId: number, options?: { readonly includeDeleted?: boolean }): Promise<number[]>;
  /** Marks live rows of a sheet deleted; returns how many were newly marked. */
  markRowsDeleted(
    sheetId: number,
    rowIds: readonly number[],
    deletedAt: string,
    runId: string | null,
  ): Promise<number>;
  countSnapshots(filter?: SnapshotFilter): Promise<number>;
  /**
   * A cheap token of each sheet's live rows (one grouped read, no cell values): it changes whenever
   * a live row is added, deleted, flagged billable or not, or stored with a later `modifiedAt` —
   * Smartsheet moves a row's `modifiedAt` forward on every edit. Sheets without live rows are absent.
   */
  liveRowStates(): Promise<Map<number, LiveRowState>>;
}

/** See SnapshotStore.liveRowStates: equal states mean the sheet's live snapshots did not change. */
export interface LiveRowState {
  readonly rows: number;
  readonly billableRows: number;
  /** Sum of the rows' `modifiedAt` in epoch milliseconds, as text (exact on both engines). */
  readonly modifiedSum: string;
}
