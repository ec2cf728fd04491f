// Per-editor activity of a run: who changed billed money, how often, how much and how seriously.
import type { AuditSeverity } from '../audit-chain.js';
import type { PlacedAuditEvent } from './placed-audit-event.js';
import { moreSevere, SEVERITIES_BY_RANK } from './severity-rank.js';

/** What one editor did in the run. */
export interface EditorActivity {
  readonly editor: string;
  readonly changes: number;
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
  /** ISO-8601 instants of the editor's earliest and latest change in the run. */
  readonly firstChangeAt: string;
  readonly lastChangeAt: string;
  /** Event counts per severity, every severity present (0 when none). */
  readonly countsBySeverity: Readonly<Record<AuditSeverity, number>>;
  readonly highestSeverity: AuditSeverity;
  /** The highest risk score among the editor's events; null when none was scored. */
  readonly maxRiskScore: number | null;
}

/** A record with every severity at 0. */
export function zeroSeverityCounts(): Record<AuditSeverity, number> {
  return Object.fromEntries(SEVERITIES_BY_RANK.map((severity) => [severity, 0])) as Record<
    AuditSeverity,
    number
  >;
}

interface EditorTally {
  editor: string;
  changes: number;
  netImpactCents: number;
  absoluteImpactCents: number;
  firstMs: number;
  lastMs: number;
  countsBySeverity: Record<AuditSeverity, number>;
  highestSeverity: AuditSeverity;
  maxRiskScore: number | null;
}

/**
 * Tallies the events per editor, ordered by absolute impact (largest first), then number of
 * changes, then name, so the editors who moved the most money head the table.
 */
export function editorActivityOf(placed: readonly PlacedAuditEvent[]): EditorActivity[] {
  const tallies = new Map<string, EditorTally>();
  for (const item of placed) {
    let tally = tallies.get(item.editor);
    if (!tally) {
      tally = {
        editor: item.editor,
        changes: 0,
        netImpactCents: 0,
        absoluteImpactCents: 0,
        firstMs: item.instantMs,
        lastMs: item.instantMs,
        countsBySeverity: zeroSeverityCounts(),
        highestSeverity: item.event.severity,
        maxRiskScore: null,
      };
      tallies.set(item.editor, tally);
    }
    tally.changes += 1;
    tally.netImpactCents += item.netImpactCents;
    tally.absoluteImpactCents += item.absoluteImpactCents;
    tally.firstMs = Math.min(tally.firstMs, item.instantMs);
    tally.lastMs = Math.max(tally.lastMs, item.instantMs);
    tally.countsBySeverity[item.event.severity] += 1;
    tally.highestSeverity = moreSevere(tally.highestSeverity, item.event.severity);
    const risk = item.event.riskScore;
    if (risk !== null) tally.maxRiskScore = Math.max(tally.maxRiskScore ?? risk, risk);
  }
  return [...tallies.values()].sort(byImpactThenVolume).map((tally) => ({
    editor: tally.editor,
    changes: tally.changes,
    netImpactCents: tally.netImpactCents,
    absoluteImpactCents: tally.absoluteImpactCents,
    firstChangeAt: new Date(tally.firstMs).toISOString(),
    lastChangeAt: new Date(tally.lastMs).toISOString(),
    countsBySeverity: tally.countsBySeverity,
    highestSeverity: tally.highestSeverity,
    maxRiskScore: tally.maxRiskScore,
  }));
}

function byImpactThenVolume(a: EditorTally, b: EditorTally): number {
  if (a.absoluteImpactCents !== b.absoluteImpactCents) return b.absoluteImpactCents - a.absoluteImpactCents;
  if (a.changes !== b.changes) return b.changes - a.changes;
  // Code-unit order, not localeCompare: the order must not depend on the machine's locale.
  return a.editor < b.editor ? -1 : a.editor > b.editor ? 1 : 0;
}
