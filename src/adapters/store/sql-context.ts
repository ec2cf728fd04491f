import type { Kysely } from 'kysely';
import type { StoreDialect } from '../../ports/store.js';
import type { Database } from './database-schema.js';

/** What every repository is built from: the query builder and which engine it talks to. */
export interface SqlContext {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
}
