// A store opened on a restored copy, with the checks a drill runs and the ways to finish with it:
// keep it (close), or throw it away (discard).
import { rm } from 'node:fs/promises';
import { sql } from 'kysely';
import type { RestoredStore, RestoreTarget } from '../../../ports/store-copy.js';
import type { Store } from '../../../ports/store.js';
import { migrateToLatest } from '../migrate.js';
import { storeInternals } from '../store-internals.js';
import { rowCounts, storeTables } from './store-facts.js';

type PlacedTarget = Exclude<RestoreTarget, { kind: 'temporary' }>;

/** Wraps an opened restored store; `temporaryFolder` is removed by discard (drills). */
export function restoredStore(store: Store, target: PlacedTarget, temporaryFolder?: string): RestoredStore {
  const { db, dialect, schema } = storeInternals(store);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await store.close();
  };
  return {
    store,
    target,
    description:
      target.kind === 'sqlite'
        ? target.path
        : `schema ${schema ?? '?'} in ${new URL(target.url).pathname.slice(1)}`,
    async rowCounts() {
      return rowCounts(db, await storeTables(db, dialect, schema));
    },
    async integrityProblems() {
      if (dialect !== 'sqlite') return [];
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      const problems = integrity.rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
      const keys = await sql<{
        table: string;
        rowid: number;
        parent: string;
      }>`pragma foreign_key_check`.execute(db);
      for (const row of keys.rows)
        problems.push(`${row.table} row ${row.rowid} refers to a missing ${row.parent} row`);
      return problems;
    },
    async migrate() {
      return (await migrateToLatest(store)).applied;
    },
    close,
    async discard() {
      if (target.kind === 'postgres' && schema !== undefined && !closed) {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      }
      await close();
      if (target.kind === 'sqlite') {
        await Promise.all(
          ['', '-wal', '-shm'].map((suffix) => rm(`${target.path}${suffix}`, { force: true })),
        );
      }
      if (temporaryFolder) await rm(temporaryFolder, { recursive: true, force: true });
    },
  };
}
