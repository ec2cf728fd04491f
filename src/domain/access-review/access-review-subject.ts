// What a monthly access review lists (billing-domain.md §4): one subject per Ledgerline account and
// one per person (or group) a source sheet is shared with, each with its last activity, the flags
// that call for attention and the recommended action with its reasons.
import type { SheetAccessLevel } from './sheet-access-level.js';

export type AccountRole = 'admin' | 'auditor' | 'viewer';

/** Why a subject needs attention. */
export const ACCESS_FLAGS = [
  /** No activity for more than the inactivity threshold (90 days), or never. */
  'inactive',
  /** The subject's last recorded review decision is older than the review interval (90 days), or none. */
  'review-overdue',
  /** Admin role, or OWNER/ADMIN/EDITOR_SHARE on a sheet, without activity in 30 days. */
  'privileged-unused',
  /** The person's Ledgerline account is disabled, yet a billing sheet is still shared with them. */
  'disabled-but-shared',
  /** An enabled Ledgerline account without MFA. */
  'mfa-off',
  /** Shared with a group: who is in it cannot be reviewed here. */
  'group-share',
] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

/** What the review suggests doing about a subject. */
export const RECOMMENDATIONS = ['keep', 'revoke', 'downgrade', 'enable-mfa', 'review'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** What a reviewer decided. `accept-risk` keeps the access knowingly despite the flags. */
export const ACCESS_DECISIONS = ['keep', 'revoke', 'downgrade', 'accept-risk'] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];

export function isAccessDecision(value: unknown): value is AccessDecision {
  return typeof value === 'string' && (ACCESS_DECISIONS as readonly string[]).includes(value);
}

/** One sheet a subject can open, at which level, shared on the sheet or through its workspace. */
export interface SubjectSheetAccess {
  readonly sheetId: number;
  readonly sheetName: string;
  readonly accessLevel: SheetAccessLevel;
  readonly scope: 'ITEM' | 'WORKSPACE';
}

/** One line of a review. Instants are ISO-8601 UTC. */
export interface AccessReviewSubject {
  /** `account:<email>`, `smartsheet:<email>` or `smartsheet-group:<name>`: stable month to month. */
  readonly key: string;
  readonly kind: 'account' | 'smartsheet';
  /** Lower-cased; a group's e-mail or name. */
  readonly email: string;
  readonly name: string | null;
  /** Accounts: the dashboard role. */
  readonly role: AccountRole | null;
  /** Accounts: disabled. Sheet subjects: false. */
  readonly disabled: boolean;
  /** Accounts: MFA on. Sheet subjects: null. */
  readonly mfaEnabled: boolean | null;
  readonly lastLoginAt: string | null;
  /** Sheet subjects: the highest level over `sheets`. */
  readonly accessLevel: SheetAccessLevel | null;
  readonly sheets: readonly SubjectSheetAccess[];
  /** Newest of the activity the subject's kind counts (see buildAccessReviewSubjects). */
  readonly lastActivityAt: string | null;
  readonly lastActivitySource: 'login' | 'sheet-edit' | null;
  /** The subject's last recorded decision in any earlier review. */
  readonly lastReviewedAt: string | null;
  readonly lastDecision: AccessDecision | null;
  readonly flags: readonly AccessFlag[];
  readonly recommendation: Recommendation;
  /** Why: one sentence per flag, then the reason for the recommendation. */
  readonly reasons: readonly string[];
}

/** The thresholds of the flags, in days. */
export interface AccessReviewThresholds {
  readonly inactiveDays: number;
  readonly reviewIntervalDays: number;
  readonly privilegedUnusedDays: number;
}

export const DEFAULT_ACCESS_REVIEW_THRESHOLDS: AccessReviewThresholds = {
  inactiveDays: 90,
  reviewIntervalDays: 90,
  privilegedUnusedDays: 30,
};
