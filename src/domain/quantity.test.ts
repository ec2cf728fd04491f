import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it.each([
    [3, 3],
    [1.5, 1.5],
    ['3', 3],
    [' 2.25 ', 2.25],
    ['1e+20', 1e20],
    ['1E3', 1000],
    ['1,000', 1000],
    ['-2', -2],
    ['.5', 0.5],
    ['2 EA', 2],
    ['2EA', 2],
    ['1.5 ft', 1.5],
    ['1,250 FT', 1250],
    ['1e+20 ft', 1e20],
    ['12 "', 12],
  ])('reads %j as %d', (input, quantity) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value: quantity });
  });

  it.each([
    [undefined, 'empty'],
    ['', 'empty'],
    ['EA 2', 'does not start with a number'],
    ['abc', 'does not start with a number'],
    ['-', 'does not start with a number'],
    ['1/2', 'unreadable suffix'],
    ['1 1/2', 'unreadable suffix'],
    ['2-3', 'unreadable suffix'],
    ['1,5', 'unreadable suffix'],
    ['1e999', 'out of range'],
    [Number.NaN, 'not finite'],
    [true, 'checkbox'],
  ])('refuses %j with a reason', (input, reason) => {
    const result = parseQuantity(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('reads every finite number, as a number, as its text and with a unit after it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (quantity) => {
        const expected = { ok: true, value: quantity + 0 };
        expect(parseQuantity(quantity)).toEqual(expected);
        expect(parseQuantity(String(quantity))).toEqual(expected);
        expect(parseQuantity(`${String(quantity)} EA`)).toEqual(expected);
      }),
    );
  });
});
