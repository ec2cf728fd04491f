import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseWorkRequest } from './work-request.js';

describe('normaliseWorkRequest', () => {
  it.each([
    [89708709, '89708709'],
    [89708709.0, '89708709'],
    ['89708709.0', '89708709'],
    ['89708709.000', '89708709'],
    [' 89708709 ', '89708709'],
    ['WR-12', 'WR-12'],
    ['12.5', '12.5'],
    [12.5, '12.5'],
    [1e21, '1000000000000000000000'],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
    [true, undefined],
  ])('%j → %j', (value, expected) => {
    expect(normaliseWorkRequest(value)).toBe(expected);
  });

  it('gives the same text for a number, its text and its spreadsheet `.0` form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(normaliseWorkRequest(n)).toBe(String(n));
        expect(normaliseWorkRequest(`${n}.0`)).toBe(String(n));
        expect(normaliseWorkRequest(` ${n} `)).toBe(String(n));
      }),
    );
  });
});
