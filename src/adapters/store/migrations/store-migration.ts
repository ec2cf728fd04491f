import type { Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

/**
 * One numbered schema change. Migrations are append-only: once released a migration is never edited,
 * a later one changes what it did. There is no `down`: restores go through backups.
 */
export interface StoreMigration {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}
