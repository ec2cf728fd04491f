// The audit trail's record of what people do through the dashboard (issue #7): exporting a view,
// reviewing an event, reverting a cell and retrying a failed job (issue #10) are themselves audit events, naming who did it and from
// where (IP address, user agent, device, session), so the trail shows its own use.
import type { AuditEventRecord, ChainedAuditEvent, JsonObject } from '../audit-chain.js';
import { auditEventId } from '../audit/audit-event.js';
import { describeViolationFilter, type ViolationFilter } from './violation-query.js';
import { recordedSheetName, type ReviewKind } from './violation-view.js';

export const VIOLATIONS_EXPORTED = 'VIOLATIONS_EXPORTED';
export const VIOLATION_REVIEWED = 'VIOLATION_REVIEWED';
export const VIOLATION_REVERTED = 'VIOLATION_REVERTED';
export const JOB_RETRIED = 'JOB_RETRIED';

/** Where a dashboard action came from (the RequestOrigin of src/http/access-control.ts). */
export interface ActionOrigin {
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  readonly deviceInfo: string | null;
  readonly sessionId: string | null;
}

/** Who did it, when, and under which unique id (the action's own id makes its revision unique). */
export interface ActionContext {
  readonly actionId: string;
  /** The signed-in user's e-mail. */
  readonly actor: string;
  readonly now: Date;
  readonly origin: ActionOrigin;
}

type Subject = Pick<
  AuditEventRecord,
  'sheetId' | 'rowId' | 'columnName' | 'workRequest' | 'weekEnding' | 'sheetReference'
>;

/** The fields every dashboard action event shares. Actions happen outside a run: run ids are null. */
function actionEvent(
  code: string,
  subject: Subject,
  context: ActionContext,
  fields: Pick<AuditEventRecord, 'oldValue' | 'newValue' | 'deltaCents' | 'issueDescription'> & {
    readonly details: JsonObject;
  },
): AuditEventRecord {
  const revision = `dashboard:${context.actionId}#${code}`;
  const at = context.now.toISOString();
  return {
    eventId: auditEventId({
      sheetId: subject.sheetId,
      rowId: subject.rowId,
      columnName: subject.columnName,
      revision,
    }),
    revision,
    runId: null,
    timestamp: at,
    sheetId: subject.sheetId,
    rowId: subject.rowId,
    workRequest: subject.workRequest,
    columnName: subject.columnName,
    violationType: code,
    oldValue: fields.oldValue,
    newValue: fields.newValue,
    deltaCents: fields.deltaCents,
    changedBy: context.actor,
    changedAt: at,
    weekEnding: subject.weekEnding,
    isHistorical: false,
    auditRunId: null,
    severity: 'INFO',
    issueDescription: fields.issueDescription,
    suggestedFix: null,
    sheetReference: subject.sheetReference,
    ipAddress: context.origin.ipAddress,
    deviceInfo: context.origin.deviceInfo,
    sessionId: context.origin.sessionId,
    userAgent: context.origin.userAgent,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: { rule: code, ...fields.details },
  };
}

const NO_SUBJECT: Subject = {
  sheetId: null,
  rowId: null,
  columnName: null,
  workRequest: null,
  weekEnding: null,
  sheetReference: null,
};

/** The event of a CSV export: the filter and sort that defined the view and how many rows left. */
export function violationsExportedEvent(
  export_: {
    readonly filter: ViolationFilter;
    readonly sort: { readonly key: string; readonly order: string };
    readonly rowCount: number;
  },
  context: ActionContext,
): AuditEventRecord {
  return actionEvent(VIOLATIONS_EXPORTED, NO_SUBJECT, context, {
    oldValue: null,
    newValue: null,
    deltaCents: null,
    issueDescription: `${context.actor} exported ${export_.rowCount} audit event${export_.rowCount === 1 ? '' : 's'} as CSV.`,
    details: {
      filter: describeViolationFilter(export_.filter),
      sort: { key: export_.sort.key, order: export_.sort.order },
      rowCount: export_.rowCount,
    },
  });
}

/** The event of an acknowledgement or resolution of an event, with the reviewer's comment. */
export function violationReviewedEvent(
  reviewed: ChainedAuditEvent,
  review: { readonly status: Exclude<ReviewKind, 'reverted'>; readonly comment: string },
  context: ActionContext,
): AuditEventRecord {
  return actionEvent(VIOLATION_REVIEWED, reviewed, context, {
    oldValue: null,
    newValue: review.status,
    deltaCents: null,
    issueDescription: `${context.actor} marked the ${reviewed.violationType} event #${reviewed.seq} ${review.status}.`,
    details: {
      reviewedEventId: reviewed.eventId,
      reviewedSeq: reviewed.seq,
      reviewedType: reviewed.violationType,
      status: review.status,
      comment: review.comment,
      sheetName: recordedSheetName(reviewed),
    },
  });
}

/**
 * The event of a revert: the cell held the change's new value and now holds its old value again.
 * Old and new values are the cell's before and after the revert; `deltaCents` undoes the change's.
 */
export function violationRevertedEvent(
  reverted: ChainedAuditEvent,
  revert: { readonly comment: string | null; readonly writtenAs: string | null; readonly field: string },
  context: ActionContext,
): AuditEventRecord {
  const place = `${reverted.columnName ?? 'the cell'} of row ${reverted.rowId ?? '?'}`;
  return actionEvent(VIOLATION_REVERTED, reverted, context, {
    oldValue: reverted.newValue,
    newValue: reverted.oldValue,
    deltaCents: reverted.deltaCents === null ? null : -reverted.deltaCents,
    issueDescription: `${context.actor} reverted ${place} from ${reverted.newValue ?? 'empty'} to ${reverted.oldValue ?? 'empty'}, undoing the change of event #${reverted.seq} (${reverted.violationType}).`,
    details: {
      revertedEventId: reverted.eventId,
      revertedSeq: reverted.seq,
      revertedType: reverted.violationType,
      field: revert.field,
      comment: revert.comment,
      writtenAs: revert.writtenAs,
      sheetName: recordedSheetName(reverted),
    },
  });
}

/**
 * The event of an admin putting a failed cluster job back in the queue (issue #10). The job is named
 * by kind and id only; `lastError` is the scrubbed message the Jobs page showed.
 */
export function jobRetriedEvent(
  job: { readonly kind: string; readonly id: string; readonly lastError: string },
  context: ActionContext,
): AuditEventRecord {
  return actionEvent(JOB_RETRIED, NO_SUBJECT, context, {
    oldValue: 'failed',
    newValue: 'retry',
    deltaCents: null,
    issueDescription: `${context.actor} put the failed ${job.kind} job ${job.id} back in the queue.`,
    details: { jobKind: job.kind, jobId: job.id, lastError: job.lastError },
  });
}
