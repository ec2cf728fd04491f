import { describe, expect, it } from 'vitest';
import { buildRowValues } from '../audit/testing/build-attributed-change.js';
import { unitPricesOf } from './snapshot-unit-prices.js';

describe('unitPricesOf', () => {
  it('divides each row price by its quantity, rounded to the cent', () => {
    expect(
      unitPricesOf([
        buildRowValues({ cu: 'ALB-6-AUR1', price: '$91.90', quantity: 2 }),
        buildRowValues({ cu: 'XFMR-25', price: '$10.00', quantity: 3 }),
        buildRowValues({ cu: 'POLE-40', price: '$10.00', quantity: 1.5 }),
      ]),
    ).toEqual([
      { cu: 'ALB-6-AUR1', unitPriceCents: 4_595 },
      { cu: 'XFMR-25', unitPriceCents: 333 },
      { cu: 'POLE-40', unitPriceCents: 667 },
    ]);
  });

  it.each([
    ['no CU', { cu: undefined }],
    ['no price', { price: undefined }],
    ['an unreadable price', { price: 'TBD' }],
    ['no quantity', { quantity: undefined }],
    ['a zero quantity', { quantity: 0 }],
    ['a negative quantity', { quantity: -2 }],
  ])('skips a row with %s', (_name, overrides) => {
    expect(unitPricesOf([buildRowValues(overrides), buildRowValues({ cu: 'KEEP-1' })])).toEqual([
      { cu: 'KEEP-1', unitPriceCents: 4_595 },
    ]);
  });
});
