import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { NO_ORIGIN } from '../domain/auth/auth-event.js';
import { DEFAULT_AUTH_POLICY } from '../domain/auth/auth-policy.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { Store } from '../ports/store.js';
import { DUMMY_PASSWORD_HASH, type AuthDeps } from './auth-context.js';
import { signIn } from './auth-sign-in.js';
import { createUserAccount, disableUserAccount } from './manage-users.js';

/** A hasher that records what it verified against; "hash" is the password reversed. */
function spyHasher(): PasswordHasher & { verified: string[] } {
  const verified: string[] = [];
  return {
    verified,
    hash: async (password) => `rev:${[...password].reverse().join('')}`,
    verify: async (stored, password) => {
      verified.push(stored);
      return stored === `rev:${[...password].reverse().join('')}`;
    },
  };
}

function depsFor(store: Store) {
  const clock = { now: new Date('2025-08-18T08:00:00.000Z') };
  const hasher = spyHasher();
  const deps: AuthDeps = {
    users: store.users,
    sessions: store.sessions,
    permissions: store.permissions,
    audit: store.audit,
    hasher,
    policy: DEFAULT_AUTH_POLICY,
    now: () => clock.now,
    randomBytes: (n) => randomBytes(n),
  };
  return { deps, clock, hasher };
}

const cli = { email: 'cli:test', origin: NO_ORIGIN };
const origin = { ipAddress: '203.0.113.9', userAgent: null, deviceInfo: null };
const password = 'correct horse battery staple';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`sign-in on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('hashes a dummy for an unknown e-mail, so it costs what a wrong password costs', async () => {
      const { deps, hasher } = depsFor(store());

      const outcome = await signIn(deps, { email: 'ghost@example.com', password, origin });

      expect(outcome).toEqual({ kind: 'failed', mfaRequired: false });
      expect(hasher.verified).toEqual([DUMMY_PASSWORD_HASH]);
    });

    it('refuses a disabled account even with the right password', async () => {
      const { deps } = depsFor(store());
      await createUserAccount(deps, cli, {
        email: 'ana@example.com',
        displayName: 'Ana',
        role: 'viewer',
        password,
      });
      await createUserAccount(deps, cli, {
        email: 'root@example.com',
        displayName: 'R',
        role: 'admin',
        password,
      });
      await disableUserAccount(deps, cli, { email: 'ana@example.com' });

      expect(await signIn(deps, { email: 'ana@example.com', password, origin })).toMatchObject({
        kind: 'failed',
      });
    });

    it('starts a fresh count once a lockout has run out, and a success resets the count', async () => {
      const { deps, clock } = depsFor(store());
      await createUserAccount(deps, cli, {
        email: 'ana@example.com',
        displayName: 'Ana',
        role: 'viewer',
        password,
      });
      const attempt = (p: string) => signIn(deps, { email: 'ana@example.com', password: p, origin });

      for (let i = 0; i < 4; i += 1) await attempt('wrong password!!');
      expect((await attempt('wrong password!!')).kind).toBe('locked');
      clock.now = new Date(clock.now.getTime() + 15 * 60_000);
      expect((await attempt('wrong password!!')).kind).toBe('failed');
      expect((await store().users.getUserByEmail('ana@example.com'))?.failedLogins).toBe(1);
      expect((await attempt(password)).kind).toBe('signed-in');
      expect(await store().users.getUserByEmail('ana@example.com')).toMatchObject({
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: clock.now.toISOString(),
      });
    });
  });
}
