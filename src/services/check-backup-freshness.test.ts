import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { checkBackupFreshness } from './check-backup-freshness.js';

describe('checkBackupFreshness', () => {
  const store = useTestStore(backends[0]!);

  it('alerts once per stale episode, and not during a fresh store’s first day', async () => {
    const sent: string[] = [];
    let now = new Date('2025-08-19T10:00:00Z');
    let id = 0;
    const deps = () => ({
      backups: store().backups,
      alerting: {
        alerts: store().alerts,
        email: { send: async (m: { subject: string }) => (sent.push(m.subject), { id: 'm' }) },
        recipients: ['ops@example.com'],
        newId: () => `alert-${++id}`,
        now: () => now,
      },
    });
    const watchingSince = new Date('2025-08-19T00:00:00Z');
    await checkBackupFreshness(deps(), { maxAgeHours: 26, watchingSince });
    expect(sent).toEqual([]);

    now = new Date('2025-08-20T03:00:00Z');
    await checkBackupFreshness(deps(), { maxAgeHours: 26, watchingSince });
    await checkBackupFreshness(deps(), { maxAgeHours: 26, watchingSince });
    expect(sent).toEqual(['[Ledgerline] No recent verified backup']);

    await store().backups.recordBackup({
      id: 'backup-20250820T023000Z-aaaaaa',
      startedAt: '2025-08-20T02:30:00Z',
      finishedAt: '2025-08-20T02:35:00Z',
      status: 'verified',
      location: null,
      sizeBytes: 1,
      checksum: null,
      durationMs: 1,
      drillResult: null,
      error: null,
      manifest: null,
    });
    expect((await checkBackupFreshness(deps(), { maxAgeHours: 26 })).fresh).toBe(true);
    now = new Date('2025-08-21T05:00:00Z');
    await checkBackupFreshness(deps(), { maxAgeHours: 26 });
    expect(sent).toHaveLength(2);
  });
});
