import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { formatWallClock, WEEKDAY_LABELS, wallClockSlotOf } from './wall-clock-slot.js';

describe('wallClockSlotOf', () => {
  it.each([
    // Chicago spring forward, 2025-03-09: 01:59 CST is followed by 03:00 CDT; hour 2 never occurs.
    ['America/Chicago', '2025-03-09T07:59:00Z', '2025-03-09', 1, 59, 'Sun'],
    ['America/Chicago', '2025-03-09T08:00:00Z', '2025-03-09', 3, 0, 'Sun'],
    // Chicago fall back, 2025-11-02: 01:30 happens twice, once in CDT and once in CST.
    ['America/Chicago', '2025-11-02T06:30:00Z', '2025-11-02', 1, 30, 'Sun'],
    ['America/Chicago', '2025-11-02T07:30:00Z', '2025-11-02', 1, 30, 'Sun'],
    // Monday in UTC, still Sunday evening in Chicago.
    ['America/Chicago', '2025-08-18T03:00:00Z', '2025-08-17', 22, 0, 'Sun'],
    ['Europe/London', '2025-03-30T00:59:00Z', '2025-03-30', 0, 59, 'Sun'],
    ['Europe/London', '2025-03-30T01:00:00Z', '2025-03-30', 2, 0, 'Sun'],
    // Half-hour offset crosses midnight into Monday.
    ['Asia/Kolkata', '2025-08-17T18:45:00Z', '2025-08-18', 0, 15, 'Mon'],
    // Southern hemisphere fall back, 2025-04-06: 02:30 twice.
    ['Australia/Sydney', '2025-04-05T15:30:00Z', '2025-04-06', 2, 30, 'Sun'],
    ['Australia/Sydney', '2025-04-05T16:30:00Z', '2025-04-06', 2, 30, 'Sun'],
    ['Pacific/Kiritimati', '2025-08-17T10:00:00Z', '2025-08-18', 0, 0, 'Mon'],
    ['UTC', '2025-08-17T23:59:59.999Z', '2025-08-17', 23, 59, 'Sun'],
  ])('%s %s → %s %i:%i (%s)', (zone, instant, date, hour, minute, weekday) => {
    const slot = wallClockSlotOf(new Date(instant), zone);
    expect(slot).toMatchObject({ date, hour, minute });
    expect(WEEKDAY_LABELS[slot.weekdayIndex]).toBe(weekday);
  });

  it.each([
    ['2025-08-11', 'Mon'],
    ['2025-08-12', 'Tue'],
    ['2025-08-13', 'Wed'],
    ['2025-08-14', 'Thu'],
    ['2025-08-15', 'Fri'],
    ['2025-08-16', 'Sat'],
    ['2025-08-17', 'Sun'],
  ])('maps %s to %s, Monday first', (date, weekday) => {
    const slot = wallClockSlotOf(new Date(`${date}T12:00:00Z`), 'UTC');
    expect(WEEKDAY_LABELS[slot.weekdayIndex]).toBe(weekday);
  });

  it('gives a wall-clock instant whose UTC reading is the local time', () => {
    const slot = wallClockSlotOf(new Date('2025-08-18T13:59:12Z'), 'America/Chicago');
    expect(new Date(slot.wallClockMs).toISOString()).toBe('2025-08-18T08:59:12.000Z');
    expect(formatWallClock(slot)).toBe('2025-08-18 08:59');
  });

  it('refuses an unknown zone with a configuration error', () => {
    expect(() => wallClockSlotOf(new Date(0), 'Mars/Olympus_Mons')).toThrow(AppError);
  });
});
