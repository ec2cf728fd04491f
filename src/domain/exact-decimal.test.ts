import { describe, expect, it } from 'vitest';
import {
  exactDecimalFromNumber,
  exactDecimalFromText,
  multiplyExact,
  roundToScale,
} from './exact-decimal.js';

describe('exact decimals', () => {
  it.each([
    ['1234.5', { negative: false, digits: 12345n, scale: 1 }],
    ['-0.50', { negative: true, digits: 50n, scale: 2 }],
    ['.5', { negative: false, digits: 5n, scale: 1 }],
    ['1e+20', { negative: false, digits: 10n ** 20n, scale: 0 }],
    ['1.5e-3', { negative: false, digits: 15n, scale: 4 }],
    ['-0', { negative: false, digits: 0n, scale: 0 }],
  ])('reads %s exactly', (text, expected) => {
    expect(exactDecimalFromText(text)).toEqual(expected);
  });

  it.each(['', '.', '1,000', '$1', '1e', 'abc', '1e99999', ' 1'])('refuses %j', (text) => {
    expect(exactDecimalFromText(text)).toBeUndefined();
  });

  it.each([
    ['1.005', 2, 101n],
    ['-1.005', 2, -101n],
    ['1.004', 2, 100n],
    ['2.5', 0, 3n],
    ['-2.5', 0, -3n],
    ['7', 2, 700n],
  ])('rounds %s to scale %i half away from zero: %s', (text, scale, expected) => {
    const decimal = exactDecimalFromText(text);
    expect(decimal && roundToScale(decimal, scale)).toBe(expected);
  });

  it('multiplies without float error: 4595 cents × 1.5 = 6892.5', () => {
    const quantity = exactDecimalFromNumber(1.5);
    expect(quantity && roundToScale(multiplyExact(4595n, quantity), 0)).toBe(6893n);
    const negative = exactDecimalFromNumber(-0.1);
    expect(negative && roundToScale(multiplyExact(4595n, negative), 0)).toBe(-460n);
  });

  it('refuses non-finite numbers', () => {
    expect(exactDecimalFromNumber(Number.NaN)).toBeUndefined();
    expect(exactDecimalFromNumber(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });
});
