import { describe, expect, it } from 'vitest';
import type { BackupRecord } from '../../../ports/store.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function backup(id: string, overrides: Partial<BackupRecord> = {}): BackupRecord {
  return {
    id,
    startedAt: '2025-08-18T02:00:00.000Z',
    finishedAt: null,
    status: 'running',
    location: null,
    sizeBytes: null,
    checksum: null,
    durationMs: null,
    drillResult: null,
    error: null,
    manifest: null,
    ...overrides,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`backup store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('records a backup and completes it with an update', async () => {
      await store().backups.recordBackup(backup('b1'));

      const updated = await store().backups.updateBackup('b1', {
        finishedAt: '2025-08-18T02:01:30Z',
        status: 'completed',
        location: '/var/backups/ledgerline-20250818.db.gz',
        sizeBytes: 5_368_709_120,
        checksum: 'e3b0c44298fc1c149afbf4c8996fb924',
        durationMs: 90_000,
        manifest: { tables: { audit_events: 1200, row_snapshots: 150_000 } },
      });

      expect(updated).toEqual({
        ...backup('b1'),
        finishedAt: '2025-08-18T02:01:30.000Z',
        status: 'completed',
        location: '/var/backups/ledgerline-20250818.db.gz',
        sizeBytes: 5_368_709_120,
        checksum: 'e3b0c44298fc1c149afbf4c8996fb924',
        durationMs: 90_000,
        manifest: { tables: { audit_events: 1200, row_snapshots: 150_000 } },
      });
      expect(await store().backups.updateBackup('nope', { status: 'failed' })).toBeUndefined();
    });

    it('lists backups latest first', async () => {
      await store().backups.recordBackup(backup('old', { startedAt: '2025-08-16T02:00:00Z' }));
      await store().backups.recordBackup(backup('new', { startedAt: '2025-08-18T02:00:00Z' }));
      await store().backups.recordBackup(backup('mid', { startedAt: '2025-08-17T02:00:00Z' }));

      expect((await store().backups.listBackups({ limit: 2 })).map((b) => b.id)).toEqual(['new', 'mid']);
    });

    it('finds the latest verified backup', async () => {
      const drill = { restoredRows: 151_200, chainVerified: true };
      await store().backups.recordBackup(
        backup('v1', { status: 'verified', finishedAt: '2025-08-16T02:10:00Z' }),
      );
      await store().backups.recordBackup(
        backup('v2', { status: 'verified', finishedAt: '2025-08-17T02:10:00Z', drillResult: drill }),
      );
      await store().backups.recordBackup(
        backup('c3', { status: 'completed', finishedAt: '2025-08-18T02:10:00Z' }),
      );

      expect(await store().backups.latestVerifiedBackup()).toMatchObject({ id: 'v2', drillResult: drill });
    });
  });
}
