import type { Selectable } from 'kysely';
import type { SessionRecord, SessionStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable } from '../column-codecs.js';
import type { SessionsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

function fromRow(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    absoluteExpiresAt: row.absolute_expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
    revokedAt: row.revoked_at,
  };
}

/** The sessions table behind SessionStore. */
export function createSessionRepository({ db }: SqlContext): SessionStore {
  return {
    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          created_at: instantToDb(session.createdAt),
          last_seen_at: instantToDb(session.lastSeenAt),
          absolute_expires_at: instantToDb(session.absoluteExpiresAt),
          ip: session.ip,
          user_agent: session.userAgent,
          revoked_at: instantToDbNullable(session.revokedAt),
        })
        .execute();
    },

    async getSession(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async listLiveSessionsForUser(userId, now) {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('absolute_expires_at', '>', instantToDb(now))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },

    async touchSession(id, lastSeenAt) {
      const result = await db
        .updateTable('sessions')
        .set({ last_seen_at: instantToDb(lastSeenAt) })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeSession(id, revokedAt) {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: instantToDb(revokedAt) })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeSessionsForUser(userId, revokedAt) {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: instantToDb(revokedAt) })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async deleteExpiredSessions(now) {
      const result = await db
        .deleteFrom('sessions')
        .where('absolute_expires_at', '<=', instantToDb(now))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
