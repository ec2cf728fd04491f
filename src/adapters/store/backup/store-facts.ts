// What a backup records about a store copy and a restore drill compares: the tables, their row
// counts, the migrations applied and the audit chain's head, read through any Kysely connection
// (the live store inside a snapshot transaction, a copy, a restored store).
import { sql, type QueryExecutorProvider } from 'kysely';
import type { AuditChainHead } from '../../../ports/audit-store.js';
import type { StoreDialect } from '../../../ports/store.js';

// Kysely's own bookkeeping: recreated by migrating the target, never copied as data.
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** The store's tables (Kysely's migration tables left out), sorted by name. */
export async function storeTables(
  db: QueryExecutorProvider,
  dialect: StoreDialect,
  schema?: string,
): Promise<string[]> {
  const result =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`
          select c.relname as name from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ${schema ?? sql`current_schema()`} and c.relkind in ('r', 'p')
          order by c.relname`.execute(db);
  return result.rows.map((row) => row.name).filter((name) => !MIGRATION_TABLES.includes(name));
}

/** Rows per table. */
export async function rowCounts(
  db: QueryExecutorProvider,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{
      count: number | string;
    }>`select count(*) as count from ${sql.table(table)}`.execute(db);
    counts[table] = Number(result.rows[0]?.count ?? 0);
  }
  return counts;
}

/** Applied migrations in the order they ran; empty when the store was never migrated. */
export async function appliedMigrations(
  db: QueryExecutorProvider,
  dialect: StoreDialect,
  schema?: string,
): Promise<string[]> {
  // Looked up first: on Postgres a failed query would abort the snapshot transaction it runs in.
  const exists =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
      : await sql<{ name: string }>`
          select c.relname as name from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ${schema ?? sql`current_schema()`} and c.relname = 'kysely_migration'`.execute(
          db,
        );
  if (exists.rows.length === 0) return [];
  const result = await sql<{
    name: string;
  }>`select name from kysely_migration order by timestamp, name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** The recorded head of the audit chain. */
export async function chainHeadOf(db: QueryExecutorProvider): Promise<AuditChainHead> {
  const result = await sql<{
    event_count: number | string;
    head_seq: number | string | null;
    head_hash: string;
  }>`
    select event_count, head_seq, head_hash from audit_chain_head where id = 1`.execute(db);
  const row = result.rows[0];
  if (!row) return { eventCount: 0, headSeq: null, headHash: '0'.repeat(64) };
  return {
    eventCount: Number(row.event_count),
    headSeq: row.head_seq === null ? null : Number(row.head_seq),
    headHash: row.head_hash,
  };
}
