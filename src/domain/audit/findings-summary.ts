// The run summary's audit figures (billing-domain.md §3.6): counts by severity and type, impact.
import type { AuditEventRecord, AuditSeverity } from '../audit-chain.js';
import type { Cents } from '../money.js';
import { SEVERITY_ORDER } from './severity-band.js';

/** What a run's audit events add up to. */
export interface FindingsSummary {
  readonly eventCount: number;
  /** Every severity, zero when none. */
  readonly bySeverity: Readonly<Record<AuditSeverity, number>>;
  /** Events per violation type, only the types that occurred. */
  readonly byType: Readonly<Record<string, number>>;
  /** Distinct changes (or batch subjects) behind the events. */
  readonly changeCount: number;
  /** Σ Δ over distinct changes: the net effect on billing. */
  readonly netImpactCents: Cents;
  /** Σ |Δ| over distinct changes: how much money was touched, whatever the direction. */
  readonly grossImpactCents: Cents;
  /** Distinct changes whose impact is unknown (an unreadable value), left out of both sums. */
  readonly unknownImpactCount: number;
  /** The executive summary's status: `SECURE` with no events, else `CHANGES DETECTED`. */
  readonly status: 'SECURE' | 'CHANGES DETECTED';
}

/**
 * Sums a run's events. Several findings of one change each carry that change's Δ, so impact is
 * summed once per change: events are grouped by sheet, row, column and the change's revision
 * (`details.changeRevision`, else the event's own revision).
 */
export function summariseFindings(events: readonly AuditEventRecord[]): FindingsSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((severity) => [severity, 0])) as Record<
    AuditSeverity,
    number
  >;
  const byType: Record<string, number> = {};
  const impactByChange = new Map<string, number | null>();
  for (const event of events) {
    bySeverity[event.severity] += 1;
    byType[event.violationType] = (byType[event.violationType] ?? 0) + 1;
    const changeRevision = event.details['changeRevision'];
    const key = JSON.stringify([
      event.sheetId,
      event.rowId,
      event.columnName,
      typeof changeRevision === 'string' ? changeRevision : event.revision,
    ]);
    if (!impactByChange.has(key)) impactByChange.set(key, event.deltaCents);
  }
  let netImpactCents = 0;
  let grossImpactCents = 0;
  let unknownImpactCount = 0;
  for (const delta of impactByChange.values()) {
    if (delta === null) {
      unknownImpactCount += 1;
      continue;
    }
    netImpactCents += delta;
    grossImpactCents += Math.abs(delta);
  }
  return {
    eventCount: events.length,
    bySeverity,
    byType,
    changeCount: impactByChange.size,
    netImpactCents,
    grossImpactCents,
    unknownImpactCount,
    status: events.length === 0 ? 'SECURE' : 'CHANGES DETECTED',
  };
}
