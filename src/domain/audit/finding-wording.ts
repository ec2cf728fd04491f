// The words findings are written in: one way to name an editor, a row, a value and an amount, so
// every issue description reads alike (billing-domain.md §3.4 issue_description).
import { formatUsDate } from '../calendar-date.js';
import type { IsoDate } from '../calendar-date.js';
import { cellText } from '../cell-value.js';
import type { CellValue } from '../cell-value.js';
import { formatCents } from '../money.js';
import type { Cents } from '../money.js';
import type { AttributedChange } from './attributed-change.js';
import type { EditorStanding } from './editor-standing.js';

/** `Jane Roe (jane@example.com)`, `the automation automation@smartsheet.com`, `an unknown editor`. */
export function editorLabel(editor: EditorStanding): string {
  if (editor.email === null) return editor.name ?? 'an unknown editor';
  if (!editor.human) return `the automation ${editor.email}`;
  return editor.name === null ? editor.email : `${editor.name} (${editor.email})`;
}

/** The text with its first letter capitalised, to open a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The editor label starting with a capital, to open a sentence. */
export function editorSubject(editor: EditorStanding): string {
  return capitalise(editorLabel(editor));
}

/** `+$4,549.05`, `-$45.95`, `$0.00`, or `an unknown amount`. */
export function signedAmount(cents: Cents | null): string {
  if (cents === null) return 'an unknown amount';
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

/** `$45.95`, or `an unknown amount`. */
export function amount(cents: Cents | null): string {
  return cents === null ? 'an unknown amount' : formatCents(cents);
}

/** A cell value in quotes as typed, or `(blank)`. */
export function cellLabel(value: CellValue): string {
  const text = cellText(value);
  return text === undefined ? '(blank)' : `"${text}"`;
}

/** The column a change is in: its title on the sheet, else the field name. */
export function columnLabel(change: AttributedChange): string {
  return change.columnName ?? change.field ?? 'the row';
}

/** `row 12 of "Crew A Billing" (WR 89708709)`. */
export function rowLabel(change: AttributedChange, workRequest: string | undefined): string {
  const wr = workRequest === undefined ? '' : ` (WR ${workRequest})`;
  return `row ${change.rowNumber} of "${change.sheetName}"${wr}`;
}

/** `week ending 08/17/2025`, to follow an adjective (`the closed week ending 08/17/2025`). */
export function weekEndingText(week: IsoDate): string {
  return `week ending ${formatUsDate(week)}`;
}

/** `the week ending 08/17/2025`, or `no week` for a row without a readable week ending. */
export function weekLabel(week: IsoDate | undefined | null): string {
  return week ? `the ${weekEndingText(week)}` : 'no week';
}

/** `changed Units Total Price on row 12 of "Crew A" (WR 1) from "$45.95" to "$60.00"`. */
export function changePhrase(change: AttributedChange, workRequest: string | undefined): string {
  const row = rowLabel(change, workRequest);
  switch (change.kind) {
    case 'row-created':
      return `added ${row}`;
    case 'row-deleted':
      return `deleted ${row}`;
    case 'cell':
      return `changed ${columnLabel(change)} on ${row} from ${cellLabel(change.oldValue)} to ${cellLabel(change.newValue)}`;
  }
}

/** `1 × ALB-6-AUR1 at pole P-101`: what a row bills for, from its parsed values. */
export function unitLabel(row: {
  readonly quantityText: string | undefined;
  readonly cu: string | undefined;
  readonly pole: string | undefined;
}): string {
  const pole = row.pole === undefined ? '' : ` at pole ${row.pole}`;
  return `${row.quantityText ?? 'an unknown quantity'} × ${row.cu ?? 'an unknown CU'}${pole}`;
}
