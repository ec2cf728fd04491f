// The dashboard's access rules in one place (issue #7): every API route declares the permission it
// needs in its route config, the auth hook (src/http/auth/) attaches the signed-in user to the
// request, and one preHandler refuses what the user's role does not grant. A test walks every
// registered route for every role and for anonymous requests against this table.
import type { FastifyInstance } from 'fastify';
import type { UserRole } from '../ports/access-store.js';

/** What a route may need. `public` routes (login, health) need nothing. */
export type Permission =
  | 'public'
  /** Any signed-in user: overview, violations, reports, runs, editors, live feed, own sessions. */
  | 'dashboard.read'
  /** Auditors and admins: CSV export, acknowledge/resolve, verdicts, access review, settings. */
  | 'audit.review'
  /** Admins only: revert a cell, manage users, access-review decisions on admins, trail re-verify,
   * retry a failed cluster job. */
  | 'admin';

/** Which permissions each role holds. */
export const ROLE_PERMISSIONS: Readonly<Record<UserRole, readonly Permission[]>> = {
  viewer: ['public', 'dashboard.read'],
  auditor: ['public', 'dashboard.read', 'audit.review'],
  admin: ['public', 'dashboard.read', 'audit.review', 'admin'],
};

export function roleGrants(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The signed-in user as the auth hook attaches it to a request. */
export interface RequestAuth {
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly displayName: string;
    readonly role: UserRole;
    readonly mfaEnabled: boolean;
  };
  readonly sessionId: string;
}

/** What the audit trail records about who did something through the dashboard (§3.4 fields). */
export interface RequestOrigin {
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  /** A short description of the device from the user agent ("Chrome on Linux"). */
  readonly deviceInfo: string | null;
  readonly sessionId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for a valid, unexpired session; undefined for anonymous requests. */
    auth?: RequestAuth;
  }
  interface FastifyContextConfig {
    /** Every /api route must declare one; a route without it is refused (fail closed). */
    permission?: Permission;
  }
}

/**
 * Makes every /api route declare its permission (a route without one fails at registration, so
 * nothing is public by omission) and refuses requests the signed-in user's role does not grant:
 * 401 without a session, 403 with one that lacks the permission. Register it before the routes;
 * the auth hook that sets `request.auth` runs in `onRequest`, before this `preHandler`.
 */
export function enforcePermissions(server: FastifyInstance): void {
  server.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const permission = (route.config as { permission?: Permission } | undefined)?.permission;
    if (permission === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
    }
  });
  server.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === 'public') return;
    if (!request.auth) {
      return reply.code(401).send({ error: 'UNAUTHENTICATED', message: 'Sign in first.' });
    }
    if (!roleGrants(request.auth.user.role, permission)) {
      return reply
        .code(403)
        .send({ error: 'FORBIDDEN', message: `Your role (${request.auth.user.role}) may not do this.` });
    }
  });
}
