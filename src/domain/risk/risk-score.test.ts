import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anomalySignal,
  DEFAULT_RISK_WEIGHTS,
  editorSignal,
  riskScore,
  riskWeightsProblem,
  ruleSignal,
} from './risk-score.js';
import type { RiskSignals } from './risk-score.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const weights = fc.record({ rules: unit, anomaly: unit, editor: unit });
const signals = fc.record({ rules: unit, anomaly: fc.option(unit, { nil: null }), editor: unit });

describe('riskScore', () => {
  it('stays in [0, 1] for any signals and weights in [0, 1]', () => {
    fc.assert(
      fc.property(signals, weights, (s, w) => {
        const { score } = riskScore(s, w);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never falls when any one signal rises', () => {
    fc.assert(
      fc.property(
        signals,
        weights,
        fc.constantFrom<keyof RiskSignals>('rules', 'anomaly', 'editor'),
        unit,
        unit,
        (s, w, name, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(riskScore({ ...s, [name]: low }, w).score).toBeLessThanOrEqual(
            riskScore({ ...s, [name]: high }, w).score,
          );
        },
      ),
    );
  });

  it('scores a cold start (no anomaly signal) like an anomaly of 0', () => {
    const coldStart = riskScore({ rules: 0.85, anomaly: null, editor: 0.5 });
    expect(coldStart).toEqual(riskScore({ rules: 0.85, anomaly: 0, editor: 0.5 }));
    // 1 − (1 − 0.9·0.85)(1 − 0.3·0.5)
    expect(coldStart.score).toBeCloseTo(1 - (1 - 0.765) * (1 - 0.15), 12);
  });

  it('lets each signal alone reach its weight and combines them as a noisy OR', () => {
    expect(riskScore({ rules: 1, anomaly: 0, editor: 0 }).score).toBeCloseTo(0.9, 12);
    expect(riskScore({ rules: 0, anomaly: 1, editor: 0 }).score).toBeCloseTo(0.8, 12);
    expect(riskScore({ rules: 1, anomaly: 1, editor: 1 })).toEqual({
      score: expect.closeTo(1 - 0.1 * 0.2 * 0.7, 12) as number,
      contributions: { rules: 0.9, anomaly: 0.8, editor: 0.3 },
    });
    expect(riskScore({ rules: 0, anomaly: 0, editor: 0 }).score).toBe(0);
  });
});

describe('the signals', () => {
  it.each([
    [{ lacksCorrectPermission: true, inactiveAccount: false, accessReviewOverdue: null }, 0.5],
    [{ lacksCorrectPermission: false, inactiveAccount: true, accessReviewOverdue: false }, 0.3],
    [{ lacksCorrectPermission: false, inactiveAccount: false, accessReviewOverdue: true }, 0.2],
    [{ lacksCorrectPermission: true, inactiveAccount: true, accessReviewOverdue: true }, 1],
    [{ lacksCorrectPermission: false, inactiveAccount: false, accessReviewOverdue: null }, 0],
  ])('editorSignal(%j) is %s', (context, expected) => {
    expect(editorSignal(context)).toBeCloseTo(expected, 12);
  });

  it('raises the anomaly percentile to the 10th power, clamped to [0, 1]', () => {
    expect(anomalySignal(0.99)).toBeCloseTo(0.904, 3);
    expect(anomalySignal(0.95)).toBeCloseTo(0.599, 3);
    expect(anomalySignal(0.5)).toBeLessThan(0.001);
    expect(anomalySignal(1.5)).toBe(1);
    expect(anomalySignal(-0.2)).toBe(0);
  });

  it('takes the rule signal from the most severe finding, 0 without one', () => {
    expect(ruleSignal(null)).toBe(0);
    expect(ruleSignal('CRITICAL')).toBe(1);
    expect(ruleSignal('LOW')).toBe(0.45);
    expect(ruleSignal('INFO')).toBeLessThan(ruleSignal('LOW'));
  });
});

describe('riskWeightsProblem', () => {
  it('accepts the defaults and the bounds 0 and 1', () => {
    expect(riskWeightsProblem(DEFAULT_RISK_WEIGHTS)).toBeUndefined();
    expect(riskWeightsProblem({ rules: 0, anomaly: 1, editor: 0 })).toBeUndefined();
  });

  it.each([
    [{ rules: 0.9, anomaly: 1.5, editor: 0.3 }, 'risk weight anomaly must be a number from 0 to 1 (got 1.5)'],
    [{ rules: -0.1, anomaly: 0.8, editor: 0.3 }, 'risk weight rules must be a number from 0 to 1 (got -0.1)'],
    [
      { rules: 0.9, anomaly: 0.8, editor: Number.NaN },
      'risk weight editor must be a number from 0 to 1 (got NaN)',
    ],
  ])('names the weight out of range in %j', (w, message) => {
    expect(riskWeightsProblem(w)).toBe(message);
  });
});
