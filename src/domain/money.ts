import { isBlankCell, describeCellValue } from './cell-value.js';
import type { CellValue } from './cell-value.js';
import { exactDecimalFromNumber, exactDecimalFromText, roundToScale } from './exact-decimal.js';
import type { ExactDecimal } from './exact-decimal.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/** Money in integer cents. Integers add exactly; totals never pass through binary floats. */
export type Cents = number;

// Digits with correct thousands grouping (`1,234,567`) or none (`1234567`), then optional decimals.
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Parses a money cell into integer cents (billing-domain.md §1.3). Accepts numbers and strings
 * such as `$1,234.56`, `1234.5`, `-$12.00`, `$-12.00`, `(1,000.00)` (accounting negative) and
 * ` $0.00 `. Extra decimals round half away from zero: `$1.005` → 101. Anything else, blanks
 * included, fails with a reason; it never becomes a silent 0.
 */
export function parseMoney(value: CellValue): Result<Cents> {
  if (isBlankCell(value)) return fail('money is empty');
  if (typeof value === 'boolean') return fail(`money cannot be a checkbox value: ${value}`);
  const decimal = typeof value === 'number' ? exactDecimalFromNumber(value) : moneyTextToDecimal(value);
  if (!decimal) return fail(`not a money amount: ${describeCellValue(value)}`);
  const cents = roundToScale(decimal, 2);
  // Cents stay JavaScript numbers for storage and JSON; beyond 2^53 they would lose precision.
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(`money amount out of range: ${describeCellValue(value)}`);
  }
  return ok(Number(cents) + 0);
}

function moneyTextToDecimal(raw: string): ExactDecimal | undefined {
  let text = raw.trim();
  let negative = false;
  if (text.startsWith('(') || text.endsWith(')')) {
    if (!(text.startsWith('(') && text.endsWith(')'))) return undefined;
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-')) {
    if (negative) return undefined;
    negative = true;
    text = text.slice(1);
  }
  if (text.startsWith('$')) text = text.slice(1);
  if (text.startsWith('-')) {
    if (negative) return undefined;
    negative = true;
    text = text.slice(1);
  }
  if (text === '' || !AMOUNT.test(text)) return undefined;
  const decimal = exactDecimalFromText(text.replaceAll(',', ''));
  if (!decimal) return undefined;
  return { ...decimal, negative: negative && decimal.digits !== 0n };
}

/**
 * Formats cents the way reports print currency, `$#,##0.00`: 123456 → `$1,234.56`, negatives
 * with a leading minus (`-$5.00`). `parseMoney` reads every output back to the same cents.
 */
export function formatCents(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, got ${cents}`);
  const magnitude = Math.abs(cents);
  const whole = Math.trunc(magnitude / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (magnitude % 100).toString().padStart(2, '0');
  return `${cents < 0 ? '-' : ''}$${whole}.${fraction}`;
}
