// A rule that judges the state of the sheets rather than one change — DUPLICATE_UNIT, found after
// planning — fires after the change that caused it was scored. Its severity then joins the rule
// signal of that change, and the risk is recombined from the stored contributions, so a copied unit
// ranks like any other rule finding.
import type { AuditSeverity, JsonObject } from '../audit-chain.js';
import { ruleSignal } from './risk-score.js';
import type { RiskWeights } from './risk-score.js';
import { predictCategory } from './predicted-category.js';
import type { ChangeObservation } from './change-observation.js';
import { maxSeverityOf } from './change-observation.js';

export interface Rescored {
  readonly observation: ChangeObservation;
  readonly riskScore: number;
  readonly category: string;
  readonly explanation: JsonObject;
}

function lateRulesOf(explanation: JsonObject): string[] {
  const list = explanation['lateRules'];
  return Array.isArray(list) ? list.filter((code): code is string => typeof code === 'string') : [];
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function contribution(explanation: JsonObject, name: string): number {
  const contributions = explanation['contributions'] as Record<string, unknown> | undefined;
  const value = contributions?.[name];
  return typeof value === 'number' ? value : 0;
}

/** The change with `code` at `severity` added to its rules; unchanged when it already had it. */
export function withLateRule(
  change: { observation: ChangeObservation; riskScore: number; category: string; explanation: JsonObject },
  code: string,
  severity: AuditSeverity,
  weights: RiskWeights,
): Rescored {
  const o = change.observation;
  if (o.rules.includes(code)) return change;
  const maxSeverity = maxSeverityOf([...(o.maxSeverity ? [{ severity: o.maxSeverity }] : []), { severity }]);
  const observation: ChangeObservation = { ...o, rules: [...o.rules, code], maxSeverity };
  const rules = weights.rules * ruleSignal(maxSeverity);
  const anomaly = contribution(change.explanation, 'anomaly');
  const editor = contribution(change.explanation, 'editor');
  const riskScore = round(1 - (1 - rules) * (1 - anomaly) * (1 - editor));
  const category = predictCategory(observation, riskScore);
  return {
    observation,
    riskScore,
    category: category.category,
    explanation: {
      ...change.explanation,
      score: riskScore,
      rules: [...observation.rules],
      contributions: { rules: round(rules), anomaly, editor },
      category: category.category,
      categoryReasons: [...category.reasons],
      lateRules: [...lateRulesOf(change.explanation), code],
    },
  };
}
