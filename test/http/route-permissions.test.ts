// Every API route for every role and for anonymous requests, against the permission each declares
// (issue #7): the server is composed exactly as `serve` composes it, and the routes it registers
// must be exactly the table in api-contract.ts — a route added without an entry fails here.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { migrateToLatest, openStore } from '../../src/adapters/store/index.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import { roleGrants } from '../../src/http/access-control.js';
import { API_ROUTES } from '../../src/http/dashboard/api-contract.js';
import type { Store } from '../../src/ports/store.js';
import { composeDashboard, signInRoles } from '../support/composed-dashboard.js';

const PASSWORD = 'route-walk-password-1';
const ROLES = ['viewer', 'auditor', 'admin'] as const;
let emulator: RunningEmulator;
let store: Store;
let server: FastifyInstance;
const registered: string[] = [];
const sessions = new Map<string, { cookie: string; csrf: string }>();

beforeAll(async () => {
  const seed = generateSeed('tiny');
  emulator = await startEmulator({ seed });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-routes-'));
  const config = loadConfig({
    envFile: false,
    env: {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      // The walk checks roles; MFA enforcement for admins has its own tests in src/http/auth.
      LEDGERLINE_MFA_REQUIRED_FOR_ADMINS: 'false',
    },
  });
  store = await openStore(config.database.location);
  await migrateToLatest(store);
  server = await composeDashboard({
    store,
    config,
    webRoot: path.join(dir, 'no-web-build'),
    onRoute: (route) => {
      if (!route.url.startsWith('/api/')) return;
      for (const method of [route.method].flat())
        if (method !== 'HEAD') registered.push(`${method} ${route.url}`);
    },
  });
  for (const [role, session] of await signInRoles(server, { store, config }, ROLES, PASSWORD))
    sessions.set(role, session);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  await emulator?.close();
});

const concrete = (routePath: string) => routePath.replace(/:[A-Za-z]+/g, 'no-such-id');

async function call(method: string, routePath: string, role?: (typeof ROLES)[number]) {
  const session = role ? sessions.get(role) : undefined;
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return server.inject({
    method: method as 'GET',
    url: concrete(routePath),
    headers,
    ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
  });
}

describe('API route permissions', () => {
  it('registers exactly the routes of the contract, each with its declared permission', () => {
    const expected = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect([...new Set(registered)].sort()).toEqual(expected);
    for (const route of API_ROUTES) {
      const found = server.hasRoute({ method: route.method as 'GET', url: route.path });
      expect(found, `${route.method} ${route.path}`).toBe(true);
    }
  });

  for (const route of API_ROUTES.filter((r) => r.path !== '/api/feed' && r.path !== '/api/auth/logout')) {
    it(`${route.method} ${route.path} (${route.permission})`, async () => {
      const anonymous = await call(route.method, route.path);
      if (route.permission === 'public') expect(anonymous.statusCode).not.toBe(401);
      else expect(anonymous.statusCode, anonymous.body).toBe(401);
      for (const role of ROLES) {
        const reply = await call(route.method, route.path, role);
        if (roleGrants(role, route.permission)) {
          expect([401, 403], `${role}: ${reply.statusCode} ${reply.body}`).not.toContain(reply.statusCode);
        } else {
          expect(reply.statusCode, `${role}: ${reply.body}`).toBe(403);
        }
      }
    });
  }

  it('GET /api/feed and POST /api/auth/logout need a session', async () => {
    expect((await call('GET', '/api/feed')).statusCode).toBe(401);
    expect((await call('POST', '/api/auth/logout')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const viewer = sessions.get('viewer')!;
    const reply = await server.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: viewer.cookie },
      payload: { current: PASSWORD, next: 'another-long-password-2' },
    });
    expect(reply.statusCode).toBe(403);
  });
});
