/**
 * Dashboard authentication (issue #7): the last accepted TOTP time step per user, so a code is
 * accepted once (RFC 6238 §5.2) and a replay of the same or an earlier step is refused.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

export const auth: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    // A 30-second step count (≈ 58 million today) fits an integer on both engines for centuries.
    const integer = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.alterTable('users').addColumn('totp_last_step', integer).execute();
    await db.schema
      .createIndex('sessions_user_live_idx')
      .on('sessions')
      .columns(['user_id', 'revoked_at'])
      .execute();
  },
};
