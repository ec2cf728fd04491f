import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../ports/store.js';
import { buildUser } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function session(id: string, userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id,
    userId,
    createdAt: '2025-08-18T09:00:00.000Z',
    lastSeenAt: '2025-08-18T09:00:00.000Z',
    absoluteExpiresAt: '2025-08-18T21:00:00.000Z',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    revokedAt: null,
    ...overrides,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`session store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    async function storedUser(): Promise<string> {
      const user = buildUser();
      await store().users.createUser(user);
      return user.id;
    }

    it('creates a session and gets it back', async () => {
      const created = session('s1', await storedUser());

      await store().sessions.createSession(created);

      expect(await store().sessions.getSession('s1')).toEqual(created);
      expect(await store().sessions.getSession('nope')).toBeUndefined();
    });

    it('lists the live sessions of one user, newest first', async () => {
      const userId = await storedUser();
      await store().sessions.createSession(session('older', userId));
      await store().sessions.createSession(session('newer', userId, { createdAt: '2025-08-18T10:00:00Z' }));
      await store().sessions.createSession(session('revoked', userId, { revokedAt: '2025-08-18T10:00:00Z' }));
      await store().sessions.createSession(
        session('expired', userId, { absoluteExpiresAt: '2025-08-18T11:00:00Z' }),
      );
      await store().sessions.createSession(session('other', await storedUser()));

      const live = await store().sessions.listLiveSessionsForUser(userId, '2025-08-18T12:00:00Z');

      expect(live.map((s) => s.id)).toEqual(['newer', 'older']);
    });

    it('records activity on a live session only', async () => {
      const userId = await storedUser();
      await store().sessions.createSession(session('live', userId));
      await store().sessions.createSession(session('gone', userId, { revokedAt: '2025-08-18T10:00:00Z' }));

      expect(await store().sessions.touchSession('live', '2025-08-18T11:00:00Z')).toBe(true);
      expect(await store().sessions.touchSession('gone', '2025-08-18T11:00:00Z')).toBe(false);
      expect((await store().sessions.getSession('live'))?.lastSeenAt).toBe('2025-08-18T11:00:00.000Z');
    });

    it('revokes a session once', async () => {
      await store().sessions.createSession(session('s1', await storedUser()));

      expect(await store().sessions.revokeSession('s1', '2025-08-18T12:00:00Z')).toBe(true);
      expect(await store().sessions.revokeSession('s1', '2025-08-18T13:00:00Z')).toBe(false);
      expect((await store().sessions.getSession('s1'))?.revokedAt).toBe('2025-08-18T12:00:00.000Z');
    });

    it('revokes every live session of one user', async () => {
      const userId = await storedUser();
      const otherId = await storedUser();
      await store().sessions.createSession(session('a', userId));
      await store().sessions.createSession(session('b', userId));
      await store().sessions.createSession(session('c', userId, { revokedAt: '2025-08-18T10:00:00Z' }));
      await store().sessions.createSession(session('d', otherId));

      expect(await store().sessions.revokeSessionsForUser(userId, '2025-08-18T12:00:00Z')).toBe(2);
      expect((await store().sessions.getSession('d'))?.revokedAt).toBeNull();
    });

    it('deletes sessions past their absolute expiry', async () => {
      const userId = await storedUser();
      await store().sessions.createSession(
        session('old', userId, { absoluteExpiresAt: '2025-08-18T10:00:00Z' }),
      );
      await store().sessions.createSession(
        session('edge', userId, { absoluteExpiresAt: '2025-08-18T12:00:00Z' }),
      );
      await store().sessions.createSession(
        session('new', userId, { absoluteExpiresAt: '2025-08-18T12:00:00.001Z' }),
      );

      expect(await store().sessions.deleteExpiredSessions('2025-08-18T12:00:00Z')).toBe(2);
      expect(await store().sessions.getSession('new')).toBeDefined();
    });
  });
}
