// The risk score of a change (billing-domain.md §3.5): rule severity, anomaly and editor context
// combined as a "noisy OR" — 1 − Π(1 − wᵢ·xᵢ) — so each signal alone can raise the risk up to its
// weight, several together raise it further, and the result stays in [0, 1] without a cap.
import type { AuditSeverity } from '../audit-chain.js';

/** How much each signal can contribute at most; configuration (LEDGERLINE_RISK_WEIGHTS). */
export interface RiskWeights {
  readonly rules: number;
  readonly anomaly: number;
  readonly editor: number;
}

export const DEFAULT_RISK_WEIGHTS: RiskWeights = { rules: 0.9, anomaly: 0.8, editor: 0.3 };

/** How strongly each severity counts as evidence; a change no rule fired on counts 0. */
export const SEVERITY_EVIDENCE: Readonly<Record<AuditSeverity, number>> = {
  CRITICAL: 1,
  HIGH: 0.85,
  MEDIUM: 0.65,
  LOW: 0.45,
  INFO: 0.1,
};

/**
 * The anomaly signal is the model's percentile raised to this power: rarer than 99 % of training
 * changes gives 0.90, 95 % gives 0.60, 90 % only 0.35 — the top few percent stand out, the bulk of
 * ordinary work contributes almost nothing.
 */
export const ANOMALY_PERCENTILE_POWER = 10;

/** What the editor's situation says, as far as Ledgerline knows it. */
export interface EditorContext {
  /** The editor does not hold `billing.correct`. */
  readonly lacksCorrectPermission: boolean;
  /** No change by the editor in the 90 days before this one (a dormant account woken up). */
  readonly inactiveAccount: boolean;
  /** The editor's last access review is overdue; null when no review is on record. */
  readonly accessReviewOverdue: boolean | null;
}

const EDITOR_PARTS = { lacksCorrectPermission: 0.5, inactiveAccount: 0.3, accessReviewOverdue: 0.2 } as const;

/** The editor signal in [0, 1]: a weighted share of the listed concerns that hold. */
export function editorSignal(context: EditorContext): number {
  return (
    (context.lacksCorrectPermission ? EDITOR_PARTS.lacksCorrectPermission : 0) +
    (context.inactiveAccount ? EDITOR_PARTS.inactiveAccount : 0) +
    (context.accessReviewOverdue === true ? EDITOR_PARTS.accessReviewOverdue : 0)
  );
}

/** The three signals, each in [0, 1]. `anomaly` is null in a cold start (no model yet). */
export interface RiskSignals {
  readonly rules: number;
  readonly anomaly: number | null;
  readonly editor: number;
}

/** A risk score and what each signal added before combining (weight × signal). */
export interface RiskScore {
  readonly score: number;
  readonly contributions: { readonly rules: number; readonly anomaly: number; readonly editor: number };
}

/** The rule signal of a change: the evidence of its most severe finding (0 without findings). */
export function ruleSignal(maxSeverity: AuditSeverity | null): number {
  return maxSeverity === null ? 0 : SEVERITY_EVIDENCE[maxSeverity];
}

/** The anomaly signal from the model's percentile (see ANOMALY_PERCENTILE_POWER). */
export function anomalySignal(percentile: number): number {
  return Math.min(1, Math.max(0, percentile)) ** ANOMALY_PERCENTILE_POWER;
}

/** Combines the signals: 1 − (1 − wr·r)(1 − wa·a)(1 − we·e). A cold start counts the anomaly as 0. */
export function riskScore(signals: RiskSignals, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskScore {
  const rules = weights.rules * signals.rules;
  const anomaly = weights.anomaly * (signals.anomaly ?? 0);
  const editor = weights.editor * signals.editor;
  const score = 1 - (1 - rules) * (1 - anomaly) * (1 - editor);
  return { score: Math.min(1, Math.max(0, score)), contributions: { rules, anomaly, editor } };
}

/** Checks weights are each in [0, 1]; returns the problem, or undefined when they are fine. */
export function riskWeightsProblem(weights: RiskWeights): string | undefined {
  for (const [name, value] of Object.entries(weights)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      return `risk weight ${name} must be a number from 0 to 1 (got ${String(value)})`;
    }
  }
  return undefined;
}
