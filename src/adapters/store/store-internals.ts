import type { Kysely } from 'kysely';
import type { Store, StoreDialect } from '../../ports/store.js';
import type { Database } from './database-schema.js';

/** What the store's own tools (migrations) need and the Store port deliberately does not expose. */
export interface StoreInternals {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Postgres: the schema holding the tables (and Kysely's migration tables). */
  readonly schema: string | undefined;
  readonly logger: StoreLogger;
}

/** The logging the store does: migrations applied, lost idle connections. pino fits this shape. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const internals = new WeakMap<Store, StoreInternals>();

/** Called by openStore for each store it makes. */
export function registerStoreInternals(store: Store, value: StoreInternals): void {
  internals.set(store, value);
}

/** The internals of a store made by openStore; throws for any other Store implementation. */
export function storeInternals(store: Store): StoreInternals {
  const value = internals.get(store);
  if (!value) throw new TypeError('This Store was not created by openStore');
  return value;
}
