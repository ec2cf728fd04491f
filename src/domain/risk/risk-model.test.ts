import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { FEATURE_NAMES } from './change-features.js';
import { priceBaselines } from './price-baselines.js';
import {
  featureMatrix,
  inChangeOrder,
  modelAnomalyScore,
  parseRiskModel,
  serializeRiskModel,
  trainRiskModel,
} from './risk-model.js';
import { buildChangeObservation, buildOrdinaryObservations } from './testing/build-change-observation.js';

const observations = buildOrdinaryObservations(80, 3);
const baselines = priceBaselines(
  observations.map((o) => ({ cu: o.cu ?? '', unitPriceCents: o.unitPriceCents ?? 0 })),
);
const { model, calibrationScores, calibrationIds } = trainRiskModel(observations, baselines, {
  trees: 25,
  seed: 7,
});
const text = serializeRiskModel(model);

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The serialised model as JSON with `change` applied, as text again. */
function edited(change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
}

describe('trainRiskModel', () => {
  it('refuses fewer than 50 observations and says how many there are', () => {
    const error = thrown(() => trainRiskModel(observations.slice(0, 49), baselines));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe('a risk model needs at least 50 changes to learn from; 49 are stored');
  });

  it('records the feature layout, training window, sample count and seed', () => {
    expect(model.featureNames).toEqual([...FEATURE_NAMES]);
    expect(model.forest.featureCount).toBe(FEATURE_NAMES.length);
    expect(model.trainedFrom).toBe(observations[0]!.changedAt);
    expect(model.trainedTo).toBe(observations[79]!.changedAt);
    expect(model.sampleCount).toBe(80);
    expect(model.seed).toBe(7);
    expect(model.calibration.featureMedians).toHaveLength(FEATURE_NAMES.length);
  });

  it('calibrates on every training change when there are few, in change order', () => {
    expect(calibrationIds).toEqual(inChangeOrder(observations).map((o) => o.changeId));
    const rows = featureMatrix(inChangeOrder(observations), baselines);
    expect(calibrationScores).toEqual(rows.map((row) => modelAnomalyScore(model, row)));
    expect(model.calibration.quantiles).toEqual([...calibrationScores].sort((a, b) => a - b));
  });

  it('trains the same model from the same observations in any order and the same seed', () => {
    const shuffled = [...observations].reverse();
    expect(serializeRiskModel(trainRiskModel(shuffled, baselines, { trees: 25, seed: 7 }).model)).toBe(text);
    expect(
      serializeRiskModel(trainRiskModel(observations, baselines, { trees: 25, seed: 8 }).model),
    ).not.toBe(text);
  });
});

describe('serializeRiskModel and parseRiskModel', () => {
  it('reload a model that scores every training change exactly as before', () => {
    const reloaded = parseRiskModel(text);
    const rows = featureMatrix(inChangeOrder(observations), baselines);
    for (const row of rows) expect(modelAnomalyScore(reloaded, row)).toBe(modelAnomalyScore(model, row));
    expect(reloaded.baselines).toEqual(model.baselines);
    expect(serializeRiskModel(reloaded)).toBe(text);
  });

  it.each([
    ['text that is not JSON', () => 'not json', 'Invalid risk model: not JSON'],
    ['JSON that is not an object', () => 'null', 'Invalid risk model: expected a JSON object'],
    [
      'another format',
      () => edited((json) => (json['format'] = 'ledgerline.isolation-forest')),
      'Invalid risk model: format must be "ledgerline.risk-model"',
    ],
    [
      'another version',
      () => edited((json) => (json['version'] = 2)),
      'Invalid risk model: version 2 is not supported',
    ],
    [
      'another feature list',
      () => edited((json) => (json['featureNames'] = [...FEATURE_NAMES].reverse())),
      'Invalid risk model: its features are not the ones this version computes',
    ],
    [
      'a malformed calibration',
      () =>
        edited(
          (json) => (json['calibration'] = { quantiles: [0.5], meanAttribution: 'x', featureMedians: [] }),
        ),
      'Invalid risk model: calibration is missing or malformed',
    ],
    [
      'baselines that are not a list',
      () => edited((json) => (json['baselines'] = {})),
      'Invalid risk model: baselines must be a list',
    ],
    [
      'a baseline without a median',
      () => edited((json) => (json['baselines'] = [['ALB-6-AUR1', { madCents: 1, rows: 3 }]])),
      'Invalid risk model: a price baseline is malformed',
    ],
    [
      'a baseline with a text median',
      () =>
        edited(
          (json) => (json['baselines'] = [['ALB-6-AUR1', { medianCents: '45.95', madCents: 1, rows: 3 }]]),
        ),
      'Invalid risk model: a price baseline is malformed',
    ],
    [
      'a training window that is not an instant',
      () => edited((json) => (json['trainedFrom'] = 'last week')),
      'Invalid risk model: trainedFrom must be an instant',
    ],
  ])('refuse %s, naming the problem', (_name, build, message) => {
    const error = thrown(() => parseRiskModel(build()));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(message);
  });

  it('refuses a baseline entry that is not a pair', () => {
    for (const entry of [null, 5]) {
      const error = thrown(() => parseRiskModel(edited((json) => (json['baselines'] = [entry]))));
      expect(error.message).toBe('Invalid risk model: a price baseline is malformed');
    }
  });
});

describe('inChangeOrder', () => {
  it('sorts by instant, then by change id, without touching its input', () => {
    const late = buildChangeObservation({ changeId: 'a', changedAt: '2025-08-15T16:00:00.000Z' });
    const sameInstantB = buildChangeObservation({ changeId: 'b', changedAt: '2025-08-15T15:00:00.000Z' });
    // The same instant written with an offset.
    const sameInstantA = buildChangeObservation({ changeId: 'a', changedAt: '2025-08-15T10:00:00-05:00' });
    const input = [late, sameInstantB, sameInstantA];
    expect(inChangeOrder(input)).toEqual([sameInstantA, sameInstantB, late]);
    expect(input).toEqual([late, sameInstantB, sameInstantA]);
  });
});
