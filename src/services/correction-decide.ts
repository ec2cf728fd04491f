// An auditor or admin approves or rejects a correction request (issue #12) — never the person who
// made it. The decision is an appended step (numbered, so two deciders cannot both win) and a
// CORRECTION_APPROVED / CORRECTION_REJECTED audit event. An approval is applied at once
// (correction-apply.ts), and `afterApplied` lets the caller republish the affected report.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { correctionDecidedEvent, type CorrectionActor } from '../domain/corrections/correction-events.js';
import {
  checkDecision,
  type CorrectionRecord,
  type CorrectionStep,
} from '../domain/corrections/correction-state.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import {
  applyCorrection,
  type ApplyCorrectionDeps,
  type ApplyCorrectionOutcome,
} from './correction-apply.js';

export type CorrectionDecision = 'approve' | 'reject';

export interface DecideCorrectionDeps extends ApplyCorrectionDeps {
  readonly corrections: Pick<CorrectionStore, 'getCorrection' | 'appendStep'>;
  /** Called after an approved correction was written (e.g. to run a cycle that republishes). */
  readonly afterApplied?: ((record: CorrectionRecord) => void) | undefined;
}

export interface DecideCorrectionOutcome {
  readonly record: CorrectionRecord;
  /** What applying did, for an approval. */
  readonly application: ApplyCorrectionOutcome | null;
}

export async function decideCorrection(
  deps: DecideCorrectionDeps,
  requestId: string,
  decision: { readonly decision: CorrectionDecision; readonly comment: string | null },
  actor: CorrectionActor,
): Promise<DecideCorrectionOutcome> {
  const record = await deps.corrections.getCorrection(requestId);
  if (!record)
    throw new AppError(ErrorCode.NOT_FOUND, `No correction request has the id ${JSON.stringify(requestId)}.`);
  const allowed = checkDecision(record, actor.email);
  if (!allowed.ok) {
    const own = record.request.requestedBy.toLowerCase() === actor.email.trim().toLowerCase();
    throw new AppError(own ? ErrorCode.FORBIDDEN : ErrorCode.CONFLICT, allowed.reason);
  }
  const comment = decision.comment?.trim() || null;
  if (decision.decision === 'reject' && comment === null)
    throw new AppError(ErrorCode.INPUT_INVALID, 'Say why the correction is rejected.');
  const step: CorrectionStep = {
    requestId,
    stepNo: allowed.value.stepNo,
    kind: decision.decision === 'approve' ? 'approved' : 'rejected',
    actor: actor.email,
    at: actor.now.toISOString(),
    comment,
    details: {},
  };
  // The step first: its number is what makes a second, simultaneous decision fail.
  await deps.corrections.appendStep(step);
  await deps.audit.appendEvents([correctionDecidedEvent(record.request, step, actor)]);
  const decided: CorrectionRecord = { request: record.request, steps: [...record.steps, step] };
  if (step.kind !== 'approved') return { record: decided, application: null };

  const application = await applyCorrection(deps, requestId, actor);
  if (application.applied) deps.afterApplied?.(application.record);
  return { record: application.record, application };
}

/** Applies an approved request again after a failure (same checks and recording as the first time). */
export async function retryCorrection(
  deps: DecideCorrectionDeps,
  requestId: string,
  actor: CorrectionActor,
): Promise<ApplyCorrectionOutcome> {
  const application = await applyCorrection(deps, requestId, actor);
  if (application.applied) deps.afterApplied?.(application.record);
  return application;
}
