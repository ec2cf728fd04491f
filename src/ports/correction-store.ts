// Correction requests and their steps (issue #12). Both are evidence: a request is never edited, a
// decision or an application outcome is appended as a numbered step, and the status is the latest
// step's. The step number is what serialises two people acting at once: only one can take it.
import type {
  ApprovedCorrection,
  CorrectionRecord,
  CorrectionRequest,
  CorrectionStatus,
  CorrectionStep,
} from '../domain/corrections/correction-state.js';

export interface CorrectionListFilter {
  /** Only this requester's requests (e-mail, any case). */
  readonly requestedBy?: string;
  readonly status?: CorrectionStatus;
  /** Newest first; default 200. */
  readonly limit?: number;
}

export interface CorrectionStore {
  /** Stores a new request; AppError CONFLICT when the id exists. */
  saveRequest(request: CorrectionRequest): Promise<void>;
  /**
   * Appends a step. AppError CONFLICT when the request already has a step with this number (someone
   * else moved it first) or NOT_FOUND when there is no such request.
   */
  appendStep(step: CorrectionStep): Promise<void>;
  getCorrection(id: string): Promise<CorrectionRecord | undefined>;
  /** Requests with their steps, newest request first. */
  listCorrections(filter?: CorrectionListFilter): Promise<CorrectionRecord[]>;
  /** Requests approved at or after `since` (ISO), whatever happened after the approval. */
  listApprovedSince(since: string): Promise<ApprovedCorrection[]>;
}
