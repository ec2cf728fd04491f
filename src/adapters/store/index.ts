export { openStore } from './open-store.js';
export type { DatabaseLocation, StoreLogger } from './open-store.js';
export { migrateToLatest, migrationStatus } from './migrate.js';
