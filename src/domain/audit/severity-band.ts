// Impact bands (billing-domain.md §3.3): how severe a finding is follows the money it moves.
import type { AuditSeverity } from '../audit-chain.js';
import type { SeverityBands } from './audit-context.js';

/** Severities from least to most severe. */
export const SEVERITY_ORDER: readonly AuditSeverity[] = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/**
 * The band of an impact in cents, on |Δ|: CRITICAL at or above `critical`, HIGH above `high`,
 * MEDIUM above `medium`, LOW otherwise. With the defaults exactly $10,000 is CRITICAL, exactly
 * $1,000 is MEDIUM and exactly $100 is LOW. An unknown impact (an unreadable value) is MEDIUM:
 * it could be any amount, so it is neither dismissed as LOW nor alarmed as HIGH.
 */
export function severityForImpact(deltaCents: number | null, bands: SeverityBands): AuditSeverity {
  if (deltaCents === null) return 'MEDIUM';
  const magnitude = Math.abs(deltaCents);
  if (magnitude >= bands.critical) return 'CRITICAL';
  if (magnitude > bands.high) return 'HIGH';
  if (magnitude > bands.medium) return 'MEDIUM';
  return 'LOW';
}

/** The more severe of two severities ("HIGH, CRITICAL by band" is `atLeast('HIGH', band)`). */
export function atLeast(floor: AuditSeverity, severity: AuditSeverity): AuditSeverity {
  return SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(floor) ? severity : floor;
}
