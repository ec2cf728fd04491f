// The /api/users routes (admin only): the admin page's list, create, disable, role and password
// reset. Each handler parses, calls one manage-users service and returns its summary.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuthDeps } from '../../services/auth-context.js';
import {
  changeUserRole,
  createUserAccount,
  disableUserAccount,
  listUserAccounts,
  resetUserPassword,
} from '../../services/manage-users.js';
import type { CreatedUser, UserList, UserSummary } from '../dashboard/api-contract.js';
import { signedInActor } from './auth-routes.js';
import { parseInput } from './request-body.js';

const role = z.enum(['admin', 'auditor', 'viewer']);
const createBody = z.object({
  email: z.string().max(320),
  displayName: z.string().max(200),
  role,
  password: z.string().max(1024).optional(),
});
const roleBody = z.object({ role });
const resetBody = z.object({ password: z.string().max(1024).optional() });
const userParams = z.object({ id: z.string().min(1).max(100) });

export function userRoutes(server: FastifyInstance, deps: AuthDeps): void {
  const withPermissions = async (summary: Omit<UserSummary, 'permissions'>): Promise<UserSummary> => ({
    ...summary,
    permissions: (await deps.permissions.listPermissionsFor(summary.email)).map((g) => g.permission),
  });

  server.get('/api/users', { config: { permission: 'admin' } }, async () => {
    const list: UserList = { users: await listUserAccounts(deps) };
    return list;
  });

  server.post('/api/users', { config: { permission: 'admin' } }, async (request, reply) => {
    const body = parseInput(createBody, request.body);
    const created = await createUserAccount(deps, signedInActor(request), body);
    const result: CreatedUser = {
      user: await withPermissions(created.user),
      temporaryPassword: created.temporaryPassword,
    };
    return reply.code(201).send(result);
  });

  server.post('/api/users/:id/disable', { config: { permission: 'admin' } }, async (request) => {
    const { id } = parseInput(userParams, request.params);
    return withPermissions(await disableUserAccount(deps, signedInActor(request), { id }));
  });

  server.post('/api/users/:id/role', { config: { permission: 'admin' } }, async (request) => {
    const { id } = parseInput(userParams, request.params);
    const body = parseInput(roleBody, request.body);
    return withPermissions(await changeUserRole(deps, signedInActor(request), { id }, body.role));
  });

  server.post('/api/users/:id/reset-password', { config: { permission: 'admin' } }, async (request) => {
    const { id } = parseInput(userParams, request.params);
    const body = parseInput(resetBody, request.body);
    const reset = await resetUserPassword(deps, signedInActor(request), { id }, body.password);
    const result: CreatedUser = {
      user: await withPermissions(reset.user),
      temporaryPassword: reset.temporaryPassword,
    };
    return result;
  });
}
