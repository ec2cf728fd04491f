// Risk scoring cost at scale (issue #8): 200,000 synthetic observed changes by 60 editors over 90
// days, then the time to build the editor history, compute every feature vector, train the model
// (100 trees, ψ = 256) and score every change. Prints figures only.
// Run: node --import tsx bench/risk-throughput.ts
import { performance } from 'node:perf_hooks';
import { scoreAll } from '../src/domain/anomaly/anomaly-score.js';
import { seededRandom } from '../src/domain/anomaly/seeded-random.js';
import { activityOf } from '../src/domain/risk/change-features.js';
import type { ChangeObservation, ObservedField } from '../src/domain/risk/change-observation.js';
import { EditorHistory } from '../src/domain/risk/editor-history.js';
import { priceBaselines } from '../src/domain/risk/price-baselines.js';
import { featureMatrix, trainRiskModel } from '../src/domain/risk/risk-model.js';

const COUNT = 200_000;
const FIELDS: ObservedField[] = [
  'price',
  'quantity',
  'completed',
  'weekEnding',
  'row-created',
  'row-deleted',
];
const random = seededRandom(20_261_123);
const start = Date.parse('2026-08-01T12:00:00Z');

const observations: ChangeObservation[] = Array.from({ length: COUNT }, (_, n) => {
  const at = new Date(start + Math.floor((n / COUNT) * 90 * 86_400_000) + Math.floor(random() * 60_000));
  const price = Math.round(2_000 + random() * 200_000);
  const delta = Math.round((random() - 0.5) * price * 0.2);
  const cu = `CU-${Math.floor(random() * 400)}`;
  return {
    changeId: `c${n}`,
    runId: 'bench',
    sheetId: 1 + Math.floor(random() * 90),
    rowId: n,
    columnName: 'Price',
    revision: at.toISOString(),
    field: FIELDS[Math.floor(random() * FIELDS.length)]!,
    sheetName: 'Bench',
    rowNumber: n,
    oldValue: null,
    newValue: null,
    sheetReference: null,
    editor: `editor${Math.floor(random() * 60)}@example.com`,
    editorHuman: true,
    editorCorrector: random() < 0.2,
    editorAuthorised: true,
    changeAgent: null,
    changedAt: at.toISOString(),
    localHour: 7 + Math.floor(random() * 11),
    localWeekday: Math.floor(random() * 5),
    deltaCents: delta,
    rowPriceCents: price,
    unitPriceCents: price,
    contractUnitCents: price,
    valueRatio: null,
    cu,
    workRequest: '1',
    weekEnding: null,
    hoursAfterClose: n % 500 === 0 ? 200 : 0,
    rules: [],
    maxSeverity: null,
  };
});
const baselines = priceBaselines(observations.map((o) => ({ cu: o.cu!, unitPriceCents: o.unitPriceCents! })));

let began = performance.now();
const history = new EditorHistory(observations.map(activityOf));
const historyMs = performance.now() - began;
began = performance.now();
const rows = featureMatrix(observations, baselines, history);
const featuresMs = performance.now() - began;
began = performance.now();
const { model } = trainRiskModel(observations, baselines, { trees: 100, sampleSize: 256, seed: 1 });
const trainMs = performance.now() - began;
began = performance.now();
const scores = scoreAll(model.forest, rows);
const scoreMs = performance.now() - began;

console.log(`changes: ${COUNT.toLocaleString('en')} by 60 editors on 90 sheets over 90 days`);
console.log(`editor history: ${historyMs.toFixed(0)} ms`);
console.log(`feature vectors: ${featuresMs.toFixed(0)} ms`);
console.log(`train (features again + 100 trees, ψ = 256 + calibration): ${trainMs.toFixed(0)} ms`);
console.log(`score all: ${scoreMs.toFixed(0)} ms`);
console.log(`features + train + score: ${(featuresMs + trainMs + scoreMs).toFixed(0)} ms`);
console.log(`scores above 0.6: ${scores.filter((s) => s > 0.6).length}`);
