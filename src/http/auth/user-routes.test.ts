import { describe, expect, it } from 'vitest';
import { startAuthServer } from '../../../test/http/auth-server-harness.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { API_ROUTES, type CreatedUser, type UserList, type UserSummary } from '../dashboard/api-contract.js';

const sqlite = backends[0]!;

describe('user administration over HTTP', () => {
  const store = useTestStore(sqlite);

  async function withAdmin() {
    const auth = await startAuthServer(store());
    await auth.createUser('root@example.com', 'admin');
    return { auth, admin: await auth.signIn('root@example.com') };
  }

  it('refuses /api/users to a viewer (403) and to anonymous requests (401)', async () => {
    const { auth } = await withAdmin();
    await auth.createUser('val@example.com', 'viewer');
    const viewer = await auth.signIn('val@example.com');

    expect((await auth.as(viewer, 'GET', '/api/users')).statusCode).toBe(403);
    expect(
      (
        await auth.as(viewer, 'POST', '/api/users', {
          email: 'x@example.com',
          displayName: 'X',
          role: 'admin',
        })
      ).statusCode,
    ).toBe(403);
    expect((await auth.server.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('creates an account with a generated password that signs in, and lists it without secrets', async () => {
    const { auth, admin } = await withAdmin();

    const created = await auth.as(admin, 'POST', '/api/users', {
      email: 'Nia@Example.com',
      displayName: 'Nia',
      role: 'viewer',
    });
    const { temporaryPassword, user } = created.json<CreatedUser>();
    const list = (await auth.as(admin, 'GET', '/api/users')).json<UserList>();

    expect(created.statusCode).toBe(201);
    expect(user).toMatchObject({
      email: 'nia@example.com',
      role: 'viewer',
      mfaEnabled: false,
      permissions: [],
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await auth.login({ email: 'nia@example.com', password: temporaryPassword })).statusCode).toBe(
      200,
    );
    expect(list.users.map((u) => u.email)).toEqual(['nia@example.com', 'root@example.com']);
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash|totp|recovery/i);
  });

  it('refuses a password that fails the policy, and a taken e-mail', async () => {
    const { auth, admin } = await withAdmin();
    const create = (email: string, password?: string) =>
      auth.as(admin, 'POST', '/api/users', {
        email,
        displayName: 'N',
        role: 'viewer',
        ...(password ? { password } : {}),
      });

    expect((await create('nia@example.com', 'niaexample12345')).json().message).toContain('e-mail name');
    expect((await create('root@example.com')).statusCode).toBe(409);
  });

  it('changes a role, resets a password and disables an account, ending its sessions, each in the trail', async () => {
    const { auth, admin } = await withAdmin();
    const ana = await auth.createUser('ana@example.com', 'viewer');
    const anaSession = await auth.signIn('ana@example.com');

    const role = await auth.as(admin, 'POST', `/api/users/${ana.id}/role`, { role: 'auditor' });
    expect(role.json<UserSummary>().role).toBe('auditor');
    expect((await auth.as(anaSession, 'GET', '/api/probe')).statusCode).toBe(200);

    const reset = await auth.as(admin, 'POST', `/api/users/${ana.id}/reset-password`, {});
    expect(reset.json<CreatedUser>().temporaryPassword).toHaveLength(20);
    expect((await auth.as(anaSession, 'GET', '/api/probe')).statusCode).toBe(401);

    const again = await auth.signIn('ana@example.com', reset.json<CreatedUser>().temporaryPassword!);
    const disabled = await auth.as(admin, 'POST', `/api/users/${ana.id}/disable`);
    expect(disabled.json<UserSummary>().disabledAt).toBe('2025-08-18T08:00:00.000Z');
    expect((await auth.as(again, 'GET', '/api/probe')).statusCode).toBe(401);
    expect(
      (await auth.login({ email: 'ana@example.com', password: reset.json<CreatedUser>().temporaryPassword }))
        .statusCode,
    ).toBe(401);

    const { events } = await store().audit.listEvents({
      limit: 100,
      violationTypes: ['ROLE_CHANGED', 'PASSWORD_RESET', 'USER_DISABLED'],
    });
    expect(events.map((e) => [e.violationType, e.changedBy, e.details['subject'], e.deviceInfo])).toEqual([
      ['ROLE_CHANGED', 'root@example.com', 'ana@example.com', 'Chrome on Linux'],
      ['PASSWORD_RESET', 'root@example.com', 'ana@example.com', 'Chrome on Linux'],
      ['USER_DISABLED', 'root@example.com', 'ana@example.com', 'Chrome on Linux'],
    ]);
    expect(events.every((e) => e.sessionId !== null && e.ipAddress === '127.0.0.1')).toBe(true);
  });

  it('never leaves the dashboard without an enabled admin', async () => {
    const { auth, admin } = await withAdmin();
    const root = (await auth.as(admin, 'GET', '/api/users')).json<UserList>().users[0]!;

    expect((await auth.as(admin, 'POST', `/api/users/${root.id}/role`, { role: 'viewer' })).statusCode).toBe(
      409,
    );
    expect((await auth.as(admin, 'POST', `/api/users/${root.id}/disable`)).statusCode).toBe(409);
  });

  it('registers every auth and users route of the contract with its permission', async () => {
    const { auth } = await withAdmin();
    const owned = API_ROUTES.filter(
      (r) => r.path.startsWith('/api/auth/') || r.path.startsWith('/api/users'),
    );

    const registered = auth.routes
      .filter(
        (r) => r.method !== 'HEAD' && (r.url.startsWith('/api/auth/') || r.url.startsWith('/api/users')),
      )
      .map((r) => ({ method: r.method, path: r.url, permission: r.permission }));

    expect(registered).toEqual(expect.arrayContaining([...owned]));
    expect(registered).toHaveLength(owned.length);
  });
});
