import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../audit-chain.js';
import type { ChangeObservation } from './change-observation.js';
import { withLateRule } from './late-rule-finding.js';
import { DEFAULT_RISK_WEIGHTS } from './risk-score.js';
import { buildChangeObservation } from './testing/build-change-observation.js';

/** A scored change as stored: its observation, risk, category and explanation. */
function scored(observation: ChangeObservation, contributions: JsonObject) {
  return {
    observation,
    riskScore: 0.3,
    category: 'correction',
    explanation: { changeId: observation.changeId, modelId: 'model-1', contributions, score: 0.3 },
  };
}

describe('withLateRule', () => {
  it("adds the rule and recombines the risk with the severity's evidence, keeping anomaly and editor", () => {
    const change = scored(buildChangeObservation(), { rules: 0, anomaly: 0.2, editor: 0.15 });

    const rescored = withLateRule(change, 'DUPLICATE_UNIT', 'MEDIUM', DEFAULT_RISK_WEIGHTS);

    // rules 0.9 × 0.65 = 0.585; 1 − 0.415 × 0.8 × 0.85 = 0.7178.
    expect(rescored.riskScore).toBe(0.7178);
    expect(rescored.observation.rules).toEqual(['DUPLICATE_UNIT']);
    expect(rescored.observation.maxSeverity).toBe('MEDIUM');
    expect(rescored.explanation).toMatchObject({
      changeId: change.observation.changeId,
      modelId: 'model-1',
      score: 0.7178,
      rules: ['DUPLICATE_UNIT'],
      contributions: { rules: 0.585, anomaly: 0.2, editor: 0.15 },
      lateRules: ['DUPLICATE_UNIT'],
    });
    // An otherwise ordinary change now risky enough to be a suspicious override.
    expect(rescored.category).toBe('suspicious_override');
    expect(rescored.explanation['category']).toBe('suspicious_override');
    expect(change.observation.rules).toEqual([]);
  });

  it('keeps a more severe finding the change already had as its rule signal', () => {
    const change = scored(buildChangeObservation({ rules: ['POST_CLOSE_EDIT'], maxSeverity: 'HIGH' }), {
      rules: 0.765,
      anomaly: 0,
      editor: 0,
    });
    const rescored = withLateRule(change, 'DUPLICATE_UNIT', 'LOW', DEFAULT_RISK_WEIGHTS);
    expect(rescored.observation.rules).toEqual(['POST_CLOSE_EDIT', 'DUPLICATE_UNIT']);
    expect(rescored.observation.maxSeverity).toBe('HIGH');
    expect(rescored.riskScore).toBe(0.765);
  });

  it('counts missing stored contributions as 0', () => {
    const change = { ...scored(buildChangeObservation(), {}), explanation: {} };
    expect(withLateRule(change, 'DUPLICATE_UNIT', 'CRITICAL', DEFAULT_RISK_WEIGHTS).riskScore).toBe(0.9);
  });

  it('records every late rule, in the order they fired', () => {
    const change = scored(buildChangeObservation(), { rules: 0, anomaly: 0, editor: 0 });
    const once = withLateRule(change, 'DUPLICATE_UNIT', 'LOW', DEFAULT_RISK_WEIGHTS);
    const twice = withLateRule(once, 'OTHER_STATE_RULE', 'HIGH', DEFAULT_RISK_WEIGHTS);
    expect(twice.explanation['lateRules']).toEqual(['DUPLICATE_UNIT', 'OTHER_STATE_RULE']);
    expect(twice.observation.maxSeverity).toBe('HIGH');
  });

  it('returns the change unchanged when it already has the rule', () => {
    const change = scored(buildChangeObservation({ rules: ['DUPLICATE_UNIT'], maxSeverity: 'LOW' }), {
      rules: 0.405,
      anomaly: 0,
      editor: 0,
    });
    expect(withLateRule(change, 'DUPLICATE_UNIT', 'CRITICAL', DEFAULT_RISK_WEIGHTS)).toBe(change);
  });
});
