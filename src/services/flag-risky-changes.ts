// The run's alert budget (issue #8): rank the run's scored changes by money at stake × risk, as
// re-weighted by auditors' past verdicts, flag at most N, and give each flagged change no rule fired
// on an ANOMALOUS_CHANGE event so it reaches the trail, the audit sheet and the alerts.
import type { AuditContext } from '../domain/audit/audit-context.js';
import type { ChainedAuditEvent, JsonObject } from '../domain/audit-chain.js';
import { anomalousChangeEvent } from '../domain/risk/anomalous-change-event.js';
import type { FeatureContribution } from '../domain/risk/assess-change.js';
import { flagSignature, rankFlags, verdictFactors } from '../domain/risk/flag-ranking.js';
import { withLateRule } from '../domain/risk/late-rule-finding.js';
import type { RiskWeights } from '../domain/risk/risk-score.js';
import type { FlagBudget, RankedFlag } from '../domain/risk/flag-ranking.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { RiskStore, ScoredChange, VerdictEntry } from '../ports/risk-store.js';
import { storedChanges } from './score-changes.js';

export interface FlagResult {
  readonly flags: RankedFlag[];
  /** Changes of the run that were scored. */
  readonly scored: number;
  /** ANOMALOUS_CHANGE events newly stored. */
  readonly events: ChainedAuditEvent[];
}

/** The rows an event of a state rule is about: its own, and the one it duplicates. */
function rowsOf(event: ChainedAuditEvent): string[] {
  const rows = event.sheetId !== null && event.rowId !== null ? [`${event.sheetId}:${event.rowId}`] : [];
  const other = event.details['duplicateOf'] as { sheetId?: unknown; rowId?: unknown } | undefined;
  if (typeof other?.sheetId === 'number' && typeof other.rowId === 'number')
    rows.push(`${other.sheetId}:${other.rowId}`);
  return rows;
}

async function applyStateEvents(
  risk: RiskStore,
  changes: ScoredChange[],
  events: readonly ChainedAuditEvent[],
  weights: RiskWeights,
): Promise<ScoredChange[]> {
  if (events.length === 0) return changes;
  const byRow = new Map<string, ChainedAuditEvent[]>();
  for (const event of events) {
    for (const row of rowsOf(event)) byRow.set(row, [...(byRow.get(row) ?? []), event]);
  }
  const updated: ScoredChange[] = [];
  const result = changes.map((change) => {
    const hits = byRow.get(`${change.observation.sheetId}:${change.observation.rowId}`);
    if (!hits) return change;
    let next: ScoredChange = change;
    for (const event of hits) {
      const rescored = withLateRule(next, event.violationType, event.severity, weights);
      next = {
        ...next,
        ...rescored,
        signature: flagSignature(rescored.category, rescored.observation.rules),
      };
    }
    if (next !== change) updated.push(next);
    return next;
  });
  if (updated.length > 0) await risk.rescoreChanges(updated);
  return result;
}

/** The latest verdict per change (a later decision supersedes an earlier one). */
export function latestVerdicts(verdicts: readonly VerdictEntry[]): Map<string, VerdictEntry> {
  const latest = new Map<string, VerdictEntry>();
  for (const v of verdicts) latest.set(v.changeId, v);
  return latest;
}

function topFeaturesOf(explanation: JsonObject): FeatureContribution[] {
  const list = explanation['topFeatures'];
  return Array.isArray(list) ? (list as unknown as FeatureContribution[]) : [];
}

/**
 * Flags the run's riskiest changes. `stateEvents` are the run's new events of rules that judge sheet
 * state (DUPLICATE_UNIT): the run's changes on the rows they name are re-scored with them first.
 */
export async function flagRiskyChanges(
  deps: { risk: RiskStore; audit: AuditStore },
  runId: string,
  options: {
    budget: FlagBudget;
    context: AuditContext;
    weights: RiskWeights;
    stateEvents?: readonly ChainedAuditEvent[];
  },
): Promise<FlagResult> {
  let changes: ScoredChange[] = [];
  for await (const change of storedChanges(deps.risk, { runId })) changes.push(change);
  changes = await applyStateEvents(deps.risk, changes, options.stateEvents ?? [], options.weights);
  const factors = verdictFactors([...latestVerdicts(await deps.risk.listVerdicts()).values()]);
  const flags = rankFlags(
    changes.map((c) => ({
      changeId: c.observation.changeId,
      riskScore: c.riskScore,
      deltaCents: c.observation.deltaCents,
      signature: c.signature,
    })),
    options.budget,
    factors,
  );
  await deps.risk.setFlags(runId, flags);
  const byId = new Map(changes.map((c) => [c.observation.changeId, c]));
  const records = flags.flatMap((flag) => {
    const change = byId.get(flag.changeId)!;
    if (change.observation.rules.length > 0) return [];
    const percentile = change.explanation['anomalyPercentile'];
    const event = anomalousChangeEvent(
      change.observation,
      {
        riskScore: change.riskScore,
        anomalyPercentile: typeof percentile === 'number' ? percentile : null,
        topFeatures: topFeaturesOf(change.explanation),
        rank: flag.rank,
      },
      options.context,
    );
    return [
      {
        ...event,
        riskScore: change.riskScore,
        anomalyScore: change.anomalyScore,
        predictedCategory: change.category,
        details: {
          ...event.details,
          coldStart: change.modelId === null,
          risk: { ...change.explanation, flagRank: flag.rank, flagPriority: flag.priority },
        },
      },
    ];
  });
  const events = records.length > 0 ? await deps.audit.appendEvents(records) : [];
  return { flags, scored: changes.length, events };
}
