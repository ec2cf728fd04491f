// A request to correct a billing cell of a closed (billed) week (issue #12): which cell, the new
// value, and why. Ledgerline writes the value only after someone other than the requester approves
// it, so the request must say exactly what will be written: the value is parsed here with the same
// parsers the billing rules read the sheet with, and kept in one canonical spelling.
import { parseDate } from '../calendar-date.js';
import { cellText, type CellValue } from '../cell-value.js';
import { parseCheckbox } from '../checkbox.js';
import { formatCents, parseMoney } from '../money.js';
import { parseQuantity } from '../quantity.js';
import { fail, ok, type Result } from '../result.js';
import { parseWorkType } from '../work-type.js';

/**
 * The billing fields a correction may change: what a row bills (price, quantity, cu, workType),
 * whether it counts (completed) and for which week (weekEnding). The identity fields (Work Request,
 * pole) are not corrected through this path: changing them moves the unit to another report.
 */
export const CORRECTABLE_FIELDS = ['price', 'quantity', 'cu', 'workType', 'completed', 'weekEnding'] as const;

export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** True for a field a correction may change. */
export function isCorrectableField(name: string): name is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(name);
}

/** The longest reason kept; a reason is a sentence or two, not a document. */
export const MAX_REASON_LENGTH = 2000;

/** What a requester typed, before validation. */
export interface CorrectionInput {
  readonly field: string;
  readonly newValue: string;
  readonly reason: string;
}

/** A validated correction: the field, the value in its canonical text, and the reason. */
export interface ValidCorrection {
  readonly field: CorrectableField;
  /**
   * The new value's canonical text: price `1234.50` (dollars, two decimals), quantity as a plain
   * number, completed `true`/`false`, weekEnding `YYYY-MM-DD`, cu and workType trimmed text.
   */
  readonly newValue: string;
  readonly reason: string;
}

const CHECKED = new Set(['true', 'yes', 'y', 'checked', '1', 'on']);
const UNCHECKED = new Set(['false', 'no', 'n', 'unchecked', '0', 'off']);

/**
 * The canonical text of a new value for `field`, or why it cannot be one. Money goes through
 * parseMoney (exact decimals, `$1,234.5` → `1234.50`), quantities through parseQuantity (a plain
 * number only: a correction states the quantity, not a decorated `2 EA`), dates through parseDate;
 * a checkbox must say yes or no explicitly (parseCheckbox would read a typo as unchecked); a work
 * type must be one the rate table knows.
 */
export function canonicalCorrectionValue(field: CorrectableField, raw: string): Result<string> {
  const text = raw.trim();
  if (text === '') return fail('the new value is empty');
  switch (field) {
    case 'price': {
      const cents = parseMoney(text);
      if (!cents.ok) return cents;
      if (cents.value < 0) return fail('a price cannot be negative');
      return ok((cents.value / 100).toFixed(2));
    }
    case 'quantity': {
      if (!/^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/.test(text))
        return fail(`the quantity must be a plain number, got ${JSON.stringify(text)}`);
      const quantity = parseQuantity(text);
      if (!quantity.ok) return quantity;
      if (quantity.value < 0) return fail('a quantity cannot be negative');
      return ok(String(quantity.value));
    }
    case 'completed': {
      const word = text.toLowerCase();
      if (CHECKED.has(word)) return ok('true');
      if (UNCHECKED.has(word)) return ok('false');
      return fail(`completed must be yes or no, got ${JSON.stringify(text)}`);
    }
    case 'weekEnding': {
      const date = parseDate(text);
      return date.ok ? ok(date.value) : date;
    }
    case 'workType':
      return parseWorkType(text) === 'unknown'
        ? fail(`not a known work type: ${JSON.stringify(text)} (install, removal or transfer)`)
        : ok(text);
    case 'cu':
      return text.length > 200 ? fail('the CU is longer than 200 characters') : ok(text);
  }
}

/** Validates what a requester typed: a correctable field, a value its parser reads, a reason. */
export function validateCorrection(input: CorrectionInput): Result<ValidCorrection> {
  if (!isCorrectableField(input.field))
    return fail(
      `${JSON.stringify(input.field)} cannot be corrected; choose one of ${CORRECTABLE_FIELDS.join(', ')}`,
    );
  const value = canonicalCorrectionValue(input.field, input.newValue);
  if (!value.ok) return value;
  const reason = input.reason.trim();
  if (reason === '') return fail('a reason is required');
  if (reason.length > MAX_REASON_LENGTH)
    return fail(`the reason is longer than ${MAX_REASON_LENGTH} characters`);
  return ok({ field: input.field, newValue: value.value, reason });
}

/** The value to write into Smartsheet for a canonical value: numbers and checkboxes typed as such. */
export function cellValueToWrite(field: CorrectableField, canonical: string): string | number | boolean {
  switch (field) {
    case 'price':
    case 'quantity':
      return Number(canonical);
    case 'completed':
      return canonical === 'true';
    default:
      return canonical;
  }
}

/**
 * What a cell holding `value` means for `field`, in a form two spellings of the same value share
 * (`1234.5`, `$1,234.50` → the same key): used to tell whether an observed change wrote what a
 * request asked for. Undefined when the cell cannot be read as the field.
 */
export function correctionValueKey(field: CorrectableField, value: CellValue): string | undefined {
  switch (field) {
    case 'price': {
      const cents = parseMoney(value);
      return cents.ok ? `cents:${cents.value}` : undefined;
    }
    case 'quantity': {
      const quantity = parseQuantity(value);
      return quantity.ok ? `qty:${quantity.value}` : undefined;
    }
    case 'completed':
      return `checked:${parseCheckbox(value)}`;
    case 'weekEnding': {
      const date = parseDate(typeof value === 'string' ? value : cellText(value));
      return date.ok ? `date:${date.value}` : undefined;
    }
    case 'workType':
    case 'cu': {
      const text = cellText(value);
      return text === undefined ? undefined : `text:${text.toLowerCase()}`;
    }
  }
}

/** How a canonical value reads to a person: prices as currency, the rest as they are. */
export function correctionValueLabel(field: CorrectableField, canonical: string): string {
  if (field === 'price') {
    const cents = parseMoney(canonical);
    return cents.ok ? formatCents(cents.value) : canonical;
  }
  if (field === 'completed') return canonical === 'true' ? 'checked' : 'unchecked';
  return canonical;
}
