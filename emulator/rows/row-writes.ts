// Adding, updating and deleting rows (smartsheet-api.md §5.3): validate everything first, then
// change the sheet, record cell history, maintain system cells, and commit (version, webhook events).
// Without allowPartialSuccess one bad row fails the whole request and nothing changes.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { commitSheetChange, type WriteActor } from '../sheets/commit-change.js';
import { historyKey, type CellRecord, type RowRecord, type SheetRecord } from '../state/state-types.js';
import type { SheetEvent } from '../webhooks/sheet-events.js';
import { formatAutoNumber } from './auto-number.js';
import { applyCellWrite, cellContentChanged, type ParsedCell } from './cell-input.js';
import type { RowFailure, RowRequest } from './row-input.js';
import {
  indentRow,
  insertionPoint,
  insertRows,
  moveRows,
  outdentRow,
  type RowLocation,
  subtreeEnd,
} from './row-tree.js';

export interface RowWriteOutcome {
  /** Rows written, in request order. */
  rows: RowRecord[];
  failures: RowFailure[];
}

function failFast(request: RowRequest, partial: boolean): void {
  const first = request.failures[0];
  if (!partial && first) {
    throw first.error.withDetail({
      index: first.index,
      ...(first.rowId !== undefined ? { rowId: first.rowId } : {}),
    });
  }
}

function recordHistory(
  sheet: SheetRecord,
  rowId: number,
  columnId: number,
  cell: CellRecord,
  actor: WriteActor,
): void {
  const key = historyKey(rowId, columnId);
  const entries = sheet.history.get(key) ?? [];
  entries.push({
    ...(cell.value !== undefined ? { value: cell.value } : {}),
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell.objectValue !== undefined ? { objectValue: cell.objectValue } : {}),
    modifiedAt: actor.at,
    modifiedBy: actor.user.email,
  });
  sheet.history.set(key, entries);
}

/** Writes parsed cells into a row; returns the cell events of the cells whose content changed. */
function writeCells(
  sheet: SheetRecord,
  row: RowRecord,
  cells: ParsedCell[],
  actor: WriteActor,
): SheetEvent[] {
  const events: SheetEvent[] = [];
  for (const { column, write } of cells) {
    const before = row.cells.get(column.id);
    const after = applyCellWrite(column, before, write);
    row.cells.set(column.id, after);
    const populatedNow = after.value !== undefined || after.formula !== undefined;
    if (before === undefined ? populatedNow : cellContentChanged(before, after)) {
      recordHistory(sheet, row.id, column.id, after, actor);
      events.push({
        objectType: 'cell',
        eventType: 'updated',
        rowId: row.id,
        columnId: column.id,
        causeColumns: [column.id],
      });
    }
  }
  return events;
}

export function addRows(
  rt: EmulatorRuntime,
  sheet: SheetRecord,
  actor: WriteActor,
  request: RowRequest,
  partial: boolean,
): RowWriteOutcome {
  failFast(request, partial);
  // Checks that a parent/sibling the location names exists before anything changes.
  insertionPoint(sheet.rows, request.location);
  if (request.valid.length === 0) return { rows: [], failures: request.failures };

  const events: SheetEvent[] = [];
  const created: RowRecord[] = [];
  for (const input of request.valid) {
    const row: RowRecord = {
      id: rt.state.newId(),
      expanded: input.expanded ?? true,
      locked: input.locked ?? false,
      createdAt: actor.at,
      modifiedAt: actor.at,
      createdBy: actor.user.email,
      modifiedBy: actor.user.email,
      cells: new Map(),
    };
    const cellEvents = writeCells(sheet, row, input.cells, actor);
    for (const column of sheet.columns) {
      if (column.systemColumnType !== 'AUTO_NUMBER') continue;
      const next = sheet.autoNumberNext.get(column.id) ?? 1;
      row.cells.set(column.id, { value: formatAutoNumber(column.autoNumberFormat, next, actor.at) });
      sheet.autoNumberNext.set(column.id, next + 1);
    }
    events.push(
      {
        objectType: 'row',
        eventType: 'created',
        id: row.id,
        causeColumns: cellEvents.map((e) => e.columnId ?? 0),
      },
      ...cellEvents,
    );
    created.push(row);
  }
  insertRows(sheet.rows, created, request.location.kind === 'none' ? { kind: 'bottom' } : request.location);
  for (const row of created) sheet.rowsById.set(row.id, row);
  commitSheetChange(rt, sheet, actor, events);
  return { rows: created, failures: request.failures };
}

/** Rejects moves that could not complete (unknown anchor, a row moved next to its own subtree). */
function checkMove(sheet: SheetRecord, targets: readonly RowRecord[], location: RowLocation): void {
  if (location.kind === 'indent' || location.kind === 'outdent') return;
  const moving = new Set<number>();
  for (const target of targets) {
    const start = sheet.rows.indexOf(target);
    for (const member of sheet.rows.slice(start, subtreeEnd(sheet.rows, start))) {
      if (moving.has(member.id)) throw apiErrors.invalidRowLocation();
      moving.add(member.id);
    }
  }
  const anchor =
    'parentId' in location ? location.parentId : 'siblingId' in location ? location.siblingId : undefined;
  if (anchor !== undefined && (moving.has(anchor) || !sheet.rowsById.has(anchor)))
    throw apiErrors.invalidRowLocation();
}

function relocate(sheet: SheetRecord, targets: RowRecord[], location: RowLocation): void {
  if (location.kind === 'none') return;
  if (location.kind === 'indent') targets.forEach((row) => indentRow(sheet.rows, row));
  else if (location.kind === 'outdent') targets.forEach((row) => outdentRow(sheet.rows, row));
  else moveRows(sheet.rows, targets, location);
}

export function updateRows(
  rt: EmulatorRuntime,
  sheet: SheetRecord,
  actor: WriteActor,
  request: RowRequest,
  partial: boolean,
): RowWriteOutcome {
  failFast(request, partial);
  const targets = request.valid
    .map((input) => input.target)
    .filter((row): row is RowRecord => row !== undefined);
  checkMove(sheet, targets, request.location);
  if (request.location.kind === 'indent') {
    for (const row of targets)
      if (rowIndexSibling(sheet, row) === undefined) throw apiErrors.invalidRowLocation();
  }
  if (request.location.kind === 'outdent' && targets.some((row) => row.parentId === undefined)) {
    throw apiErrors.invalidRowLocation();
  }
  if (targets.length === 0) return { rows: [], failures: request.failures };

  const events: SheetEvent[] = [];
  const moved = request.location.kind !== 'none';
  for (const input of request.valid) {
    const row = input.target;
    if (!row) continue;
    const cellEvents = writeCells(sheet, row, input.cells, actor);
    let rowChanged = moved;
    if (input.expanded !== undefined && input.expanded !== row.expanded) {
      row.expanded = input.expanded;
      rowChanged = true;
    }
    if (input.locked !== undefined && input.locked !== row.locked) {
      row.locked = input.locked;
      rowChanged = true;
    }
    row.modifiedAt = actor.at;
    row.modifiedBy = actor.user.email;
    if (rowChanged) events.push({ objectType: 'row', eventType: 'updated', id: row.id });
    events.push(...cellEvents);
  }
  relocate(sheet, targets, request.location);
  commitSheetChange(rt, sheet, actor, events);
  return { rows: targets, failures: request.failures };
}

function rowIndexSibling(sheet: SheetRecord, row: RowRecord): RowRecord | undefined {
  const index = sheet.rows.indexOf(row);
  for (let i = index - 1; i >= 0; i -= 1) {
    const candidate = sheet.rows[i];
    if (!candidate) break;
    if (candidate.id === row.parentId) return undefined;
    if (candidate.parentId === row.parentId) return candidate;
  }
  return undefined;
}

/** Deletes rows and their children; returns every deleted id (each requested row, then its children). */
export function deleteRows(
  rt: EmulatorRuntime,
  sheet: SheetRecord,
  level: AccessLevel,
  actor: WriteActor,
  ids: readonly number[],
  ignoreRowsNotFound: boolean,
): number[] {
  const requested = ids.filter((id, index) => ids.indexOf(id) === index);
  const found = requested
    .map((id) => sheet.rowsById.get(id))
    .filter((row): row is RowRecord => row !== undefined);
  if (found.length < requested.length && !ignoreRowsNotFound) throw apiErrors.notFound();

  const deleted: RowRecord[] = [];
  const deletedIds = new Set<number>();
  for (const row of found) {
    if (deletedIds.has(row.id)) continue;
    const start = sheet.rows.indexOf(row);
    for (const member of sheet.rows.slice(start, subtreeEnd(sheet.rows, start))) {
      if (deletedIds.has(member.id)) continue;
      deletedIds.add(member.id);
      deleted.push(member);
    }
  }
  if (deleted.some((row) => row.locked) && !atLeast(level, 'ADMIN')) throw apiErrors.lockedRow();
  if (deleted.length === 0) return [];

  sheet.rows = sheet.rows.filter((row) => !deletedIds.has(row.id));
  for (const row of deleted) {
    sheet.rowsById.delete(row.id);
    for (const column of sheet.columns) sheet.history.delete(historyKey(row.id, column.id));
  }
  sheet.attachments = sheet.attachments.filter(
    (a) => !(a.parentType === 'ROW' && deletedIds.has(a.parentId)),
  );
  commitSheetChange(
    rt,
    sheet,
    actor,
    deleted.map((row) => ({ objectType: 'row', eventType: 'deleted', id: row.id })),
  );
  return deleted.map((row) => row.id);
}
