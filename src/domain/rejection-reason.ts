/**
 * Why a row is not billable (billing-domain.md §1.4). Checked in this order; a row is counted
 * under the first reason that applies, so the counts add up to the number of rejected rows.
 */
export const RejectionReason = {
  MISSING_WORK_REQUEST: 'MISSING_WORK_REQUEST',
  BAD_WEEK_ENDING: 'BAD_WEEK_ENDING',
  NOT_COMPLETED: 'NOT_COMPLETED',
  BAD_PRICE: 'BAD_PRICE',
  CU_NO_MATCH: 'CU_NO_MATCH',
} as const;

export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

/** The reasons in checking order. */
export const REJECTION_REASONS: readonly RejectionReason[] = Object.values(RejectionReason);

/** Words for the run summary. */
export const REJECTION_REASON_LABELS: Readonly<Record<RejectionReason, string>> = {
  MISSING_WORK_REQUEST: 'missing Work Request #',
  BAD_WEEK_ENDING: 'missing or unreadable week ending',
  NOT_COMPLETED: 'units not completed',
  BAD_PRICE: 'zero, negative or unreadable price',
  CU_NO_MATCH: 'CU lookup failed (NO MATCH)',
};
