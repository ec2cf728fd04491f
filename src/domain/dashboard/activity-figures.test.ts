import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar-date.js';
import { editorActivity, riskTrend, severityCounts, weekWindowOf } from './activity-figures.js';

describe('activity figures', () => {
  it('places the billing week on the organisation calendar, whole days inclusive', () => {
    // Sunday 2025-08-24 23:30 in Chicago is still the week ending that day.
    expect(weekWindowOf(new Date('2025-08-25T04:30:00Z'), 'America/Chicago', 0)).toEqual({
      weekEnding: '2025-08-24',
      from: '2025-08-18T05:00:00.000Z',
      to: '2025-08-25T04:59:59.999Z',
    });
  });

  it('counts every severity, zero included', () => {
    expect(severityCounts([{ severity: 'HIGH' }, { severity: 'HIGH' }, { severity: 'INFO' }])).toEqual({
      INFO: 1,
      LOW: 0,
      MEDIUM: 0,
      HIGH: 2,
      CRITICAL: 0,
    });
  });

  it('gives one trend point per local day, empty days as zeros', () => {
    const trend = riskTrend(
      [
        // 2025-08-20 00:30 UTC is still the 19th in Chicago.
        { changedAt: '2025-08-20T00:30:00Z', riskScore: 0.2 },
        { changedAt: '2025-08-19T15:00:00Z', riskScore: 0.6 },
        { changedAt: '2025-08-20T15:00:00Z', riskScore: 1 },
      ],
      { today: isoDate('2025-08-20'), days: 3, timeZone: 'America/Chicago' },
    );
    expect(trend).toEqual([
      { date: '2025-08-18', averageRisk: 0, maxRisk: 0, events: 0 },
      { date: '2025-08-19', averageRisk: 0.4, maxRisk: 0.6, events: 2 },
      { date: '2025-08-20', averageRisk: 1, maxRisk: 1, events: 1 },
    ]);
  });

  it('counts a change once however many events it has, matching editors without case', () => {
    const [ann] = editorActivity(
      [
        { changedBy: 'Ann@example.com', changedAt: '2025-08-19T15:00:00Z', severity: 'HIGH' },
        { changedBy: 'ann@example.com', changedAt: '2025-08-19T15:00:00Z', severity: 'LOW' },
      ],
      [
        {
          changeId: 'c1',
          editor: 'ann@example.com',
          changedAt: '2025-08-19T15:00:00Z',
          localHour: 10,
          localWeekday: 1,
          deltaCents: -300,
          riskScore: 0.5,
        },
      ],
    );
    expect(ann).toMatchObject({
      editor: 'ann@example.com',
      changes: 1,
      violations: 2,
      netImpactCents: -300,
      absoluteImpactCents: 300,
      byWeekday: [0, 1, 0, 0, 0, 0, 0],
    });
    expect(ann?.byHour.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
