// Which rows an edit may act on. The simulator only touches rows whose billing cells read cleanly
// (a Sunday week ending, a positive price, a known CU, a snapshot date inside the week), so that each
// planted change is exactly the kind its label says and not also one of the seed's data-quality problems.
import type { CellValue } from '../seed/seed-data.js';
import { addDays, isCalendarDate, isWeekClosed, weekdayOf } from '../seed/zoned-time.js';
import type { SheetSnapshot, SnapshotRow } from './sheet-snapshot.js';
import { fieldValue } from './sheet-snapshot.js';

export interface RowFacts {
  sheet: SheetSnapshot;
  row: SnapshotRow;
  /** Digits only: `89708709`, whether typed as a number, a string or `89708709.0`. */
  workRequest: string;
  weekEnding: string;
  priceCents: number;
  quantity: number;
  completed: boolean;
  cu: string;
  pole: CellValue;
}

/** Money as a number or `$1,234.56`; undefined for anything else. */
export function moneyCents(value: CellValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : undefined;
  if (typeof value !== 'string' || !/^\$?\d{1,3}(,?\d{3})*(\.\d{1,2})?$/.test(value.trim())) return undefined;
  return Math.round(Number(value.trim().replace(/[$,]/g, '')) * 100);
}

/** A plain number, or the leading number of `2 EA`. */
export function quantityOf(value: CellValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

function workRequestDigits(value: CellValue | undefined): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+)(\.0+)?\s*$/.exec(value);
  return match?.[1];
}

/** The facts of a row whose billing cells are all clean, else undefined. */
export function cleanFacts(sheet: SheetSnapshot, row: SnapshotRow): RowFacts | undefined {
  const workRequest = workRequestDigits(fieldValue(sheet, row, 'workRequest'));
  const weekEnding = fieldValue(sheet, row, 'weekEnding');
  const snapshotDate = fieldValue(sheet, row, 'snapshotDate');
  const priceCents = moneyCents(fieldValue(sheet, row, 'price'));
  const quantity = quantityOf(fieldValue(sheet, row, 'quantity'));
  const completed = fieldValue(sheet, row, 'completed');
  const cu = fieldValue(sheet, row, 'cu');
  const pole = fieldValue(sheet, row, 'pole');
  if (workRequest === undefined || !isCalendarDate(weekEnding) || weekdayOf(weekEnding) !== 0)
    return undefined;
  if (!isCalendarDate(snapshotDate) || snapshotDate > weekEnding || snapshotDate < addDays(weekEnding, -6)) {
    return undefined;
  }
  if (priceCents === undefined || priceCents <= 0 || quantity === undefined || quantity <= 0)
    return undefined;
  if (typeof cu !== 'string' || cu.toUpperCase().includes('NO MATCH') || pole === undefined) return undefined;
  if (fieldValue(sheet, row, 'foreman') === undefined) return undefined;
  return {
    sheet,
    row,
    workRequest,
    weekEnding,
    priceCents,
    quantity,
    completed: completed === true,
    cu,
    pole,
  };
}

/** The (WR, week, pole, CU) key of the duplicate-unit rule; poles compare by their digits. */
export function unitKeyOf(workRequest: string, weekEnding: string, pole: CellValue, cu: string): string {
  return `${workRequest}|${weekEnding}|${String(pole).replace(/\D/g, '')}|${cu}`;
}

/** Billed: clean, completed and in a week closed at `clockMs`. */
export function isBilled(facts: RowFacts, clockMs: number): boolean {
  return facts.completed && isWeekClosed(facts.weekEnding, clockMs);
}

export function isOpenWeek(facts: RowFacts, clockMs: number): boolean {
  return !isWeekClosed(facts.weekEnding, clockMs);
}
