import { describe, expect, it } from 'vitest';
import { backupFreshness } from './backup-freshness.js';

const latest = { id: 'backup-20250818T023000Z-aaaaaa', finishedAt: '2025-08-18T02:40:00.000Z' };

describe('backupFreshness', () => {
  it('is fresh while the newest verified backup is younger than the limit', () => {
    expect(backupFreshness(latest, new Date('2025-08-19T04:39:00Z'), 26)).toMatchObject({ fresh: true });
  });

  it('alarms at 26 hours, keyed by the backup so one stale episode alerts once', () => {
    const stale = backupFreshness(latest, new Date('2025-08-19T04:40:00Z'), 26);
    expect(stale).toMatchObject({ fresh: false, dedupeKey: `backup-stale:${latest.id}` });
    expect(stale.fresh ? '' : stale.message).toContain('is 26 hours old; none is younger than 26 hours');
  });

  it('alarms when no verified backup exists at all', () => {
    expect(backupFreshness(undefined, new Date('2025-08-19T04:40:00Z'), 26)).toMatchObject({
      fresh: false,
      dedupeKey: 'backup-stale:none',
    });
  });
});
