// The dashboard's authentication as one call for the composition root: the auth hook (session
// cookie → request.auth, MFA-enrolment gate, CSRF) and the /api/auth and /api/users routes.
// Call enforcePermissions(server) first, so the routes' permissions are checked.
import type { FastifyInstance } from 'fastify';
import { addAuthHook } from './auth-hook.js';
import { authRoutes, type AuthRouteDeps } from './auth-routes.js';
import { userRoutes } from './user-routes.js';

export type RegisterAuthDeps = AuthRouteDeps;

export function registerAuth(server: FastifyInstance, deps: RegisterAuthDeps): void {
  addAuthHook(server, deps);
  authRoutes(server, deps);
  userRoutes(server, deps);
}
