import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { anomalyScore, scoreAll } from './anomaly-score.js';
import { parseModel, serializeModel } from './model-serialization.js';
import { seededRandom } from './seeded-random.js';
import { trainIsolationForest } from './train-isolation-forest.js';

/** A dense cluster of `count` points around `centre`, jittered by ±spread, from a seed. */
function buildCluster(count: number, centre: number[], spread: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => centre.map((c) => c + (random() * 2 - 1) * spread));
}

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('trainIsolationForest and anomalyScore', () => {
  it('scores a planted outlier above every point of a dense cluster', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (seed, dimensions, offset) => {
          const centre = Array.from({ length: dimensions }, () => offset);
          const cluster = buildCluster(200, centre, 1, seed);
          const outlier = centre.map((c) => c + 50);
          const model = trainIsolationForest([...cluster, outlier], { trees: 50, seed });
          const scores = scoreAll(model, cluster);
          expect(anomalyScore(model, outlier)).toBeGreaterThan(Math.max(...scores));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives an obvious outlier a score above 0.5 and cluster points below it', () => {
    const cluster = buildCluster(500, [10, 20], 1, 7);
    const model = trainIsolationForest(cluster, { seed: 7 });
    expect(anomalyScore(model, [60, -30])).toBeGreaterThan(0.6);
    expect(anomalyScore(model, [10, 20])).toBeLessThan(0.5);
  });

  it('scores identical points identically', () => {
    const model = trainIsolationForest(buildCluster(300, [0, 0, 0], 5, 3), { seed: 3 });
    const [a, b] = scoreAll(model, [
      [1.5, -2, 3],
      [1.5, -2, 3],
    ]);
    expect(a).toBe(b);
  });

  it('builds a deep-equal model with the same scores from the same seed', () => {
    const rows = buildCluster(400, [1, 2, 3], 2, 11);
    const first = trainIsolationForest(rows, { seed: 99 });
    const second = trainIsolationForest(rows, { seed: 99 });
    expect(second).toEqual(first);
    expect(scoreAll(second, rows)).toEqual(scoreAll(first, rows));
  });

  it('builds a different model from a different seed', () => {
    const rows = buildCluster(400, [1, 2, 3], 2, 11);
    expect(trainIsolationForest(rows, { seed: 1 })).not.toEqual(trainIsolationForest(rows, { seed: 2 }));
  });

  it('keeps every score in [0, 1]', () => {
    const row = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
      minLength: 2,
      maxLength: 2,
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.array(row, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer(),
        (rows, probes, sampleSize, seed) => {
          const model = trainIsolationForest(rows, { trees: 10, sampleSize, seed });
          for (const score of scoreAll(model, [...rows, ...probes])) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('respects the height limit ceil(log2 ψ) and caps ψ at the row count', () => {
    const model = trainIsolationForest(buildCluster(50, [0], 10, 5), { sampleSize: 256 });
    expect(model.sampleSize).toBe(50);
    for (const tree of model.trees) {
      expect(tree.size[0]).toBe(50);
      // A tree of depth ≤ 6 has at most 2^7 − 1 nodes.
      expect(tree.feature.length).toBeLessThanOrEqual(127);
    }
  });

  it('does not split when every point is identical', () => {
    const model = trainIsolationForest(
      [
        [4, 4],
        [4, 4],
        [4, 4],
      ],
      { trees: 3 },
    );
    for (const tree of model.trees) expect(tree.feature).toEqual([-1]);
    expect(anomalyScore(model, [4, 4])).toBe(anomalyScore(model, [100, -100]));
  });
});

describe('serializeModel and parseModel', () => {
  it('reloads a model that gives identical scores', () => {
    const rows = buildCluster(300, [5, -5, 0, 1], 3, 21);
    const model = trainIsolationForest(rows, { seed: 21 });
    const reloaded = parseModel(serializeModel(model));
    expect(reloaded).toEqual(model);
    expect(scoreAll(reloaded, rows)).toEqual(scoreAll(model, rows));
  });

  it.each([
    ['not json', 'not JSON'],
    ['[]', 'expected a JSON object'],
    ['{"format":"other"}', 'format must be'],
    ['{"format":"ledgerline.isolation-forest","version":2}', 'version 2 is not supported'],
  ])('refuses %s', (text, message) => {
    expect(thrown(() => parseModel(text)).message).toContain(message);
  });

  it('refuses a tree whose child points back up', () => {
    const model = trainIsolationForest(buildCluster(20, [0], 1, 1), { trees: 1 });
    const json = JSON.parse(serializeModel(model)) as { trees: { left: number[] }[] };
    const tree = json.trees[0];
    if (tree === undefined) throw new Error('expected a tree');
    tree.left[0] = 0;
    expect(thrown(() => parseModel(JSON.stringify(json))).message).toContain('trees[0] node 0 child 0');
  });
});

describe('input validation', () => {
  it('refuses no rows', () => {
    expect(thrown(() => trainIsolationForest([])).code).toBe('INPUT_INVALID');
  });

  it('names the row with the wrong length', () => {
    const error = thrown(() => trainIsolationForest([[1, 2], [3, 4], [5]]));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe('row 2 has 1 features; expected 2');
  });

  it('names the row and column of a non-finite cell', () => {
    const error = thrown(() =>
      trainIsolationForest([
        [1, 2],
        [3, Number.NaN],
      ]),
    );
    expect(error.message).toBe('row 1, column 1 is not a finite number (got NaN)');
    expect(error.details).toEqual({ row: 1, column: 1 });
  });

  it('names the column of a bad scoring point and the row in a batch', () => {
    const model = trainIsolationForest(
      [
        [1, 2],
        [3, 4],
      ],
      { trees: 2 },
    );
    expect(thrown(() => anomalyScore(model, [1, Infinity])).message).toBe(
      'point, column 1 is not a finite number (got Infinity)',
    );
    expect(thrown(() => scoreAll(model, [[1, 2], [3]])).message).toBe('row 1 has 1 features; expected 2');
  });

  it.each([
    [{ trees: 0 }, 'trees must be a positive integer'],
    [{ sampleSize: 1.5 }, 'sampleSize must be a positive integer'],
    [{ seed: Number.NaN }, 'seed must be an integer'],
  ])('refuses option %j', (options, message) => {
    expect(thrown(() => trainIsolationForest([[1]], options)).message).toContain(message);
  });
});
