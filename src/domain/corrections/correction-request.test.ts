import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from '../money.js';
import {
  canonicalCorrectionValue,
  cellValueToWrite,
  correctionValueKey,
  validateCorrection,
} from './correction-request.js';

describe('validating a correction request', () => {
  it('accepts a price in any money spelling and keeps one canonical text', () => {
    expect(
      validateCorrection({ field: 'price', newValue: ' $1,234.5 ', reason: ' Rate sheet 2025 ' }),
    ).toEqual({
      ok: true,
      value: { field: 'price', newValue: '1234.50', reason: 'Rate sheet 2025' },
    });
  });

  it.each([
    ['an unknown field', { field: 'workRequest', newValue: '1', reason: 'x' }, /cannot be corrected/],
    ['an empty value', { field: 'price', newValue: '  ', reason: 'x' }, /empty/],
    [
      'a value the parser refuses',
      { field: 'price', newValue: '12 dollars', reason: 'x' },
      /not a money amount/,
    ],
    ['a negative price', { field: 'price', newValue: '-5', reason: 'x' }, /negative/],
    ['a decorated quantity', { field: 'quantity', newValue: '2 EA', reason: 'x' }, /plain number/],
    ['a checkbox typo', { field: 'completed', newValue: 'maybe', reason: 'x' }, /yes or no/],
    ['a date in US spelling', { field: 'weekEnding', newValue: '08/17/2025', reason: 'x' }, /YYYY-MM-DD/],
    ['an unknown work type', { field: 'workType', newValue: 'paint', reason: 'x' }, /work type/],
    ['no reason', { field: 'price', newValue: '5', reason: '   ' }, /reason is required/],
  ])('refuses %s', (_name, input, message) => {
    const result = validateCorrection(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(message);
  });

  it('types the value to write as Smartsheet holds it', () => {
    expect(cellValueToWrite('price', '1234.50')).toBe(1234.5);
    expect(cellValueToWrite('quantity', '3')).toBe(3);
    expect(cellValueToWrite('completed', 'false')).toBe(false);
    expect(cellValueToWrite('weekEnding', '2025-08-17')).toBe('2025-08-17');
  });

  it('round-trips every price: the written value reads back as the same key as the request', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (cents) => {
        const canonical = canonicalCorrectionValue('price', formatCents(cents));
        expect(canonical.ok).toBe(true);
        if (!canonical.ok) return;
        const written = cellValueToWrite('price', canonical.value);
        expect(correctionValueKey('price', written)).toBe(correctionValueKey('price', canonical.value));
        expect(correctionValueKey('price', written)).toBe(`cents:${cents}`);
      }),
    );
  });

  it('round-trips quantities and checkboxes through write and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), (quantity, checked) => {
        const q = canonicalCorrectionValue('quantity', String(quantity));
        expect(q.ok && correctionValueKey('quantity', cellValueToWrite('quantity', q.value))).toBe(
          `qty:${quantity}`,
        );
        const c = canonicalCorrectionValue('completed', checked ? 'Yes' : 'no');
        expect(c.ok && correctionValueKey('completed', cellValueToWrite('completed', c.value))).toBe(
          `checked:${checked}`,
        );
      }),
    );
  });
});
