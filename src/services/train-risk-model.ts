// `ledgerline model train` and the weekly retraining (issue #8): learn an Isolation Forest from the
// stored changes of the training window, with CU price baselines from the stored rows, measure it,
// and store it as the next model version. Scoring picks up the newest model at the next run.
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { JsonObject } from '../domain/audit-chain.js';
import type { ChangeObservation } from '../domain/risk/change-observation.js';
import { priceBaselines } from '../domain/risk/price-baselines.js';
import { rocAuc } from '../domain/risk/ranking-metrics.js';
import { inChangeOrder, serializeRiskModel, trainRiskModel } from '../domain/risk/risk-model.js';
import type { RiskModel, RiskModelTraining } from '../domain/risk/risk-model.js';
import { unitPricesOf } from '../domain/risk/snapshot-unit-prices.js';
import type { RiskModelRecord, RiskStore } from '../ports/risk-store.js';
import type { SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import { latestVerdicts } from './flag-risky-changes.js';
import { storedChanges } from './score-changes.js';

export interface TrainingOptions extends RiskModelTraining {
  readonly now: Date;
  /** Changes older than this many days before `now` are left out. */
  readonly windowDays: number;
  /** Fewer changes than this in the window: no model (stays or becomes a cold start). */
  readonly minChanges: number;
}

export type TrainingOutcome =
  | { readonly trained: true; readonly record: RiskModelRecord; readonly model: RiskModel }
  | {
      readonly trained: false;
      readonly changes: number;
      readonly minChanges: number;
      readonly reason: string;
    };

const DAY_MS = 86_400_000;

export async function trainAndStoreRiskModel(
  deps: { risk: RiskStore; sheets: SheetStore; snapshots: SnapshotStore; now: () => Date },
  options: TrainingOptions,
): Promise<TrainingOutcome> {
  const began = deps.now().getTime();
  const from = new Date(options.now.getTime() - options.windowDays * DAY_MS).toISOString();
  const observations: ChangeObservation[] = [];
  for await (const change of storedChanges(deps.risk, {
    changedFrom: from,
    changedTo: options.now.toISOString(),
  })) {
    observations.push(change.observation);
  }
  if (observations.length < options.minChanges) {
    return {
      trained: false,
      changes: observations.length,
      minChanges: options.minChanges,
      reason: `${observations.length} changes in the last ${options.windowDays} days; a model needs ${options.minChanges} — risk stays on rules alone (cold start)`,
    };
  }
  const rows = [];
  for (const sheet of await deps.sheets.listSheets({ role: 'source' })) {
    for (const snapshot of await deps.snapshots.listSnapshots(sheet.id)) rows.push(snapshot.values);
  }
  const baselines = priceBaselines(unitPricesOf(rows));
  const ordered = inChangeOrder(observations);
  const { model, calibrationScores, calibrationIds } = trainRiskModel(ordered, baselines, options);
  const previous = await deps.risk.listModels({ limit: 1 });
  const version = previous.length === 0 ? 1 : Number(/^v(\d+)$/.exec(previous[0]!.id)?.[1] ?? 0) + 1;
  if (version === 1 && previous.length > 0) {
    throw new AppError(ErrorCode.INTERNAL, `stored model id ${previous[0]!.id} is not of the form v<N>`);
  }
  const sorted = [...calibrationScores].sort((a, b) => a - b);
  const quantile = (q: number) =>
    Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 10_000) / 10_000;
  const record: RiskModelRecord = {
    id: `v${version}`,
    createdAt: options.now.toISOString(),
    trainedFrom: model.trainedFrom,
    trainedTo: model.trainedTo,
    sampleCount: model.sampleCount,
    parameters: serializeRiskModel(model),
    metrics: {
      trainingMs: deps.now().getTime() - began,
      windowDays: options.windowDays,
      trees: model.forest.trees.length,
      sampleSize: model.forest.sampleSize,
      seed: model.seed,
      priceBaselines: baselines.size,
      scoreQuantiles: { p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), max: quantile(1) },
      verdicts: verdictFit(await deps.risk.listVerdicts(), calibrationIds, calibrationScores),
    },
  };
  await deps.risk.saveModel(record);
  return { trained: true, record, model };
}

/**
 * How the new model's scores order the changes auditors have judged: ROC-AUC of the anomaly score
 * with "confirmed" as positive, over the judged changes of the calibration sample (every change up
 * to 20,000), when verdicts of both kinds are among them.
 */
function verdictFit(
  verdicts: Parameters<typeof latestVerdicts>[0],
  ids: readonly string[],
  scores: readonly number[],
): JsonObject {
  const latest = latestVerdicts(verdicts);
  const judged = ids.flatMap((id, i) => {
    const v = latest.get(id);
    return v ? [{ score: scores[i]!, positive: v.verdict === 'confirmed' }] : [];
  });
  const confirmed = judged.filter((j) => j.positive).length;
  const auc = rocAuc(judged);
  return {
    judged: judged.length,
    confirmed,
    falseAlarms: judged.length - confirmed,
    anomalyRocAuc: Number.isNaN(auc) ? null : Math.round(auc * 10_000) / 10_000,
  };
}
