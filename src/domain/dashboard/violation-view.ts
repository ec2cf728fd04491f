// One audit event as the dashboard shows it (the ViolationItem of src/http/dashboard/api-contract.ts):
// the 25 fields and the scores, without the chain's hashes and the request origin, plus the sheet's
// name and the event's review status.
import type { AuditSeverity, ChainedAuditEvent } from '../audit-chain.js';
import type { ReviewStatus } from './violation-query.js';

export interface ViolationView {
  readonly eventId: string;
  readonly seq: number;
  readonly runId: string;
  readonly timestamp: string;
  readonly severity: AuditSeverity;
  readonly violationType: string;
  readonly sheetId: number | null;
  readonly sheetName: string | null;
  readonly rowId: number | null;
  readonly workRequest: string | null;
  readonly weekEnding: string | null;
  readonly columnName: string | null;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly deltaCents: number | null;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly riskScore: number | null;
  readonly anomalyScore: number | null;
  readonly predictedCategory: string | null;
  readonly issueDescription: string;
  readonly suggestedFix: string;
  readonly sheetReference: string | null;
  readonly reviewStatus: ReviewStatus;
}

/** The review kinds stored for an event; a revert counts as resolved. */
export type ReviewKind = 'acknowledged' | 'resolved' | 'reverted';

/** The status a list shows for the latest review of an event (none: open). */
export function reviewStatusOf(latest: ReviewKind | undefined): ReviewStatus {
  if (latest === undefined) return 'open';
  return latest === 'reverted' ? 'resolved' : latest;
}

/** The sheet's name as the event recorded it (`details.sheetName`), if it did. */
export function recordedSheetName(event: Pick<ChainedAuditEvent, 'details'>): string | null {
  const name = event.details.sheetName;
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * The view of a stored event. `sheetName` is the recorded one or, for events that carry none, the
 * caller's lookup; `runId` is empty for actions outside a run (dashboard reviews, exports).
 */
export function violationViewOf(
  event: ChainedAuditEvent,
  lookups: { readonly sheetName: string | null; readonly latestReview: ReviewKind | undefined },
): ViolationView {
  return {
    eventId: event.eventId,
    seq: event.seq,
    runId: event.runId ?? '',
    timestamp: event.timestamp,
    severity: event.severity,
    violationType: event.violationType,
    sheetId: event.sheetId,
    sheetName: recordedSheetName(event) ?? lookups.sheetName,
    rowId: event.rowId,
    workRequest: event.workRequest,
    weekEnding: event.weekEnding,
    columnName: event.columnName,
    oldValue: event.oldValue,
    newValue: event.newValue,
    deltaCents: event.deltaCents,
    changedBy: event.changedBy,
    changedAt: event.changedAt,
    riskScore: event.riskScore,
    anomalyScore: event.anomalyScore,
    predictedCategory: event.predictedCategory,
    issueDescription: event.issueDescription,
    suggestedFix: event.suggestedFix ?? '',
    sheetReference: event.sheetReference,
    reviewStatus: reviewStatusOf(lookups.latestReview),
  };
}
