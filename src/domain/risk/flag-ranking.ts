// The alert budget (billing-domain.md §3.5 and issue #8): instead of flagging a fixed share of
// changes as anomalous, each run flags at most N changes, the ones whose money at stake times risk
// is largest, among those risky enough to be worth an auditor's time. Auditors' verdicts on past
// flags re-weight the ranking: a kind of flag they keep dismissing sinks, one they keep confirming
// rises.

export type Verdict = 'confirmed' | 'false_alarm';

/** A past verdict, reduced to the kind of flag it was about. */
export interface VerdictRecord {
  readonly signature: string;
  readonly verdict: Verdict;
}

/** What ranking needs of a scored change. */
export interface RankableChange {
  readonly changeId: string;
  readonly riskScore: number;
  readonly deltaCents: number | null;
  readonly signature: string;
}

export interface RankedFlag {
  readonly changeId: string;
  /** 1 is the most important flag of the run. */
  readonly rank: number;
  readonly priority: number;
  readonly verdictFactor: number;
}

/**
 * The kind of a flag for learning from verdicts: predicted category and the most telling rule (or
 * ANOMALY when no rule fired). Coarse on purpose: verdicts are few, and a signature must collect
 * several before its factor means anything.
 */
export function flagSignature(category: string, rules: readonly string[]): string {
  const rule = [...rules].sort()[0] ?? 'ANOMALY';
  return `${category}|${rule}`;
}

/**
 * The factor verdicts give a signature: its posterior precision under a uniform Beta(1, 1) prior,
 * relative to the prior's 0.5 — 1 with no verdicts, towards 2 when always confirmed, towards 0
 * when always dismissed. (c + 1) / (c + f + 2) ÷ 0.5.
 */
export function verdictFactors(verdicts: readonly VerdictRecord[]): Map<string, number> {
  const tally = new Map<string, { confirmed: number; falseAlarm: number }>();
  for (const { signature, verdict } of verdicts) {
    const t = tally.get(signature) ?? { confirmed: 0, falseAlarm: 0 };
    if (verdict === 'confirmed') t.confirmed++;
    else t.falseAlarm++;
    tally.set(signature, t);
  }
  return new Map(
    [...tally].map(([signature, t]) => [
      signature,
      (2 * (t.confirmed + 1)) / (t.confirmed + t.falseAlarm + 2),
    ]),
  );
}

export interface FlagBudget {
  /** At most this many flags per run. */
  readonly maxFlags: number;
  /** Changes below this risk are never flagged, however much money they move. */
  readonly minRisk: number;
}

export const DEFAULT_FLAG_BUDGET: FlagBudget = { maxFlags: 25, minRisk: 0.5 };

/**
 * The run's flags: changes at or above the minimum risk, by priority = max(|Δ| in dollars, 1) ×
 * risk × verdict factor (a change of unknown amount counts as $1), ties broken by risk then id so
 * the ranking is reproducible; at most `maxFlags`.
 */
export function rankFlags(
  changes: readonly RankableChange[],
  budget: FlagBudget,
  factors: ReadonlyMap<string, number> = new Map(),
): RankedFlag[] {
  return changes
    .filter((c) => c.riskScore >= budget.minRisk)
    .map((c) => {
      const verdictFactor = factors.get(c.signature) ?? 1;
      const dollars = Math.max(Math.abs(c.deltaCents ?? 0) / 100, 1);
      return { change: c, verdictFactor, priority: dollars * c.riskScore * verdictFactor };
    })
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        b.change.riskScore - a.change.riskScore ||
        a.change.changeId.localeCompare(b.change.changeId),
    )
    .slice(0, Math.max(0, budget.maxFlags))
    .map((entry, index) => ({
      changeId: entry.change.changeId,
      rank: index + 1,
      priority: Math.round(entry.priority * 100) / 100,
      verdictFactor: Math.round(entry.verdictFactor * 1000) / 1000,
    }));
}
