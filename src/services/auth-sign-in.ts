// Signing in (issue #7): e-mail and password, then a TOTP or recovery code when MFA is on, to a new
// database session. Every outcome is an audit event; failures count towards the lockout.
import type { AuthEventOrigin } from '../domain/auth/auth-event.js';
import { absoluteExpiry, isLockedOut } from '../domain/auth/auth-policy.js';
import { SESSION_TOKEN_BYTES, sessionIdForToken, sessionTokenFrom } from '../domain/auth/session-token.js';
import type { SessionRecord, UserRecord } from '../ports/access-store.js';
import { DUMMY_PASSWORD_HASH, recordAuthEvent, type AuthDeps } from './auth-context.js';
import { recordFailedAttempt } from './auth-failed-attempt.js';
import { checkSecondFactor } from './auth-second-factor.js';

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly totp?: string | undefined;
  readonly recoveryCode?: string | undefined;
  /** Where the request came from; the session id is filled in by the sign-in itself. */
  readonly origin: Omit<AuthEventOrigin, 'sessionId'>;
}

export type SignInOutcome =
  | {
      readonly kind: 'signed-in';
      /** The cookie value: shown to the browser once, never stored. */
      readonly token: string;
      readonly session: SessionRecord;
      readonly user: UserRecord;
    }
  /** Wrong e-mail, password or code; `mfaRequired` when the password was right but the code was not. */
  | { readonly kind: 'failed'; readonly mfaRequired: boolean }
  /** The password was right; a TOTP or recovery code is needed. */
  | { readonly kind: 'mfa-required' }
  | { readonly kind: 'locked'; readonly lockedUntil: string };

export async function signIn(deps: AuthDeps, input: SignInInput): Promise<SignInOutcome> {
  const now = deps.now();
  const origin = { ...input.origin, sessionId: null };
  const email = input.email.trim().toLowerCase();
  const found = email === '' ? undefined : await deps.users.getUserByEmail(email);

  if (!found || found.disabledAt !== null) {
    // Same cost as a wrong password, so timing does not reveal which accounts exist.
    await deps.hasher.verify(found?.passwordHash ?? DUMMY_PASSWORD_HASH, input.password);
    await recordAuthEvent(deps, now, {
      type: 'LOGIN_FAILED',
      actor: email.slice(0, 254) || null,
      origin,
      description: `A sign-in failed: ${found ? 'the account is disabled' : 'no account has this e-mail'}.`,
      details: { reason: found ? 'account-disabled' : 'unknown-account' },
    });
    return { kind: 'failed', mfaRequired: false };
  }

  let user = found;
  if (isLockedOut(user.lockedUntil, now)) {
    await recordAuthEvent(deps, now, {
      type: 'LOGIN_FAILED',
      actor: user.email,
      origin,
      description: `A sign-in to ${user.email} was refused: the account is locked until ${user.lockedUntil}.`,
      details: { reason: 'locked' },
    });
    return { kind: 'locked', lockedUntil: user.lockedUntil! };
  }
  if (user.lockedUntil !== null) {
    // A lockout that has run out starts a fresh count.
    user =
      (await deps.users.updateUser(user.id, {
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: now.toISOString(),
      })) ?? user;
  }

  const fail = async (reason: string, mfaRequired: boolean): Promise<SignInOutcome> => {
    const attempt = await recordFailedAttempt(deps, user, { at: now, origin, reason });
    return attempt.locked
      ? { kind: 'locked', lockedUntil: attempt.lockedUntil! }
      : { kind: 'failed', mfaRequired };
  };

  if (!(await deps.hasher.verify(user.passwordHash, input.password))) return fail('wrong-password', false);

  let method: 'password' | 'totp' | 'recovery-code' = 'password';
  if (user.mfaEnabled) {
    if (!input.totp && !input.recoveryCode) return { kind: 'mfa-required' };
    const factor = await checkSecondFactor(deps, user, input, now);
    if (!factor.ok) return fail(factor.reason, true);
    method = factor.method;
  }

  const token = sessionTokenFrom(deps.randomBytes(SESSION_TOKEN_BYTES));
  const session: SessionRecord = {
    id: sessionIdForToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    absoluteExpiresAt: absoluteExpiry(now, deps.policy).toISOString(),
    ip: input.origin.ipAddress,
    userAgent: input.origin.userAgent,
    revokedAt: null,
  };
  await deps.sessions.createSession(session);
  const signedIn =
    (await deps.users.updateUser(user.id, {
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })) ?? user;
  await recordAuthEvent(deps, now, {
    type: 'LOGIN_SUCCEEDED',
    actor: user.email,
    origin: { ...origin, sessionId: session.id },
    description: `${user.email} signed in (${method === 'password' ? 'password' : `password and ${method}`}).`,
    details: {
      method,
      ...(method === 'recovery-code' ? { recoveryCodesLeft: signedIn.recoveryCodes.length } : {}),
    },
  });
  return { kind: 'signed-in', token, session, user: signedIn };
}
