/**
 * A burst of matching events becomes one digest: ordered so the most serious, most costly change
 * is read first, with the figures the subject and footer quote. Everything is derived from the
 * events; nothing is estimated.
 */
import { createHash } from 'node:crypto';
import type { AuditSeverity, ChainedAuditEvent } from '../audit-chain.js';
import { SEVERITIES_BY_RANK, severityRank } from '../audit-report/severity-rank.js';

/** What one digest covers and totals. */
export interface AlertDigest {
  /** Most severe first, then largest |Δ| (unknown impact last), then chain order. */
  readonly events: readonly ChainedAuditEvent[];
  /** How many events of each severity, most serious first, severities with none left out. */
  readonly severityCounts: readonly { readonly severity: AuditSeverity; readonly count: number }[];
  /** Sum of the known Δ in cents; null when no event carries one. */
  readonly totalImpactCents: number | null;
}

function impactMagnitude(event: ChainedAuditEvent): number {
  return event.deltaCents === null ? -1 : Math.abs(event.deltaCents);
}

/** Orders and totals the events of one digest. */
export function buildAlertDigest(events: readonly ChainedAuditEvent[]): AlertDigest {
  const ordered = [...events].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      impactMagnitude(b) - impactMagnitude(a) ||
      a.seq - b.seq,
  );
  const severityCounts = SEVERITIES_BY_RANK.map((severity) => ({
    severity,
    count: events.filter((event) => event.severity === severity).length,
  })).filter((entry) => entry.count > 0);
  const known = events.flatMap((event) => (event.deltaCents === null ? [] : [event.deltaCents]));
  const totalImpactCents = known.length === 0 ? null : known.reduce((sum, cents) => sum + cents, 0);
  return { events: ordered, severityCounts, totalImpactCents };
}

/**
 * The key that makes one digest one alert: channel, rule and the sorted event ids. The ids are
 * hashed because a large burst would otherwise exceed what a Postgres btree index entry can hold.
 */
export function alertDedupeKey(ruleName: string, channel: string, eventIds: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([...eventIds].sort()), 'utf8')
    .digest('hex');
  return `${channel}:${ruleName}:${digest}`;
}
