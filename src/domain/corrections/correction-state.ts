// The life of a correction request (issue #12): requested → approved | rejected; an approved
// request is then applied (unlock → write → re-lock) or fails, and a failed one may be applied
// again. The request itself never changes; each move is an appended step, and the status is the
// latest step's (or `requested` before any). Who may move it is decided here too: never the
// requester.
import type { JsonObject } from '../audit-chain.js';
import { fail, ok, type Result } from '../result.js';
import type { CorrectableField } from './correction-request.js';

export type CorrectionStepKind = 'approved' | 'rejected' | 'applied' | 'failed';
export type CorrectionStatus = 'requested' | CorrectionStepKind;

/** A request as made; never edited afterwards. */
export interface CorrectionRequest {
  readonly id: string;
  readonly requestedAt: string;
  /** The requester's e-mail, lower-cased. */
  readonly requestedBy: string;
  readonly sheetId: number;
  readonly rowId: number;
  readonly field: CorrectableField;
  /** The canonical new value (correction-request.ts). */
  readonly newValue: string;
  readonly reason: string;
  /** What the cell held when the request was made, as text (null when blank or unknown). */
  readonly currentValue: string | null;
  readonly sheetName: string | null;
  readonly workRequest: string | null;
  readonly weekEnding: string | null;
  /** The audit event (violation) the request was made from, when it was. */
  readonly eventId: string | null;
}

/** One move of a request: a decision, or the outcome of applying it. */
export interface CorrectionStep {
  readonly requestId: string;
  /** 1 for the first step of a request, then 2, 3…: two deciders racing cannot both take step 1. */
  readonly stepNo: number;
  readonly kind: CorrectionStepKind;
  /** Who decided or applied (e-mail). */
  readonly actor: string;
  readonly at: string;
  readonly comment: string | null;
  /** For applied/failed: the unlock, write and re-lock outcomes; the audit event's seq. */
  readonly details: JsonObject;
}

/** A request with its steps, oldest first. */
export interface CorrectionRecord {
  readonly request: CorrectionRequest;
  readonly steps: readonly CorrectionStep[];
}

/** The status a request's steps leave it in. */
export function correctionStatusOf(steps: readonly CorrectionStep[]): CorrectionStatus {
  return steps.at(-1)?.kind ?? 'requested';
}

/** Emails compare case-insensitively. */
function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether `decider` may approve or reject the request now: only a request still `requested`, and
 * never by the person who asked for it (four eyes). The reason is fit for a 403/409 message.
 */
export function checkDecision(record: CorrectionRecord, decider: string): Result<{ stepNo: number }> {
  if (sameEmail(record.request.requestedBy, decider))
    return fail('You made this correction request; someone else must approve or reject it.');
  const status = correctionStatusOf(record.steps);
  if (status !== 'requested') return fail(`The request is already ${status}.`);
  return ok({ stepNo: record.steps.length + 1 });
}

/** Whether an approved request may be applied now: right after approval, or again after a failure. */
export function checkApply(record: CorrectionRecord): Result<{ stepNo: number; approval: CorrectionStep }> {
  const status = correctionStatusOf(record.steps);
  const approval = record.steps.find((step) => step.kind === 'approved');
  if (!approval || (status !== 'approved' && status !== 'failed'))
    return fail(`Only an approved request can be applied; this one is ${status}.`);
  return ok({ stepNo: record.steps.length + 1, approval });
}

/** An approved request as the change audit needs it to recognise the change it authorised. */
export interface ApprovedCorrection {
  readonly requestId: string;
  readonly sheetId: number;
  readonly rowId: number;
  readonly field: CorrectableField;
  readonly newValue: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  readonly approvedAt: Date;
}

/** The approval of a request, when it has one (whatever happened after it). */
export function approvedCorrectionOf(record: CorrectionRecord): ApprovedCorrection | undefined {
  const approval = record.steps.find((step) => step.kind === 'approved');
  if (!approval) return undefined;
  const { request } = record;
  return {
    requestId: request.id,
    sheetId: request.sheetId,
    rowId: request.rowId,
    field: request.field,
    newValue: request.newValue,
    requestedBy: request.requestedBy,
    approvedBy: approval.actor,
    approvedAt: new Date(approval.at),
  };
}
