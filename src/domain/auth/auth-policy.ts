// The tunable parts of sign-in and sessions (config section "Dashboard"), and the rules that use
// them: account lockout after consecutive failures and the two session timeouts.

export interface AuthPolicy {
  /** Consecutive failed sign-ins that lock an account (ASVS 5.0 V6.3.1). */
  readonly maxFailedLogins: number;
  readonly lockoutMinutes: number;
  /** A session without activity for this long ends (ASVS 5.0 V7.3.1). */
  readonly idleTimeoutMinutes: number;
  /** A session ends this long after sign-in, whatever its activity (ASVS 5.0 V7.3.2). */
  readonly absoluteTimeoutHours: number;
  /** Admins must enrol TOTP before their session may do anything else. */
  readonly mfaRequiredForAdmins: boolean;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 60,
  absoluteTimeoutHours: 12,
  mfaRequiredForAdmins: true,
};

/** True while `lockedUntil` lies after `now`. */
export function isLockedOut(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}

/** When an account locked by a failure at `now` unlocks. */
export function lockoutEnds(now: Date, policy: AuthPolicy): Date {
  return new Date(now.getTime() + policy.lockoutMinutes * 60_000);
}

/** When a session started at `createdAt` ends at the latest. */
export function absoluteExpiry(createdAt: Date, policy: AuthPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteTimeoutHours * 3_600_000);
}

/** When a session last active at `lastSeenAt` ends for inactivity. */
export function idleExpiry(lastSeenAt: string, policy: AuthPolicy): Date {
  return new Date(Date.parse(lastSeenAt) + policy.idleTimeoutMinutes * 60_000);
}

/** Whether a stored session may still be used at `now`, and if not why. */
export type SessionState = 'live' | 'revoked' | 'idle-expired' | 'absolute-expired';

export function sessionState(
  session: {
    readonly lastSeenAt: string;
    readonly absoluteExpiresAt: string;
    readonly revokedAt: string | null;
  },
  now: Date,
  policy: AuthPolicy,
): SessionState {
  if (session.revokedAt !== null) return 'revoked';
  if (Date.parse(session.absoluteExpiresAt) <= now.getTime()) return 'absolute-expired';
  if (idleExpiry(session.lastSeenAt, policy).getTime() <= now.getTime()) return 'idle-expired';
  return 'live';
}

/** True when the policy makes this user enrol MFA before using the dashboard. */
export function mfaEnrolmentRequired(
  user: { readonly role: string; readonly mfaEnabled: boolean },
  policy: AuthPolicy,
): boolean {
  return policy.mfaRequiredForAdmins && user.role === 'admin' && !user.mfaEnabled;
}
