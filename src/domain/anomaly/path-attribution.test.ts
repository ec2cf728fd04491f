import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { pathAttribution } from './path-attribution.js';
import { seededRandom } from './seeded-random.js';
import { trainIsolationForest } from './train-isolation-forest.js';

/** A dense cluster of `count` points around `centre`, jittered by ±spread, from a seed. */
function buildCluster(count: number, centre: number[], spread: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => centre.map((c) => c + (random() * 2 - 1) * spread));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('pathAttribution', () => {
  // The outlier is among the training rows, as in the Isolation Forest tests: splits are drawn
  // inside the training range, so only then can a split on its far feature cut it off early.
  it('gives the largest credit to the one feature a point lies far out on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 3 }), (seed, far) => {
        const centre = [10, -5, 0, 100];
        const point = centre.map((c, f) => (f === far ? c + 40 : c));
        const model = trainIsolationForest([...buildCluster(300, centre, 1, seed), point], {
          trees: 60,
          seed,
        });
        const credit = pathAttribution(model, point);
        expect(credit.indexOf(Math.max(...credit))).toBe(far);
      }),
      { numRuns: 20 },
    );
  });

  it('gives non-negative credits that sum to at most 1, for cluster points and outliers alike', () => {
    const model = trainIsolationForest(buildCluster(200, [0, 0, 0], 2, 9), { trees: 40, seed: 9 });
    const coordinate = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(coordinate, coordinate, coordinate), (point) => {
        const credit = pathAttribution(model, point);
        expect(credit).toHaveLength(3);
        for (const c of credit) expect(c).toBeGreaterThanOrEqual(0);
        expect(sum(credit)).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('sums to exactly 1 when every tree cuts the point off alone', () => {
    // Two rows: every tree splits once between them, leaving one point per leaf (c(1) = 0).
    const model = trainIsolationForest([[0], [1]], { trees: 5 });
    expect(pathAttribution(model, [0])).toEqual([1]);
  });

  it('spreads less credit over a point deep inside the cluster than over an outlier', () => {
    const model = trainIsolationForest(buildCluster(500, [0, 0], 1, 4), { seed: 4 });
    const inside = sum(pathAttribution(model, [0, 0]));
    expect(inside).toBeLessThan(1);
    expect(inside).toBeLessThan(sum(pathAttribution(model, [30, 0])));
  });

  it('gives no credit when no tree could split', () => {
    const model = trainIsolationForest(
      [
        [1, 1],
        [1, 1],
      ],
      { trees: 5 },
    );
    expect(pathAttribution(model, [50, -50])).toEqual([0, 0]);
  });

  it('refuses a point of the wrong length', () => {
    const model = trainIsolationForest(buildCluster(20, [0, 0, 0], 1, 1), { trees: 3 });
    expect(() => pathAttribution(model, [1, 2])).toThrow(AppError);
    expect(() => pathAttribution(model, [1, 2])).toThrow('point has 2 features; expected 3');
  });
});
