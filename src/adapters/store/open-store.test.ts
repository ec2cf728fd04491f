import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { backends, createTestLocation, TEST_DATABASE_URL } from '../../../test/support/test-databases.js';
import { buildUser } from '../../../test/support/store-records.js';
import { migrateToLatest } from './migrate.js';
import { openStore } from './open-store.js';
import { storeInternals } from './store-internals.js';

const postgres = backends.find((backend) => backend.dialect === 'postgres');

describe('openStore on SQLite', () => {
  it('creates the parent folder and opens in WAL mode with foreign keys on', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-open-'));
    const file = path.join(folder, 'nested', 'deeper', 'ledgerline.db');
    const store = await openStore({ kind: 'sqlite', path: file });
    try {
      const { db } = storeInternals(store);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);

      expect(existsSync(file)).toBe(true);
      expect(store.dialect).toBe('sqlite');
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('works in memory', async () => {
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    try {
      await migrateToLatest(store);
      expect(await store.audit.chainHead()).toMatchObject({ eventCount: 0 });
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(postgres?.skipReason)('openStore on Postgres', () => {
  it('creates the schema and keeps every table in it', async () => {
    if (!postgres) return;
    const { location, cleanup } = await createTestLocation(postgres);
    const store = await openStore(location);
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    try {
      await migrateToLatest(store);
      await client.connect();
      const schema = location.kind === 'postgres' ? location.schema : undefined;
      const tables = await client.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1',
        [schema],
      );

      expect(store.dialect).toBe('postgres');
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['sheets', 'audit_events', 'kysely_migration', 'kysely_migration_lock']),
      );
    } finally {
      await client.end();
      await store.close();
      await cleanup();
    }
  });
});

describe('openStore failures', () => {
  it('reports a SQLite path it cannot create as DATABASE_UNAVAILABLE', async () => {
    await expect(openStore({ kind: 'sqlite', path: '/dev/null/ledgerline.db' })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });
  });

  it('reports an unreachable Postgres as DATABASE_UNAVAILABLE without the password', async () => {
    const opening = openStore({ kind: 'postgres', url: 'postgres://someone:s3cret@127.0.0.1:1/nowhere' });

    await expect(opening).rejects.toBeInstanceOf(AppError);
    await expect(opening).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('refuses a schema name that could escape its quoting', async () => {
    await expect(
      openStore({ kind: 'postgres', url: TEST_DATABASE_URL, schema: 'x"; drop schema public; --' }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`foreign keys on ${backend.dialect}`, () => {
    it('rejects a session for an unknown user', async () => {
      const { location, cleanup } = await createTestLocation(backend);
      const store = await openStore(location);
      try {
        await migrateToLatest(store);
        await store.users.createUser(buildUser({ id: 'known' }));
        const session = {
          id: 's1',
          userId: 'unknown',
          createdAt: '2025-08-18T10:00:00Z',
          lastSeenAt: '2025-08-18T10:00:00Z',
          absoluteExpiresAt: '2025-08-19T10:00:00Z',
          ip: null,
          userAgent: null,
          revokedAt: null,
        };

        await expect(store.sessions.createSession(session)).rejects.toThrow();
      } finally {
        await store.close();
        await cleanup();
      }
    });
  });
}
