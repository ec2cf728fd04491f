// A planned edit: what to write, as whom, and the labels it will produce. Planning is pure (state,
// clock and random source in; plan out), so every kind of edit is unit-tested without a server; only
// execute-edit.ts talks HTTP.
import type { BillingField } from '../seed/billing-vocabulary.js';
import type { CellValue, SeedCompatibleUnit } from '../seed/seed-data.js';
import type { SeededRandom } from '../seed/seeded-random.js';
import type { RowFacts } from './billing-row-facts.js';
import { cleanFacts } from './billing-row-facts.js';
import type { EditKind } from './ground-truth-label.js';
import type { SheetSnapshot, SnapshotColumn, SnapshotRow } from './sheet-snapshot.js';
import type { SimulationCast } from './simulation-cast.js';

export interface CellWrite {
  columnId: number;
  value: CellValue;
}

export type PlannedWrite =
  | { action: 'add'; cells: CellWrite[] }
  | { action: 'update'; rowId: number; cells: CellWrite[] }
  | { action: 'delete'; rowId: number };

/** A label without the parts only known once the edit ran (the new row's id, the clock). */
export interface LabelDraft {
  columnTitle: string;
  columnId: number;
  oldValue: CellValue | null;
  newValue: CellValue | null;
}

export interface PlannedEdit {
  kind: EditKind;
  planted: boolean;
  editor: string;
  sheetId: number;
  write: PlannedWrite;
  labels: LabelDraft[];
  /** Rows this edit reads or changes; later edits of the same run leave them alone. */
  touches: number[];
}

export interface PlanContext {
  sheets: readonly SheetSnapshot[];
  /** The emulator clock at which the edit will be made. */
  clockMs: number;
  random: SeededRandom;
  cast: SimulationCast;
  catalogue: readonly SeedCompatibleUnit[];
  /** Rows already edited in this run. */
  touched: ReadonlySet<number>;
  /** (WR, week, pole, CU) keys of every clean row, so benign adds never create a duplicate by accident. */
  unitKeys: ReadonlySet<string>;
}

export type EditPlanner = (context: PlanContext) => PlannedEdit | undefined;

// Reading a row's facts is the planners' hot path (every plan scans every row). Snapshot rows are never
// mutated — an edit replaces the row object — so facts can be remembered per row object.
const factsCache = new WeakMap<SnapshotRow, RowFacts | null>();

function factsOf(sheet: SheetSnapshot, row: SnapshotRow): RowFacts | undefined {
  let facts = factsCache.get(row);
  if (facts === undefined) {
    facts = cleanFacts(sheet, row) ?? null;
    factsCache.set(row, facts);
  }
  return facts ?? undefined;
}

/** Clean rows not yet touched in this run that satisfy `accept`. */
export function candidateRows(context: PlanContext, accept: (facts: RowFacts) => boolean): RowFacts[] {
  const found: RowFacts[] = [];
  for (const sheet of context.sheets) {
    for (const row of sheet.rows) {
      if (context.touched.has(row.id)) continue;
      const facts = factsOf(sheet, row);
      if (facts && accept(facts)) found.push(facts);
    }
  }
  return found;
}

export function pickOrUndefined<T>(random: SeededRandom, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : random.pick(items);
}

export function draft(
  column: SnapshotColumn,
  oldValue: CellValue | undefined,
  newValue: CellValue | undefined,
): LabelDraft {
  return {
    columnTitle: column.title,
    columnId: column.id,
    oldValue: oldValue ?? null,
    newValue: newValue ?? null,
  };
}

/** Cents scaled by a factor, guaranteed to differ from the original. */
export function scaledCents(cents: number, factor: number): number {
  const scaled = Math.round(cents * factor);
  return scaled === cents ? cents + (factor >= 1 ? 100 : -1) : Math.max(1, scaled);
}

export const dollars = (cents: number): number => cents / 100;

/** A new quantity written the way the old one was (`3 EA` stays decorated). */
export function quantityValue(old: CellValue | undefined, quantity: number): CellValue {
  if (typeof old === 'string') {
    const suffix = /^\s*\d+(\.\d+)?\s*(.*)$/.exec(old)?.[2]?.trim();
    if (suffix) return `${quantity} ${suffix}`;
  }
  return quantity;
}

/** An update of one billing field of a row, labelled. */
export function fieldUpdate(
  facts: RowFacts,
  field: BillingField,
  newValue: CellValue,
): { cell: CellWrite; label: LabelDraft } | undefined {
  const column = facts.sheet.fields[field];
  if (!column) return undefined;
  return {
    cell: { columnId: column.id, value: newValue },
    label: draft(column, facts.row.values.get(column.id), newValue),
  };
}

/** The row's value in a column (a convenience for planners). */
export function valueIn(row: SnapshotRow, column: SnapshotColumn | undefined): CellValue | undefined {
  return column ? row.values.get(column.id) : undefined;
}
