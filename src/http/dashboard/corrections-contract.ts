// The JSON of the correction routes (issue #12) for the web app, which imports these types only.
// Paths and permissions are in API_ROUTES (api-contract.ts):
//   POST /api/corrections                  CorrectionCreateRequest → 201 CorrectionView (dashboard.read)
//   GET  /api/corrections[?status=]        → CorrectionList: own requests; auditors and admins see all
//   GET  /api/corrections/:id              → CorrectionView (own, or any for auditors and admins)
//   POST /api/corrections/:id/decision     CorrectionDecisionRequest → CorrectionDecisionReply
//                                          (audit.review; 403 when the decider made the request)
//   POST /api/corrections/:id/apply        → CorrectionDecisionReply: apply again after a failure
//                                          (audit.review)
// An approval applies the change at once (unlock → write → re-lock) and starts a cycle that
// republishes the affected report. Instants are ISO-8601 UTC.

export type CorrectionStatusName = 'requested' | 'approved' | 'rejected' | 'applied' | 'failed';
export type CorrectableFieldName = 'price' | 'quantity' | 'cu' | 'workType' | 'completed' | 'weekEnding';

/** POST /api/corrections: a row (sheetId + rowId, or the violation's eventId), the field, value, reason. */
export interface CorrectionCreateRequest {
  readonly sheetId?: number;
  readonly rowId?: number;
  readonly eventId?: string;
  readonly field: CorrectableFieldName;
  readonly newValue: string;
  readonly reason: string;
}

export interface CorrectionStepView {
  readonly stepNo: number;
  readonly kind: Exclude<CorrectionStatusName, 'requested'>;
  readonly actor: string;
  readonly at: string;
  readonly comment: string | null;
  /** For applied/failed: `unlock`, `write`, `relock`, `from`, `to`, `error`. */
  readonly details: Record<string, unknown>;
}

export interface CorrectionView {
  readonly id: string;
  readonly status: CorrectionStatusName;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly sheetId: number;
  readonly sheetName: string | null;
  readonly rowId: number;
  readonly workRequest: string | null;
  readonly weekEnding: string | null;
  readonly field: CorrectableFieldName;
  /** The cell's value when the request was made. */
  readonly currentValue: string | null;
  /** The canonical new value (price `1234.50`, completed `true`…) and how it reads (`$1,234.50`). */
  readonly newValue: string;
  readonly newValueLabel: string;
  readonly reason: string;
  readonly eventId: string | null;
  readonly steps: readonly CorrectionStepView[];
  /** Whether the signed-in user may approve or reject it now (auditor/admin, not the requester, still requested). */
  readonly canDecide: boolean;
  /** Whether the signed-in user may apply it again (auditor/admin, approved and failed). */
  readonly canRetry: boolean;
}

export interface CorrectionList {
  readonly items: readonly CorrectionView[];
  /** The fields a correction may change. */
  readonly fields: readonly CorrectableFieldName[];
  /** True when the list holds everyone's requests (auditors and admins). */
  readonly all: boolean;
}

/** POST /api/corrections/:id/decision; a rejection needs a comment. */
export interface CorrectionDecisionRequest {
  readonly decision: 'approve' | 'reject';
  readonly comment?: string | null;
}

export interface CorrectionDecisionReply {
  readonly correction: CorrectionView;
  /** For an approval or a retry: whether the cell was written; null for a rejection. */
  readonly applied: boolean | null;
  /** Why applying failed, when it did. */
  readonly error: string | null;
}
