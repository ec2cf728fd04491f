import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseMoney } from './money.js';

describe('parseMoney', () => {
  it.each([
    ['$1,234.56', 123456],
    ['1234.5', 123450],
    ['(1,000.00)', -100000],
    [' $0.00 ', 0],
    ['$45.95', 4595],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['($12.50)', -1250],
    ['1,234,567.89', 123456789],
    ['.5', 50],
    ['0', 0],
    ['$1.005', 101],
    ['-1.005', -101],
    ['1234.5678', 123457],
    [1234.5, 123450],
    [0, 0],
    [-0, 0],
    [45.95, 4595],
    [1.005, 101],
    [2.675, 268],
    [0.125, 13],
    [-0.125, -13],
    [1e-7, 0],
  ])('reads %j as %i cents', (input, cents) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    [undefined, 'empty'],
    [null, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not a money amount'],
    ['$', 'not a money amount'],
    ['12,34', 'not a money amount'],
    ['1,2345.00', 'not a money amount'],
    ['1.2.3', 'not a money amount'],
    ['$$1', 'not a money amount'],
    ['((1))', 'not a money amount'],
    ['(1', 'not a money amount'],
    ['1)', 'not a money amount'],
    ['--1', 'not a money amount'],
    ['-(1)', 'not a money amount'],
    ['(-1)', 'not a money amount'],
    ['1e3', 'not a money amount'],
    ['€5', 'not a money amount'],
    ['1 000', 'not a money amount'],
    ['1234.', 'not a money amount'],
    ['#NO MATCH', 'not a money amount'],
    [true, 'checkbox'],
    [Number.NaN, 'not a money amount'],
    [Number.POSITIVE_INFINITY, 'not a money amount'],
    [1e300, 'out of range'],
  ])('refuses %j with a reason, never a silent 0', (input, reason) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('reads back every amount it formats as $#,##0.00', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseMoney(formatCents(cents))).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it('reads accounting negatives and plain decimals of any cents value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        const plain = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(parseMoney(plain)).toEqual({ ok: true, value: cents });
        // `($0.00)` is zero, never negative zero.
        expect(parseMoney(`(${formatCents(cents)})`)).toEqual({ ok: true, value: cents === 0 ? 0 : -cents });
        // A number holding cents / 100 is read by its decimal text, so no float error creeps in.
        expect(parseMoney(cents / 100)).toEqual({ ok: true, value: cents });
      }),
    );
  });
});

describe('formatCents', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [123456, '$1,234.56'],
    [-500, '-$5.00'],
    [100000000, '$1,000,000.00'],
  ])('prints %i as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('refuses fractional cents', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });
});
