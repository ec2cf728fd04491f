import { describe, expect, it } from 'vitest';
import { expectedPrice, unitPriceFor } from './expected-price.js';
import { buildRateUnit } from './testing/build-rate-unit.js';

describe('expectedPrice', () => {
  const rate = buildRateUnit();

  it.each([
    ['install', 1, 4595],
    ['install', 2, 9190],
    ['install', 1.5, 6893],
    ['removal', 3, 9999],
    ['transfer', 0.1, 1065],
    ['install', 0, 0],
    ['install', -1, -4595],
  ] as const)('%s × %d = %i cents', (workType, quantity, cents) => {
    expect(expectedPrice(rate, workType, quantity)).toBe(cents);
  });

  it('has no expectation for an unknown work type, an N/A price or a non-finite quantity', () => {
    expect(expectedPrice(rate, 'unknown', 1)).toBeUndefined();
    expect(expectedPrice(buildRateUnit({ removalPriceCents: undefined }), 'removal', 1)).toBeUndefined();
    expect(expectedPrice(rate, 'install', Number.NaN)).toBeUndefined();
  });

  it('picks the price column of the work type', () => {
    expect([
      unitPriceFor(rate, 'install'),
      unitPriceFor(rate, 'removal'),
      unitPriceFor(rate, 'transfer'),
    ]).toEqual([4595, 3333, 10654]);
  });
});
