// The audit trail's record of an access-review decision (billing-domain.md §3.4, §4): who decided
// what about whose access, when, from where, against which recommendation. One INFO event per
// decision; its revision names the decision, so recording it twice stores it once.
import type { AuditEventRecord } from '../audit-chain.js';
import { auditEventId } from '../audit/audit-event.js';
import type { AccessReview, AccessReviewDecisionEntry } from './access-review.js';
import type { AccessReviewSubject } from './access-review-subject.js';

export const ACCESS_REVIEW_DECISION = 'ACCESS_REVIEW_DECISION';

/** Where a decision came from: filled for the dashboard, null from the command line. */
export interface DecisionOrigin {
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  readonly deviceInfo: string | null;
  readonly sessionId: string | null;
}

export const NO_ORIGIN: DecisionOrigin = {
  ipAddress: null,
  userAgent: null,
  deviceInfo: null,
  sessionId: null,
};

function subjectLabel(subject: AccessReviewSubject): string {
  if (subject.kind === 'account') return `Ledgerline account ${subject.email} (${subject.role ?? 'no role'})`;
  const sheets = subject.sheets.length === 1 ? '1 sheet' : `${subject.sheets.length} sheets`;
  return `Smartsheet access of ${subject.email} (${subject.accessLevel ?? 'none'} on ${sheets})`;
}

/**
 * The event of one decision. `previous` is the decision it supersedes in the same review, if any
 * (old value → new value, as for a cell).
 */
export function accessReviewDecisionEvent(
  decision: AccessReviewDecisionEntry,
  context: {
    readonly review: Pick<AccessReview, 'id' | 'period'>;
    readonly subject: AccessReviewSubject;
    readonly previous: AccessReviewDecisionEntry | undefined;
    readonly origin: DecisionOrigin;
  },
): AuditEventRecord {
  const { review, subject, previous, origin } = context;
  const revision = `access-review:${review.id}:${decision.decisionId}#${ACCESS_REVIEW_DECISION}`;
  const key = { sheetId: null, rowId: null, columnName: subject.key, revision };
  const comment = decision.comment === null ? '' : ` Comment: ${decision.comment}`;
  return {
    eventId: auditEventId(key),
    revision,
    runId: null,
    timestamp: decision.decidedAt,
    sheetId: null,
    rowId: null,
    workRequest: null,
    columnName: subject.key,
    violationType: ACCESS_REVIEW_DECISION,
    oldValue: previous?.decision ?? null,
    newValue: decision.decision,
    deltaCents: null,
    changedBy: decision.reviewer,
    changedAt: decision.decidedAt,
    weekEnding: null,
    isHistorical: false,
    auditRunId: null,
    severity: 'INFO',
    issueDescription: `${decision.reviewer} decided "${decision.decision}" on the ${subjectLabel(subject)} in access review ${review.id} (${review.period}); the review recommended "${subject.recommendation}".${comment}`,
    suggestedFix:
      decision.decision === 'revoke' || decision.decision === 'downgrade'
        ? `Carry out the ${decision.decision} in ${subject.kind === 'account' ? 'Ledgerline (ledgerline users)' : 'Smartsheet (sheet sharing)'}.`
        : null,
    sheetReference: null,
    ipAddress: origin.ipAddress,
    deviceInfo: origin.deviceInfo,
    sessionId: origin.sessionId,
    userAgent: origin.userAgent,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      rule: ACCESS_REVIEW_DECISION,
      reviewId: review.id,
      period: review.period,
      decisionId: decision.decisionId,
      subjectKey: subject.key,
      subjectKind: subject.kind,
      subjectEmail: subject.email,
      decision: decision.decision,
      previousDecision: previous?.decision ?? null,
      recommendation: subject.recommendation,
      flags: [...subject.flags],
      comment: decision.comment,
    },
  };
}
