import { isBlankCell, describeCellValue } from './cell-value.js';
import type { CellValue } from './cell-value.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

// A plain number: sign, digits (optionally grouped by thousands), decimals, exponent.
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][+-]?\d+)?/;

/**
 * Parses a quantity cell (billing-domain.md §1.3). A plain number first (`3`, `1.5`, `1,000`,
 * `1e+20`); failing that, the leading number of a decorated string (`2 EA` → 2, `1.5 ft` → 1.5).
 * Decimals are kept. A decoration that starts with a digit, `/`, `.` or `,` (`1/2`, `1 1/2`,
 * `2-3`) is refused rather than read as its first number, which would misstate the quantity.
 */
export function parseQuantity(value: CellValue): Result<number> {
  if (isBlankCell(value)) return fail('quantity is empty');
  if (typeof value === 'boolean') return fail(`quantity cannot be a checkbox value: ${value}`);
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value + 0) : fail(`quantity is not finite: ${value}`);
  }
  const text = value.trim();
  const match = NUMBER_TEXT.exec(text);
  const numberText = match?.[0] ?? '';
  if (numberText === '' || numberText === '+' || numberText === '-') {
    return fail(`quantity does not start with a number: ${describeCellValue(value)}`);
  }
  const decoration = text.slice(numberText.length);
  if (decoration !== '' && !/^\s*[\p{L}%#"']/u.test(decoration)) {
    return fail(`quantity has an unreadable suffix: ${describeCellValue(value)}`);
  }
  const quantity = Number(numberText.replaceAll(',', ''));
  if (!Number.isFinite(quantity)) return fail(`quantity is out of range: ${describeCellValue(value)}`);
  return ok(quantity + 0);
}
