import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromDayNumber, dayNumberOf, isoDate, Weekday, weekdayOf } from './calendar-date.js';
import type { Weekday as WeekdayNumber } from './calendar-date.js';
import { billingPeriodFor, isInBillingPeriod, weekEndingFor } from './week-ending.js';

describe('weekEndingFor', () => {
  it.each([
    ['2025-08-11', '2025-08-17'],
    ['2025-08-16', '2025-08-17'],
    ['2025-08-17', '2025-08-17'],
    ['2025-08-18', '2025-08-24'],
    ['2025-12-29', '2026-01-04'],
  ])('with Sunday week-ends, %s belongs to the week ending %s', (date, weekEnding) => {
    expect(weekEndingFor(isoDate(date))).toBe(weekEnding);
  });

  it('honours another week-end day', () => {
    expect(weekEndingFor(isoDate('2025-08-17'), Weekday.SATURDAY)).toBe('2025-08-23');
    expect(weekEndingFor(isoDate('2025-08-15'), Weekday.FRIDAY)).toBe('2025-08-15');
  });

  it('is the first week-end day on or after the date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60000 }),
        fc.integer({ min: 0, max: 6 }).map((n) => n as WeekdayNumber),
        (dayNumber, weekEndDay) => {
          const date = dateFromDayNumber(dayNumber);
          const weekEnding = weekEndingFor(date, weekEndDay);
          const gap = dayNumberOf(weekEnding) - dayNumber;
          expect(weekdayOf(weekEnding)).toBe(weekEndDay);
          expect(gap).toBeGreaterThanOrEqual(0);
          expect(gap).toBeLessThan(7);
        },
      ),
    );
  });
});

describe('billingPeriodFor', () => {
  it('is the seven days ending on the week ending, Monday to Sunday by default', () => {
    const period = billingPeriodFor(isoDate('2025-08-17'));
    expect(period).toEqual({ start: '2025-08-11', end: '2025-08-17' });
    expect(isInBillingPeriod(isoDate('2025-08-11'), period)).toBe(true);
    expect(isInBillingPeriod(isoDate('2025-08-17'), period)).toBe(true);
    expect(isInBillingPeriod(isoDate('2025-08-10'), period)).toBe(false);
    expect(isInBillingPeriod(isoDate('2025-08-18'), period)).toBe(false);
  });
});
