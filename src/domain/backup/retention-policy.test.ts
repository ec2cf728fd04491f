import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRetention, DEFAULT_RETENTION, type RetentionCandidate } from './retention-policy.js';

const UTC = 'UTC';
const DAY_MS = 86_400_000;

function daily(from: string, days: number, hourUtc = 2): RetentionCandidate[] {
  const start = Date.parse(`${from}T00:00:00Z`) + hourUtc * 3_600_000;
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(start + i * DAY_MS).toISOString();
    return { id: `b-${takenAt.slice(0, 10)}`, takenAt };
  });
}

describe('applyRetention', () => {
  it('keeps the newest backup of a day when several ran that day', () => {
    const morning = { id: 'morning', takenAt: '2025-08-18T02:00:00Z' };
    const rerun = { id: 'rerun', takenAt: '2025-08-18T09:30:00Z' };
    const decision = applyRetention([morning, rerun], { daily: 7, weekly: 0, monthly: 0 }, UTC);
    expect([...decision.keep.keys()]).toEqual(['rerun']);
    expect(decision.prune).toEqual(['morning']);
  });

  it('buckets by the organisation’s local day, not UTC', () => {
    // 03:00 UTC on the 19th is still the evening of the 18th in Chicago.
    const late = { id: 'late', takenAt: '2025-08-19T03:00:00Z' };
    const early = { id: 'early', takenAt: '2025-08-18T15:00:00Z' };
    expect(
      applyRetention([late, early], { daily: 1, weekly: 0, monthly: 0 }, 'America/Chicago').prune,
    ).toEqual(['early']);
    expect(applyRetention([late, early], { daily: 2, weekly: 0, monthly: 0 }, UTC).prune).toEqual([]);
  });

  it('never prunes the newest backup, and keeps nothing twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000 * 24 }), { minLength: 1, maxLength: 60 }),
        fc.record({
          daily: fc.integer({ min: 1, max: 10 }),
          weekly: fc.integer({ min: 0, max: 6 }),
          monthly: fc.integer({ min: 0, max: 14 }),
        }),
        (hours, policy) => {
          const candidates = hours.map((h, i) => ({
            id: `b${i}`,
            takenAt: new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString(),
          }));
          const { keep, prune } = applyRetention(candidates, policy, UTC);
          const newest = [...candidates].sort(
            (a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt) || (a.id < b.id ? 1 : -1),
          )[0];
          expect(keep.has(newest?.id ?? '')).toBe(true);
          expect(keep.size + prune.length).toBe(candidates.length);
          expect(keep.size).toBeLessThanOrEqual(policy.daily + policy.weekly + policy.monthly);
          for (const id of prune) expect(keep.has(id)).toBe(false);
        },
      ),
    );
  });

  it('is the same whatever order the backups are listed in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 800 * 24 }), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (hours, stream) => {
          const candidates = hours.map((h) => ({
            id: `b${h}`,
            takenAt: new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString(),
          }));
          const shuffled = [...candidates].sort(() => (stream.next().value % 3) - 1);
          const a = applyRetention(candidates, DEFAULT_RETENTION, UTC);
          const b = applyRetention(shuffled, DEFAULT_RETENTION, UTC);
          expect([...b.keep.keys()].sort()).toEqual([...a.keep.keys()].sort());
          expect(b.prune).toEqual(a.prune);
        },
      ),
    );
  });

  it('over 400 days of daily backups pruned every day, keeps exactly 7 dailies, 4 weeklies and 12 monthlies', () => {
    // A fake clock: one backup a day at 02:00, pruned right after it, from 2024-07-01 for 400 days.
    const all = daily('2024-07-01', 400);
    let kept: RetentionCandidate[] = [];
    for (const backup of all) {
      kept = [...kept, backup];
      const { prune } = applyRetention(kept, DEFAULT_RETENTION, UTC);
      kept = kept.filter((b) => !prune.includes(b.id));
    }
    // The last backup is 2025-08-04 (a Monday).
    expect(all.at(-1)?.id).toBe('b-2025-08-04');
    const dailies = [
      '2025-07-29',
      '2025-07-30',
      '2025-07-31',
      '2025-08-01',
      '2025-08-02',
      '2025-08-03',
      '2025-08-04',
    ];
    // Newest of the last four ISO weeks: this Monday, then the three Sundays before it.
    const weeklies = ['2025-08-04', '2025-08-03', '2025-07-27', '2025-07-20'];
    // Newest of the last twelve months: today, then the last day of the eleven months before.
    const monthlies = [
      '2025-08-04',
      '2025-07-31',
      '2025-06-30',
      '2025-05-31',
      '2025-04-30',
      '2025-03-31',
      '2025-02-28',
      '2025-01-31',
      '2024-12-31',
      '2024-11-30',
      '2024-10-31',
      '2024-09-30',
    ];
    const expected = [...new Set([...dailies, ...weeklies, ...monthlies])].sort().map((d) => `b-${d}`);
    expect(kept.map((b) => b.id).sort()).toEqual(expected);
    // Pruning day by day keeps what one decision over the whole history would.
    expect([...applyRetention(all, DEFAULT_RETENTION, UTC).keep.keys()].sort()).toEqual(expected);
  });
});
