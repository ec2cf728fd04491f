import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`user store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('creates a user and finds it by id and by email in any case', async () => {
      const user = buildUser({
        mfaEnabled: true,
        totpSecret: 'JBSWY3DPEHPK3PXP',
        recoveryCodes: ['h1', 'h2'],
      });

      await store().users.createUser({ ...user, email: `  ${user.email.toUpperCase()} ` });

      expect(await store().users.getUserById(user.id)).toEqual(user);
      expect(await store().users.getUserByEmail(user.email.toUpperCase())).toEqual(user);
      expect(await store().users.getUserByEmail('nobody@example.com')).toBeUndefined();
    });

    it('refuses a second account with the same email', async () => {
      await store().users.createUser(buildUser({ email: 'ana@example.com' }));

      await expect(store().users.createUser(buildUser({ email: 'Ana@Example.com' }))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('lists users by email', async () => {
      const zoe = buildUser({ email: 'zoe@example.com' });
      const ana = buildUser({ email: 'ana@example.com' });
      await store().users.createUser(zoe);
      await store().users.createUser(ana);

      expect(await store().users.listUsers()).toEqual([ana, zoe]);
    });

    it('updates only the given fields', async () => {
      const user = buildUser();
      await store().users.createUser(user);

      const updated = await store().users.updateUser(user.id, {
        failedLogins: 3,
        lockedUntil: '2025-08-18T15:00:00Z',
        mfaEnabled: true,
        updatedAt: '2025-08-18T14:00:00Z',
      });

      expect(updated).toEqual({
        ...user,
        failedLogins: 3,
        lockedUntil: '2025-08-18T15:00:00.000Z',
        mfaEnabled: true,
        updatedAt: '2025-08-18T14:00:00.000Z',
      });
      expect(await store().users.updateUser('nobody', { updatedAt: '2025-08-18T14:00:00Z' })).toBeUndefined();
    });

    it('refuses an update to an email another user has', async () => {
      const ana = buildUser({ email: 'ana@example.com' });
      const bob = buildUser({ email: 'bob@example.com' });
      await store().users.createUser(ana);
      await store().users.createUser(bob);

      await expect(
        store().users.updateUser(bob.id, { email: 'ANA@example.com', updatedAt: '2025-08-18T14:00:00Z' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('counts concurrent failed sign-ins and locks at the limit', async () => {
      const user = buildUser();
      await store().users.createUser(user);
      const failure = { at: '2025-08-18T14:00:00Z', maxFailures: 5, lockedUntil: '2025-08-18T14:15:00Z' };

      await Promise.all([1, 2, 3, 4].map(() => store().users.recordFailedLogin(user.id, failure)));
      const fourth = await store().users.getUserById(user.id);
      const fifth = await store().users.recordFailedLogin(user.id, failure);

      expect(fourth).toMatchObject({ failedLogins: 4, lockedUntil: null });
      expect(fifth).toMatchObject({ failedLogins: 5, lockedUntil: '2025-08-18T14:15:00.000Z' });
      expect(await store().users.recordFailedLogin('nobody', failure)).toBeUndefined();
    });

    it('accepts each TOTP step once and never an earlier one', async () => {
      const user = buildUser();
      await store().users.createUser(user);
      const at = '2025-08-18T14:00:00Z';

      expect(await store().users.claimTotpStep(user.id, 58_000_000, at)).toBe(true);
      expect(await store().users.claimTotpStep(user.id, 58_000_000, at)).toBe(false);
      expect(await store().users.claimTotpStep(user.id, 57_999_999, at)).toBe(false);
      expect(await store().users.claimTotpStep(user.id, 58_000_001, at)).toBe(true);
      expect((await store().users.getUserById(user.id))?.totpLastStep).toBe(58_000_001);
    });

    it('spends a recovery code once, even when two requests race for it', async () => {
      const user = buildUser({ recoveryCodes: ['h1', 'h2', 'h3'] });
      await store().users.createUser(user);
      const at = '2025-08-18T14:00:00Z';

      const spent = await Promise.all([
        store().users.consumeRecoveryCode(user.id, 'h2', at),
        store().users.consumeRecoveryCode(user.id, 'h2', at),
      ]);

      expect(spent.filter(Boolean)).toHaveLength(1);
      expect(await store().users.consumeRecoveryCode(user.id, 'nope', at)).toBe(false);
      expect((await store().users.getUserById(user.id))?.recoveryCodes).toEqual(['h1', 'h3']);
    });
  });
}
