// The JSON of the access-review routes (issue #7, billing-domain.md §4) for the web app, which
// imports these types only. Paths and permissions are in API_ROUTES (api-contract.ts):
//   GET  /api/access-review[?id=]              → AccessReviewView (404 before the first review)
//   POST /api/access-review/decisions          AccessReviewDecisionRequest → 201 AccessReviewDecisionView
//   GET  /api/access-review/export.csv[?id=]   → text/csv attachment
//   GET  /api/access-review/export.xlsx[?id=]  → xlsx attachment
// Every route needs `audit.review`; a decision on an admin account needs an admin, and nobody
// decides on their own access (403). Instants are ISO-8601 UTC.

export type SheetAccessLevelName = 'VIEWER' | 'COMMENTER' | 'EDITOR' | 'EDITOR_SHARE' | 'ADMIN' | 'OWNER';
export type AccessFlagName =
  'inactive' | 'review-overdue' | 'privileged-unused' | 'disabled-but-shared' | 'mfa-off' | 'group-share';
export type RecommendationName = 'keep' | 'revoke' | 'downgrade' | 'enable-mfa' | 'review';
export type AccessDecisionName = 'keep' | 'revoke' | 'downgrade' | 'accept-risk';

export interface AccessReviewDecisionView {
  readonly decisionId: string;
  readonly reviewId: string;
  readonly subjectKey: string;
  readonly decision: AccessDecisionName;
  readonly comment: string | null;
  readonly reviewer: string;
  readonly decidedAt: string;
}

export interface AccessReviewSubjectView {
  /** `account:<email>`, `smartsheet:<email>` or `smartsheet-group:<name>`; what a decision names. */
  readonly key: string;
  readonly kind: 'account' | 'smartsheet';
  readonly email: string;
  readonly name: string | null;
  readonly role: 'admin' | 'auditor' | 'viewer' | null;
  readonly disabled: boolean;
  readonly mfaEnabled: boolean | null;
  readonly lastLoginAt: string | null;
  /** The highest level over `sheets` (Smartsheet subjects). */
  readonly accessLevel: SheetAccessLevelName | null;
  readonly sheets: readonly {
    readonly sheetId: number;
    readonly sheetName: string;
    readonly accessLevel: SheetAccessLevelName;
    readonly scope: 'ITEM' | 'WORKSPACE';
  }[];
  readonly lastActivityAt: string | null;
  readonly lastActivitySource: 'login' | 'sheet-edit' | null;
  /** The last decision on this subject in an earlier review. */
  readonly lastReviewedAt: string | null;
  readonly lastDecision: AccessDecisionName | null;
  readonly flags: readonly AccessFlagName[];
  readonly recommendation: RecommendationName;
  readonly reasons: readonly string[];
  /** The decision in force in this review (the newest), or null while undecided. */
  readonly decision: AccessReviewDecisionView | null;
}

export interface AccessReviewView {
  readonly review: {
    readonly id: string;
    readonly createdAt: string;
    /** `YYYY-MM`. */
    readonly period: string;
    readonly createdBy: string;
    readonly thresholds: {
      readonly inactiveDays: number;
      readonly reviewIntervalDays: number;
      readonly privilegedUnusedDays: number;
    };
    /** The source sheets read; `problem` says why one could not be. */
    readonly sheets: readonly {
      readonly sheetId: number;
      readonly sheetName: string;
      readonly shareCount: number | null;
      readonly problem: string | null;
    }[];
  };
  readonly subjects: readonly AccessReviewSubjectView[];
  /** Every decision of this review, oldest first (a later one on a subject supersedes). */
  readonly decisions: readonly AccessReviewDecisionView[];
  readonly summary: {
    readonly subjects: number;
    readonly accounts: number;
    readonly smartsheetSubjects: number;
    readonly flagged: number;
    readonly byFlag: Readonly<Record<AccessFlagName, number>>;
    readonly byRecommendation: Readonly<Record<RecommendationName, number>>;
    readonly decided: number;
    readonly undecided: number;
    readonly byDecision: Readonly<Record<AccessDecisionName, number>>;
    readonly sheetProblems: number;
  };
  /** Older reviews to pick with `?id=`, newest first. */
  readonly history: readonly { readonly id: string; readonly period: string; readonly createdAt: string }[];
}

/** POST /api/access-review/decisions. `comment` is required for `accept-risk`; ≤ 2,000 characters. */
export interface AccessReviewDecisionRequest {
  readonly reviewId: string;
  readonly subjectKey: string;
  readonly decision: AccessDecisionName;
  readonly comment?: string;
}
