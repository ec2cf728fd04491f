/**
 * Opens the store on SQLite (the embedded default) or Postgres. One implementation serves both:
 * the repositories branch on the dialect only where the engines differ.
 */
import { Kysely } from 'kysely';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { Store, StoreDialect } from '../../ports/store.js';
import type { Database } from './database-schema.js';
import { currentSchema, LedgerlinePostgresDialect, openPostgresPool } from './postgres-dialect.js';
import { createAccessReviewRepository } from './repositories/access-review-repository.js';
import { createAlertRepository } from './repositories/alert-repository.js';
import { createAuditRepository } from './repositories/audit-repository.js';
import { createBackupRepository } from './repositories/backup-repository.js';
import { createCorrectionRepository } from './repositories/correction-repository.js';
import { createEventReviewRepository } from './repositories/event-review-repository.js';
import { createInboxRepository } from './repositories/inbox-repository.js';
import { createPermissionRepository } from './repositories/permission-repository.js';
import { createReportRepository } from './repositories/report-repository.js';
import { createRiskRepository } from './repositories/risk-repository.js';
import { createRunRepository } from './repositories/run-repository.js';
import { createSessionRepository } from './repositories/session-repository.js';
import { createSheetRepository } from './repositories/sheet-repository.js';
import { createSnapshotRepository } from './repositories/snapshot-repository.js';
import { createUserRepository } from './repositories/user-repository.js';
import { createWebhookRepository } from './repositories/webhook-repository.js';
import type { SqlContext } from './sql-context.js';
import { LedgerlineSqliteDialect, openSqliteDatabase } from './sqlite-dialect.js';
import { registerStoreInternals, type StoreLogger } from './store-internals.js';

export type { StoreLogger } from './store-internals.js';

/** Where the store lives: a SQLite file (or `:memory:`), or a Postgres database and optional schema. */
export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string | undefined };

export interface OpenStoreOptions {
  readonly logger?: StoreLogger;
}

const silentLogger: StoreLogger = { info() {}, warn() {}, error() {} };

interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  readonly schema: string | undefined;
}

async function openDatabase(location: DatabaseLocation, logger: StoreLogger): Promise<OpenedDatabase> {
  if (location.kind === 'sqlite') {
    let sqlite;
    try {
      sqlite = openSqliteDatabase(location.path);
    } catch (error) {
      throw new AppError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `Cannot open the SQLite database at ${location.path}`,
        {
          hint: 'Check that the folder is writable and the file is a SQLite database.',
          cause: error,
        },
      );
    }
    return {
      db: new Kysely<Database>({ dialect: new LedgerlineSqliteDialect(sqlite) }),
      dialect: 'sqlite',
      schema: undefined,
    };
  }
  const pool = await openPostgresPool({
    url: location.url,
    schema: location.schema,
    onIdleError: (error) => logger.error({ err: error }, 'idle Postgres connection failed'),
  });
  try {
    const schema = await currentSchema(pool);
    return {
      db: new Kysely<Database>({ dialect: new LedgerlinePostgresDialect(pool, schema) }),
      dialect: 'postgres',
      schema,
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * Opens a store. SQLite: creates the parent folder, WAL mode, a busy timeout and foreign keys.
 * Postgres: a connection pool, creating `schema` when given and using it on every connection.
 * The schema is not migrated here; call migrateToLatest. Throws AppError DATABASE_UNAVAILABLE
 * when the database cannot be opened or reached.
 */
export async function openStore(location: DatabaseLocation, options: OpenStoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? silentLogger;
  const { db, dialect, schema } = await openDatabase(location, logger);
  const context: SqlContext = { db, dialect };
  const store: Store = {
    sheets: createSheetRepository(context),
    snapshots: createSnapshotRepository(context),
    runs: createRunRepository(context),
    audit: createAuditRepository(context),
    reports: createReportRepository(context),
    webhooks: createWebhookRepository(context),
    inbox: createInboxRepository(context),
    users: createUserRepository(context),
    sessions: createSessionRepository(context),
    permissions: createPermissionRepository(context),
    backups: createBackupRepository(context),
    risk: createRiskRepository(context),
    alerts: createAlertRepository(context),
    accessReviews: createAccessReviewRepository(context),
    reviews: createEventReviewRepository(context),
    corrections: createCorrectionRepository(context),
    dialect,
    close: () => db.destroy(),
  };
  registerStoreInternals(store, { db, dialect, schema, logger });
  return store;
}
