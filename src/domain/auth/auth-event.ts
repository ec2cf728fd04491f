// Authentication and user administration in the audit trail (issue #7, ASVS 5.0 V16): every
// sign-in, failure, lockout, logout, MFA change and admin action becomes one event of the
// hash-chained log, with who acted, from where (IP, user agent, device, session) and on whom.
// Nothing secret is ever passed in: no password, hash, TOTP secret, code or session token.
import { auditEventId } from '../audit/audit-event.js';
import type { AuditEventRecord, AuditSeverity, JsonObject } from '../audit-chain.js';

export const AUTH_EVENT_TYPES = [
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'LOGOUT',
  'SESSION_REVOKED',
  'PASSWORD_CHANGED',
  'MFA_ENABLED',
  'MFA_DISABLED',
  'USER_CREATED',
  'USER_DISABLED',
  'ROLE_CHANGED',
  'PASSWORD_RESET',
  'PERMISSION_GRANTED',
] as const;

export type AuthEventType = (typeof AUTH_EVENT_TYPES)[number];

/** Failures and lockouts are worth a look; everything else is a record of normal use. */
const SEVERITY: Readonly<Record<AuthEventType, AuditSeverity>> = {
  LOGIN_SUCCEEDED: 'INFO',
  LOGIN_FAILED: 'LOW',
  ACCOUNT_LOCKED: 'LOW',
  LOGOUT: 'INFO',
  SESSION_REVOKED: 'INFO',
  PASSWORD_CHANGED: 'INFO',
  MFA_ENABLED: 'INFO',
  MFA_DISABLED: 'INFO',
  USER_CREATED: 'INFO',
  USER_DISABLED: 'INFO',
  ROLE_CHANGED: 'INFO',
  PASSWORD_RESET: 'INFO',
  PERMISSION_GRANTED: 'INFO',
};

/** Where a request came from, as the audit trail records it (mirrors http's RequestOrigin). */
export interface AuthEventOrigin {
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  readonly deviceInfo: string | null;
  readonly sessionId: string | null;
}

/** The origin of actions taken outside HTTP (the CLI). */
export const NO_ORIGIN: AuthEventOrigin = {
  ipAddress: null,
  userAgent: null,
  deviceInfo: null,
  sessionId: null,
};

export interface AuthEventInput {
  readonly type: AuthEventType;
  /** The e-mail of who acted (for a failed sign-in: the e-mail that was tried); null when unknown. */
  readonly actor: string | null;
  /** The account acted on, when it is not the actor (an admin's action on a user). */
  readonly subject?: string;
  readonly origin: AuthEventOrigin;
  readonly at: Date;
  /** A random id that makes this action's revision unique (two sign-ins in one millisecond). */
  readonly nonce: string;
  /** One sentence for the trail's reader. */
  readonly description: string;
  readonly oldValue?: string | null;
  readonly newValue?: string | null;
  /** Non-secret facts: reason of a failure, method of a sign-in, counts. */
  readonly details?: JsonObject;
}

/**
 * The revision an auth event is stored under: `auth:<action>:<ISO time>:<nonce>`. Auth events have
 * no sheet, row or column, so the revision alone makes the natural key unique per action.
 */
export function authEventRevision(type: AuthEventType, at: Date, nonce: string): string {
  return `auth:${type.toLowerCase()}:${at.toISOString()}:${nonce}`;
}

const SUGGESTED_FIX: Partial<Record<AuthEventType, string>> = {
  LOGIN_FAILED: 'Repeated failures for one account or from one address may be password guessing.',
  ACCOUNT_LOCKED: 'Confirm with the account holder; if they did not try to sign in, reset their password.',
};

/** The audit event of one authentication or user-administration action. */
export function authEvent(input: AuthEventInput): AuditEventRecord {
  const revision = authEventRevision(input.type, input.at, input.nonce);
  const key = { sheetId: null, rowId: null, columnName: null, revision };
  const at = input.at.toISOString();
  return {
    eventId: auditEventId(key),
    revision,
    runId: null,
    timestamp: at,
    sheetId: null,
    rowId: null,
    workRequest: null,
    columnName: null,
    violationType: input.type,
    oldValue: input.oldValue ?? null,
    newValue: input.newValue ?? null,
    deltaCents: null,
    changedBy: input.actor,
    changedAt: at,
    weekEnding: null,
    isHistorical: false,
    auditRunId: null,
    severity: SEVERITY[input.type],
    issueDescription: input.description,
    suggestedFix: SUGGESTED_FIX[input.type] ?? null,
    sheetReference: null,
    ipAddress: input.origin.ipAddress,
    deviceInfo: input.origin.deviceInfo,
    sessionId: input.origin.sessionId,
    userAgent: input.origin.userAgent,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: {
      category: 'authentication',
      ...(input.subject === undefined ? {} : { subject: input.subject }),
      ...input.details,
    },
  };
}
