// A reviewer's decision on one subject of an access review: validated, appended to the review's
// decisions, and recorded in the audit trail as ACCESS_REVIEW_DECISION with who, when and from where.
import type { AccessReviewDecisionEntry } from '../domain/access-review/access-review.js';
import { decisionsInForce } from '../domain/access-review/access-review.js';
import type { DecisionOrigin } from '../domain/access-review/access-review-decision-event.js';
import {
  accessReviewDecisionEvent,
  NO_ORIGIN,
} from '../domain/access-review/access-review-decision-event.js';
import { ACCESS_DECISIONS, isAccessDecision } from '../domain/access-review/access-review-subject.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { AuditStore } from '../ports/audit-store.js';

export const MAX_DECISION_COMMENT = 2_000;

export interface DecideAccessReviewDeps {
  readonly accessReviews: AccessReviewStore;
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  readonly newId: () => string;
}

export interface AccessReviewDecisionInput {
  readonly reviewId: string;
  readonly subjectKey: string;
  /** Validated here: keep, revoke, downgrade or accept-risk. */
  readonly decision: string;
  readonly comment: string | null;
  /** The reviewer's e-mail. */
  readonly reviewer: string;
  /** Only admins decide on admin accounts (src/http/access-control.ts); the CLI operator may. */
  readonly reviewerMayDecideOnAdmins: boolean;
  readonly origin?: DecisionOrigin;
  readonly now: Date;
}

/**
 * Records the decision. Refuses (AppError): an unknown review (NOT_FOUND); an unknown subject, an
 * unknown decision, `accept-risk` without a comment, an over-long comment (INPUT_INVALID); a
 * reviewer deciding on their own access, or a non-admin deciding on an admin account (FORBIDDEN).
 * The decision is stored first, then its audit event, so the trail never names a decision the
 * review does not hold.
 */
export async function recordAccessReviewDecision(
  deps: DecideAccessReviewDeps,
  input: AccessReviewDecisionInput,
): Promise<AccessReviewDecisionEntry> {
  const review = await deps.accessReviews.getReview(input.reviewId);
  if (!review) {
    throw new AppError(ErrorCode.NOT_FOUND, `No access review has id ${input.reviewId}`, {
      hint: 'List reviews with `ledgerline access-review list`.',
    });
  }
  const subject = review.subjects.find((s) => s.key === input.subjectKey);
  if (!subject) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Access review ${review.id} has no subject ${input.subjectKey}`,
      {
        hint: 'Subject keys look like account:<email> or smartsheet:<email>.',
      },
    );
  }
  if (!isAccessDecision(input.decision)) {
    throw new AppError(ErrorCode.INPUT_INVALID, `The decision must be one of ${ACCESS_DECISIONS.join(', ')}`);
  }
  const reviewer = input.reviewer.trim().toLowerCase();
  if (reviewer === '')
    throw new AppError(ErrorCode.INPUT_INVALID, 'A decision needs the reviewer who made it');
  const comment = input.comment?.trim() || null;
  if (comment !== null && comment.length > MAX_DECISION_COMMENT) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `The comment is longer than ${MAX_DECISION_COMMENT} characters`,
    );
  }
  if (input.decision === 'accept-risk' && comment === null) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'Accepting the risk needs a comment saying why');
  }
  // Segregation of duties: nobody certifies their own access.
  if (subject.email === reviewer) {
    throw new AppError(ErrorCode.FORBIDDEN, 'You may not decide on your own access; ask another reviewer.');
  }
  if (subject.kind === 'account' && subject.role === 'admin' && !input.reviewerMayDecideOnAdmins) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only an admin may decide on an admin account.');
  }
  const previous = decisionsInForce(await deps.accessReviews.listDecisions(review.id)).get(subject.key);
  const entry: AccessReviewDecisionEntry = {
    decisionId: deps.newId(),
    reviewId: review.id,
    subjectKey: subject.key,
    decision: input.decision,
    comment,
    reviewer,
    decidedAt: input.now.toISOString(),
  };
  await deps.accessReviews.recordDecision(entry);
  await deps.audit.appendEvents([
    accessReviewDecisionEvent(entry, { review, subject, previous, origin: input.origin ?? NO_ORIGIN }),
  ]);
  return entry;
}
