// Risk scoring during an audit (billing-domain.md §3.5): every watched change is observed, its
// features computed against the editors' history, scored by the active model (or by rules alone in
// a cold start) and stored with its explanation, so the model can later learn from all changes —
// ordinary ones included — and auditors can see why each score is what it is.
import type { ChangeObservation } from '../domain/risk/change-observation.js';
import { assessChange, explanationOf } from '../domain/risk/assess-change.js';
import type { ChangeAssessment } from '../domain/risk/assess-change.js';
import { activityOf } from '../domain/risk/change-features.js';
import { EditorHistory } from '../domain/risk/editor-history.js';
import type { EditorActivity } from '../domain/risk/editor-history.js';
import { flagSignature } from '../domain/risk/flag-ranking.js';
import type { FlagBudget } from '../domain/risk/flag-ranking.js';
import { parseRiskModel } from '../domain/risk/risk-model.js';
import type { RiskModel } from '../domain/risk/risk-model.js';
import type { RiskWeights } from '../domain/risk/risk-score.js';
import { reviewOverdueEditors } from '../domain/access-review/review-overdue-editors.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { RiskModelSummary, RiskStore, ScoredChange, ScoredChangeFilter } from '../ports/risk-store.js';

/** Risk configuration (LEDGERLINE_RISK_* keys). */
export interface RiskSettings {
  readonly weights: RiskWeights;
  readonly budget: FlagBudget;
  /** Below this many stored changes there is no model: a cold start, rules only. */
  readonly minTrainingChanges: number;
  /** How far back an editor's history reaches, in days. */
  readonly historyDays: number;
  /** How far back training looks, in days. */
  readonly trainingWindowDays: number;
}

/** The active model with the id it was stored under. */
export interface LoadedRiskModel {
  readonly id: string;
  readonly model: RiskModel;
  readonly summary: RiskModelSummary;
}

/** The editors the latest access review flagged overdue; undefined without a review store or review. */
export async function loadReviewOverdue(
  accessReviews: Pick<AccessReviewStore, 'latestReview'> | undefined,
): Promise<ReadonlySet<string> | undefined> {
  return accessReviews ? reviewOverdueEditors(await accessReviews.latestReview()) : undefined;
}

/** The newest stored model, parsed; undefined before the first training (a cold start). */
export async function loadRiskModel(risk: RiskStore): Promise<LoadedRiskModel | undefined> {
  const record = await risk.latestModel();
  if (!record) return undefined;
  const { parameters, ...summary } = record;
  return { id: record.id, model: parseRiskModel(parameters), summary };
}

/** Scores the changes of one run; keeps the run's changes in the editors' history as it goes. */
export interface RiskScorer {
  readonly weights: RiskWeights;
  readonly model: LoadedRiskModel | undefined;
  assess(observations: readonly ChangeObservation[]): Promise<ChangeAssessment[]>;
  /** Stores the assessed changes (a change already stored keeps its first scoring). */
  record(observations: readonly ChangeObservation[], assessments: readonly ChangeAssessment[]): Promise<void>;
}

const DAY_MS = 86_400_000;
const PAGE = 5_000;

/** Every stored change since `from`, oldest first, paged so memory holds one page of rows at a time. */
export async function* storedChanges(
  risk: RiskStore,
  filter: ScoredChangeFilter,
): AsyncGenerator<ScoredChange> {
  let after: { changedAt: string; changeId: string } | undefined;
  for (;;) {
    const page = await risk.listChanges({ ...filter, limit: PAGE, ...(after ? { after } : {}) });
    yield* page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!.observation;
    after = { changedAt: last.changedAt, changeId: last.changeId };
  }
}

export function createRiskScorer(
  deps: { risk: RiskStore },
  options: {
    settings: RiskSettings;
    model: LoadedRiskModel | undefined;
    now: Date;
    /** Editors the latest access review flagged overdue; undefined when no review exists. */
    reviewOverdue?: ReadonlySet<string> | undefined;
  },
): RiskScorer {
  // The history of the editors seen so far in this run, loaded once per editor: a batch's features
  // ask only about its own editors, and the inbox scores a batch every few seconds.
  const history = new Map<string, EditorActivity>();
  const loadedEditors = new Set<string | null>();
  const from = new Date(options.now.getTime() - options.settings.historyDays * DAY_MS).toISOString();
  const loadHistory = async (observations: readonly ChangeObservation[]) => {
    const missing = [...new Set(observations.map((o) => o.editor))].filter((e) => !loadedEditors.has(e));
    if (missing.length > 0) {
      for (const row of await deps.risk.listActivity({ changedFrom: from, editors: missing })) {
        history.set(row.changeId, {
          editor: row.editor,
          sheetId: row.sheetId,
          at: Date.parse(row.changedAt),
        });
      }
      missing.forEach((editor) => loadedEditors.add(editor));
    }
    return history;
  };
  return {
    weights: options.settings.weights,
    model: options.model,
    async assess(observations) {
      const known = await loadHistory(observations);
      const all = new Map(known);
      for (const o of observations) all.set(o.changeId, activityOf(o));
      const context = {
        model: options.model,
        history: new EditorHistory(all.values()),
        baselines: new Map(),
        weights: options.settings.weights,
        reviewOverdue: options.reviewOverdue,
      };
      return observations.map((o) => assessChange(o, context));
    },
    async record(observations, assessments) {
      const known = await loadHistory(observations);
      const changes: ScoredChange[] = observations.map((observation, i) => {
        const assessment = assessments[i]!;
        known.set(observation.changeId, activityOf(observation));
        return {
          observation,
          anomalyScore: assessment.anomalyScore,
          riskScore: assessment.riskScore,
          category: assessment.category,
          signature: flagSignature(assessment.category, assessment.rules),
          modelId: assessment.modelId,
          explanation: explanationOf(assessment, options.settings.weights),
          flagRank: null,
          flagPriority: null,
        };
      });
      if (changes.length > 0) await deps.risk.recordChanges(changes);
    },
  };
}
