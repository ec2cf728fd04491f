/**
 * Real databases for tests, cheap to make: a fresh migrated SQLite file per test, and the same on
 * Postgres in a schema of its own (`t_<random>`) that is dropped afterwards. Suites loop over
 * `backends` so every store behaviour is proven on both engines:
 *
 *   for (const backend of backends) {
 *     describe.skipIf(backend.skipReason)(backend.dialect, () => {
 *       const store = useTestStore(backend);
 *       it('…', async () => { await store().sheets.upsertSheet(…); });
 *     });
 *   }
 *
 * Postgres comes from LEDGERLINE_TEST_DATABASE_URL (default: local trust-auth server, database
 * `test`). When CI=true it is mandatory; elsewhere an unreachable server skips the Postgres half
 * with a printed reason.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { migrateToLatest } from '../../src/adapters/store/migrate.js';
import { openStore, type DatabaseLocation } from '../../src/adapters/store/open-store.js';
import type { Store, StoreDialect } from '../../src/ports/store.js';

export const TEST_DATABASE_URL =
  process.env.LEDGERLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const postgresRequired = process.env.CI === 'true';

export interface TestBackend {
  readonly dialect: StoreDialect;
  /** Why this backend is skipped here, or undefined when it runs. */
  readonly skipReason: string | undefined;
}

/** A database location made for one test, and how to remove it. */
export interface TestLocation {
  readonly location: DatabaseLocation;
  cleanup(): Promise<void>;
}

/** A migrated store made for one test; cleanup closes it and removes its database. */
export interface TestStore extends TestLocation {
  readonly store: Store;
}

function serverName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'LEDGERLINE_TEST_DATABASE_URL';
  }
}

async function postgresSkipReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const reason = `Postgres at ${serverName(TEST_DATABASE_URL)} is unreachable: ${error instanceof Error ? error.message : String(error)}`;
    if (postgresRequired)
      throw new Error(`${reason}. CI=true requires the Postgres store tests.`, { cause: error });
    console.warn(
      `Skipping the Postgres store tests. ${reason}. Set LEDGERLINE_TEST_DATABASE_URL to run them.`,
    );
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The engines every store suite runs on. */
export const backends: readonly TestBackend[] = [
  { dialect: 'sqlite', skipReason: undefined },
  { dialect: 'postgres', skipReason: await postgresSkipReason() },
];

/** A fresh, empty database location: a SQLite file in a new temp folder, or a new Postgres schema. */
export async function createTestLocation(backend: TestBackend): Promise<TestLocation> {
  if (backend.dialect === 'sqlite') {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-store-'));
    return {
      location: { kind: 'sqlite', path: path.join(folder, 'ledgerline.db') },
      cleanup: () => rm(folder, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    location: { kind: 'postgres', url: TEST_DATABASE_URL, schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Opens and migrates a store in a fresh database. */
export async function createTestStore(backend: TestBackend): Promise<TestStore> {
  const testLocation = await createTestLocation(backend);
  // Opening may already have created the schema: never leave it behind.
  const store = await openStore(testLocation.location).catch(async (error: unknown) => {
    await testLocation.cleanup();
    throw error;
  });
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    await testLocation.cleanup();
    throw error;
  }
  return {
    store,
    location: testLocation.location,
    cleanup: async () => {
      await store.close();
      await testLocation.cleanup();
    },
  };
}

/**
 * Registers hooks that give each test of the enclosing suite its own migrated store, and returns
 * a getter for it.
 */
export function useTestStore(backend: TestBackend): () => Store {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await createTestStore(backend);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestStore: the store exists only inside a test');
    return current.store;
  };
}
