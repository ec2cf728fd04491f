// The trail's record of a correction (issue #12): the request, the decision and the applied write
// are audit events naming who acted and from where, each carrying `details.correctionRequestId`,
// so the whole story — request, decision, applied change, and the cycle's own AUTHORIZED_CORRECTION
// observation of it — can be read back by that id.
import type { AuditEventRecord, AuditSeverity, JsonObject } from '../audit-chain.js';
import { auditEventId } from '../audit/audit-event.js';
import type { ActionOrigin } from '../dashboard/dashboard-action-events.js';
import { correctionValueLabel } from './correction-request.js';
import type { CorrectionRequest, CorrectionStep } from './correction-state.js';

export const CORRECTION_REQUESTED = 'CORRECTION_REQUESTED';
export const CORRECTION_APPROVED = 'CORRECTION_APPROVED';
export const CORRECTION_REJECTED = 'CORRECTION_REJECTED';
export const CORRECTION_APPLIED = 'CORRECTION_APPLIED';
export const CORRECTION_FAILED = 'CORRECTION_FAILED';

/** Who acted, when, from where. */
export interface CorrectionActor {
  readonly email: string;
  readonly now: Date;
  readonly origin: ActionOrigin;
}

function correctionEvent(
  code: string,
  request: CorrectionRequest,
  actor: CorrectionActor,
  /** Unique per event of the request: `requested`, `step-2`… */
  revisionPart: string,
  fields: {
    readonly oldValue: string | null;
    readonly newValue: string | null;
    readonly severity: AuditSeverity;
    readonly issueDescription: string;
    readonly suggestedFix?: string | null;
    readonly details: JsonObject;
  },
): AuditEventRecord {
  const revision = `correction:${request.id}:${revisionPart}#${code}`;
  const at = actor.now.toISOString();
  return {
    eventId: auditEventId({
      sheetId: request.sheetId,
      rowId: request.rowId,
      columnName: request.field,
      revision,
    }),
    revision,
    runId: null,
    timestamp: at,
    sheetId: request.sheetId,
    rowId: request.rowId,
    workRequest: request.workRequest,
    columnName: request.field,
    violationType: code,
    oldValue: fields.oldValue,
    newValue: fields.newValue,
    deltaCents: null,
    changedBy: actor.email,
    changedAt: at,
    weekEnding: request.weekEnding,
    isHistorical: request.weekEnding !== null,
    auditRunId: null,
    severity: fields.severity,
    issueDescription: fields.issueDescription,
    suggestedFix: fields.suggestedFix ?? null,
    sheetReference: null,
    ipAddress: actor.origin.ipAddress,
    deviceInfo: actor.origin.deviceInfo,
    sessionId: actor.origin.sessionId,
    userAgent: actor.origin.userAgent,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      rule: code,
      correctionRequestId: request.id,
      field: request.field,
      requestedBy: request.requestedBy,
      ...(request.sheetName === null ? {} : { sheetName: request.sheetName }),
      ...fields.details,
    },
  };
}

function place(request: CorrectionRequest): string {
  const sheet = request.sheetName === null ? `sheet ${request.sheetId}` : `"${request.sheetName}"`;
  return `${request.field} of row ${request.rowId} of ${sheet}`;
}

function target(request: CorrectionRequest): string {
  return correctionValueLabel(request.field, request.newValue);
}

/** A correction was requested: who asked, for which cell, which value, and why. */
export function correctionRequestedEvent(
  request: CorrectionRequest,
  actor: CorrectionActor,
): AuditEventRecord {
  return correctionEvent(CORRECTION_REQUESTED, request, actor, 'requested', {
    oldValue: request.currentValue,
    newValue: request.newValue,
    severity: 'INFO',
    issueDescription: `${actor.email} requested correcting ${place(request)} to ${target(request)}: ${request.reason}`,
    suggestedFix:
      'An auditor or admin other than the requester approves or rejects it on the Corrections page.',
    details: { reason: request.reason, eventId: request.eventId },
  });
}

/** A correction was approved or rejected, by someone other than the requester. */
export function correctionDecidedEvent(
  request: CorrectionRequest,
  step: CorrectionStep,
  actor: CorrectionActor,
): AuditEventRecord {
  const approved = step.kind === 'approved';
  return correctionEvent(
    approved ? CORRECTION_APPROVED : CORRECTION_REJECTED,
    request,
    actor,
    `step-${step.stepNo}`,
    {
      oldValue: request.currentValue,
      newValue: request.newValue,
      severity: 'INFO',
      issueDescription: `${actor.email} ${approved ? 'approved' : 'rejected'} ${request.requestedBy}'s request to correct ${place(request)} to ${target(request)}${step.comment ? `: ${step.comment}` : '.'}`,
      details: { decision: step.kind, comment: step.comment },
    },
  );
}

/**
 * The outcome of applying an approved correction: unlock, write and re-lock as one operation.
 * A failure is MEDIUM (someone must look), HIGH when the row was left unlocked.
 */
export function correctionAppliedEvent(
  request: CorrectionRequest,
  step: CorrectionStep,
  actor: CorrectionActor,
  outcome: { readonly from: string | null; readonly leftUnlocked: boolean },
): AuditEventRecord {
  const applied = step.kind === 'applied';
  const issue = applied
    ? `${actor.email} applied ${request.requestedBy}'s approved correction of ${place(request)} to ${target(request)}.`
    : `Applying the approved correction of ${place(request)} to ${target(request)} failed: ${String(step.details.error ?? 'unknown error')}`;
  return correctionEvent(
    applied ? CORRECTION_APPLIED : CORRECTION_FAILED,
    request,
    actor,
    `step-${step.stepNo}`,
    {
      oldValue: outcome.from,
      newValue: request.newValue,
      severity: applied ? 'INFO' : outcome.leftUnlocked ? 'HIGH' : 'MEDIUM',
      issueDescription: issue,
      suggestedFix: applied
        ? null
        : outcome.leftUnlocked
          ? 'The row could not be locked again: lock it in Smartsheet, then apply the request again from the Corrections page.'
          : 'Fix the cause, then apply the request again from the Corrections page.',
      details: { ...step.details },
    },
  );
}
