import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_TOLERANCE } from './audit-context.js';
import { exceedsRateTolerance, rateToleranceCents } from './rate-tolerance.js';

describe('exceedsRateTolerance (max($0.02, 0.5 % of expected))', () => {
  it.each([
    // expected $100.00: 0.5 % is exactly 50 cents
    [10_050, 10_000, false],
    [10_051, 10_000, true],
    [9_950, 10_000, false],
    [9_949, 10_000, true],
    // expected $1.00: 0.5 % is half a cent, so the $0.02 floor applies
    [102, 100, false],
    [103, 100, true],
    [98, 100, false],
    [97, 100, true],
    // expected $45.95: 22.975 cents
    [4_617, 4_595, false],
    [4_618, 4_595, true],
  ])('price %i against expected %i exceeds: %s', (price, expected, exceeds) => {
    expect(exceedsRateTolerance(price, expected, DEFAULT_RATE_TOLERANCE)).toBe(exceeds);
  });

  it('shows the tolerance rounded to the cent', () => {
    expect(rateToleranceCents(10_000, DEFAULT_RATE_TOLERANCE)).toBe(50);
    expect(rateToleranceCents(100, DEFAULT_RATE_TOLERANCE)).toBe(2);
  });
});
