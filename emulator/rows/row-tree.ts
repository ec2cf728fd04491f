// Row order and hierarchy. Rows live in one array in display order, children right after their
// parent; rowNumber and siblingId are derived from that order on every read (smartsheet-api.md §4.3).
import { apiErrors } from '../errors/api-error.js';
import type { RowRecord } from '../state/state-types.js';

export interface RowPosition {
  rowNumber: number;
  siblingId?: number;
}

/** rowNumber (1-based) and siblingId (previous row with the same parent) of every row, in one pass. */
export function layoutRows(rows: readonly RowRecord[]): Map<number, RowPosition> {
  const layout = new Map<number, RowPosition>();
  // Children of a parent are contiguous after it, so "last row seen with this parent" is the sibling.
  const lastChildOf = new Map<number | undefined, number>();
  rows.forEach((row, index) => {
    const siblingId = lastChildOf.get(row.parentId);
    layout.set(
      row.id,
      siblingId === undefined ? { rowNumber: index + 1 } : { rowNumber: index + 1, siblingId },
    );
    lastChildOf.set(row.parentId, row.id);
  });
  return layout;
}

/** Index just past the subtree that starts at `index` (the row and all its descendants). */
export function subtreeEnd(rows: readonly RowRecord[], index: number): number {
  const first = rows[index];
  if (!first) return index;
  const members = new Set<number>([first.id]);
  let end = index + 1;
  for (; end < rows.length; end += 1) {
    const row = rows[end];
    if (!row || row.parentId === undefined || !members.has(row.parentId)) break;
    members.add(row.id);
  }
  return end;
}

export type RowLocation =
  | { kind: 'none' }
  | { kind: 'top' }
  | { kind: 'bottom' }
  | { kind: 'first-child'; parentId: number }
  | { kind: 'last-child'; parentId: number }
  | { kind: 'below'; siblingId: number }
  | { kind: 'above'; siblingId: number }
  | { kind: 'indent' }
  | { kind: 'outdent' };

interface LocationFields {
  toTop?: unknown;
  toBottom?: unknown;
  parentId?: unknown;
  siblingId?: unknown;
  above?: unknown;
  indent?: unknown;
  outdent?: unknown;
}

function idField(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw apiErrors.invalidRowLocation();
  return value;
}

/** The location a row of a request asks for; contradictory combinations are 1062. */
export function parseRowLocation(row: LocationFields, allowIndent: boolean): RowLocation {
  const toTop = row.toTop === true;
  const toBottom = row.toBottom === true;
  const above = row.above === true;
  const parentId = idField(row.parentId);
  const siblingId = idField(row.siblingId);
  const indent = row.indent !== undefined && row.indent !== null && row.indent !== 0;
  const outdent = row.outdent !== undefined && row.outdent !== null && row.outdent !== 0;
  const placements = [toTop, toBottom, parentId !== undefined, siblingId !== undefined].filter(
    Boolean,
  ).length;

  if (indent || outdent) {
    if (!allowIndent || placements > 0 || above || (indent && outdent)) throw apiErrors.invalidRowLocation();
    return indent ? { kind: 'indent' } : { kind: 'outdent' };
  }
  if (above && siblingId === undefined) throw apiErrors.invalidRowLocation();
  if (toTop) {
    if (placements > 1) throw apiErrors.invalidRowLocation();
    return { kind: 'top' };
  }
  if (parentId !== undefined) {
    if (siblingId !== undefined) throw apiErrors.invalidRowLocation();
    return toBottom ? { kind: 'last-child', parentId } : { kind: 'first-child', parentId };
  }
  if (siblingId !== undefined) {
    if (toBottom) throw apiErrors.invalidRowLocation();
    return above ? { kind: 'above', siblingId } : { kind: 'below', siblingId };
  }
  return toBottom ? { kind: 'bottom' } : { kind: 'none' };
}

export function sameLocation(a: RowLocation, b: RowLocation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface InsertionPoint {
  index: number;
  parentId?: number;
}

function indexOfRow(rows: readonly RowRecord[], id: number): number {
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) throw apiErrors.invalidRowLocation();
  return index;
}

/** Where a row goes for an absolute location (top, bottom, relative to a parent or sibling). */
export function insertionPoint(rows: readonly RowRecord[], location: RowLocation): InsertionPoint {
  switch (location.kind) {
    case 'top':
      return { index: 0 };
    case 'first-child':
      return { index: indexOfRow(rows, location.parentId) + 1, parentId: location.parentId };
    case 'last-child':
      return { index: subtreeEnd(rows, indexOfRow(rows, location.parentId)), parentId: location.parentId };
    case 'below': {
      const index = indexOfRow(rows, location.siblingId);
      const sibling = rows[index];
      return {
        index: subtreeEnd(rows, index),
        ...(sibling?.parentId !== undefined ? { parentId: sibling.parentId } : {}),
      };
    }
    case 'above': {
      const index = indexOfRow(rows, location.siblingId);
      const sibling = rows[index];
      return { index, ...(sibling?.parentId !== undefined ? { parentId: sibling.parentId } : {}) };
    }
    default:
      return { index: rows.length };
  }
}

/** Inserts new rows at a location, keeping their request order (later rows follow earlier ones). */
export function insertRows(rows: RowRecord[], newRows: readonly RowRecord[], location: RowLocation): void {
  const point = insertionPoint(rows, location);
  newRows.forEach((row, offset) => {
    if (point.parentId === undefined) delete row.parentId;
    else row.parentId = point.parentId;
    rows.splice(point.index + offset, 0, row);
  });
}

/** Moves rows (each with its subtree) to a location, in request order. */
export function moveRows(rows: RowRecord[], moving: readonly RowRecord[], location: RowLocation): void {
  const blocks: RowRecord[][] = [];
  const movingIds = new Set<number>();
  for (const row of moving) {
    const start = indexOfRowOr1034(rows, row.id);
    const block = rows.splice(start, subtreeEnd(rows, start) - start);
    for (const member of block) movingIds.add(member.id);
    blocks.push(block);
  }
  const anchor =
    'parentId' in location ? location.parentId : 'siblingId' in location ? location.siblingId : undefined;
  // Moving a row next to (or under) itself or one of its own descendants has no valid result.
  if (anchor !== undefined && movingIds.has(anchor)) throw apiErrors.invalidRowLocation();
  const point = insertionPoint(rows, location);
  let index = point.index;
  for (const block of blocks) {
    const head = block[0];
    if (!head) continue;
    if (point.parentId === undefined) delete head.parentId;
    else head.parentId = point.parentId;
    rows.splice(index, 0, ...block);
    index += block.length;
  }
}

function indexOfRowOr1034(rows: readonly RowRecord[], id: number): number {
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) throw apiErrors.invalidRowId();
  return index;
}

/** Indent: the row becomes the last child of its previous sibling; its position does not change. */
export function indentRow(rows: RowRecord[], row: RowRecord): void {
  const siblingId = layoutRows(rows).get(row.id)?.siblingId;
  if (siblingId === undefined) throw apiErrors.invalidRowLocation();
  row.parentId = siblingId;
}

/** Outdent: the row (with its subtree) follows its former parent's subtree, one level up. */
export function outdentRow(rows: RowRecord[], row: RowRecord): void {
  if (row.parentId === undefined) throw apiErrors.invalidRowLocation();
  const parentIndex = indexOfRowOr1034(rows, row.parentId);
  const parent = rows[parentIndex];
  const start = indexOfRowOr1034(rows, row.id);
  const block = rows.splice(start, subtreeEnd(rows, start) - start);
  const insertAt = subtreeEnd(rows, parentIndex);
  if (parent?.parentId === undefined) delete row.parentId;
  else row.parentId = parent.parentId;
  rows.splice(insertAt, 0, ...block);
}
