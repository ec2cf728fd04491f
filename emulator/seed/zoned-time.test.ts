import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isWeekClosed,
  sundayOnOrAfter,
  toSmartsheetTimestamp,
  weekClosesAt,
  zonedParts,
  zonedTimeToUtc,
} from './zoned-time.js';

const iso = (ms: number) => toSmartsheetTimestamp(ms);

describe('zoned time in America/Chicago', () => {
  it('converts local wall-clock times to UTC in summer and winter', () => {
    expect(iso(zonedTimeToUtc('2026-09-16', 10, 0))).toBe('2026-09-16T15:00:00Z');
    expect(iso(zonedTimeToUtc('2026-01-14', 10, 30))).toBe('2026-01-14T16:30:00Z');
    expect(iso(zonedTimeToUtc('2026-03-08', 3, 0))).toBe('2026-03-08T08:00:00Z'); // first hour of CDT
  });

  it('reads the local date and hour of an instant', () => {
    expect(zonedParts(Date.parse('2026-09-14T04:30:00Z'))).toMatchObject({
      date: '2026-09-13',
      hour: 23,
      minute: 30,
    });
  });

  it('closes a week at the end of its Sunday, local time', () => {
    expect(iso(weekClosesAt('2026-09-13'))).toBe('2026-09-14T05:00:00Z');
    expect(iso(weekClosesAt('2026-01-04'))).toBe('2026-01-05T06:00:00Z');
    expect(isWeekClosed('2026-09-13', Date.parse('2026-09-14T04:59:59Z'))).toBe(false);
    expect(isWeekClosed('2026-09-13', Date.parse('2026-09-14T05:00:00Z'))).toBe(true);
  });

  it('knows Sundays and calendar dates', () => {
    expect(sundayOnOrAfter('2026-09-16')).toBe('2026-09-20');
    expect(sundayOnOrAfter('2026-09-20')).toBe('2026-09-20');
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate(20260228)).toBe(false);
  });
});
