// Measures risk scoring on the emulator's labelled simulations (issue #8): history is built from
// simulated work audited in a cold start, a model is trained on it, then a simulation with a
// different random seed is audited and every labelled edit is matched to the change Ledgerline
// scored. Shared by the acceptance test and bench/risk-evaluation.ts.
import { simulateEdits } from '../../emulator/simulator/simulate-edits.js';
import type { GroundTruthLabel } from '../../emulator/simulator/ground-truth-label.js';
import { ruleSignal } from '../../src/domain/risk/risk-score.js';
import { precisionAtK, prAuc, recallAtFpr, rocAuc } from '../../src/domain/risk/ranking-metrics.js';
import type { Labelled } from '../../src/domain/risk/ranking-metrics.js';
import type { ScoredChange } from '../../src/ports/risk-store.js';
import { trainAndStoreRiskModel } from '../../src/services/train-risk-model.js';
import { startCycleHarness, TEST_RISK_SETTINGS } from './report-cycle-harness.js';
import type { CycleHarness } from './report-cycle-harness.js';

export interface EvaluationOptions {
  /** Emulator seed (workspace). */
  seed?: string;
  /** Simulations audited before training, and their size. */
  trainingBatches?: number;
  trainingEditsPerBatch?: number;
  trainingPlantRate?: number;
  /** Random seeds: training batch i uses trainingSeed + i; the evaluation uses evaluationSeed. */
  trainingSeed?: number;
  evaluationSeed?: number;
  evaluationEdits?: number;
  /** The evaluation's edits are split into this many simulations, each audited by its own run. */
  evaluationBatches?: number;
  evaluationPlantRate?: number;
  /** Flags per run for "precision among the top k flags". */
  flagBudget?: number;
}

export interface ScoreFigures {
  rocAuc: number;
  prAuc: number;
  recallAtFpr5: number;
  fprAtThatRecall: number;
  precisionAt50: number;
}

export interface EvaluationReport {
  trainingChanges: number;
  modelId: string;
  trainingMs: number;
  evaluated: { labels: number; planted: number; benign: number; unmatched: number };
  risk: ScoreFigures;
  anomaly: ScoreFigures;
  rulesOnly: ScoreFigures;
  flags: { count: number; planted: number; precision: number };
  byKind: Record<string, { count: number; meanRisk: number; detectedAt5: number }>;
}

function figures(items: readonly Labelled[]): ScoreFigures {
  const recall = recallAtFpr(items, 0.05);
  return {
    rocAuc: rocAuc(items),
    prAuc: prAuc(items),
    recallAtFpr5: recall.recall,
    fprAtThatRecall: recall.fpr,
    precisionAt50: precisionAtK(items, 50),
  };
}

/** The scored change a label describes: same sheet and row, same column (or the row itself). */
function matchLabel(label: GroundTruthLabel, changes: readonly ScoredChange[]): ScoredChange | undefined {
  const onRow = changes.filter(
    (c) => c.observation.sheetId === label.sheetId && c.observation.rowId === label.rowId,
  );
  const rowLevel = (c: ScoredChange) =>
    c.observation.field === 'row-created' || c.observation.field === 'row-deleted';
  const created = label.oldValue === null;
  const deleted = label.newValue === null;
  return (
    (created || deleted ? onRow.find(rowLevel) : undefined) ??
    onRow.find((c) => c.observation.columnName === label.columnTitle) ??
    onRow.find(rowLevel)
  );
}

async function simulate(h: CycleHarness, randomSeed: number, edits: number, plantRate: number) {
  const rounds = Math.max(1, Math.ceil(edits / 40));
  return simulateEdits({
    baseUrl: h.emulator.baseUrl,
    controlUrl: h.emulator.controlUrl,
    seed: h.seed,
    rounds,
    editsPerRound: Math.ceil(edits / rounds),
    randomSeed,
    plantRate,
  });
}

export async function evaluateRiskScoring(options: EvaluationOptions = {}): Promise<EvaluationReport> {
  const h = await startCycleHarness({ seed: options.seed ?? 'small' });
  try {
    // History is gathered in a cold start (no model can be trained until the end of it).
    const coldStart = { ...TEST_RISK_SETTINGS, minTrainingChanges: Number.MAX_SAFE_INTEGER };
    await h.run({ risk: coldStart });
    const trainingSeed = options.trainingSeed ?? 100;
    for (let batch = 0; batch < (options.trainingBatches ?? 6); batch++) {
      await simulate(
        h,
        trainingSeed + batch,
        options.trainingEditsPerBatch ?? 80,
        options.trainingPlantRate ?? 0.05,
      );
      const run = await h.run({ risk: coldStart });
      if (run.status !== 'succeeded') throw new Error(`training run failed: ${run.error ?? run.status}`);
    }
    const trainingChanges = await h.store.risk.countChanges();
    const began = Date.now();
    const trained = await trainAndStoreRiskModel(
      { risk: h.store.risk, sheets: h.store.sheets, snapshots: h.store.snapshots, now: () => new Date() },
      { now: new Date(), windowDays: 3650, minChanges: 50, seed: 7 },
    );
    const trainingMs = Date.now() - began;
    if (!trained.trained) throw new Error(trained.reason);

    // The evaluation is audited as a deployment would be: a run after each batch of work.
    const budget = options.flagBudget ?? 50;
    const labels: GroundTruthLabel[] = [];
    const changes: ScoredChange[] = [];
    // Labels are matched within their own batch: a row edited again in a later batch is another change.
    const matched: { label: GroundTruthLabel; change: ScoredChange | undefined }[] = [];
    const batches = options.evaluationBatches ?? 4;
    const evaluationSeed = options.evaluationSeed ?? 9_001;
    for (let batch = 0; batch < batches; batch++) {
      const simulated = await simulate(
        h,
        evaluationSeed + batch,
        Math.ceil((options.evaluationEdits ?? 320) / batches),
        options.evaluationPlantRate ?? 0.2,
      );
      labels.push(...simulated.labels);
      const run = await h.run({
        risk: { ...TEST_RISK_SETTINGS, budget: { maxFlags: budget, minRisk: 0.5 } },
      });
      if (run.status !== 'succeeded') throw new Error(`evaluation run failed: ${run.error ?? run.status}`);
      const runChanges = await h.store.risk.listChanges({ runId: run.runId, limit: 100_000 });
      changes.push(...runChanges);
      matched.push(...simulated.labels.map((label) => ({ label, change: matchLabel(label, runChanges) })));
    }

    const risk: Labelled[] = [];
    const anomaly: Labelled[] = [];
    const rules: Labelled[] = [];
    const byKind: Record<string, { count: number; total: number; detected: number }> = {};
    let unmatched = 0;
    for (const { label, change } of matched) {
      if (!change) unmatched++;
      const positive = label.planted;
      risk.push({ score: change?.riskScore ?? 0, positive });
      anomaly.push({ score: change?.anomalyScore ?? 0, positive });
      rules.push({ score: ruleSignal(change?.observation.maxSeverity ?? null), positive });
    }
    const threshold = recallAtFpr(risk, 0.05).threshold;
    for (const { label, change } of matched) {
      const k = (byKind[label.kind] ??= { count: 0, total: 0, detected: 0 });
      k.count++;
      k.total += change?.riskScore ?? 0;
      if ((change?.riskScore ?? 0) >= threshold) k.detected++;
    }
    // The top flags across the evaluation runs, by the priority each run ranked them with.
    const flagged = changes
      .filter((c) => c.flagRank !== null)
      .sort((a, b) => (b.flagPriority ?? 0) - (a.flagPriority ?? 0))
      .slice(0, budget);
    const plantedIds = new Set(
      matched.filter((m) => m.label.planted && m.change).map((m) => m.change!.observation.changeId),
    );
    return {
      trainingChanges,
      modelId: trained.record.id,
      trainingMs,
      evaluated: {
        labels: labels.length,
        planted: labels.filter((l) => l.planted).length,
        benign: labels.filter((l) => !l.planted).length,
        unmatched,
      },
      risk: figures(risk),
      anomaly: figures(anomaly),
      rulesOnly: figures(rules),
      flags: {
        count: flagged.length,
        planted: flagged.filter((c) => plantedIds.has(c.observation.changeId)).length,
        precision:
          flagged.length === 0
            ? Number.NaN
            : flagged.filter((c) => plantedIds.has(c.observation.changeId)).length / flagged.length,
      },
      byKind: Object.fromEntries(
        Object.entries(byKind).map(([kind, k]) => [
          kind,
          {
            count: k.count,
            meanRisk: Math.round((k.total / k.count) * 1000) / 1000,
            detectedAt5: k.detected,
          },
        ]),
      ),
    };
  } finally {
    await h.close();
  }
}
