export { openStore } from './open-store.js';
export type { DatabaseLocation, StoreLogger } from './open-store.js';
export { migrateToLatest, migrationStatus } from './migrate.js';
export { storeBackupEngine } from './backup/store-backup-engine.js';
export type { StoreBackupEngineOptions } from './backup/store-backup-engine.js';
