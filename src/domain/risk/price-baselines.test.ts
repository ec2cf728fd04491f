import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuKey, median, medianAbsoluteDeviation, priceBaselines, robustZ } from './price-baselines.js';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([-2])).toBe(-2);
  });

  it('is NaN for no values and leaves its input in order', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('medianAbsoluteDeviation', () => {
  it('is the median distance from the median (hand-computed)', () => {
    // Median 105; distances 5, 5, 15, 95 → median 10.
    expect(medianAbsoluteDeviation([100, 110, 90, 200])).toBe(10);
    expect(medianAbsoluteDeviation([5, 5, 5])).toBe(0);
  });

  it('agrees with a naive sort-and-pick implementation', () => {
    const naiveMedian = (values: number[]) => {
      const s = [...values].sort((a, b) => a - b);
      const n = s.length;
      return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1 }), (values) => {
        const m = naiveMedian(values);
        expect(medianAbsoluteDeviation(values)).toBe(naiveMedian(values.map((v) => Math.abs(v - m))));
      }),
    );
  });
});

describe('priceBaselines', () => {
  it('gives a CU its median, MAD and row count once it has minRows prices', () => {
    const baselines = priceBaselines([
      { cu: 'ALB-6-AUR1', unitPriceCents: 100 },
      { cu: 'ALB-6-AUR1', unitPriceCents: 110 },
      { cu: 'ALB-6-AUR1', unitPriceCents: 90 },
      { cu: 'ALB-6-AUR1', unitPriceCents: 200 },
      { cu: 'XFMR-25', unitPriceCents: 5_000 },
      { cu: 'XFMR-25', unitPriceCents: 5_100 },
    ]);
    expect(baselines.get('ALB-6-AUR1')).toEqual({ medianCents: 105, madCents: 10, rows: 4 });
    // Two prices are fewer than the default minimum of three.
    expect(baselines.has('XFMR-25')).toBe(false);
    expect(priceBaselines([{ cu: 'XFMR-25', unitPriceCents: 5_000 }], 1).get('XFMR-25')?.rows).toBe(1);
  });

  it('pools spellings of one CU under its trimmed upper-case key', () => {
    const baselines = priceBaselines([
      { cu: ' alb-6-aur1 ', unitPriceCents: 100 },
      { cu: 'Alb-6-Aur1', unitPriceCents: 110 },
      { cu: 'ALB-6-AUR1', unitPriceCents: 120 },
    ]);
    expect([...baselines.keys()]).toEqual(['ALB-6-AUR1']);
    expect(baselines.get(cuKey(' alb-6-aur1'))?.rows).toBe(3);
  });

  it('skips blank CUs and prices that are not finite', () => {
    const baselines = priceBaselines(
      [
        { cu: '  ', unitPriceCents: 100 },
        { cu: 'POLE-40', unitPriceCents: Number.NaN },
        { cu: 'POLE-40', unitPriceCents: Number.POSITIVE_INFINITY },
        { cu: 'POLE-40', unitPriceCents: 300 },
      ],
      1,
    );
    expect([...baselines.keys()]).toEqual(['POLE-40']);
    expect(baselines.get('POLE-40')).toEqual({ medianCents: 300, madCents: 0, rows: 1 });
  });
});

describe('robustZ', () => {
  const baselines = new Map([
    ['ALB-6-AUR1', { medianCents: 1_000, madCents: 100, rows: 20 }],
    ['POLE-40', { medianCents: 10_000, madCents: 0, rows: 5 }],
  ]);

  it('counts robust standard deviations (1.4826 × MAD) from the median, with sign', () => {
    expect(robustZ(baselines, 'ALB-6-AUR1', 1_000 + 2 * 148.26)).toBeCloseTo(2, 12);
    expect(robustZ(baselines, 'alb-6-aur1 ', 1_000 - 148.26)).toBeCloseTo(-1, 12);
    expect(robustZ(baselines, 'ALB-6-AUR1', 1_000)).toBe(0);
  });

  it('uses 1 % of the median as the spread of a CU whose prices are all equal', () => {
    expect(robustZ(baselines, 'POLE-40', 10_000)).toBe(0);
    expect(robustZ(baselines, 'POLE-40', 10_100)).toBe(1);
    expect(robustZ(baselines, 'POLE-40', 9_500)).toBe(-5);
  });

  it('is 0 for an unknown CU, no CU or no unit price', () => {
    expect(robustZ(baselines, 'XFMR-25', 999_999)).toBe(0);
    expect(robustZ(baselines, null, 999_999)).toBe(0);
    expect(robustZ(baselines, 'ALB-6-AUR1', null)).toBe(0);
  });
});
