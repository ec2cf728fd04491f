// The /api/auth routes of api-contract.ts: sign in and out, the session, password change, MFA
// enrolment, and the user's own sessions. Handlers parse, call one service and shape the reply.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { idleExpiry, mfaEnrolmentRequired } from '../../domain/auth/auth-policy.js';
import { csrfTokenFor } from '../../domain/auth/session-token.js';
import type { UserRecord } from '../../ports/access-store.js';
import type { QrCodeRenderer } from '../../ports/qr-code-renderer.js';
import type { Actor, AuthDeps } from '../../services/auth-context.js';
import { confirmMfa, disableMfa, startMfaEnrolment } from '../../services/auth-mfa.js';
import { changePassword } from '../../services/auth-password.js';
import { listOwnSessions, revokeOwnSession, signOut } from '../../services/auth-sessions.js';
import { signIn } from '../../services/auth-sign-in.js';
import type {
  ApiError,
  MfaConfirmed,
  MfaEnrolment,
  SessionInfo,
  SessionList,
} from '../dashboard/api-contract.js';
import { resolvedSessionOf } from './auth-hook.js';
import { SlidingWindowRateLimit } from './login-rate-limit.js';
import { requestOrigin } from './request-origin.js';
import { parseInput } from './request-body.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';

export interface AuthRouteDeps extends AuthDeps {
  readonly qr: QrCodeRenderer;
  readonly csrfKey: Uint8Array;
  /** Sign-in attempts per client IP per minute. */
  readonly loginAttemptsPerMinute: number;
}

const loginBody = z.object({
  email: z.string().max(320),
  // Generous bound: long enough for any real password, short enough not to hash megabytes.
  password: z.string().max(1024),
  totp: z.string().max(16).optional(),
  recoveryCode: z.string().max(64).optional(),
});
const passwordBody = z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) });
const codeBody = z.object({ code: z.string().max(64) });
const disableBody = z.object({ password: z.string().max(1024), code: z.string().max(64) });
const sessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'not a session id') });

/** The signed-in actor of a request; the permission check guarantees one on these routes. */
export function signedInActor(request: FastifyRequest): Actor & { userId: string } {
  if (!request.auth) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return { email: request.auth.user.email, userId: request.auth.user.id, origin: requestOrigin(request) };
}

function sessionInfoOf(
  deps: AuthRouteDeps,
  user: UserRecord,
  session: { readonly id: string; readonly lastSeenAt: string; readonly absoluteExpiresAt: string },
): SessionInfo {
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      mfaEnabled: user.mfaEnabled,
    },
    csrfToken: csrfTokenFor(deps.csrfKey, session.id),
    idleExpiresAt: idleExpiry(session.lastSeenAt, deps.policy).toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt,
    mfaEnrolmentRequired: mfaEnrolmentRequired(user, deps.policy),
  };
}

const isTls = (request: FastifyRequest) => request.protocol === 'https';

function loginRefusal(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).send(body);
}

export function authRoutes(server: FastifyInstance, deps: AuthRouteDeps): void {
  const limiter = new SlidingWindowRateLimit(deps.loginAttemptsPerMinute, 60_000);

  server.post('/api/auth/login', { config: { permission: 'public' } }, async (request, reply) => {
    const decision = limiter.attempt(request.ip, deps.now().getTime());
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return loginRefusal(reply, 429, {
        error: 'RATE_LIMITED',
        message: `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} s.`,
      });
    }
    const body = parseInput(loginBody, request.body);
    const { sessionId: _none, ...origin } = requestOrigin(request);
    const outcome = await signIn(deps, { ...body, origin });
    switch (outcome.kind) {
      case 'signed-in':
        reply.header('set-cookie', sessionCookie(outcome.token, isTls(request)));
        return reply.send(sessionInfoOf(deps, outcome.user, outcome.session));
      case 'mfa-required':
        return loginRefusal(reply, 401, {
          error: 'MFA_REQUIRED',
          message: 'Enter the code from your authenticator app, or a recovery code.',
          mfaRequired: true,
        });
      case 'failed':
        return loginRefusal(reply, 401, {
          error: 'LOGIN_FAILED',
          message: outcome.mfaRequired
            ? 'The code is not right.'
            : 'The e-mail or the password is not right.',
          ...(outcome.mfaRequired ? { mfaRequired: true } : {}),
        });
      case 'locked': {
        const seconds = Math.max(
          1,
          Math.ceil((Date.parse(outcome.lockedUntil) - deps.now().getTime()) / 1000),
        );
        reply.header('retry-after', String(seconds));
        return loginRefusal(reply, 423, {
          error: 'ACCOUNT_LOCKED',
          message: `Too many failed attempts: this account is locked until ${outcome.lockedUntil}.`,
        });
      }
    }
  });

  server.post('/api/auth/logout', { config: { permission: 'dashboard.read' } }, async (request, reply) => {
    const actor = signedInActor(request);
    await signOut(deps, actor, request.auth!.sessionId);
    reply.header('set-cookie', clearedSessionCookie(isTls(request)));
    return reply.code(204).send();
  });

  server.get('/api/auth/session', { config: { permission: 'dashboard.read' } }, async (request) => {
    const resolved = resolvedSessionOf(request);
    if (!resolved) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
    return sessionInfoOf(deps, resolved.user, resolved.session);
  });

  server.post('/api/auth/password', { config: { permission: 'dashboard.read' } }, async (request, reply) => {
    const body = parseInput(passwordBody, request.body);
    await changePassword(deps, signedInActor(request), {
      ...body,
      currentSessionId: request.auth!.sessionId,
    });
    return reply.code(204).send();
  });

  server.post('/api/auth/mfa/enrol', { config: { permission: 'dashboard.read' } }, async (request) => {
    const offer: MfaEnrolment = await startMfaEnrolment(deps, signedInActor(request));
    return offer;
  });

  server.post('/api/auth/mfa/confirm', { config: { permission: 'dashboard.read' } }, async (request) => {
    const { code } = parseInput(codeBody, request.body);
    const reply: MfaConfirmed = { recoveryCodes: await confirmMfa(deps, signedInActor(request), code) };
    return reply;
  });

  server.post(
    '/api/auth/mfa/disable',
    { config: { permission: 'dashboard.read' } },
    async (request, reply) => {
      await disableMfa(deps, signedInActor(request), parseInput(disableBody, request.body));
      return reply.code(204).send();
    },
  );

  server.get('/api/auth/sessions', { config: { permission: 'dashboard.read' } }, async (request) => {
    const actor = signedInActor(request);
    const list: SessionList = {
      sessions: await listOwnSessions(deps, actor.userId, request.auth!.sessionId),
    };
    return list;
  });

  server.delete(
    '/api/auth/sessions/:id',
    { config: { permission: 'dashboard.read' } },
    async (request, reply) => {
      const { id } = parseInput(sessionParams, request.params);
      await revokeOwnSession(deps, signedInActor(request), id);
      return reply.code(204).send();
    },
  );
}
