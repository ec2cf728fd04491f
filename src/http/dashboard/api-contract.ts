// The dashboard's HTTP API (issue #7): paths, the permission each needs, and the JSON shapes.
// The server (src/http/auth, src/http/dashboard) implements it; the web app (web/) imports these
// types only (`import type`), so the two cannot drift apart silently.
//
// Conventions: JSON bodies; money in integer cents; instants ISO-8601 UTC; errors are
// `{ error: <code>, message }` (src/http/error-replies.ts) with the AppError status. State-changing requests
// (POST/PUT/PATCH/DELETE) must send the header `x-csrf-token` with the token from
// `GET /api/auth/session` (or the login reply); otherwise 403. The session cookie is `ll_session`
// (HttpOnly, SameSite=Strict, Path=/, Secure under TLS).
import type { Permission } from '../access-control.js';

export interface ApiError {
  readonly error: string;
  readonly message: string;
  /** Set on a 401 from login when the password was right and a TOTP or recovery code is needed. */
  readonly mfaRequired?: boolean;
}

export type Role = 'admin' | 'auditor' | 'viewer';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly mfaEnabled: boolean;
}

/** GET /api/auth/session (dashboard.read) and the 200 reply of POST /api/auth/login. */
export interface SessionInfo {
  readonly user: SessionUser;
  readonly csrfToken: string;
  /** When the session ends without activity (idle timeout) and at the latest (absolute). */
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** True when MFA is enforced for this user's role and not yet set up: only MFA enrolment works. */
  readonly mfaEnrolmentRequired: boolean;
}

/** POST /api/auth/login (public). 401 `{ error, message, mfaRequired: true }` asks for `totp` or `recoveryCode`; 423 when locked out. */
export interface LoginRequest {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
  readonly recoveryCode?: string;
}

/** POST /api/auth/mfa/enrol (dashboard.read): a new secret to confirm. */
export interface MfaEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
  /** The otpauth URI as an SVG QR code (markup; render it as an <img src="data:image/svg+xml,…">). */
  readonly qrSvg: string;
}

/** POST /api/auth/mfa/confirm { code } → the one-time recovery codes, shown once. */
export interface MfaConfirmed {
  readonly recoveryCodes: readonly string[];
}

/** One audit event as the dashboard shows it (the 25 fields and the scores). */
export interface ViolationItem {
  readonly eventId: string;
  readonly seq: number;
  readonly runId: string;
  readonly timestamp: string;
  readonly severity: 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
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
  /** Latest review: open until someone acknowledges or resolves it. */
  readonly reviewStatus: 'open' | 'acknowledged' | 'resolved';
}

/** GET /api/violations query (dashboard.read); all optional. */
export interface ViolationQuery {
  readonly severity?: string; // comma-separated
  readonly code?: string; // comma-separated violation types
  readonly editor?: string;
  readonly workRequest?: string;
  readonly week?: string; // week ending YYYY-MM-DD
  readonly sheet?: string; // sheet id
  readonly from?: string; // changedAt from (YYYY-MM-DD or ISO)
  readonly to?: string;
  readonly status?: 'open' | 'acknowledged' | 'resolved';
  readonly sort?: 'seq' | 'changedAt' | 'severity' | 'deltaCents' | 'riskScore';
  readonly order?: 'asc' | 'desc';
  readonly page?: string; // 1-based
  readonly pageSize?: string; // ≤ 200
}

export interface ViolationPage {
  readonly items: readonly ViolationItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** GET /api/violations/:eventId (dashboard.read). */
export interface ViolationDetail {
  readonly event: ViolationItem;
  /** Rule reasons and the risk explanation (details.reasons, details.risk). */
  readonly reasons: readonly string[];
  readonly risk: Record<string, unknown> | null;
  /** The cell's history from Smartsheet (newest first); empty when not a cell change or unavailable. */
  readonly cellHistory: readonly {
    readonly value: string | null;
    readonly modifiedAt: string;
    readonly modifiedBy: string | null;
  }[];
  readonly reviews: readonly ViolationReview[];
  /** Whether an admin may revert it (a cell change with an old value on a known column). */
  readonly revertible: boolean;
  /** Why `cellHistory` is empty when it is (not a cell change, column unknown, Smartsheet failed). */
  readonly cellHistoryNote?: string | null;
}

export interface ViolationReview {
  readonly status: 'acknowledged' | 'resolved' | 'reverted';
  readonly comment: string;
  readonly by: string;
  readonly at: string;
}

/** GET /api/overview (dashboard.read). */
export interface Overview {
  readonly weekEnding: string;
  /** Billable total of the current week's rows (cents). */
  readonly billedThisWeekCents: number;
  readonly changesThisWeek: number;
  readonly violationsBySeverity: Readonly<Record<ViolationItem['severity'], number>>;
  readonly netImpactCents: number;
  readonly riskTrend: readonly {
    readonly date: string;
    readonly averageRisk: number;
    readonly maxRisk: number;
    readonly events: number;
  }[];
  readonly lastRun: {
    readonly id: string;
    readonly status: string;
    readonly finishedAt: string | null;
  } | null;
  readonly model: { readonly coldStart: boolean; readonly modelId: string | null };
  readonly trail: TrailStatus;
}

export interface TrailStatus {
  readonly eventCount: number;
  readonly headSeq: number | null;
  readonly lastVerifiedAt: string | null;
  readonly ok: boolean | null;
  readonly problem: string | null;
}

/**
 * GET /api/feed (dashboard.read): Server-Sent Events. Each new audit event is sent as
 * `id: <seq>\nevent: audit\ndata: <ViolationItem JSON>\n\n`. A reconnecting browser sends
 * `Last-Event-ID` (EventSource does it by itself) and receives every event after that seq, in
 * order, with no gap and no duplicate; `?after=<seq>` does the same for a first connection.
 */
export type FeedEvent = ViolationItem;

/** The routes, their methods and permissions: the table the route-walk test checks. */
export const API_ROUTES: readonly {
  readonly method: string;
  readonly path: string;
  readonly permission: Permission;
}[] = [
  { method: 'POST', path: '/api/auth/login', permission: 'public' },
  { method: 'POST', path: '/api/auth/logout', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/auth/session', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/auth/password', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/auth/mfa/enrol', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/auth/mfa/confirm', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/auth/mfa/disable', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/auth/sessions', permission: 'dashboard.read' },
  { method: 'DELETE', path: '/api/auth/sessions/:id', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/users', permission: 'admin' },
  { method: 'POST', path: '/api/users', permission: 'admin' },
  { method: 'POST', path: '/api/users/:id/disable', permission: 'admin' },
  { method: 'POST', path: '/api/users/:id/role', permission: 'admin' },
  { method: 'POST', path: '/api/users/:id/reset-password', permission: 'admin' },
  { method: 'GET', path: '/api/overview', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/feed', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/violations', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/violations/export.csv', permission: 'audit.review' },
  { method: 'GET', path: '/api/violations/:eventId', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/violations/:eventId/review', permission: 'audit.review' },
  { method: 'POST', path: '/api/violations/:eventId/revert', permission: 'admin' },
  { method: 'GET', path: '/api/reports', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/reports/:reportId/download', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/runs', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/runs/:runId', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/editors', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/settings', permission: 'audit.review' },
  { method: 'GET', path: '/api/trail', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/trail/verify', permission: 'audit.review' },
  { method: 'GET', path: '/api/access-review', permission: 'audit.review' },
  { method: 'POST', path: '/api/access-review/decisions', permission: 'audit.review' },
  { method: 'GET', path: '/api/access-review/export.csv', permission: 'audit.review' },
  { method: 'GET', path: '/api/access-review/export.xlsx', permission: 'audit.review' },
  // corrections (issue #12; shapes in corrections-contract.ts)
  { method: 'POST', path: '/api/corrections', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/corrections', permission: 'dashboard.read' },
  { method: 'GET', path: '/api/corrections/:id', permission: 'dashboard.read' },
  { method: 'POST', path: '/api/corrections/:id/decision', permission: 'audit.review' },
  { method: 'POST', path: '/api/corrections/:id/apply', permission: 'audit.review' },
  // the cluster's job queue (issue #10; shapes in jobs-contract.ts)
  { method: 'GET', path: '/api/jobs', permission: 'audit.review' },
  { method: 'POST', path: '/api/jobs/:kind/:id/retry', permission: 'admin' },
];

// users (engineer A)

/** POST /api/auth/password (dashboard.read) → 204. Other sessions of the account end. */
export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** POST /api/auth/mfa/confirm (dashboard.read): the first code of the new authenticator. */
export interface MfaConfirmRequest {
  readonly code: string;
}

/** POST /api/auth/mfa/disable (dashboard.read) → 204: the password and a TOTP or recovery code. */
export interface MfaDisableRequest {
  readonly password: string;
  readonly code: string;
}

/** One live session of the signed-in user; `id` is what DELETE /api/auth/sessions/:id takes. */
export interface SessionListItem {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly absoluteExpiresAt: string;
  readonly ipAddress: string | null;
  /** "Chrome on Linux". */
  readonly device: string | null;
  readonly current: boolean;
}

/** GET /api/auth/sessions (dashboard.read). DELETE /api/auth/sessions/:id → 204. */
export interface SessionList {
  readonly sessions: readonly SessionListItem[];
}

/** An account as the admin page shows it (never a hash, secret or code). */
export interface UserSummary {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly mfaEnabled: boolean;
  readonly disabledAt: string | null;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
  /** Granted permissions such as `billing.correct`. */
  readonly permissions: readonly string[];
}

/** GET /api/users (admin). */
export interface UserList {
  readonly users: readonly UserSummary[];
}

/** POST /api/users (admin) → 201 CreatedUser. Without `password` one is generated. */
export interface CreateUserRequest {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password?: string;
}

/** The reply of creating an account or resetting a password: a generated password, shown once. */
export interface CreatedUser {
  readonly user: UserSummary;
  readonly temporaryPassword: string | null;
}

/** POST /api/users/:id/role (admin) → UserSummary. */
export interface SetRoleRequest {
  readonly role: Role;
}

/** POST /api/users/:id/reset-password (admin) → CreatedUser; without `password` one is generated. */
export interface ResetPasswordRequest {
  readonly password?: string;
}

/** POST /api/users/:id/disable (admin) → UserSummary; the account's sessions end. */
export type DisableUserReply = UserSummary;

// dashboard data (engineer B)

/** GET /api/violations/export.csv (audit.review): the ViolationQuery's filters and sort, every page. */
export type ViolationExportQuery = Omit<ViolationQuery, 'page' | 'pageSize'>;

/** POST /api/violations/:eventId/review (audit.review) → 201 ViolationReview. */
export interface ReviewRequest {
  readonly status: 'acknowledged' | 'resolved';
  /** Required, at most 2000 characters. */
  readonly comment: string;
}

/** POST /api/violations/:eventId/revert (admin): 400 without `confirm: true`; 409 when the cell changed since. */
export interface RevertRequest {
  readonly confirm: true;
  readonly comment?: string;
}

export interface RevertResult {
  readonly review: ViolationReview;
  /** Seq of the VIOLATION_REVERTED audit event. */
  readonly eventSeq: number | null;
  /** The cell's value before the revert (the event's new value) and after (its old value). */
  readonly from: string | null;
  readonly to: string | null;
}

/** One published weekly workbook. */
export interface ReportItem {
  /** Pass it URL-encoded to GET /api/reports/:reportId/download. */
  readonly reportId: string;
  readonly workRequest: string;
  readonly weekEnding: string;
  readonly variant: string;
  readonly claimer: string | null;
  readonly fileName: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly runId: string | null;
}

/**
 * GET /api/reports?workRequest=&week=&page=&pageSize= (dashboard.read): newest week first, then
 * Work Request; pageSize ≤ 500 (default 100); `total` counts every report the filter matches.
 */
export interface ReportList {
  readonly reports: readonly ReportItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One run (a cycle) and its summary (the JSON `ledgerline run` prints). */
export interface RunItem {
  readonly id: string;
  readonly kind: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'running' | 'succeeded' | 'partial' | 'failed';
  readonly summary: Record<string, unknown> | null;
  readonly error: string | null;
}

/** GET /api/runs?limit=&kind= (dashboard.read): latest first; limit ≤ 500 (default 50). GET /api/runs/:runId → RunItem. */
export interface RunList {
  readonly runs: readonly RunItem[];
}

/** One editor's activity: violations from the audit events, the rest from the scored changes. */
export interface EditorActivityItem {
  readonly editor: string;
  readonly changes: number;
  readonly violations: number;
  readonly violationsBySeverity: Readonly<Record<ViolationItem['severity'], number>>;
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
  readonly averageRisk: number | null;
  readonly maxRisk: number | null;
  readonly lastChangeAt: string | null;
  /** Changes by local hour (24 entries, organisation time zone). */
  readonly byHour: readonly number[];
  /** Changes by local weekday (7 entries, Monday first). */
  readonly byWeekday: readonly number[];
  /** [weekday (Monday first)][hour]: an ECharts heatmap's matrix. */
  readonly byWeekdayHour: readonly (readonly number[])[];
}

/** GET /api/editors?days= (dashboard.read): the last `days` days (default 90, ≤ 366). */
export interface EditorsResponse {
  readonly from: string;
  readonly to: string;
  readonly editors: readonly EditorActivityItem[];
}

/** GET /api/settings (audit.review): nothing secret (secrets read "(set)"/"(unset)"). */
export interface SettingsResponse {
  readonly config: Record<string, unknown>;
  readonly webhooks: readonly {
    readonly id: number;
    readonly sheetId: number;
    readonly callbackUrl: string;
    readonly status: string;
    readonly lastCallbackAt: string | null;
  }[];
  readonly model: {
    readonly coldStart: boolean;
    readonly modelId: string | null;
    readonly createdAt: string | null;
    readonly sampleCount: number | null;
    readonly trainedFrom: string | null;
    readonly trainedTo: string | null;
    readonly problem: string | null;
  };
  readonly backups: readonly {
    readonly id: string;
    readonly status: string;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    readonly sizeBytes: number | null;
    readonly error: string | null;
  }[];
}

/** POST /api/trail/verify (audit.review): the walk's outcome; GET /api/trail → TrailStatus. */
export interface TrailVerification extends TrailStatus {
  readonly checkpointsChecked: number;
  readonly firstBadSeq: number | null;
  readonly durationMs: number;
}
