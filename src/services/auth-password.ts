// A signed-in user changes their own password (ASVS 5.0 V6.2.2/V6.2.3): the current password
// proves it is them, the new one must pass the policy, and their other sessions end.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { checkPassword } from '../domain/auth/password-policy.js';
import { recordAuthEvent, type Actor, type AuthDeps } from './auth-context.js';
import { recordFailedAttempt } from './auth-failed-attempt.js';

/** Throws INPUT_INVALID with every reason when `password` fails the policy for `email`. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const check = checkPassword(password, email);
  if (!check.ok) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `The password is not acceptable: ${check.reasons.join(' ')}`,
      {
        details: { reasons: check.reasons },
      },
    );
  }
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor & { userId: string },
  input: {
    readonly currentPassword: string;
    readonly newPassword: string;
    readonly currentSessionId: string;
  },
): Promise<void> {
  const now = deps.now();
  const user = await deps.users.getUserById(actor.userId);
  if (!user) throw new AppError(ErrorCode.NOT_FOUND, 'Your account no longer exists.');
  if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    // Counted like a failed sign-in, so this form cannot be used to guess the password.
    await recordFailedAttempt(deps, user, {
      at: now,
      origin: actor.origin,
      reason: 'wrong-current-password',
    });
    throw new AppError(ErrorCode.INPUT_INVALID, 'The current password is wrong.');
  }
  assertPasswordAcceptable(input.newPassword, user.email);
  await deps.users.updateUser(user.id, {
    passwordHash: await deps.hasher.hash(input.newPassword),
    updatedAt: now.toISOString(),
  });
  // Whoever else holds a session of this account (a stolen cookie) is signed out; this one stays.
  let ended = 0;
  for (const session of await deps.sessions.listLiveSessionsForUser(user.id, now.toISOString())) {
    if (session.id === input.currentSessionId) continue;
    if (await deps.sessions.revokeSession(session.id, now.toISOString())) ended += 1;
  }
  await recordAuthEvent(deps, now, {
    type: 'PASSWORD_CHANGED',
    actor: actor.email,
    origin: actor.origin,
    description: `${actor.email} changed their password; ${ended} other session(s) ended.`,
    details: { otherSessionsEnded: ended },
  });
}
