import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../../test/support/store-records.js';
import {
  backends,
  createTestLocation,
  createTestStore,
  type TestBackend,
} from '../../../test/support/test-databases.js';
import { openStore } from './open-store.js';
import { migrateToLatest, migrationStatus } from './migrate.js';
import { MIGRATIONS } from './migrations/migration-list.js';
import { storeInternals } from './store-internals.js';

const allMigrations = Object.keys(MIGRATIONS).sort();

async function withFreshLocation(
  backend: TestBackend,
  test: (location: Parameters<typeof openStore>[0]) => Promise<void>,
) {
  const { location, cleanup } = await createTestLocation(backend);
  try {
    await test(location);
  } finally {
    await cleanup();
  }
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`migrations on ${backend.dialect}`, () => {
    it('applies every migration once, then nothing', async () => {
      await withFreshLocation(backend, async (location) => {
        const store = await openStore(location);
        try {
          expect(await migrationStatus(store)).toEqual({ applied: [], pending: allMigrations });
          expect(await migrateToLatest(store)).toEqual({ applied: allMigrations });
          expect(await migrateToLatest(store)).toEqual({ applied: [] });
          expect(await migrationStatus(store)).toEqual({ applied: allMigrations, pending: [] });
        } finally {
          await store.close();
        }
      });
    });

    it('applies each migration once when two stores migrate the same database at the same time', async () => {
      await withFreshLocation(backend, async (location) => {
        const [first, second] = await Promise.all([openStore(location), openStore(location)]);
        try {
          const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);

          const appliedByEither = results.flatMap((result) => result.applied).sort();
          expect(appliedByEither).toEqual(allMigrations);
          expect(await migrationStatus(first)).toEqual({ applied: allMigrations, pending: [] });
          expect(await first.audit.chainHead()).toMatchObject({ eventCount: 0, headSeq: null });
        } finally {
          await Promise.all([first.close(), second.close()]);
        }
      });
    });

    it('leaves the audit log append-only at the database level', async () => {
      const { store, cleanup } = await createTestStore(backend);
      try {
        const [event] = await store.audit.appendEvents([buildAuditEvent()]);
        await store.audit.appendCheckpoint({
          seq: event?.seq ?? 0,
          eventCount: 1,
          headHash: event?.hash ?? '',
          signature: 'sig',
          keyId: 'k1',
          runId: null,
          createdAt: '2025-08-18T14:00:00Z',
        });
        const { db } = storeInternals(store);

        await expect(sql`update audit_events set severity = 'LOW'`.execute(db)).rejects.toThrow(
          /append-only/,
        );
        await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
        await expect(sql`delete from audit_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
        expect(await store.audit.countEvents()).toBe(1);
      } finally {
        await cleanup();
      }
    });
  });
}
