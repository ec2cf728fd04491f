// The dashboard as `serve` composes it (the HTTP server with the dashboard app registered) over a
// test store, and accounts per role, for the route, permission and browser tests.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { Registry } from 'prom-client';
import { createArgon2idPasswordHasher } from '../../src/adapters/auth/argon2id-password-hasher.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { smartsheetBillingSheets } from '../../src/adapters/smartsheet/smartsheet-billing-sheets.js';
import { registerDashboardApp } from '../../src/app/dashboard-app.js';
import { smartsheetClientFor } from '../../src/app/report-cycle.js';
import type { Config } from '../../src/config/index.js';
import { NO_ORIGIN } from '../../src/domain/auth/auth-event.js';
import type { UserRole as Role } from '../../src/ports/access-store.js';
import { authDepsFor } from '../../src/http/auth/auth-settings.js';
import { buildHttpServer } from '../../src/http/build-http-server.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import type { Store } from '../../src/ports/store.js';
import { createUserAccount } from '../../src/services/manage-users.js';

export interface SignedInSession {
  readonly cookie: string;
  readonly csrf: string;
}

/** Composes the server (ready, not listening); `onRoute` sees every route as it is registered. */
export async function composeDashboard(options: {
  readonly store: Store;
  readonly config: Config;
  readonly webRoot: string;
  readonly jobs?: JobQueue;
  readonly onRoute?: (route: RouteOptions) => void;
}): Promise<FastifyInstance> {
  const logger = createLogger({ level: 'silent', format: 'json' });
  const client = smartsheetClientFor(options.config, logger);
  const server = await buildHttpServer({
    webhooks: options.store.webhooks,
    inbox: options.store.inbox,
    logger,
    metrics: new Registry(),
    now: () => new Date(),
    ready: async () => ({ ok: true, checks: {} }),
  });
  if (options.onRoute) server.addHook('onRoute', options.onRoute);
  await registerDashboardApp(
    server,
    options.config,
    { store: options.store, client, source: smartsheetBillingSheets(client) },
    logger,
    { webRoot: options.webRoot, ...(options.jobs ? { jobs: options.jobs } : {}) },
  );
  await server.ready();
  return server;
}

/** Creates `<role>@example.com` with `password` for each role. */
export async function createRoleAccounts(
  store: Store,
  config: Config,
  roles: readonly Role[],
  password: string,
): Promise<void> {
  const deps = authDepsFor(store, config, createArgon2idPasswordHasher());
  for (const role of roles)
    await createUserAccount(
      deps,
      { email: 'cli:test', origin: NO_ORIGIN },
      { email: `${role}@example.com`, displayName: role, role, password },
    );
}

/** Creates an account per role and signs each in through the API: its cookie and CSRF token. */
export async function signInRoles<R extends Role>(
  server: FastifyInstance,
  parts: { readonly store: Store; readonly config: Config },
  roles: readonly R[],
  password: string,
): Promise<Map<R, SignedInSession>> {
  await createRoleAccounts(parts.store, parts.config, roles, password);
  const sessions = new Map<R, SignedInSession>();
  for (const role of roles) {
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `${role}@example.com`, password },
    });
    if (login.statusCode !== 200) throw new Error(`sign-in of ${role} failed: ${login.body}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    sessions.set(role, { cookie, csrf: login.json<{ csrfToken: string }>().csrfToken });
  }
  return sessions;
}
