// What the change audit needs to know about correction requests (issue #12): the requests approved
// recently enough that a change seen now could be carrying one out. Cycles and the webhook inbox
// both load them into the audit context, so a change is judged the same way on either path.
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import {
  CORRECTION_MATCH_SKEW_MS,
  DEFAULT_CORRECTION_MATCH_WINDOW_MS,
} from '../domain/corrections/correction-match.js';
import type { CorrectionStore } from '../ports/correction-store.js';

/**
 * The audit-context part for approved corrections: every request approved within the match window
 * (plus the skew margin) before `now`. Empty without a store, so detection works as before.
 */
export async function approvedCorrectionsFor(
  corrections: Pick<CorrectionStore, 'listApprovedSince'> | undefined,
  now: Date,
  audit: Pick<AuditContextOptions, 'correctionMatchWindowMs'> | undefined,
): Promise<Pick<AuditContextOptions, 'approvedCorrections'>> {
  if (!corrections) return {};
  const windowMs = audit?.correctionMatchWindowMs ?? DEFAULT_CORRECTION_MATCH_WINDOW_MS;
  const since = new Date(now.getTime() - windowMs - CORRECTION_MATCH_SKEW_MS);
  return { approvedCorrections: await corrections.listApprovedSince(since.toISOString()) };
}
