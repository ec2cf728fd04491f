// Sync: bring the stored row snapshots of every source sheet up to date with as few requests as
// possible, and say which rows were created, changed or deleted.
//   unchanged sheet      → 1 request (its version)
//   first sync           → the whole sheet
//   later syncs          → rows modified since the cursor (minus a clock-skew margin), plus a
//                          one-column read of every row id, because Smartsheet never reports deletions
// Reading a sheet never writes. Its result is committed separately, after whatever must be stored
// first (the audit events of its changes): a crash in between re-derives the same changes.
import { readBillingRow } from '../domain/billing-row.js';
import type { SourceRow } from '../domain/billing-row.js';
import type { BillingField } from '../domain/billing-field.js';
import { mapColumns } from '../domain/column-mapping.js';
import type { ColumnMapping, ColumnSynonyms } from '../domain/column-mapping.js';
import { snapshotFingerprint, snapshotValuesOf } from '../domain/row-fingerprint.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import type { BillingSheets, DiscoveredSheet } from '../ports/billing-sheets.js';
import type { PhaseProgress } from '../ports/progress.js';
import type { RowSnapshot, SheetRecord, SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import { lockKeys } from '../ports/work-lock.js';
import type { LockLease, WorkLock } from '../ports/work-lock.js';

export interface SyncOptions {
  synonyms?: Partial<ColumnSynonyms>;
  /** Margin subtracted from the cursor for rowsModifiedSince. */
  clockSkewMs: number;
  /** Decides the snapshot's billable flag (billing-domain.md §1.4). */
  isBillable: (values: SnapshotValues) => boolean;
  runId: string;
  now: () => Date;
  /** Stop starting new sheets after this instant (the phase's time budget). */
  deadline?: Date;
  /** False for a dry run: compute everything, store nothing. */
  persist: boolean;
}

export type RowChangeKind = 'created' | 'updated' | 'deleted';

/** One row whose billing values differ from its stored snapshot. */
export interface RowChange {
  kind: RowChangeKind;
  sheetId: number;
  rowId: number;
  rowNumber: number;
  /** Smartsheet's modification time of the row (for deletions: the last one we saw). */
  modifiedAt: string | null;
  /** The row's modification time in its stored snapshot: every cell revision after it is unseen. */
  previousModifiedAt: string | null;
  before: SnapshotValues | undefined;
  after: SnapshotValues | undefined;
}

export type SheetSyncOutcome = 'unchanged' | 'full' | 'incremental' | 'vanished' | 'unmapped' | 'skipped';

export interface SheetSyncResult {
  sheetId: number;
  sheetName: string;
  outcome: SheetSyncOutcome;
  rowsFetched: number;
  changes: RowChange[];
  /** For `unmapped`: the required fields that found no column. */
  missingRequired?: BillingField[];
  missingOptional?: BillingField[];
  message?: string;
  /** The column mapping the rows were read with (absent when nothing was read). */
  mapping?: ColumnMapping;
  permalink?: string;
  /** Smartsheet time the previous sync had reached (newest stored modification), if any. */
  previousCursor?: Date;
  /** Snapshots to write (or, in a dry run, that would have been written). */
  writes: RowSnapshot[];
  deletedRowIds: number[];
  /** The sheet's record once committed; undefined leaves the stored record as it is. */
  record?: SheetRecord;
  /** The sheet is new: its record must exist before snapshots that reference it. */
  isNew: boolean;
  /**
   * Set when the result came back from another process (a sheet-sync job): `changes` and `writes`
   * are then left out, these are their counts.
   */
  changeCounts?: Record<RowChangeKind, number>;
  at: string;
}

export interface SyncDependencies {
  source: BillingSheets;
  sheets: SheetStore;
  snapshots: SnapshotStore;
  progress?: PhaseProgress;
  /**
   * Held per sheet from reading its cursor to committing its snapshots, so a webhook batch or
   * another worker's sync of the same sheet never interleaves with this one.
   */
  lock?: WorkLock;
}

/**
 * Sync every discovered sheet, one after another (the request budget is the real limit). Each
 * sheet's result goes to `beforeCommit` (the audit) and is then committed, unless this is a dry run.
 */
export async function syncSourceSheets(
  deps: SyncDependencies,
  discovered: readonly DiscoveredSheet[],
  options: SyncOptions,
  beforeCommit?: (result: SheetSyncResult) => Promise<void>,
): Promise<SheetSyncResult[]> {
  const results: SheetSyncResult[] = [];
  deps.progress?.total(discovered.length);
  for (const sheet of discovered) {
    if (options.deadline && options.now() > options.deadline) {
      results.push({
        ...emptyResult(sheet, 'skipped', options.now()),
        message: 'time budget of the sync phase exhausted; next run continues',
      });
    } else {
      const syncOne = async (lease?: LockLease) => {
        const result = await readSheetChanges(deps, sheet, options);
        // A cluster lock lost while reading (its connection ended) may already be another worker's:
        // stop before auditing or committing, and let the job's retry read the sheet again.
        await lease?.confirm();
        if (beforeCommit) await beforeCommit(result);
        if (options.persist) {
          await lease?.confirm();
          await commitSheetSync(deps, result, options.runId);
        }
        return result;
      };
      results.push(
        deps.lock ? await deps.lock.withLock(lockKeys.sheetSync(sheet.id), syncOne) : await syncOne(),
      );
    }
    deps.progress?.advance(1, sheet.name);
  }
  deps.progress?.done();
  return results;
}

/** Store what reading one sheet found: the sheet row first (snapshots reference it), then snapshots. */
export async function commitSheetSync(
  deps: SyncDependencies,
  result: SheetSyncResult,
  runId: string,
): Promise<void> {
  if (result.isNew && result.record && result.writes.length > 0) {
    // Still without a sync point, so a crash before the final update simply re-reads everything.
    await deps.sheets.upsertSheet({ ...result.record, version: null, lastSyncedAt: null });
  }
  if (result.writes.length > 0) await deps.snapshots.upsertSnapshots(result.writes);
  if (result.deletedRowIds.length > 0) {
    await deps.snapshots.markRowsDeleted(result.sheetId, result.deletedRowIds, result.at, runId);
  }
  if (result.record) await deps.sheets.upsertSheet(result.record);
}

function emptyResult(sheet: DiscoveredSheet, outcome: SheetSyncOutcome, at: Date): SheetSyncResult {
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    outcome,
    rowsFetched: 0,
    changes: [],
    writes: [],
    deletedRowIds: [],
    isNew: false,
    at: at.toISOString(),
  };
}

/** Read one sheet and work out what changed since its stored snapshots. Writes nothing. */
export async function readSheetChanges(
  deps: SyncDependencies,
  sheet: DiscoveredSheet,
  options: SyncOptions,
): Promise<SheetSyncResult> {
  const known = await deps.sheets.getSheet(sheet.id);
  const startedAt = options.now();
  const base = emptyResult(sheet, 'unchanged', startedAt);

  const version = await deps.source.sheetVersion(sheet.id);
  if (version === undefined) return vanished(sheet, known, startedAt);
  if (known?.lastSyncedAt && known.status === 'active' && known.version === version) {
    return { ...base, record: { ...known, name: sheet.name, lastSeenAt: startedAt.toISOString() } };
  }

  const stored = new Map((await deps.snapshots.listSnapshots(sheet.id)).map((snap) => [snap.rowId, snap]));
  // The sync point is Smartsheet's own time (the newest row modification a sheet sync has read),
  // never this machine's clock, so two clocks disagreeing cannot hide an edit; the margin covers
  // rows saved while we read. Only sheet syncs move it: rows stored by other paths (a webhook's
  // targeted read) must not, or a row whose callback was lost could fall behind it unseen.
  const syncPoint =
    known?.status === 'active' && known.lastSyncedAt ? Date.parse(known.lastSyncedAt) : undefined;
  const incremental = syncPoint !== undefined && !Number.isNaN(syncPoint);
  const cursor = incremental ? syncPoint : undefined;
  const since = cursor !== undefined ? new Date(cursor - options.clockSkewMs) : undefined;
  const content = await deps.source.readSheet(sheet.id, since ? { rowsModifiedSince: since } : {});
  if (!content) return vanished(sheet, known, startedAt);

  const mapping = mapColumns(content.columns, options.synonyms);
  if (mapping.missingRequired.length > 0) {
    return {
      ...base,
      outcome: 'unmapped',
      rowsFetched: content.rows.length,
      missingRequired: [...mapping.missingRequired],
      message: `'${sheet.name}' no longer has a column for ${mapping.missingRequired.join(', ')}; its rows were not read`,
      record: sheetRecord(sheet, known, {
        status: 'unmapped',
        version: known?.version ?? null,
        mapping,
        seenAt: startedAt,
        syncedAt: known?.lastSyncedAt ?? null,
      }),
    };
  }

  const { changes, writes } = diffSheetRows(sheet.id, content.rows, stored, mapping, options);
  // Deletions: a full read sees every row; an incremental one needs the complete id list.
  const currentIds = incremental
    ? await readAllRowIds(deps.source, sheet.id, mapping)
    : new Set(content.rows.map((r) => r.rowId));
  const deleted = [...stored.values()].filter((s) => !currentIds.has(s.rowId));
  for (const s of deleted) {
    changes.push({
      kind: 'deleted',
      sheetId: sheet.id,
      rowId: s.rowId,
      rowNumber: s.rowNumber,
      modifiedAt: s.modifiedAt,
      previousModifiedAt: s.modifiedAt,
      before: s.values as SnapshotValues,
      after: undefined,
    });
  }
  return {
    ...base,
    outcome: incremental ? 'incremental' : 'full',
    rowsFetched: content.rows.length,
    changes,
    missingOptional: [...mapping.missingOptional],
    mapping,
    ...(content.permalink ? { permalink: content.permalink } : {}),
    ...(cursor !== undefined ? { previousCursor: new Date(cursor) } : {}),
    writes,
    deletedRowIds: deleted.map((d) => d.rowId),
    isNew: !known,
    record: sheetRecord(sheet, known, {
      status: 'active',
      version: content.version,
      mapping,
      seenAt: startedAt,
      syncedAt: new Date(Math.max(cursor ?? 0, newestModification(content.rows) ?? 0)).toISOString(),
    }),
  };
}

/**
 * Compare freshly read rows with their stored snapshots: the snapshots to write (content or row
 * number moved) and the billing changes (created or updated rows). Used by sheet syncs and by the
 * webhook path's targeted reads alike.
 */
export function diffSheetRows(
  sheetId: number,
  rows: readonly SourceRow[],
  stored: ReadonlyMap<number, RowSnapshot>,
  mapping: ColumnMapping,
  options: Pick<SyncOptions, 'isBillable' | 'runId'>,
): { changes: RowChange[]; writes: RowSnapshot[] } {
  const changes: RowChange[] = [];
  const writes: RowSnapshot[] = [];
  for (const row of rows) {
    const values = snapshotValuesOf(readBillingRow(row, mapping));
    const contentHash = snapshotFingerprint(values);
    const previous = stored.get(row.rowId);
    if (previous && previous.contentHash === contentHash && previous.rowNumber === row.rowNumber) continue;
    writes.push({
      sheetId,
      rowId: row.rowId,
      rowNumber: row.rowNumber,
      modifiedAt: row.modifiedAt ?? null,
      contentHash,
      values,
      billable: options.isBillable(values),
      deletedAt: null,
      lastRunId: options.runId,
    });
    if (previous?.contentHash === contentHash) continue; // only the row number moved
    changes.push({
      kind: previous ? 'updated' : 'created',
      sheetId,
      rowId: row.rowId,
      rowNumber: row.rowNumber,
      modifiedAt: row.modifiedAt ?? null,
      previousModifiedAt: previous?.modifiedAt ?? null,
      before: previous ? (previous.values as SnapshotValues) : undefined,
      after: values,
    });
  }

  return { changes, writes };
}

function newestModification(
  rows: Iterable<{ readonly modifiedAt?: string | null | undefined }>,
): number | undefined {
  let newest: number | undefined;
  for (const row of rows) {
    const at = row.modifiedAt ? Date.parse(row.modifiedAt) : Number.NaN;
    if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
  }
  return newest;
}

async function readAllRowIds(
  source: BillingSheets,
  sheetId: number,
  mapping: ColumnMapping,
): Promise<Set<number>> {
  const workRequestColumn = mapping.columnIds.workRequest;
  const ids = await source.readSheet(sheetId, workRequestColumn ? { columnIds: [workRequestColumn] } : {});
  return new Set((ids?.rows ?? []).map((r) => r.rowId));
}

function vanished(sheet: DiscoveredSheet, known: SheetRecord | undefined, at: Date): SheetSyncResult {
  return {
    ...emptyResult(sheet, 'vanished', at),
    message: `Source sheet '${sheet.name}' (${sheet.id}) no longer exists or is no longer shared with the token's user; its billing rows were not read`,
    record: known
      ? { ...known, status: 'missing' }
      : sheetRecord(sheet, undefined, {
          status: 'missing',
          version: null,
          mapping: undefined,
          seenAt: at,
          syncedAt: null,
        }),
  };
}

function sheetRecord(
  sheet: DiscoveredSheet,
  known: SheetRecord | undefined,
  state: {
    status: SheetRecord['status'];
    version: number | null;
    mapping: ColumnMapping | undefined;
    seenAt: Date;
    syncedAt: string | null;
  },
): SheetRecord {
  return {
    id: sheet.id,
    name: sheet.name,
    role: 'source',
    locationPath: sheet.location === 'configured id' ? (known?.locationPath ?? null) : sheet.location,
    version: state.version,
    columnMap: state.mapping ? (state.mapping.columnIds as Record<string, number>) : (known?.columnMap ?? {}),
    missingColumns: state.mapping ? [...state.mapping.missingOptional] : (known?.missingColumns ?? []),
    status: state.status,
    lastSyncedAt: state.syncedAt,
    lastSeenAt: state.seenAt.toISOString(),
  };
}
