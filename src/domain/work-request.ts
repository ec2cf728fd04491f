import type { CellValue } from './cell-value.js';

/**
 * The Work Request number as a canonical string (billing-domain.md §1.2), or undefined when the
 * cell is blank. Numbers and numeric strings lose a zero fraction that spreadsheets add:
 * `89708709.0` and 89708709 both give `"89708709"`. Other text is trimmed and kept as typed, so
 * `WR-12` stays `WR-12`; a real fraction such as `12.5` is kept too rather than guessed at.
 */
export function normaliseWorkRequest(value: CellValue): string | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // BigInt prints large integers in full where String would switch to 1e+21 notation.
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  const text = value.trim();
  if (text === '') return undefined;
  const zeroFraction = /^(\d+)\.0+$/.exec(text);
  return zeroFraction?.[1] ?? text;
}
