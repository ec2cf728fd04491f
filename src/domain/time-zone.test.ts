import { describe, expect, it } from 'vitest';
import { isoDate } from './calendar-date.js';
import { calendarDateIn, isValidTimeZone, startOfDayIn, timeZoneOffsetMs } from './time-zone.js';

describe('time zones', () => {
  it('gives the organisation date at an instant', () => {
    expect(calendarDateIn(new Date('2025-08-18T04:59:59Z'), 'America/Chicago')).toBe('2025-08-17');
    expect(calendarDateIn(new Date('2025-08-18T05:00:00Z'), 'America/Chicago')).toBe('2025-08-18');
    expect(calendarDateIn(new Date('2025-08-17T20:00:00Z'), 'Pacific/Auckland')).toBe('2025-08-18');
  });

  it('measures offsets with DST', () => {
    expect(timeZoneOffsetMs(new Date('2025-07-01T12:00:00Z'), 'America/Chicago')).toBe(-5 * 3_600_000);
    expect(timeZoneOffsetMs(new Date('2025-01-01T12:00:00Z'), 'America/Chicago')).toBe(-6 * 3_600_000);
    expect(timeZoneOffsetMs(new Date('2025-01-01T12:00:00.750Z'), 'Asia/Kathmandu')).toBe(5.75 * 3_600_000);
  });

  it('finds the first instant of a day', () => {
    expect(startOfDayIn(isoDate('2025-11-02'), 'America/Chicago').toISOString()).toBe(
      '2025-11-02T05:00:00.000Z',
    );
    expect(startOfDayIn(isoDate('2025-11-03'), 'America/Chicago').toISOString()).toBe(
      '2025-11-03T06:00:00.000Z',
    );
  });

  it('knows which zone names are real', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
