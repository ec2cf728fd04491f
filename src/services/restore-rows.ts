// `ledgerline restore rows` (issue #9): recovery after an unauthorised change. The billed values of the
// chosen rows, as the backup's sheet snapshot holds them, are written back into Smartsheet — only
// the billing cells that differ — and every restored cell becomes a ROWS_RESTORED event in the
// audit trail, so the revert is on record next to the change it undoes.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { rowsRestoredEvent, type RestoredCell } from '../domain/backup/rows-restored-event.js';
import type { CellValue } from '../domain/cell-value.js';
import type { BackupFolder } from '../ports/backup-folder.js';
import type { BillingSheets, SheetContent } from '../ports/billing-sheets.js';
import type { SheetRowWriter } from '../ports/sheet-row-writer.js';
import type { AuditStore } from '../ports/store.js';
import type { SheetSnapshotFile } from './create-backup.js';

export interface RestoreRowsDeps {
  readonly folder: BackupFolder;
  readonly source: BillingSheets;
  readonly writer: SheetRowWriter;
  readonly audit: AuditStore;
  readonly now: () => Date;
}

export interface RestoreRowsOptions {
  readonly backupId: string;
  readonly sheetId: number;
  readonly rowIds: readonly number[];
  readonly dryRun: boolean;
  /** Who runs the command (named in each event). */
  readonly operator: string;
  /** The restore's run id (part of each event's revision). */
  readonly runId: string;
}

/** What happened to one row. */
export interface RestoredRow {
  readonly rowId: number;
  readonly status: 'restored' | 'would-restore' | 'unchanged' | 'not-in-backup' | 'not-in-sheet';
  readonly cells: {
    readonly column: string;
    readonly field: string;
    readonly from: string | null;
    readonly to: string | null;
  }[];
}

export interface RestoreRowsResult {
  readonly backupId: string;
  readonly sheetId: number;
  readonly dryRun: boolean;
  readonly rows: RestoredRow[];
  readonly events: ChainedAuditEvent[];
}

// Columns Smartsheet fills itself: they cannot be written.
const SYSTEM_COLUMN_TYPES = new Set([
  'AUTO_NUMBER',
  'CREATED_BY',
  'CREATED_DATE',
  'MODIFIED_BY',
  'MODIFIED_DATE',
]);

const blank = (value: CellValue) => value === undefined || value === null || value === '';
const sameCell = (a: CellValue, b: CellValue) => (blank(a) && blank(b)) || a === b;
const shown = (value: CellValue) => (blank(value) ? null : String(value));

function cellsOf(sheet: SheetContent, rowId: number): Map<number, CellValue> | undefined {
  const row = sheet.rows.find((r) => r.rowId === rowId);
  return row && new Map(row.cells.map((cell) => [cell.columnId, cell.value as CellValue]));
}

export async function restoreRows(
  deps: RestoreRowsDeps,
  options: RestoreRowsOptions,
): Promise<RestoreRowsResult> {
  const { backupId, sheetId } = options;
  const { manifest } = await deps.folder.readManifest(backupId);
  const entry = manifest.sheets.find((s) => s.sheetId === sheetId);
  if (!entry) {
    const held = manifest.sheets.map((s) => `${s.sheetId} (${s.role})`).join(', ') || 'none';
    throw new AppError(ErrorCode.NOT_FOUND, `Backup ${backupId} holds no snapshot of sheet ${sheetId}`, {
      hint: `It holds sheets: ${held}.`,
    });
  }
  const snapshot = (await deps.folder.readJson(backupId, manifest, entry.file)) as SheetSnapshotFile;
  if (!snapshot.columnMap) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Sheet ${sheetId} is a ${entry.role} sheet: only billing rows of source sheets are restored`,
    );
  }
  const titles = new Map(snapshot.sheet.columns.map((c) => [c.id, c]));
  const billingColumns = Object.entries(snapshot.columnMap).filter(([, columnId]) => {
    const column = titles.get(columnId);
    return column !== undefined && !SYSTEM_COLUMN_TYPES.has(column.type);
  });

  const current = await deps.source.readSheet(sheetId, { rowIds: [...options.rowIds] });
  if (!current)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `Sheet ${sheetId} no longer exists in Smartsheet or is not shared`,
    );

  const rows: RestoredRow[] = [];
  const restoredCells: RestoredCell[] = [];
  const updates: { rowId: number; cells: { columnId: number; value: string | number | boolean | null }[] }[] =
    [];
  for (const rowId of options.rowIds) {
    const before = cellsOf(snapshot.sheet, rowId);
    const now = cellsOf(current, rowId);
    if (!before) {
      rows.push({ rowId, status: 'not-in-backup', cells: [] });
      continue;
    }
    if (!now) {
      rows.push({ rowId, status: 'not-in-sheet', cells: [] });
      continue;
    }
    const workRequestColumn = snapshot.columnMap.workRequest;
    const workRequest = workRequestColumn === undefined ? null : shown(before.get(workRequestColumn));
    const changed = billingColumns.filter(
      ([, columnId]) => !sameCell(before.get(columnId), now.get(columnId)),
    );
    const cells = changed.map(([field, columnId]) => {
      const title = titles.get(columnId)?.title ?? field;
      restoredCells.push({
        sheetId,
        rowId,
        rowNumber: snapshot.sheet.rows.find((r) => r.rowId === rowId)?.rowNumber ?? null,
        columnName: title,
        field,
        replacedValue: now.get(columnId),
        restoredValue: before.get(columnId),
        workRequest,
        sheetName: snapshot.sheet.name,
        sheetPermalink: snapshot.sheet.permalink,
      });
      return { column: title, field, from: shown(now.get(columnId)), to: shown(before.get(columnId)) };
    });
    if (cells.length > 0) {
      updates.push({
        rowId,
        cells: changed.map(([, columnId]) => {
          const value = before.get(columnId);
          return { columnId, value: value === undefined ? null : value };
        }),
      });
    }
    rows.push({
      rowId,
      status: cells.length === 0 ? 'unchanged' : options.dryRun ? 'would-restore' : 'restored',
      cells,
    });
  }

  if (options.dryRun || updates.length === 0)
    return { backupId, sheetId, dryRun: options.dryRun, rows, events: [] };

  await deps.writer.updateRowCells(sheetId, updates);
  const context = {
    backupId,
    backupTakenAt: snapshot.takenAt,
    runId: options.runId,
    now: deps.now(),
    writtenAs: await deps.writer.writerIdentity(),
    operator: options.operator,
  };
  const events = await deps.audit.appendEvents(restoredCells.map((cell) => rowsRestoredEvent(cell, context)));
  return { backupId, sheetId, dryRun: false, rows, events };
}
