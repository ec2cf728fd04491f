/**
 * The SQLite side of the store: one better-sqlite3 connection per Store, in WAL mode so readers
 * never wait for the writer, with foreign keys on and write transactions that take the write lock
 * up front.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely';

/** How long a single statement waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;
/** How long a transaction waits (asynchronously) for the write lock before failing. */
const WRITE_LOCK_WAIT_MS = 30_000;

/** Opens (creating its folder if needed) a SQLite database file, or `:memory:`. */
export function openSqliteDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  try {
    // busy_timeout first: switching to WAL itself needs a lock another process may hold.
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY';
}

/**
 * Starts every transaction with BEGIN IMMEDIATE. A plain BEGIN reads first and upgrades to a write
 * lock later, and in WAL mode that upgrade fails at once (SQLITE_BUSY_SNAPSHOT) when another
 * connection wrote in between, which no busy timeout can fix. Taking the lock first makes
 * concurrent writers (two CLI processes, two migrators, two audit appenders) queue instead.
 * The wait is a retry loop with async sleeps, not busy_timeout, because better-sqlite3 blocks
 * the event loop while it waits and would stall a lock holder living in the same process.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    super({ database });
    this.#database = database;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
    this.#database.pragma('busy_timeout = 0');
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() >= deadline) throw error;
          await sleep(Math.min(100, 2 ** attempt) + Math.random() * 5);
        }
      }
    } finally {
      this.#database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
}

/** SQLite runs DDL inside transactions; Kysely assumes it cannot and would refuse a migration transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** The Kysely dialect over one opened better-sqlite3 database. */
export class LedgerlineSqliteDialect extends SqliteDialect {
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateTransactionDriver(this.#database);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
