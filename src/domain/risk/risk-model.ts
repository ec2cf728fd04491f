// The persisted risk model: the Isolation Forest plus everything needed to score a change exactly
// as training did — the feature layout, the CU price baselines and the calibration of training
// scores — and where it came from (training window, sample count, seed).
import { AppError, ErrorCode } from '../app-error.js';
import { anomalyScore, scoreAll } from '../anomaly/anomaly-score.js';
import { parseModel, serializeModel } from '../anomaly/model-serialization.js';
import { pathAttribution } from '../anomaly/path-attribution.js';
import type { IsolationForestModel } from '../anomaly/isolation-forest-model.js';
import { trainIsolationForest } from '../anomaly/train-isolation-forest.js';
import type { ChangeObservation } from './change-observation.js';
import { FEATURE_NAMES, activityOf, changeFeatures } from './change-features.js';
import { EditorHistory } from './editor-history.js';
import type { PriceBaseline, PriceBaselines } from './price-baselines.js';
import { median } from './price-baselines.js';
import { scoreQuantiles } from './score-calibration.js';
import type { ScoreCalibration } from './score-calibration.js';

export const RISK_MODEL_FORMAT = 'ledgerline.risk-model';
export const RISK_MODEL_VERSION = 1;

export interface RiskModel {
  readonly format: typeof RISK_MODEL_FORMAT;
  readonly version: typeof RISK_MODEL_VERSION;
  readonly featureNames: readonly string[];
  readonly forest: IsolationForestModel;
  readonly baselines: PriceBaselines;
  readonly calibration: ScoreCalibration;
  /** changedAt of the oldest and newest training change. */
  readonly trainedFrom: string;
  readonly trainedTo: string;
  readonly sampleCount: number;
  readonly seed: number;
}

export interface RiskModelTraining {
  readonly trees?: number;
  readonly sampleSize?: number;
  readonly seed?: number;
}

/** Fewer changes than this cannot make a model worth trusting; below it the audit runs on rules. */
export const ABSOLUTE_MIN_TRAINING_CHANGES = 50;

/** Observations in change order (changedAt, then id) so features and training are reproducible. */
export function inChangeOrder(observations: readonly ChangeObservation[]): ChangeObservation[] {
  const keyed = observations.map((o) => ({ o, at: Date.parse(o.changedAt) }));
  keyed.sort(
    (a, b) => a.at - b.at || (a.o.changeId < b.o.changeId ? -1 : a.o.changeId > b.o.changeId ? 1 : 0),
  );
  return keyed.map((k) => k.o);
}

/** At most this many evenly spaced training rows calibrate the scores and explanations. */
const CALIBRATION_ROWS = 20_000;

function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/** The feature matrix of observations, each seen against the history of all of them. */
export function featureMatrix(
  observations: readonly ChangeObservation[],
  baselines: PriceBaselines,
  history = new EditorHistory(observations.map(activityOf)),
): number[][] {
  return observations.map((o) => changeFeatures(o, history, baselines));
}

/**
 * Trains a risk model on observed changes. Also returns the scores of the calibration sample (every
 * change up to 20,000, evenly spaced beyond) and their change ids. Throws AppError INPUT_INVALID when there are fewer
 * than ABSOLUTE_MIN_TRAINING_CHANGES.
 */
export function trainRiskModel(
  observations: readonly ChangeObservation[],
  baselines: PriceBaselines,
  options: RiskModelTraining = {},
): { model: RiskModel; calibrationScores: number[]; calibrationIds: string[] } {
  if (observations.length < ABSOLUTE_MIN_TRAINING_CHANGES) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `a risk model needs at least ${ABSOLUTE_MIN_TRAINING_CHANGES} changes to learn from; ${observations.length} are stored`,
      { hint: 'Let Ledgerline audit more changes first; until then risk comes from the rules alone.' },
    );
  }
  const ordered = inChangeOrder(observations);
  const rows = featureMatrix(ordered, baselines);
  const seed = options.seed ?? 1;
  const forest = trainIsolationForest(rows, {
    trees: options.trees ?? 100,
    sampleSize: options.sampleSize ?? 256,
    seed,
  });
  // Calibration needs the shape of the score distribution, not every score: an evenly spaced
  // sample keeps training time flat as history grows (200,000 changes would double it otherwise).
  const sample = evenlySpaced(
    rows.map((row, index) => ({ row, id: ordered[index]!.changeId })),
    CALIBRATION_ROWS,
  );
  const sampleRows = sample.map((s) => s.row);
  const calibrationScores = scoreAll(forest, sampleRows);
  const calibration: ScoreCalibration = {
    quantiles: scoreQuantiles(calibrationScores),
    meanAttribution: meanAttribution(forest, sampleRows),
    featureMedians: FEATURE_NAMES.map((_, column) => median(sampleRows.map((row) => row[column] as number))),
  };
  return {
    model: {
      format: RISK_MODEL_FORMAT,
      version: RISK_MODEL_VERSION,
      featureNames: [...FEATURE_NAMES],
      forest,
      baselines,
      calibration,
      trainedFrom: ordered[0]!.changedAt,
      trainedTo: ordered[ordered.length - 1]!.changedAt,
      sampleCount: ordered.length,
      seed,
    },
    calibrationScores,
    calibrationIds: sample.map((s) => s.id),
  };
}

// Attribution over every row would cost as much as scoring them all again; an evenly spaced
// sample of up to 2,000 rows estimates the average closely enough for "more than usual".
function meanAttribution(forest: IsolationForestModel, rows: readonly number[][]): number[] {
  const step = Math.max(1, Math.floor(rows.length / 2000));
  const total = new Array<number>(forest.featureCount).fill(0);
  let count = 0;
  for (let i = 0; i < rows.length; i += step) {
    pathAttribution(forest, rows[i]!).forEach((c, f) => (total[f] = (total[f] as number) + c));
    count++;
  }
  return total.map((t) => t / count);
}

/** The raw anomaly score of a feature vector under the model. */
export function modelAnomalyScore(model: RiskModel, features: readonly number[]): number {
  return anomalyScore(model.forest, features);
}

/** The model as JSON text (maps become sorted entry lists so the text is reproducible). */
export function serializeRiskModel(model: RiskModel): string {
  return JSON.stringify({
    ...model,
    forest: JSON.parse(serializeModel(model.forest)) as unknown,
    baselines: [...model.baselines.entries()].sort(([a], [b]) => a.localeCompare(b)),
  });
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, `Invalid risk model: ${message}`, {
    hint: 'Retrain with `ledgerline model train`.',
  });
}

const finiteArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Reads a model written by serializeRiskModel; throws AppError INPUT_INVALID saying what is wrong. */
export function parseRiskModel(text: string): RiskModel {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'Invalid risk model: not JSON', { cause: error });
  }
  if (typeof value !== 'object' || value === null) throw invalid('expected a JSON object');
  if (value['format'] !== RISK_MODEL_FORMAT) throw invalid(`format must be "${RISK_MODEL_FORMAT}"`);
  if (value['version'] !== RISK_MODEL_VERSION)
    throw invalid(`version ${String(value['version'])} is not supported`);
  const names = value['featureNames'];
  if (
    !Array.isArray(names) ||
    names.length !== FEATURE_NAMES.length ||
    names.some((n, i) => n !== FEATURE_NAMES[i])
  ) {
    throw invalid('its features are not the ones this version computes');
  }
  const forest = parseModel(JSON.stringify(value['forest']));
  if (forest.featureCount !== FEATURE_NAMES.length) throw invalid('forest feature count does not match');
  const calibration = value['calibration'] as Record<string, unknown> | undefined;
  if (
    !calibration ||
    !finiteArray(calibration['quantiles']) ||
    !finiteArray(calibration['meanAttribution']) ||
    !finiteArray(calibration['featureMedians'])
  ) {
    throw invalid('calibration is missing or malformed');
  }
  if (
    calibration['meanAttribution'].length !== FEATURE_NAMES.length ||
    calibration['featureMedians'].length !== FEATURE_NAMES.length
  ) {
    throw invalid('calibration does not have one value per feature');
  }
  const entries = value['baselines'];
  if (!Array.isArray(entries)) throw invalid('baselines must be a list');
  const baselines = new Map<string, PriceBaseline>();
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) throw invalid('a price baseline is malformed');
    const [cu, b] = entry as [unknown, Record<string, unknown> | null];
    if (
      typeof cu !== 'string' ||
      typeof b !== 'object' ||
      b === null ||
      !finiteArray([b['medianCents'], b['madCents'], b['rows']])
    ) {
      throw invalid('a price baseline is malformed');
    }
    baselines.set(cu, {
      medianCents: b['medianCents'] as number,
      madCents: b['madCents'] as number,
      rows: b['rows'] as number,
    });
  }
  for (const key of ['trainedFrom', 'trainedTo'] as const) {
    if (typeof value[key] !== 'string' || Number.isNaN(Date.parse(value[key])))
      throw invalid(`${key} must be an instant`);
  }
  if (typeof value['sampleCount'] !== 'number' || typeof value['seed'] !== 'number') {
    throw invalid('sampleCount and seed must be numbers');
  }
  return {
    format: RISK_MODEL_FORMAT,
    version: RISK_MODEL_VERSION,
    featureNames: [...FEATURE_NAMES],
    forest,
    baselines,
    calibration: {
      quantiles: calibration['quantiles'],
      meanAttribution: calibration['meanAttribution'],
      featureMedians: calibration['featureMedians'],
    },
    trainedFrom: value['trainedFrom'] as string,
    trainedTo: value['trainedTo'] as string,
    sampleCount: value['sampleCount'],
    seed: value['seed'],
  };
}
