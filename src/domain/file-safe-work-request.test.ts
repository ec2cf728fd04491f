import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFileSafeWorkRequests, sanitiseWorkRequest } from './file-safe-work-request.js';
import { createReportIdentity } from './report-identity.js';
import { isoDate } from './calendar-date.js';

describe('sanitiseWorkRequest', () => {
  it.each([
    ['89708709', '89708709'],
    ['WR-12', 'WR-12'],
    ['WR 12/3', 'WR-12-3'],
    ['  12  ', '12'],
    ['_12_', '12'],
    ['-12-', '12'],
    ['a__b', 'a__b'],
    ['A_B', 'A_B'],
    ['Ünïcode 5', 'n-code-5'],
    ['x'.repeat(60), 'x'.repeat(50)],
    [`${'x'.repeat(49)}__y`, 'x'.repeat(49)],
    ['///', undefined],
    ['', undefined],
  ])('%j → %j', (workRequest, safe) => {
    expect(sanitiseWorkRequest(workRequest)).toBe(safe);
  });

  it('always yields a valid identity part', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (workRequest) => {
        const safe = sanitiseWorkRequest(workRequest);
        if (safe === undefined) return;
        expect(safe).toMatch(/^[A-Za-z0-9_-]{1,50}$/);
        expect(createReportIdentity({ workRequest: safe, weekEnding: isoDate('2025-08-17') }).ok).toBe(true);
        expect(sanitiseWorkRequest(safe)).toBe(safe);
      }),
    );
  });
});

describe('assignFileSafeWorkRequests', () => {
  it('quarantines both Work Requests that sanitise to the same value', () => {
    const result = assignFileSafeWorkRequests(['WR 12', 'WR/12', '89708709', '***']);
    expect(result.collisions).toEqual(new Map([['WR-12', ['WR 12', 'WR/12']]]));
    expect(result.safe).toEqual(new Map([['89708709', '89708709']]));
    expect(result.unsafe).toEqual(['***']);
  });

  it('does not count a repeated Work Request as a collision with itself', () => {
    expect(assignFileSafeWorkRequests(['12', '12']).collisions.size).toBe(0);
  });
});
