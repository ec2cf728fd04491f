import type { ChangeSlot, EditorChangeTally } from '../domain/dashboard/activity-figures.js';
import type { JsonObject } from '../domain/audit-chain.js';
import type { ChangeObservation } from '../domain/risk/change-observation.js';
import type { Verdict } from '../domain/risk/flag-ranking.js';

/** A change as risk scoring stored it: what was observed, how it was scored, whether it was flagged. */
export interface ScoredChange {
  readonly observation: ChangeObservation;
  readonly anomalyScore: number | null;
  readonly riskScore: number;
  readonly category: string;
  /** The flag kind verdicts are learned by (see flagSignature). */
  readonly signature: string;
  /** The model that scored it; null in a cold start. */
  readonly modelId: string | null;
  /** The stored explanation (`details.risk` of its events). */
  readonly explanation: JsonObject;
  /** Its place among the run's flags (1 first); null when not flagged. */
  readonly flagRank: number | null;
  readonly flagPriority: number | null;
}

export interface ScoredChangeFilter {
  readonly runId?: string;
  /** Inclusive range over changedAt (ISO-8601 instants). */
  readonly changedFrom?: string;
  readonly changedTo?: string;
  readonly flaggedOnly?: boolean;
}

/** A trained model as stored: its parameters (serialised) and what is known about it. */
export interface RiskModelRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly trainedFrom: string;
  readonly trainedTo: string;
  readonly sampleCount: number;
  /** serializeRiskModel text. */
  readonly parameters: string;
  /** Training figures: duration, score spread, precision against verdicts… */
  readonly metrics: JsonObject;
}

export type RiskModelSummary = Omit<RiskModelRecord, 'parameters'>;

/** An auditor's decision on a flagged change. Verdicts are evidence: appended, never edited. */
export interface VerdictEntry {
  readonly changeId: string;
  readonly verdict: Verdict;
  readonly reviewer: string;
  readonly comment: string | null;
  readonly decidedAt: string;
  /** The flag kind of the change when decided (so learning does not need the change again). */
  readonly signature: string;
  /** The run that flagged the change. */
  readonly runId: string;
}

/** Scored changes, trained models and auditors' verdicts (issue #8). */
export interface RiskStore {
  /** Stores changes; one per change id, so re-processing a change keeps its first scoring. Returns how many were new. */
  recordChanges(changes: readonly ScoredChange[]): Promise<number>;
  /** Changes in changedAt order (then id), at most `limit`, after `afterChangedAt`/`afterId` when paging. */
  listChanges(
    filter: ScoredChangeFilter & {
      readonly limit: number;
      readonly after?: { readonly changedAt: string; readonly changeId: string };
    },
  ): Promise<ScoredChange[]>;
  countChanges(filter?: ScoredChangeFilter): Promise<number>;
  /**
   * Who changed which sheet when, for the editors' history: only the columns it needs (no
   * observation JSON), for the given editors (null: unknown editor) since `changedFrom`.
   */
  listActivity(filter: {
    readonly changedFrom: string;
    readonly editors: readonly (string | null)[];
  }): Promise<
    {
      readonly changeId: string;
      readonly editor: string | null;
      readonly sheetId: number;
      readonly changedAt: string;
    }[]
  >;
  getChange(changeId: string): Promise<ScoredChange | undefined>;
  /**
   * The changes of the inclusive changedAt range summed per 15-minute UTC slot, oldest first (slots
   * without changes left out): the Overview's risk trend and the week's count and net impact.
   */
  sumChangesBySlot(range: {
    readonly changedFrom: string;
    readonly changedTo: string;
  }): Promise<ChangeSlot[]>;
  /**
   * The range's changes summed per editor (changes without one left out), local weekday and local
   * hour: the Editors page's figures, summed by the database.
   */
  tallyChangesByEditor(range: {
    readonly changedFrom: string;
    readonly changedTo: string;
  }): Promise<EditorChangeTally[]>;
  /**
   * Replaces the scoring of stored changes after a rule that judges sheet state (DUPLICATE_UNIT)
   * fired on them later in the run.
   */
  rescoreChanges(
    updates: readonly Pick<
      ScoredChange,
      'observation' | 'riskScore' | 'category' | 'signature' | 'explanation'
    >[],
  ): Promise<void>;
  /** Marks the run's flags (rank and priority); any other change of the run is left unflagged. */
  setFlags(
    runId: string,
    flags: readonly { readonly changeId: string; readonly rank: number; readonly priority: number }[],
  ): Promise<void>;
  saveModel(model: RiskModelRecord): Promise<void>;
  /** The newest model; undefined before the first training. */
  latestModel(): Promise<RiskModelRecord | undefined>;
  listModels(options: { readonly limit: number }): Promise<RiskModelSummary[]>;
  recordVerdict(verdict: VerdictEntry): Promise<void>;
  /** Every verdict, oldest first; a later verdict on the same change supersedes an earlier one. */
  listVerdicts(): Promise<VerdictEntry[]>;
}
