// Using and ending sessions: resolving a cookie to a live session (idle and absolute timeouts,
// revocation, disabled accounts), signing out, and a user's own session list and revocation.
import { idleExpiry, mfaEnrolmentRequired, sessionState } from '../domain/auth/auth-policy.js';
import { describeDevice } from '../domain/auth/device-description.js';
import { looksLikeSessionToken, sessionIdForToken } from '../domain/auth/session-token.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { SessionRecord, UserRecord } from '../ports/access-store.js';
import { recordAuthEvent, type Actor, type AuthDeps } from './auth-context.js';

/** Activity is written at most this often, so a busy page does not write on every request. */
const TOUCH_INTERVAL_MS = 30_000;

export interface ResolvedSession {
  readonly session: SessionRecord;
  readonly user: UserRecord;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** The policy wants this admin to enrol MFA before anything else. */
  readonly mfaEnrolmentRequired: boolean;
}

/**
 * The live session a cookie token stands for, its activity recorded; undefined when the token is
 * malformed or unknown, the session revoked or expired, or the account disabled.
 */
export async function resolveSession(
  deps: Pick<AuthDeps, 'users' | 'sessions' | 'policy' | 'now'>,
  token: string,
): Promise<ResolvedSession | undefined> {
  if (!looksLikeSessionToken(token)) return undefined;
  const now = deps.now();
  const found = await deps.sessions.getSession(sessionIdForToken(token));
  if (!found || sessionState(found, now, deps.policy) !== 'live') return undefined;
  const user = await deps.users.getUserById(found.userId);
  if (!user || user.disabledAt !== null) return undefined;
  let session = found;
  if (now.getTime() - Date.parse(found.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    if (!(await deps.sessions.touchSession(found.id, now.toISOString()))) return undefined;
    session = { ...found, lastSeenAt: now.toISOString() };
  }
  return {
    session,
    user,
    idleExpiresAt: idleExpiry(session.lastSeenAt, deps.policy).toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt,
    mfaEnrolmentRequired: mfaEnrolmentRequired(user, deps.policy),
  };
}

/** Ends the actor's current session (logout). */
export async function signOut(deps: AuthDeps, actor: Actor, sessionId: string): Promise<void> {
  const now = deps.now();
  await deps.sessions.revokeSession(sessionId, now.toISOString());
  await recordAuthEvent(deps, now, {
    type: 'LOGOUT',
    actor: actor.email,
    origin: actor.origin,
    description: `${actor.email} signed out.`,
  });
}

export interface OwnSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly absoluteExpiresAt: string;
  readonly ipAddress: string | null;
  readonly device: string | null;
  readonly current: boolean;
}

/** The signed-in user's live sessions, the current one marked. */
export async function listOwnSessions(
  deps: Pick<AuthDeps, 'sessions' | 'policy' | 'now'>,
  userId: string,
  currentSessionId: string,
): Promise<OwnSession[]> {
  const now = deps.now();
  const sessions = await deps.sessions.listLiveSessionsForUser(userId, now.toISOString());
  return sessions
    .filter((s) => sessionState(s, now, deps.policy) === 'live')
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      absoluteExpiresAt: s.absoluteExpiresAt,
      ipAddress: s.ip,
      device: describeDevice(s.userAgent),
      current: s.id === currentSessionId,
    }));
}

/** Revokes one of the actor's own sessions (a device they no longer use). */
export async function revokeOwnSession(
  deps: AuthDeps,
  actor: Actor & { userId: string },
  sessionId: string,
): Promise<void> {
  const now = deps.now();
  const session = await deps.sessions.getSession(sessionId);
  // Someone else's session is "not found" too: ids of other users' sessions are not confirmed.
  if (!session || session.userId !== actor.userId || session.revokedAt !== null) {
    throw new AppError(ErrorCode.NOT_FOUND, 'You have no live session with this id.');
  }
  await deps.sessions.revokeSession(sessionId, now.toISOString());
  await recordAuthEvent(deps, now, {
    type: 'SESSION_REVOKED',
    actor: actor.email,
    origin: actor.origin,
    description: `${actor.email} ended one of their sessions (${describeDevice(session.userAgent) ?? 'unknown device'}).`,
    details: { revokedSessionId: sessionId },
  });
}
