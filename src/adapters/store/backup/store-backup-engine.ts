// The StoreCopier port for the configured store: copies and restores go to the engine's own code
// (sqlite-store-copy, postgres-store-copy); switching over keeps the replaced store aside under a
// dated name — a rename of files on SQLite, of schemas (in one transaction) on Postgres.
import { randomBytes } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { StoreCopier } from '../../../ports/store-copy.js';
import { openPostgresPool } from '../postgres-dialect.js';
import { openStore, type DatabaseLocation, type StoreLogger } from '../open-store.js';
import { storeInternals } from '../store-internals.js';
import { copyPostgresStore, restorePostgresStore } from './postgres-store-copy.js';
import { DEFAULT_POSTGRES_TOOLS, type PostgresTools } from './postgres-tools.js';
import { copySqliteStore, restoreSqliteStore } from './sqlite-store-copy.js';

export interface StoreBackupEngineOptions {
  readonly logger?: StoreLogger;
  /** pg_dump/psql to use on Postgres; 'none' forces the logical export. */
  readonly postgresTools?: PostgresTools | 'none';
}

const silent: StoreLogger = { info() {}, warn() {}, error() {} };

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** A Postgres schema name made of a base and a suffix, within the 63-byte identifier limit. */
function schemaName(base: string, suffix: string): string {
  return `${base.slice(0, 63 - suffix.length - 1)}_${suffix}`.toLowerCase();
}

export function storeBackupEngine(
  location: DatabaseLocation,
  options: StoreBackupEngineOptions = {},
): StoreCopier {
  const logger = options.logger ?? silent;
  const tools = options.postgresTools ?? DEFAULT_POSTGRES_TOOLS;

  /** The live store's schema: the configured one, or the one Postgres resolves. */
  async function liveSchema(url: string, schema: string | undefined): Promise<string> {
    if (schema !== undefined) return schema;
    const store = await openStore({ kind: 'postgres', url }, { logger });
    try {
      return storeInternals(store).schema ?? 'public';
    } finally {
      await store.close();
    }
  }

  return {
    copyInto(folder) {
      return location.kind === 'sqlite'
        ? copySqliteStore(location.path, folder, logger)
        : copyPostgresStore(location, folder, { tools, logger });
    },

    async restore(file, facts, target) {
      if (facts.dialect !== (target.kind === 'temporary' ? location.kind : target.kind)) {
        throw new AppError(
          ErrorCode.INPUT_INVALID,
          `This is a ${facts.dialect} backup; it cannot be restored into ${target.kind === 'temporary' ? location.kind : target.kind}`,
        );
      }
      if (facts.dialect === 'sqlite') {
        return restoreSqliteStore(file, target.kind === 'sqlite' ? target.path : undefined, logger);
      }
      const place =
        target.kind === 'postgres'
          ? target
          : location.kind === 'postgres'
            ? { url: location.url, schema: `ll_drill_${randomBytes(5).toString('hex')}` }
            : undefined;
      if (!place) throw new Error('a temporary Postgres restore needs a Postgres store');
      return restorePostgresStore(file, facts, place, { tools, logger });
    },

    async sideTargetFor(backupId) {
      const suffix = backupId.replace(/^backup-/, '');
      if (location.kind === 'sqlite')
        return { kind: 'sqlite' as const, path: `${location.path}.restore-${suffix}` };
      const live = await liveSchema(location.url, location.schema);
      return {
        kind: 'postgres' as const,
        url: location.url,
        schema: schemaName(live, `restore_${suffix.slice(-6)}`),
      };
    },

    async switchOver(restored, stamp) {
      if (location.kind === 'sqlite') {
        if (restored.kind !== 'sqlite') throw new Error('a SQLite store switches to a SQLite file');
        const aside = `${location.path}.replaced-${stamp}`;
        // The WAL may hold committed pages not yet in the main file: it moves with it.
        for (const suffix of ['', '-wal', '-shm']) {
          if (await exists(`${location.path}${suffix}`))
            await rename(`${location.path}${suffix}`, `${aside}${suffix}`);
        }
        await rename(restored.path, location.path);
        return aside;
      }
      if (restored.kind !== 'postgres' || restored.schema === undefined) {
        throw new Error('a Postgres store switches to a Postgres schema');
      }
      const live = await liveSchema(location.url, location.schema);
      const aside = schemaName(live, `replaced_${stamp.toLowerCase()}`);
      const pool = await openPostgresPool({
        url: location.url,
        onIdleError: (error) => logger.error({ err: error }, 'idle Postgres connection failed'),
      });
      const client = await pool.connect();
      try {
        await client.query('begin');
        const present = await client.query('select 1 from pg_namespace where nspname = $1', [live]);
        if ((present.rowCount ?? 0) > 0)
          await client.query(`alter schema ${quote(live)} rename to ${quote(aside)}`);
        await client.query(`alter schema ${quote(restored.schema)} rename to ${quote(live)}`);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
        await pool.end();
      }
      return aside;
    },
  };
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
