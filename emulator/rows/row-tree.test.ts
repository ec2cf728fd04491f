import { describe, expect, it } from 'vitest';
import type { RowRecord } from '../state/state-types.js';
import { indentRow, insertRows, layoutRows, moveRows, outdentRow, parseRowLocation } from './row-tree.js';

function row(id: number, parentId?: number): RowRecord {
  return {
    id,
    ...(parentId !== undefined ? { parentId } : {}),
    expanded: true,
    locked: false,
    createdAt: 0,
    modifiedAt: 0,
    createdBy: 'a@example.com',
    modifiedBy: 'a@example.com',
    cells: new Map(),
  };
}

const ids = (rows: RowRecord[]) => rows.map((r) => r.id);

describe('layoutRows', () => {
  it('numbers rows and links siblings at the same level only', () => {
    // 1, 2 (children 3, 4), 5
    const layout = layoutRows([row(1), row(2), row(3, 2), row(4, 2), row(5)]);
    expect(layout.get(1)).toEqual({ rowNumber: 1 });
    expect(layout.get(3)).toEqual({ rowNumber: 3 });
    expect(layout.get(4)).toEqual({ rowNumber: 4, siblingId: 3 });
    expect(layout.get(5)).toEqual({ rowNumber: 5, siblingId: 2 });
  });
});

describe('parseRowLocation', () => {
  it('reads each supported specifier', () => {
    expect(parseRowLocation({ toTop: true }, false)).toEqual({ kind: 'top' });
    expect(parseRowLocation({ parentId: 7, toBottom: true }, false)).toEqual({
      kind: 'last-child',
      parentId: 7,
    });
    expect(parseRowLocation({ siblingId: 7, above: true }, false)).toEqual({ kind: 'above', siblingId: 7 });
    expect(parseRowLocation({}, false)).toEqual({ kind: 'none' });
  });

  it('rejects contradictions with 1062', () => {
    for (const bad of [
      { toTop: true, toBottom: true },
      { above: true },
      { parentId: 1, siblingId: 2 },
      { indent: 1 },
    ]) {
      expect(() => parseRowLocation(bad, false)).toThrow(expect.objectContaining({ errorCode: 1062 }));
    }
  });
});

describe('insertRows and moveRows', () => {
  it('inserts several rows at the top in request order', () => {
    const rows = [row(1), row(2)];
    insertRows(rows, [row(8), row(9)], { kind: 'top' });
    expect(ids(rows)).toEqual([8, 9, 1, 2]);
  });

  it('inserts a last child after the parent subtree', () => {
    const rows = [row(1), row(2, 1), row(3)];
    insertRows(rows, [row(9)], { kind: 'last-child', parentId: 1 });
    expect(ids(rows)).toEqual([1, 2, 9, 3]);
    expect(rows[2]?.parentId).toBe(1);
  });

  it('moves a row with its children below a sibling', () => {
    const rows = [row(1), row(2, 1), row(3)];
    moveRows(rows, [rows[0] as RowRecord], { kind: 'below', siblingId: 3 });
    expect(ids(rows)).toEqual([3, 1, 2]);
  });

  it('refuses to move a row under its own descendant', () => {
    const rows = [row(1), row(2, 1)];
    expect(() => moveRows(rows, [rows[0] as RowRecord], { kind: 'first-child', parentId: 2 })).toThrow(
      expect.objectContaining({ errorCode: 1062 }),
    );
  });

  it('indents under the previous sibling and outdents back after the parent subtree', () => {
    const rows = [row(1), row(2), row(3)];
    indentRow(rows, rows[1] as RowRecord);
    expect(rows[1]?.parentId).toBe(1);
    outdentRow(rows, rows[1] as RowRecord);
    expect(rows[1]?.parentId).toBeUndefined();
    expect(ids(rows)).toEqual([1, 2, 3]);
  });
});
