// A Fastify server with the dashboard data routes for tests: the real permission check
// (enforcePermissions), the real error replies, and in place of the session cookie a test header
// `x-test-role: admin|auditor|viewer` that signs a user of that role in.
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { enforcePermissions } from '../../src/http/access-control.js';
import {
  registerDashboardRoutes,
  type DashboardDeps,
  type RegisteredDashboard,
} from '../../src/http/dashboard/register-dashboard.js';
import { installErrorReplies } from '../../src/http/error-replies.js';
import { addSecurityHeaders } from '../../src/http/security-headers.js';
import type { UserRole } from '../../src/ports/access-store.js';
import type { BillingSheets } from '../../src/ports/billing-sheets.js';
import type { SheetRowWriter } from '../../src/ports/sheet-row-writer.js';
import type { Store } from '../../src/ports/store.js';

export const TEST_ROLES: readonly UserRole[] = ['admin', 'auditor', 'viewer'];

/** The e-mail the test header signs in as for a role. */
export const testUserEmail = (role: UserRole) => `${role}@example.com`;

/** Headers that sign a user of `role` in. */
export const as = (role: UserRole, more: Record<string, string> = {}) => ({
  'x-test-role': role,
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  ...more,
});

const unusedSource = new Proxy({} as BillingSheets, {
  get: (_target, name) => () =>
    Promise.reject(new Error(`Smartsheet is not part of this test (${String(name)})`)),
});
const unusedWriter: SheetRowWriter = {
  updateRowCells: () => Promise.reject(new Error('Smartsheet is not part of this test')),
  writerIdentity: () => Promise.resolve(null),
};

export async function startDashboardTestServer(
  store: Store,
  overrides: Partial<DashboardDeps> = {},
): Promise<{ server: FastifyInstance; dashboard: RegisteredDashboard }> {
  const logger = createLogger({ level: 'silent', format: 'json' });
  const server = Fastify({ logger: false });
  addSecurityHeaders(server);
  installErrorReplies(server, logger);
  server.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (role === 'admin' || role === 'auditor' || role === 'viewer') {
      request.auth = {
        user: { id: `user-${role}`, email: testUserEmail(role), displayName: role, role, mfaEnabled: false },
        sessionId: `session-${role}`,
      };
    }
  });
  enforcePermissions(server);
  const dashboard = registerDashboardRoutes(server, {
    store,
    source: unusedSource,
    writer: unusedWriter,
    reportFiles: { open: () => Promise.resolve(undefined) },
    checkpointVerifiers: () => Promise.resolve([]),
    configView: () => ({}),
    timeZone: 'America/Chicago',
    weekEndDay: 0,
    logger,
    ...overrides,
  });
  await server.ready();
  return { server, dashboard };
}
