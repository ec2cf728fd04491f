import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../calendar-date.js';
import { calendarDateIn } from '../time-zone.js';
import {
  changeSlots,
  editorActivity,
  riskTrendFromSlots,
  severityCounts,
  weekWindowOf,
} from './activity-figures.js';

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
    const trend = riskTrendFromSlots(
      changeSlots([
        // 2025-08-20 00:30 UTC is still the 19th in Chicago.
        { changedAt: '2025-08-20T00:30:00Z', riskScore: 0.2, deltaCents: null },
        { changedAt: '2025-08-19T15:00:00Z', riskScore: 0.6, deltaCents: null },
        { changedAt: '2025-08-20T15:00:00Z', riskScore: 1, deltaCents: null },
      ]),
      { today: isoDate('2025-08-20'), days: 3, timeZone: 'America/Chicago' },
    );
    expect(trend).toEqual([
      { date: '2025-08-18', averageRisk: 0, maxRisk: 0, events: 0 },
      { date: '2025-08-19', averageRisk: 0.4, maxRisk: 0.6, events: 2 },
      { date: '2025-08-20', averageRisk: 1, maxRisk: 1, events: 1 },
    ]);
  });

  it('places every change on the same local day whether summed per slot or taken one by one', () => {
    // Zones with half- and quarter-hour offsets and daylight saving: a 15-minute UTC slot must
    // never straddle a local midnight in any of them.
    const zones = [
      'America/Chicago',
      'Asia/Kathmandu',
      'Australia/Eucla',
      'America/St_Johns',
      'Pacific/Chatham',
    ];
    const start = Date.parse('2025-10-20T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 20 * 86_400_000 }),
            // Eighths add exactly in any order, so sums per slot equal sums per change.
            risk: fc.integer({ min: 0, max: 8 }).map((n) => n / 8),
          }),
          { maxLength: 200 },
        ),
        (timeZone, picks) => {
          const changes = picks.map((p) => ({
            changedAt: new Date(start + p.at).toISOString(),
            riskScore: p.risk,
            deltaCents: null,
          }));
          const today = calendarDateIn(new Date(start + 20 * 86_400_000), timeZone);
          const trend = riskTrendFromSlots(changeSlots(changes), { today, days: 22, timeZone });
          const perChange = new Map<string, { count: number; max: number; sum: number }>();
          for (const change of changes) {
            const date = calendarDateIn(new Date(change.changedAt), timeZone);
            const day = perChange.get(date) ?? { count: 0, max: 0, sum: 0 };
            perChange.set(date, {
              count: day.count + 1,
              max: Math.max(day.max, change.riskScore),
              sum: day.sum + change.riskScore,
            });
          }
          for (const day of trend) {
            const expected = perChange.get(day.date);
            expect([day.events, day.maxRisk]).toEqual([expected?.count ?? 0, expected?.max ?? 0]);
            if (expected) expect(day.averageRisk).toBeCloseTo(expected.sum / expected.count, 4);
          }
          expect(trend.reduce((n, day) => n + day.events, 0)).toBe(changes.length);
          expect(trend.at(-1)!.date).toBe(today);
          expect(trend[0]!.date).toBe(addDays(today, -21));
          expect(changeSlots(changes).reduce((n, slot) => n + slot.changes, 0)).toBe(changes.length);
        },
      ),
      { numRuns: 60 },
    );
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
