// One change assessed: anomaly score, risk score, predicted category and the explanation stored
// with its events (billing-domain.md §3.5, "every score is explainable").
import type { AuditEventRecord, JsonObject } from '../audit-chain.js';
import { pathAttribution } from '../anomaly/path-attribution.js';
import type { ChangeObservation } from './change-observation.js';
import { FEATURE_LABELS, FEATURE_NAMES, changeFeatures } from './change-features.js';
import type { EditorHistory } from './editor-history.js';
import { predictCategory } from './predicted-category.js';
import type { PredictedCategory } from './predicted-category.js';
import type { PriceBaselines } from './price-baselines.js';
import { anomalySignal, editorSignal, riskScore, ruleSignal } from './risk-score.js';
import type { EditorContext, RiskWeights } from './risk-score.js';
import { modelAnomalyScore } from './risk-model.js';
import type { RiskModel } from './risk-model.js';
import { scorePercentile } from './score-calibration.js';

/** A feature that set the change apart: its value, the training median and its excess credit. */
export interface FeatureContribution {
  readonly feature: string;
  readonly label: string;
  readonly value: number;
  readonly typical: number;
  /** Path credit above the training average (see path-attribution). */
  readonly excess: number;
}

export interface ChangeAssessment {
  readonly changeId: string;
  readonly features: readonly number[];
  /** Raw Isolation Forest score in [0, 1]; null in a cold start. */
  readonly anomalyScore: number | null;
  /** Share of training changes that scored lower; null in a cold start. */
  readonly anomalyPercentile: number | null;
  readonly riskScore: number;
  readonly contributions: { readonly rules: number; readonly anomaly: number; readonly editor: number };
  readonly editorContext: EditorContext;
  readonly category: PredictedCategory;
  readonly categoryReasons: readonly string[];
  readonly topFeatures: readonly FeatureContribution[];
  readonly rules: readonly string[];
  /** No trained model scored the change; its risk rests on rules and editor context. */
  readonly coldStart: boolean;
  readonly modelId: string | null;
}

/** What assessing needs besides the changes. */
export interface AssessmentContext {
  /** The active model and its id; undefined in a cold start. */
  readonly model?: { readonly id: string; readonly model: RiskModel } | undefined;
  /** Every prior change plus the ones being assessed (answers are "strictly before"). */
  readonly history: EditorHistory;
  /** Used for features when there is no model; a model brings its own. */
  readonly baselines: PriceBaselines;
  readonly weights: RiskWeights;
  /** Emails whose last access review is overdue; undefined when reviews are not tracked. */
  readonly reviewOverdue?: ReadonlySet<string> | undefined;
}

const INACTIVE_DAYS = 90;
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

function topFeatures(model: RiskModel, features: readonly number[], count = 3): FeatureContribution[] {
  const credit = pathAttribution(model.forest, features);
  return FEATURE_NAMES.map((name, f) => ({
    feature: name,
    label: FEATURE_LABELS[name],
    value: round(features[f] as number),
    typical: round(model.calibration.featureMedians[f] ?? 0),
    excess: round((credit[f] as number) - (model.calibration.meanAttribution[f] ?? 0)),
  }))
    .filter((c) => c.excess > 0)
    .sort((a, b) => b.excess - a.excess || a.feature.localeCompare(b.feature))
    .slice(0, count);
}

/** Assesses one observed change. */
export function assessChange(observation: ChangeObservation, context: AssessmentContext): ChangeAssessment {
  const active = context.model;
  const baselines = active ? active.model.baselines : context.baselines;
  const features = changeFeatures(observation, context.history, baselines);
  const past = context.history.standingAt(
    observation.editor,
    observation.sheetId,
    Date.parse(observation.changedAt),
  );
  const editorContext: EditorContext = {
    lacksCorrectPermission: !observation.editorCorrector,
    inactiveAccount: past.daysSincePrevious !== null && past.daysSincePrevious > INACTIVE_DAYS,
    accessReviewOverdue:
      context.reviewOverdue === undefined || observation.editor === null
        ? null
        : context.reviewOverdue.has(observation.editor),
  };
  const score = active ? modelAnomalyScore(active.model, features) : null;
  const percentile = active && score !== null ? scorePercentile(active.model.calibration, score) : null;
  const risk = riskScore(
    {
      rules: ruleSignal(observation.maxSeverity),
      anomaly: percentile === null ? null : anomalySignal(percentile),
      editor: editorSignal(editorContext),
    },
    context.weights,
  );
  const category = predictCategory(observation, risk.score);
  return {
    changeId: observation.changeId,
    features,
    anomalyScore: score === null ? null : round(score),
    anomalyPercentile: percentile === null ? null : round(percentile),
    riskScore: round(risk.score),
    contributions: {
      rules: round(risk.contributions.rules),
      anomaly: round(risk.contributions.anomaly),
      editor: round(risk.contributions.editor),
    },
    editorContext,
    category: category.category,
    categoryReasons: category.reasons,
    topFeatures: active ? topFeatures(active.model, features) : [],
    rules: observation.rules,
    coldStart: !active,
    modelId: active?.id ?? null,
  };
}

/** The explanation kept in an event's details (`details.risk`). */
export function explanationOf(assessment: ChangeAssessment, weights: RiskWeights): JsonObject {
  return {
    changeId: assessment.changeId,
    score: assessment.riskScore,
    anomalyScore: assessment.anomalyScore,
    anomalyPercentile: assessment.anomalyPercentile,
    weights: { ...weights },
    contributions: { ...assessment.contributions },
    editorContext: { ...assessment.editorContext },
    rules: [...assessment.rules],
    topFeatures: assessment.topFeatures.map((f) => ({ ...f })),
    category: assessment.category,
    categoryReasons: [...assessment.categoryReasons],
    coldStart: assessment.coldStart,
    modelId: assessment.modelId,
  };
}

/** An event with the scores of its change filled in (events are scored before they are chained). */
export function withAssessment(
  event: AuditEventRecord,
  assessment: ChangeAssessment,
  weights: RiskWeights,
): AuditEventRecord {
  return {
    ...event,
    riskScore: assessment.riskScore,
    anomalyScore: assessment.anomalyScore,
    predictedCategory: assessment.category,
    details: { ...event.details, coldStart: assessment.coldStart, risk: explanationOf(assessment, weights) },
  };
}
