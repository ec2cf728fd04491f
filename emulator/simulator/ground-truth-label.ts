// What the simulator did, as ground truth for measuring Ledgerline's audit: one label per changed cell
// (a row added or deleted is labelled on its price cell). Benign edits are labelled too, so precision can
// be measured as well as recall.
import type { CellValue } from '../seed/seed-data.js';

export const PLANTED_KINDS = [
  'post_close_price_increase',
  'post_close_quantity_bump',
  'billed_row_deleted',
  'week_restamp',
  'duplicate_unit',
  'unauthorized_editor',
  'off_hours_edit',
] as const;

export const BENIGN_KINDS = ['benign_add', 'benign_correction', 'benign_completion'] as const;

export type PlantedKind = (typeof PLANTED_KINDS)[number];
export type BenignKind = (typeof BENIGN_KINDS)[number];
export type EditKind = PlantedKind | BenignKind;

export interface GroundTruthLabel {
  sheetId: number;
  rowId: number;
  columnTitle: string;
  columnId: number;
  /** null when the cell had no value (a new row) */
  oldValue: CellValue | null;
  /** null when the cell lost its value (a deleted row) */
  newValue: CellValue | null;
  /** E-mail of the user whose token made the change. */
  editor: string;
  /** The emulator clock at the edit (ISO-8601 UTC). */
  at: string;
  kind: EditKind;
  planted: boolean;
}

export function isPlantedKind(kind: EditKind): kind is PlantedKind {
  return (PLANTED_KINDS as readonly EditKind[]).includes(kind);
}
