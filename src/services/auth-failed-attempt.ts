// A failed proof of identity (wrong password, wrong or replayed code) for a known account: counted
// towards the lockout (ASVS 5.0 V6.3.1), recorded as LOGIN_FAILED, and — on the failure that
// reaches the limit — as ACCOUNT_LOCKED.
import type { AuthEventOrigin } from '../domain/auth/auth-event.js';
import { isLockedOut, lockoutEnds } from '../domain/auth/auth-policy.js';
import type { UserRecord } from '../ports/access-store.js';
import { recordAuthEvent, type AuthDeps } from './auth-context.js';

export interface FailedAttempt {
  /** True when the account is now locked. */
  readonly locked: boolean;
  readonly lockedUntil: string | null;
}

export async function recordFailedAttempt(
  deps: Pick<AuthDeps, 'users' | 'audit' | 'randomBytes' | 'policy'>,
  user: UserRecord,
  failure: { readonly at: Date; readonly origin: AuthEventOrigin; readonly reason: string },
): Promise<FailedAttempt> {
  const { at, origin, reason } = failure;
  const updated = await deps.users.recordFailedLogin(user.id, {
    at: at.toISOString(),
    maxFailures: deps.policy.maxFailedLogins,
    lockedUntil: lockoutEnds(at, deps.policy).toISOString(),
  });
  const lockedUntil = updated?.lockedUntil ?? null;
  const locked = isLockedOut(lockedUntil, at);
  await recordAuthEvent(deps, at, {
    type: 'LOGIN_FAILED',
    actor: user.email,
    origin,
    description: `A sign-in to ${user.email} failed (${reason}).`,
    details: { reason, consecutiveFailures: updated?.failedLogins ?? null },
  });
  const lockedNow = locked && lockedUntil !== user.lockedUntil;
  if (lockedNow) {
    await recordAuthEvent(deps, at, {
      type: 'ACCOUNT_LOCKED',
      actor: user.email,
      origin,
      description: `${user.email} is locked until ${lockedUntil} after ${updated?.failedLogins ?? '?'} failed attempts.`,
      newValue: lockedUntil,
      details: {
        consecutiveFailures: updated?.failedLogins ?? null,
        lockoutMinutes: deps.policy.lockoutMinutes,
      },
    });
  }
  return { locked, lockedUntil };
}
