// The order severities are shown and compared in: most serious first, as an auditor reads them.
import type { AuditSeverity } from '../audit-chain.js';

/** Every severity, most serious first (billing-domain.md §3.3). */
export const SEVERITIES_BY_RANK: readonly AuditSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** 0 for CRITICAL … 4 for INFO: lower is more serious. */
export function severityRank(severity: AuditSeverity): number {
  return SEVERITIES_BY_RANK.indexOf(severity);
}

/** The more serious of two severities. */
export function moreSevere(a: AuditSeverity, b: AuditSeverity): AuditSeverity {
  return severityRank(a) <= severityRank(b) ? a : b;
}
