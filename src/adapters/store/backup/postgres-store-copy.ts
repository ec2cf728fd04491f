// The Postgres side of backups. One REPEATABLE READ, READ ONLY transaction fixes the snapshot: the
// row counts, migrations and chain head are read in it, and the data is copied from exactly that
// snapshot — by pg_dump (handed the exported snapshot) when the client tools are installed,
// otherwise by reading every row inside the same transaction. Only data is copied: a restore
// rebuilds the schema, triggers included, by running the same migrations, then loads the rows.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { StoreCopyFacts } from '../../../domain/backup/backup-manifest.js';
import type { RestoredStore, StoreCopyResult } from '../../../ports/store-copy.js';
import { migrateUpTo } from '../migrate.js';
import { openStore, type StoreLogger } from '../open-store.js';
import { storeInternals } from '../store-internals.js';
import { schemaRewriteStream } from './dump-schema-rewrite.js';
import { exportRows, importRows, tablesInForeignKeyOrder } from './postgres-logical-copy.js';
import { dumpSchemaData, runSqlScript, toolVersion, type PostgresTools } from './postgres-tools.js';
import { restoredStore } from './restored-store.js';
import { appliedMigrations, chainHeadOf, MIGRATION_TABLES, rowCounts, storeTables } from './store-facts.js';

export interface PostgresPlace {
  readonly url: string;
  readonly schema?: string | undefined;
}

/** pg_dump and psql when both answer `--version`; undefined otherwise (or when told not to look). */
async function usableTools(
  tools: PostgresTools | 'none',
): Promise<{ tools: PostgresTools; version: string } | undefined> {
  if (tools === 'none') return undefined;
  const [dump, psql] = await Promise.all([toolVersion(tools.pgDump), toolVersion(tools.psql)]);
  return dump && psql ? { tools, version: dump } : undefined;
}

export async function copyPostgresStore(
  live: PostgresPlace,
  folder: string,
  options: { readonly tools: PostgresTools | 'none'; readonly logger: StoreLogger },
): Promise<StoreCopyResult> {
  const found = await usableTools(options.tools);
  const store = await openStore({ kind: 'postgres', ...live }, { logger: options.logger });
  try {
    const { db, schema } = storeInternals(store);
    if (schema === undefined) throw new Error('a Postgres store always has a schema');
    return await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const tables = await tablesInForeignKeyOrder(trx, await storeTables(trx, 'postgres', schema));
        const version = await sql<{ server_version: string }>`show server_version`.execute(trx);
        const common = {
          dialect: 'postgres' as const,
          schema,
          serverVersion: `PostgreSQL ${version.rows[0]?.server_version ?? '?'}`,
          migrations: await appliedMigrations(trx, 'postgres', schema),
          rowCounts: await rowCounts(trx, tables),
        };
        const chainHead = await chainHeadOf(trx);
        if (found) {
          const snapshot = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
          const rawFile = 'store.sql';
          await dumpSchemaData(found.tools, {
            url: live.url,
            schema,
            snapshot: snapshot.rows[0]?.id ?? '',
            file: path.join(folder, rawFile),
            excludeTables: MIGRATION_TABLES,
          });
          return {
            rawFile,
            facts: { ...common, method: 'pg_dump' as const, toolVersion: found.version },
            chainHead,
          };
        }
        const rawFile = 'store.jsonl';
        await exportRows(trx, tables, path.join(folder, rawFile));
        return {
          rawFile,
          facts: { ...common, method: 'logical-export' as const, toolVersion: null },
          chainHead,
        };
      });
  } finally {
    await store.close();
  }
}

/**
 * Restores a copy into `target`'s schema, which must hold no store yet: migrations up to the copy's
 * last one, then the rows. On failure the half-restored schema is dropped.
 */
export async function restorePostgresStore(
  file: string,
  facts: StoreCopyFacts,
  target: PostgresPlace,
  options: { readonly tools: PostgresTools | 'none'; readonly logger: StoreLogger },
): Promise<RestoredStore> {
  const store = await openStore({ kind: 'postgres', ...target }, { logger: options.logger });
  const { db, schema } = storeInternals(store);
  if (schema === undefined) throw new Error('a Postgres store always has a schema');
  const existing = await storeTables(db, 'postgres', schema);
  if (existing.length > 0) {
    await store.close();
    throw new AppError(ErrorCode.CONFLICT, `Cannot restore into schema ${schema}: it already holds tables`, {
      hint: 'Restore into a new schema (--to postgres://…?schema=new_name) or drop that one first.',
    });
  }
  const restored = restoredStore(store, { kind: 'postgres', url: target.url, schema });
  try {
    const last = facts.migrations.at(-1);
    if (last !== undefined) await migrateUpTo(store, last);
    // Migrations may seed rows (the chain head's genesis row); the copy brings its own.
    // Only tables holding rows: the append-only triggers refuse any DELETE statement, even an empty one.
    const seeded = await rowCounts(db, await storeTables(db, 'postgres', schema));
    for (const [table, count] of Object.entries(seeded)) {
      if (count > 0) await sql`delete from ${sql.table(table)}`.execute(db);
    }
    if (facts.method === 'pg_dump') {
      const found = await usableTools(options.tools);
      if (!found) {
        throw new AppError(
          ErrorCode.CONFIG_INVALID,
          'Restoring a pg_dump backup needs psql, which is not installed',
          {
            hint: 'Install the PostgreSQL client tools (psql) matching the server.',
          },
        );
      }
      if (facts.schema === null) throw new Error('a pg_dump copy names its schema');
      await runSqlScript(
        found.tools,
        target.url,
        createReadStream(file).pipe(schemaRewriteStream(facts.schema, schema)),
      );
    } else {
      await db.transaction().execute((trx) => importRows(trx, file));
    }
    return restored;
  } catch (error) {
    await restored.discard().catch(() => undefined);
    throw error;
  }
}
