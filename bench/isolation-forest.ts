// Isolation Forest cost on the §3.5 anomaly features: 200,000 synthetic 8-feature change rows built
// in memory from a fixed seed, then time to train (100 trees, ψ = 256) and to score every row.
// Prints figures only.
// Run: node --import tsx bench/isolation-forest.ts
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { scoreAll } from '../src/domain/anomaly/anomaly-score.js';
import { seededRandom } from '../src/domain/anomaly/seeded-random.js';
import { trainIsolationForest } from '../src/domain/anomaly/train-isolation-forest.js';

const ROW_COUNT = 200_000;
const FEATURES = 8;
const TREES = 100;
const SAMPLE_SIZE = 256;

/** Mostly ordinary changes, with one in a thousand shifted far out so the scores have a tail. */
function syntheticRows(count: number): number[][] {
  const random = seededRandom(20_250_601);
  return Array.from({ length: count }, (_, n) => {
    const shift = n % 1000 === 0 ? 25 : 0;
    return Array.from({ length: FEATURES }, (_, f) => f * 3 + shift + random() * 4 - 2);
  });
}

const rows = syntheticRows(ROW_COUNT);

const trainStart = performance.now();
const model = trainIsolationForest(rows, { trees: TREES, sampleSize: SAMPLE_SIZE, seed: 1 });
const trainMs = performance.now() - trainStart;

const scoreStart = performance.now();
const scores = scoreAll(model, rows);
const scoreMs = performance.now() - scoreStart;

const flagged = scores.filter((score) => score > 0.6).length;
console.log(`cores: ${os.availableParallelism()}`);
console.log(`rows: ${ROW_COUNT.toLocaleString('en')} × ${FEATURES} features`);
console.log(`train (${TREES} trees, ψ = ${SAMPLE_SIZE}): ${trainMs.toFixed(1)} ms`);
console.log(
  `score all: ${scoreMs.toFixed(1)} ms (${Math.round(ROW_COUNT / (scoreMs / 1000)).toLocaleString('en')} rows/s)`,
);
console.log(`rows scoring above 0.6: ${flagged}`);
