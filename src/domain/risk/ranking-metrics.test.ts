import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { precisionAtK, prAuc, recallAtFpr, rocAuc } from './ranking-metrics.js';
import type { Labelled } from './ranking-metrics.js';

const P = (score: number): Labelled => ({ score, positive: true });
const N = (score: number): Labelled => ({ score, positive: false });

/** Integer scores from a small range, so ties are common. */
const labelledList = fc.array(fc.record({ score: fc.integer({ min: -5, max: 5 }), positive: fc.boolean() }), {
  minLength: 1,
  maxLength: 40,
});
const bothClasses = labelledList.filter(
  (items) => items.some((i) => i.positive) && items.some((i) => !i.positive),
);

/** ROC-AUC by definition: over every (positive, negative) pair, a win counts 1 and a tie ½. */
function pairwiseAuc(items: readonly Labelled[]): number {
  let wins = 0;
  let pairs = 0;
  for (const p of items.filter((i) => i.positive)) {
    for (const n of items.filter((i) => !i.positive)) {
      pairs++;
      if (p.score > n.score) wins += 1;
      else if (p.score === n.score) wins += 0.5;
    }
  }
  return wins / pairs;
}

describe('rocAuc', () => {
  it('is 1 when every positive outscores every negative, 0 when reversed', () => {
    expect(rocAuc([P(0.9), P(0.8), N(0.3), N(0.1)])).toBe(1);
    expect(rocAuc([P(0.1), P(0.3), N(0.8), N(0.9)])).toBe(0);
  });

  it('counts a tie between a positive and a negative as half a win', () => {
    // Pairs: (0.5 vs 0.5) tie, (0.5 vs 0.1) win → (0.5 + 1) / 2.
    expect(rocAuc([P(0.5), N(0.5), N(0.1)])).toBe(0.75);
    expect(rocAuc([P(2), P(2), N(2), N(2)])).toBe(0.5);
  });

  it('is NaN without both classes', () => {
    expect(rocAuc([P(1), P(2)])).toBeNaN();
    expect(rocAuc([N(1)])).toBeNaN();
    expect(rocAuc([])).toBeNaN();
  });

  it('agrees with the pairwise count on random data with ties', () => {
    fc.assert(
      fc.property(bothClasses, (items) => {
        expect(rocAuc(items)).toBeCloseTo(pairwiseAuc(items), 12);
      }),
    );
  });

  it('adds up to 1 with the AUC of the negated scores', () => {
    fc.assert(
      fc.property(bothClasses, (items) => {
        const negated = items.map((i) => ({ ...i, score: -i.score }));
        expect(rocAuc(items) + rocAuc(negated)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('prAuc', () => {
  it('is 1 for a ranking with every positive on top', () => {
    expect(prAuc([N(0.1), P(0.9), N(0.2), P(0.8), P(0.7)])).toBe(1);
  });

  it('averages the precision at each positive (hand-computed)', () => {
    // Ranked P N P N: precision 1 at the first positive, 2/3 at the second; each adds ½ of recall.
    expect(prAuc([P(0.9), N(0.8), P(0.7), N(0.6)])).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });

  it('treats a group of equal scores as one threshold', () => {
    // {P, N} tied at 0.9 gives precision ½ at recall ½; then P at 0.5 gives 2/3 at recall 1.
    expect(prAuc([P(0.9), N(0.9), P(0.5)])).toBeCloseTo(0.5 * 0.5 + 0.5 * (2 / 3), 12);
  });

  it('is NaN without positives', () => {
    expect(prAuc([N(0.3), N(0.2)])).toBeNaN();
  });
});

describe('recallAtFpr', () => {
  // 3 positives, 3 negatives, ranked P N P P N N.
  const ranked = [P(0.9), N(0.8), P(0.7), P(0.6), N(0.5), N(0.4)];

  it.each([
    [0, { recall: 1 / 3, fpr: 0, threshold: 0.9 }],
    [0.34, { recall: 1, fpr: 1 / 3, threshold: 0.6 }],
    [0.5, { recall: 1, fpr: 1 / 3, threshold: 0.6 }],
    // Lower thresholds add only false positives: the highest one reaching full recall is kept.
    [1, { recall: 1, fpr: 1 / 3, threshold: 0.6 }],
  ])(
    'with a false-positive ceiling of %s finds the highest threshold of the best recall',
    (maxFpr, expected) => {
      expect(recallAtFpr(ranked, maxFpr)).toEqual(expected);
    },
  );

  it('flags nothing when the top score already holds a negative above the ceiling', () => {
    expect(recallAtFpr([N(0.9), P(0.9), P(0.1)], 0)).toEqual({
      recall: 0,
      fpr: 0,
      threshold: Number.POSITIVE_INFINITY,
    });
  });

  it('never returns a false-positive rate above the ceiling, nor a lower threshold than the best recall needs', () => {
    fc.assert(
      fc.property(labelledList, fc.double({ min: 0, max: 1, noNaN: true }), (items, maxFpr) => {
        const result = recallAtFpr(items, maxFpr);
        expect(result.fpr).toBeLessThanOrEqual(maxFpr);
        const positives = items.filter((i) => i.positive).length;
        const negatives = items.length - positives;
        let best = { recall: 0, threshold: Number.POSITIVE_INFINITY };
        for (const threshold of new Set(items.map((i) => i.score))) {
          const flagged = items.filter((i) => i.score >= threshold);
          const fpr = negatives === 0 ? 0 : flagged.filter((i) => !i.positive).length / negatives;
          const recall = positives === 0 ? 0 : flagged.filter((i) => i.positive).length / positives;
          if (fpr > maxFpr || recall === 0) continue;
          if (recall > best.recall || (recall === best.recall && threshold > best.threshold))
            best = { recall, threshold };
        }
        expect(result.recall).toBe(best.recall);
        expect(result.threshold).toBe(best.threshold);
      }),
    );
  });
});

describe('precisionAtK', () => {
  it('is the share of positives among the k highest scores', () => {
    const items = [N(0.1), P(0.9), N(0.8), P(0.7), P(0.2)];
    expect(precisionAtK(items, 1)).toBe(1);
    expect(precisionAtK(items, 2)).toBe(0.5);
    expect(precisionAtK(items, 3)).toBeCloseTo(2 / 3, 12);
  });

  it('breaks ties at the cut by input order', () => {
    expect(precisionAtK([N(0.5), P(0.5)], 1)).toBe(0);
    expect(precisionAtK([P(0.5), N(0.5)], 1)).toBe(1);
  });

  it('uses every item when k exceeds the list, and is NaN for k = 0 or no items', () => {
    expect(precisionAtK([P(1), N(0)], 10)).toBe(0.5);
    expect(precisionAtK([P(1)], 0)).toBeNaN();
    expect(precisionAtK([], 5)).toBeNaN();
  });
});
