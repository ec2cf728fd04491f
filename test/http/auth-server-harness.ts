/**
 * A Fastify server with the whole dashboard auth chain — security headers, error replies,
 * enforcePermissions, registerAuth — over a real test store, a settable clock and a cheap argon2id
 * (the production parameters are proven in the hasher's own tests). Probe routes stand in for the
 * dashboard's routes: GET/POST /api/probe (dashboard.read).
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createArgon2idPasswordHasher } from '../../src/adapters/auth/argon2id-password-hasher.js';
import { createQrCodeSvgRenderer } from '../../src/adapters/auth/qr-code-svg.js';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../../src/domain/auth/auth-policy.js';
import { enforcePermissions } from '../../src/http/access-control.js';
import { registerAuth, type RegisterAuthDeps } from '../../src/http/auth/register-auth.js';
import { installErrorReplies } from '../../src/http/error-replies.js';
import { addSecurityHeaders } from '../../src/http/security-headers.js';
import type { UserRole } from '../../src/ports/access-store.js';
import type { Store } from '../../src/ports/store.js';
import type { SessionInfo } from '../../src/http/dashboard/api-contract.js';
import { createUserAccount } from '../../src/services/manage-users.js';
import { NO_ORIGIN } from '../../src/domain/auth/auth-event.js';
import { recordingLogger } from './recording-logger.js';

export const PASSWORD = 'correct horse battery staple';
export const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export interface AuthServerOptions {
  readonly policy?: Partial<AuthPolicy>;
  readonly trustProxy?: boolean;
  readonly loginAttemptsPerMinute?: number;
}

export interface SignedIn {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly info: SessionInfo;
}

export async function startAuthServer(store: Store, options: AuthServerOptions = {}) {
  const clock = { now: new Date('2025-08-18T08:00:00.000Z') };
  const deps: RegisterAuthDeps = {
    users: store.users,
    sessions: store.sessions,
    permissions: store.permissions,
    audit: store.audit,
    hasher: createArgon2idPasswordHasher({ memory: 1024, passes: 1, parallelism: 1 }),
    qr: createQrCodeSvgRenderer(),
    // Admin MFA enforcement is off unless a test turns it on, so most tests sign in with a password.
    policy: { ...DEFAULT_AUTH_POLICY, mfaRequiredForAdmins: false, ...options.policy },
    now: () => clock.now,
    randomBytes: (size) => randomBytes(size),
    csrfKey: randomBytes(32),
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1_000,
  };
  const { logger, records } = recordingLogger();
  const server: FastifyInstance = Fastify({ logger: false, trustProxy: options.trustProxy ?? false });
  addSecurityHeaders(server);
  installErrorReplies(server, logger);
  enforcePermissions(server);
  const routes: { method: string; url: string; permission: unknown }[] = [];
  server.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url: route.url,
        permission: (route.config as { permission?: unknown })?.permission,
      });
    }
  });
  registerAuth(server, deps);
  server.get('/api/probe', { config: { permission: 'dashboard.read' } }, async (request) => ({
    email: request.auth?.user.email,
  }));
  server.post('/api/probe', { config: { permission: 'dashboard.read' } }, async () => ({ changed: true }));
  server.get('/page', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><title>Ledgerline</title>'),
  );
  await server.ready();

  const advance = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };

  async function createUser(email: string, role: UserRole = 'auditor', password = PASSWORD) {
    const { user } = await createUserAccount(
      deps,
      { email: 'cli:test', origin: NO_ORIGIN },
      {
        email,
        displayName: email.split('@')[0]!,
        role,
        password,
      },
    );
    return user;
  }

  function login(
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: body,
      headers: { 'user-agent': USER_AGENT, ...headers },
    });
  }

  /** Signs in and returns the cookie pair and CSRF token to send with later requests. */
  async function signIn(
    email: string,
    password = PASSWORD,
    extra: Record<string, unknown> = {},
  ): Promise<SignedIn> {
    const response = await login({ email, password, ...extra });
    if (response.statusCode !== 200)
      throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const setCookie = String(response.headers['set-cookie']);
    return {
      cookie: setCookie.split(';')[0]!,
      csrfToken: response.json<SessionInfo>().csrfToken,
      info: response.json(),
    };
  }

  /** A request as the signed-in browser sends it: cookie, CSRF header, user agent. */
  function as(who: SignedIn, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
    return server.inject({
      method,
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'user-agent': USER_AGENT },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }

  async function auditTypes(): Promise<string[]> {
    const page = await store.audit.listEvents({ limit: 1_000 });
    return page.events.map((e) => e.violationType);
  }

  return {
    server,
    routes,
    deps,
    clock,
    advance,
    createUser,
    login,
    signIn,
    as,
    auditTypes,
    logRecords: records,
  };
}
