// The impact-by-editor-by-hour matrix of the audit workbook (billing-domain.md §3.6). Edits to
// billed money at unusual hours, concentrated on one person, are what an auditor looks for.
import type { PlacedAuditEvent } from './placed-audit-event.js';

/** How many editors get a row of their own; a chart with more rows stops being readable. */
export const HEATMAP_EDITOR_ROWS = 12;

/** Absolute impact in cents per editor (rows) and local hour of day 0..23 (columns). */
export interface EditorHourHeatmap {
  /** Row labels; the last may be `Other editors (n)` folding the rest together. */
  readonly editors: readonly string[];
  /** `cells[row][hour]`, 24 columns per row. */
  readonly cells: readonly (readonly number[])[];
}

/**
 * Builds the matrix for editors already ranked (most impact first). Past `maxRows` − 1 editors,
 * the remainder share one `Other editors (n)` row, so every cent of the run stays in the matrix.
 */
export function editorHourHeatmap(
  placed: readonly PlacedAuditEvent[],
  rankedEditors: readonly string[],
  maxRows: number = HEATMAP_EDITOR_ROWS,
): EditorHourHeatmap {
  const folds = rankedEditors.length > maxRows;
  const ownRows = folds ? rankedEditors.slice(0, Math.max(0, maxRows - 1)) : [...rankedEditors];
  const editors = folds ? [...ownRows, `Other editors (${rankedEditors.length - ownRows.length})`] : ownRows;
  const rowOf = new Map(ownRows.map((editor, index) => [editor, index]));
  // Only a folded matrix has a catch-all row; otherwise an unlisted editor has no row at all.
  const otherRow = folds ? editors.length - 1 : undefined;
  const cells = editors.map(() => new Array<number>(24).fill(0));
  for (const item of placed) {
    const index = rowOf.get(item.editor) ?? otherRow;
    const row = index === undefined ? undefined : cells[index];
    if (row) row[item.slot.hour] = (row[item.slot.hour] ?? 0) + item.absoluteImpactCents;
  }
  return { editors, cells };
}
