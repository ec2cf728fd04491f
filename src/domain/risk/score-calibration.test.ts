import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../anomaly/seeded-random.js';
import { scorePercentile, scoreQuantiles } from './score-calibration.js';

describe('scoreQuantiles', () => {
  it('keeps every score, sorted, when there are at most 1001', () => {
    expect(scoreQuantiles([0.7, 0.2, 0.5, 0.2])).toEqual([0.2, 0.2, 0.5, 0.7]);
    expect(scoreQuantiles(Array.from({ length: 1001 }, (_, i) => 1000 - i))).toHaveLength(1001);
  });

  it('thins many scores to 1001 ascending points that keep the minimum and the maximum', () => {
    const random = seededRandom(5);
    const scores = Array.from({ length: 5_000 }, () => random());
    const quantiles = scoreQuantiles(scores);
    expect(quantiles).toHaveLength(1001);
    expect(quantiles[0]).toBe(Math.min(...scores));
    expect(quantiles[1000]).toBe(Math.max(...scores));
    expect(quantiles).toEqual([...quantiles].sort((a, b) => a - b));
    // The middle point is the median of the sorted scores.
    expect(quantiles[500]).toBe([...scores].sort((a, b) => a - b)[2_500]);
  });
});

describe('scorePercentile', () => {
  const calibration = { quantiles: [0, 1, 2, 3, 4] };

  it('is 0 at or below the lowest training score and 1 above the highest', () => {
    expect(scorePercentile(calibration, -5)).toBe(0);
    expect(scorePercentile(calibration, 0)).toBe(0);
    expect(scorePercentile(calibration, 4.0001)).toBe(1);
  });

  it('interpolates between quantiles', () => {
    expect(scorePercentile(calibration, 2.5)).toBe(0.625);
    expect(scorePercentile(calibration, 1)).toBe(0.25);
    expect(scorePercentile(calibration, 4)).toBe(1);
  });

  it('is 0 for an empty calibration', () => {
    expect(scorePercentile({ quantiles: [] }, 0.9)).toBe(0);
  });

  it('stays in [0, 1] and never falls as the score rises', () => {
    const score = fc.double({ min: -1, max: 2, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(score, fc.constantFrom(0, 0.5, 1)), { maxLength: 50 }),
        score,
        score,
        (raw, a, b) => {
          const quantiles = scoreQuantiles(raw);
          const [low, high] = a <= b ? [a, b] : [b, a];
          const pLow = scorePercentile({ quantiles }, low);
          const pHigh = scorePercentile({ quantiles }, high);
          expect(pLow).toBeGreaterThanOrEqual(0);
          expect(pHigh).toBeLessThanOrEqual(1);
          expect(pLow).toBeLessThanOrEqual(pHigh);
        },
      ),
    );
  });
});
