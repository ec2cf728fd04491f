import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateFromDayNumber, isoDate } from './calendar-date.js';
import { AppError } from './app-error.js';
import { isWeekClosed, weekClosesAt } from './week-close.js';

describe('weekClosesAt', () => {
  it.each([
    // Central Daylight Time (UTC-5) in summer, Central Standard Time (UTC-6) in winter.
    ['2025-07-13', 'America/Chicago', 0, '2025-07-14T05:00:00.000Z'],
    ['2025-01-12', 'America/Chicago', 0, '2025-01-13T06:00:00.000Z'],
    // DST ends 2025-11-02 at 02:00: that Sunday closes in CST.
    ['2025-11-02', 'America/Chicago', 0, '2025-11-03T06:00:00.000Z'],
    // DST starts 2025-03-09 at 02:00: that Sunday closes in CDT.
    ['2025-03-09', 'America/Chicago', 0, '2025-03-10T05:00:00.000Z'],
    ['2025-03-08', 'America/Chicago', 0, '2025-03-09T06:00:00.000Z'],
    ['2025-07-13', 'America/Chicago', 12, '2025-07-14T17:00:00.000Z'],
    ['2025-07-13', 'America/Chicago', 1.5, '2025-07-14T06:30:00.000Z'],
    ['2025-07-13', 'UTC', 0, '2025-07-14T00:00:00.000Z'],
    ['2025-07-13', 'Asia/Kolkata', 0, '2025-07-13T18:30:00.000Z'],
    // São Paulo skipped midnight on 2018-11-04 (00:00 → 01:00): that day began at the jump.
    ['2018-11-03', 'America/Sao_Paulo', 0, '2018-11-04T03:00:00.000Z'],
    // São Paulo's DST ended at midnight 2018-02-18 (00:00 → 23:00): Saturday ended at the later 00:00.
    ['2018-02-17', 'America/Sao_Paulo', 0, '2018-02-18T03:00:00.000Z'],
    // Havana falls back 01:00 → 00:00, so 2025-11-02 00:00 happens twice: the day began at the first.
    ['2025-11-01', 'America/Havana', 0, '2025-11-02T04:00:00.000Z'],
  ])('week ending %s in %s with %d h grace closes at %s', (weekEnding, timeZone, graceHours, instant) => {
    expect(weekClosesAt(isoDate(weekEnding), timeZone, graceHours).toISOString()).toBe(instant);
  });

  it('defaults to America/Chicago with no grace', () => {
    expect(weekClosesAt(isoDate('2025-07-13')).toISOString()).toBe('2025-07-14T05:00:00.000Z');
  });

  it('closes weeks 7 days apart, give or take the DST hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 40000 }), (dayNumber) => {
        const weekEnding = dateFromDayNumber(dayNumber);
        const gap = weekClosesAt(addDays(weekEnding, 7)).getTime() - weekClosesAt(weekEnding).getTime();
        expect([167, 168, 169]).toContain(gap / 3_600_000);
      }),
    );
  });

  it('refuses an unknown time zone and a negative grace with a clear message', () => {
    expect(() => weekClosesAt(isoDate('2025-07-13'), 'America/Chicagoo')).toThrow(AppError);
    expect(() => weekClosesAt(isoDate('2025-07-13'), 'America/Chicago', -1)).toThrow(/grace hours/);
  });
});

describe('isWeekClosed', () => {
  const weekEnding = isoDate('2025-08-17');
  const rule = { timeZone: 'America/Chicago', graceHours: 0 };

  it('is open until the end of Sunday in Chicago and closed from then on', () => {
    expect(isWeekClosed(weekEnding, new Date('2025-08-18T04:59:59.999Z'), rule)).toBe(false);
    expect(isWeekClosed(weekEnding, new Date('2025-08-18T05:00:00.000Z'), rule)).toBe(true);
  });

  it('waits out the grace period', () => {
    const withGrace = { ...rule, graceHours: 24 };
    expect(isWeekClosed(weekEnding, new Date('2025-08-19T04:59:59Z'), withGrace)).toBe(false);
    expect(isWeekClosed(weekEnding, new Date('2025-08-19T05:00:00Z'), withGrace)).toBe(true);
  });
});
