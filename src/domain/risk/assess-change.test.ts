import { describe, expect, it } from 'vitest';
import { auditEventsFor } from '../audit/audit-event.js';
import { findingsFor } from '../audit/findings-for-change.js';
import { buildAuditContext, buildCellChange } from '../audit/testing/build-attributed-change.js';
import { assessChange, explanationOf, withAssessment } from './assess-change.js';
import type { AssessmentContext } from './assess-change.js';
import { activityOf, FEATURE_NAMES } from './change-features.js';
import type { ChangeObservation } from './change-observation.js';
import { EditorHistory } from './editor-history.js';
import { priceBaselines } from './price-baselines.js';
import { trainRiskModel } from './risk-model.js';
import { DEFAULT_RISK_WEIGHTS } from './risk-score.js';
import { buildChangeObservation, buildOrdinaryObservations } from './testing/build-change-observation.js';

const training = buildOrdinaryObservations(200, 11);
const baselines = priceBaselines(
  training.map((o) => ({ cu: o.cu ?? '', unitPriceCents: o.unitPriceCents ?? 0 })),
);
const { model } = trainRiskModel(training, baselines, { trees: 50, seed: 11 });

/** A context over `training` plus `assessed`, with the model unless `coldStart`. */
function contextFor(
  assessed: readonly ChangeObservation[],
  options: Partial<AssessmentContext> = {},
): AssessmentContext {
  return {
    model: { id: 'model-1', model },
    history: new EditorHistory([...training, ...assessed].map(activityOf)),
    baselines: new Map(),
    weights: DEFAULT_RISK_WEIGHTS,
    ...options,
  };
}

describe('assessChange in a cold start', () => {
  it('scores from the rules and the editor alone, with no anomaly and no top features', () => {
    const o = buildChangeObservation({
      maxSeverity: 'HIGH',
      rules: ['POST_CLOSE_EDIT'],
      hoursAfterClose: 10,
    });
    const assessment = assessChange(o, contextFor([o], { model: undefined }));
    expect(assessment).toMatchObject({
      changeId: o.changeId,
      anomalyScore: null,
      anomalyPercentile: null,
      coldStart: true,
      modelId: null,
      topFeatures: [],
      // rules 0.9 × 0.85; editor 0.3 × 0.5 for lacking billing.correct.
      contributions: { rules: 0.765, anomaly: 0, editor: 0.15 },
      category: 'suspicious_override',
    });
    expect(assessment.riskScore).toBeCloseTo(1 - (1 - 0.765) * (1 - 0.15), 4);
    expect(assessment.features).toHaveLength(FEATURE_NAMES.length);
  });

  it('counts an editor back after more than 90 days as an inactive account', () => {
    const earlier = buildChangeObservation({
      changedAt: '2025-05-01T15:00:00.000Z',
      editor: 'kim@example.com',
    });
    const o = buildChangeObservation({ editor: 'kim@example.com', editorCorrector: true });
    const assessment = assessChange(o, contextFor([earlier, o], { model: undefined }));
    expect(assessment.editorContext).toEqual({
      lacksCorrectPermission: false,
      inactiveAccount: true,
      accessReviewOverdue: null,
    });
    expect(assessment.contributions.editor).toBeCloseTo(0.09, 4);
  });

  it('reads an overdue access review only when reviews are tracked and the editor is known', () => {
    const o = buildChangeObservation({ editor: 'jane@example.com' });
    const overdue = new Set(['jane@example.com']);
    const review = (observation: ChangeObservation, reviewOverdue?: ReadonlySet<string>) =>
      assessChange(observation, contextFor([observation], { model: undefined, reviewOverdue })).editorContext
        .accessReviewOverdue;
    expect(review(o, overdue)).toBe(true);
    expect(review(o, new Set())).toBe(false);
    expect(review(o)).toBeNull();
    expect(review(buildChangeObservation({ editor: null }), overdue)).toBeNull();
  });
});

describe('assessChange with a trained model', () => {
  it('scores an ordinary change with a percentile in [0, 1] and at most three positive top features', () => {
    const o = training[150]!;
    const assessment = assessChange(o, contextFor([]));
    expect(assessment.coldStart).toBe(false);
    expect(assessment.modelId).toBe('model-1');
    expect(assessment.anomalyScore).toBeGreaterThan(0);
    expect(assessment.anomalyScore).toBeLessThan(1);
    expect(assessment.anomalyPercentile).toBeGreaterThanOrEqual(0);
    expect(assessment.anomalyPercentile).toBeLessThanOrEqual(1);
    expect(assessment.topFeatures.length).toBeLessThanOrEqual(3);
    for (const f of assessment.topFeatures) expect(f.excess).toBeGreaterThan(0);
  });

  it('ranks a huge change as rarer than ordinary work, naming the features that set it apart', () => {
    const o = buildChangeObservation({
      changedAt: '2025-09-01T03:00:00.000Z',
      localHour: 22,
      localWeekday: 6,
      deltaCents: 5_000_000,
      rowPriceCents: 4_595,
      unitPriceCents: 5_004_595,
      valueRatio: 5_004_595 / 4_595,
      hoursAfterClose: 400,
    });
    const assessment = assessChange(o, contextFor([o]));
    const ordinary = assessChange(training[150]!, contextFor([]));
    const percentile = assessment.anomalyPercentile ?? Number.NaN;
    expect(percentile).toBeGreaterThan(0.9);
    expect(percentile).toBeGreaterThan(ordinary.anomalyPercentile ?? Number.NaN);
    // The anomaly weight 0.8 times the percentile to the 10th power.
    expect(assessment.contributions.anomaly).toBeCloseTo(0.8 * percentile ** 10, 3);
    expect(assessment.topFeatures.length).toBeGreaterThan(0);
    expect(assessment.topFeatures.length).toBeLessThanOrEqual(3);
    const excesses = assessment.topFeatures.map((f) => f.excess);
    expect(excesses).toEqual([...excesses].sort((a, b) => b - a));
    for (const f of assessment.topFeatures) expect(FEATURE_NAMES).toContain(f.feature);
  });

  it("uses the model's own CU baselines, not the context's", () => {
    const o = buildChangeObservation({ cu: 'ALB-6-AUR1', unitPriceCents: 1_000_000 });
    const deviation = assessChange(o, contextFor([o])).features[FEATURE_NAMES.indexOf('unitPriceDeviation')];
    expect(deviation).toBe(20);
  });
});

describe('withAssessment', () => {
  it('fills risk, anomaly and category and adds the explanation, keeping the rest of the event', () => {
    const auditContext = buildAuditContext();
    const change = buildCellChange('price', '$4,595.00');
    const [event] = auditEventsFor(change, findingsFor(change, auditContext), auditContext);
    if (!event) throw new Error('expected an event');
    const o = buildChangeObservation({ maxSeverity: event.severity, rules: [event.violationType] });
    const assessment = assessChange(o, contextFor([o]));

    const scored = withAssessment(event, assessment, DEFAULT_RISK_WEIGHTS);

    expect(scored).toEqual({
      ...event,
      riskScore: assessment.riskScore,
      anomalyScore: assessment.anomalyScore,
      predictedCategory: assessment.category,
      details: {
        ...event.details,
        coldStart: false,
        risk: explanationOf(assessment, DEFAULT_RISK_WEIGHTS),
      },
    });
    expect(scored.details['risk']).toMatchObject({
      changeId: o.changeId,
      score: assessment.riskScore,
      weights: { rules: 0.9, anomaly: 0.8, editor: 0.3 },
      modelId: 'model-1',
      coldStart: false,
    });
    expect(event.riskScore).toBeNull();
  });
});
