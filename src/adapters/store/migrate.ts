/**
 * Runs the numbered migrations through Kysely's Migrator, which records each applied migration in
 * `kysely_migration`. Every run is one transaction and is serialised with any other migrator on the
 * same database: on Postgres by Kysely's advisory lock around a transaction, on SQLite by running
 * the whole migrator (its bookkeeping tables included) inside one BEGIN IMMEDIATE transaction.
 */
import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { Store, StoreDialect } from '../../ports/store.js';
import type { Database } from './database-schema.js';
import { MIGRATIONS } from './migrations/migration-list.js';
import { storeInternals, type StoreInternals } from './store-internals.js';

export interface MigrationStatus {
  /** Applied migrations in the order they ran. */
  readonly applied: string[];
  /** Known migrations not applied yet, in the order they will run. */
  readonly pending: string[];
}

function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [
          name,
          { up: (db: Kysely<unknown>) => migration.up(db, dialect) },
        ]),
      ),
  };
}

function migrator(db: Kysely<Database>, internals: StoreInternals): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider(internals.dialect),
    // Kysely looks its tables up across all schemas unless told which one; with one schema per
    // tenant or test that would find another schema's migration table.
    ...(internals.schema === undefined ? {} : { migrationTableSchema: internals.schema }),
  });
}

/** A failed run, thrown inside the SQLite transaction so that it rolls back. */
class MigrationRunFailed extends Error {
  constructor(readonly resultSet: MigrationResultSet) {
    super('migration failed');
  }
}

async function runMigrator(
  internals: StoreInternals,
  migrate: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  const { db, dialect } = internals;
  if (dialect === 'postgres') return migrate(migrator(db, internals));
  try {
    return await db.transaction().execute(async (trx) => {
      const resultSet = await migrate(migrator(trx, internals));
      if (resultSet.error !== undefined) throw new MigrationRunFailed(resultSet);
      return resultSet;
    });
  } catch (error) {
    if (error instanceof MigrationRunFailed) return error.resultSet;
    return { error };
  }
}

/**
 * Applies every pending migration in order and returns the names applied (empty when the schema
 * was current, including when another process migrated it concurrently). Throws AppError
 * MIGRATION_FAILED, having rolled back, when a migration fails.
 */
export async function migrateToLatest(store: Store): Promise<{ applied: string[] }> {
  return applyMigrations(store, (migrator) => migrator.migrateToLatest());
}

/**
 * Applies pending migrations up to and including `name`, no further: a restore loads a backup's
 * rows into exactly the schema they were copied from, then migrates to latest. Throws AppError
 * MIGRATION_FAILED like migrateToLatest, and CONFLICT when this version does not know `name`.
 */
export async function migrateUpTo(store: Store, name: string): Promise<{ applied: string[] }> {
  if (!(name in MIGRATIONS)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `The backup's schema ends at migration ${name}, which this version of Ledgerline does not know`,
      { hint: 'Restore it with the Ledgerline version that made the backup, or a newer one.' },
    );
  }
  return applyMigrations(store, (migrator) => migrator.migrateTo(name));
}

async function applyMigrations(
  store: Store,
  migrate: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<{ applied: string[] }> {
  const internals = storeInternals(store);
  const resultSet = await runMigrator(internals, migrate);
  const results = resultSet.results ?? [];
  if (resultSet.error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const cause = resultSet.error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError(
      ErrorCode.MIGRATION_FAILED,
      failed ? `Migration ${failed} failed: ${reason}` : `Migrating the store failed: ${reason}`,
      { hint: 'Nothing was applied. Fix the cause and run the migration again.', cause },
    );
  }
  const applied = results
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
  for (const name of applied) internals.logger.info({ migration: name }, 'applied migration');
  return { applied };
}

/** Which migrations are applied and which are pending, for `doctor`. Reads only. */
export async function migrationStatus(store: Store): Promise<MigrationStatus> {
  const internals = storeInternals(store);
  const migrations = await migrator(internals.db, internals).getMigrations();
  const applied = migrations
    .filter((migration) => migration.executedAt !== undefined)
    .sort(
      (a, b) =>
        (a.executedAt?.getTime() ?? 0) - (b.executedAt?.getTime() ?? 0) || a.name.localeCompare(b.name),
    )
    .map((migration) => migration.name);
  const pending = migrations
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name);
  return { applied, pending };
}
