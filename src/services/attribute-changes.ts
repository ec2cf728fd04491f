// Attribution (billing-domain.md §3.1): who changed a billing cell, and when. Cell history is a
// heavy call, so it is fetched only for changed watched cells — one call per changed cell, never
// more — and each revision saved since the previous sync becomes its own attributed change.
import { WATCHED_BILLING_FIELDS } from '../domain/audit/attributed-change.js';
import type { AttributedChange } from '../domain/audit/attributed-change.js';
import type { BillingField } from '../domain/billing-field.js';
import type { CellValue } from '../domain/cell-value.js';
import type { ColumnMapping } from '../domain/column-mapping.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import type { BillingSheets, CellRevision } from '../ports/billing-sheets.js';
import type { RowChange, SheetSyncResult } from './sync-source-sheets.js';

export interface AttributionResult {
  changes: AttributedChange[];
  historyCalls: number;
}

const same = (a: CellValue, b: CellValue) =>
  (a === undefined || a === null || a === '' ? undefined : a) ===
  (b === undefined || b === null || b === '' ? undefined : b);

/**
 * The attributed changes of one synced sheet. A first (baseline) sync is not audited: its rows
 * existed before Ledgerline watched them, and attributing each would cost a heavy call per cell.
 */
export async function attributeChanges(
  source: BillingSheets,
  result: SheetSyncResult,
): Promise<AttributionResult> {
  const out: AttributionResult = { changes: [], historyCalls: 0 };
  if (result.outcome !== 'incremental') return out;
  const mapping = result.mapping;
  const sheetCursor = result.previousCursor?.getTime() ?? Number.NEGATIVE_INFINITY;
  // Each row's own stored modification time is the precise cut-off: a revision saved after it is
  // unseen even when it is older than the sheet's sync point (saved while a paged read ran).
  const cursorOf = (change: RowChange) =>
    change.previousModifiedAt ? Date.parse(change.previousModifiedAt) : sheetCursor;
  const history = async (rowId: number, columnId: number): Promise<CellRevision[]> => {
    out.historyCalls += 1;
    return source.cellHistory(result.sheetId, rowId, columnId);
  };
  const base = (change: RowChange) => ({
    sheetId: result.sheetId,
    sheetName: result.sheetName,
    rowId: change.rowId,
    rowNumber: change.rowNumber,
    ...(result.permalink ? { sheetPermalink: result.permalink } : {}),
  });

  for (const change of result.changes) {
    if (change.kind === 'deleted') {
      // Smartsheet keeps no history for a deleted row and never says who deleted it.
      out.changes.push({
        ...base(change),
        kind: 'row-deleted',
        rowBefore: change.before,
        editor: { email: null },
        changedAt: new Date(result.at),
        revision: `row-deleted@${change.modifiedAt ?? 'unknown'}`,
      });
      continue;
    }
    // Cell changes and creations are attributed through columns; deletions need none.
    if (!mapping) continue;
    if (change.kind === 'created') {
      const column = creationColumn(mapping);
      const revisions = column === undefined ? [] : await history(change.rowId, column);
      const first = revisions.at(-1);
      out.changes.push({
        ...base(change),
        kind: 'row-created',
        rowAfter: change.after,
        editor: first ? { email: first.editorEmail, name: first.editorName } : { email: null },
        changedAt: first?.modifiedAt ?? new Date(change.modifiedAt ?? result.at),
        revision: `row-created@${(first?.modifiedAt ?? new Date(change.modifiedAt ?? result.at)).toISOString()}`,
      });
      continue;
    }
    for (const field of WATCHED_BILLING_FIELDS) {
      const columnId = mapping.columnIds[field];
      if (columnId === undefined || same(change.before?.[field], change.after?.[field])) continue;
      const revisions = await history(change.rowId, columnId);
      out.changes.push(...cellChanges(base(change), change, field, mapping, revisions, cursorOf(change)));
    }
  }
  return out;
}

/** Revisions saved after the cursor, oldest first, each with the value it replaced. */
function cellChanges(
  base: Pick<AttributedChange, 'sheetId' | 'sheetName' | 'rowId' | 'rowNumber' | 'sheetPermalink'>,
  change: RowChange,
  field: BillingField,
  mapping: ColumnMapping,
  revisions: readonly CellRevision[],
  cursor: number,
): AttributedChange[] {
  const columnName = mapping.columnTitles[field];
  let recent = revisions.filter((r) => r.modifiedAt.getTime() > cursor).reverse();
  // Clocks or history gaps can hide the revision; the newest one still tells who and when.
  if (recent.length === 0 && revisions[0]) recent = [revisions[0]];
  if (recent.length === 0) {
    return [
      {
        ...base,
        kind: 'cell',
        field,
        columnName,
        oldValue: change.before?.[field],
        newValue: change.after?.[field],
        rowBefore: change.before,
        rowAfter: change.after,
        editor: { email: null },
        changedAt: new Date(change.modifiedAt ?? 0),
        revision: `row-modified@${change.modifiedAt ?? 'unknown'}`,
      },
    ];
  }
  const changes: AttributedChange[] = [];
  let previous: CellValue = change.before?.[field];
  let rowState: SnapshotValues | undefined = change.before;
  for (const [index, revision] of recent.entries()) {
    const last = index === recent.length - 1;
    const value = last ? change.after?.[field] : revision.value;
    const rowAfter: SnapshotValues | undefined = last ? change.after : withValue(rowState, field, value);
    changes.push({
      ...base,
      kind: 'cell',
      field,
      columnName,
      oldValue: previous,
      newValue: value,
      rowBefore: rowState,
      rowAfter,
      editor: { email: revision.editorEmail, name: revision.editorName },
      changedAt: revision.modifiedAt,
      revision: revision.modifiedAt.toISOString(),
    });
    previous = value;
    rowState = rowAfter;
  }
  return changes;
}

function withValue(
  values: SnapshotValues | undefined,
  field: BillingField,
  value: CellValue,
): SnapshotValues {
  const next: SnapshotValues = { ...values };
  if (value === undefined || value === null || value === '') delete next[field];
  else next[field] = value;
  return next;
}

/** The cell whose first revision tells who created a row: the price, else the Work Request. */
function creationColumn(mapping: ColumnMapping): number | undefined {
  return mapping.columnIds.price ?? mapping.columnIds.workRequest;
}
