// The hook every request passes first: the session cookie becomes `request.auth` (or nothing), an
// admin who must enrol MFA is kept to the enrolment routes, and state-changing API requests must
// carry the session's CSRF token. Role checks come after, in enforcePermissions' preHandler.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenMatches } from '../../domain/auth/session-token.js';
import { resolveSession, type ResolvedSession } from '../../services/auth-sessions.js';
import type { AuthDeps } from '../../services/auth-context.js';
import { SESSION_COOKIE, readCookie } from './session-cookie.js';

/** The resolved session of each signed-in request, for the auth routes (expiry, CSRF token). */
const resolvedSessions = new WeakMap<FastifyRequest, ResolvedSession>();

export function resolvedSessionOf(request: FastifyRequest): ResolvedSession | undefined {
  return resolvedSessions.get(request);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The one state-changing route that runs before there is a session to bind a token to. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** What a session that must enrol MFA may still reach. */
const ENROLMENT_ROUTES = /^\/api\/auth\/(session|logout|mfa\/[a-z]+)$/;

export const CSRF_HEADER = 'x-csrf-token';

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

function refuse(reply: FastifyReply, error: string, message: string): FastifyReply {
  return reply.code(403).send({ error, message });
}

export function addAuthHook(
  server: FastifyInstance,
  deps: AuthDeps & { readonly csrfKey: Uint8Array },
): void {
  if (!server.hasRequestDecorator('auth')) server.decorateRequest('auth', undefined);

  server.addHook('onRequest', async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const resolved = token === undefined ? undefined : await resolveSession(deps, token);
    if (resolved) {
      resolvedSessions.set(request, resolved);
      request.auth = {
        user: {
          id: resolved.user.id,
          email: resolved.user.email,
          displayName: resolved.user.displayName,
          role: resolved.user.role,
          mfaEnabled: resolved.user.mfaEnabled,
        },
        sessionId: resolved.session.id,
      };
    }

    const path = pathOf(request);
    if (!path.startsWith('/api/') || !resolved) return;
    if (resolved.mfaEnrolmentRequired && !ENROLMENT_ROUTES.test(path)) {
      return refuse(reply, 'MFA_ENROLMENT_REQUIRED', 'Set up two-factor sign-in first (admins must use it).');
    }
    if (STATE_CHANGING.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const submitted = request.headers[CSRF_HEADER];
      if (typeof submitted !== 'string' || !csrfTokenMatches(deps.csrfKey, resolved.session.id, submitted)) {
        return refuse(reply, 'CSRF', `Send the ${CSRF_HEADER} header from GET /api/auth/session.`);
      }
    }
  });
}
