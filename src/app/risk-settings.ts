// Risk scoring settings from Config (LEDGERLINE_RISK_* and LEDGERLINE_MODEL_* keys).
import type { Config } from '../config/index.js';
import type { RiskSettings } from '../services/score-changes.js';

/** An editor's history reaches back 90 days: long enough for "usual volume", short enough to load each run. */
export const EDITOR_HISTORY_DAYS = 90;

export function riskSettingsFor(config: Config): RiskSettings {
  return {
    weights: config.risk.weights,
    budget: { maxFlags: config.risk.alertBudget, minRisk: config.risk.flagMinRisk },
    minTrainingChanges: config.risk.modelMinChanges,
    historyDays: EDITOR_HISTORY_DAYS,
    trainingWindowDays: config.risk.trainingWindowDays,
  };
}
