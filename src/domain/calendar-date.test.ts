import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  dateFromDayNumber,
  dateParts,
  dayNumberOf,
  daysInMonth,
  formatUsDate,
  isoDate,
  parseDate,
  weekdayName,
  weekdayOf,
} from './calendar-date.js';

describe('parseDate', () => {
  it.each(['2025-08-17', ' 2025-08-17 ', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])(
    'accepts %j',
    (text) => {
      expect(parseDate(text)).toEqual({ ok: true, value: text.trim() });
    },
  );

  it.each([
    [undefined, 'empty'],
    ['', 'empty'],
    ['  ', 'empty'],
    [45000, 'serial dates are not accepted'],
    [true, 'checkbox'],
    ['2025-8-17', 'YYYY-MM-DD'],
    ['08/17/2025', 'YYYY-MM-DD'],
    ['2025-08-17T00:00:00Z', 'YYYY-MM-DD'],
    ['2025-02-29', 'real calendar date'],
    ['1900-02-29', 'real calendar date'],
    ['2025-13-01', 'real calendar date'],
    ['2025-04-31', 'real calendar date'],
    ['2025-00-10', 'real calendar date'],
    ['0000-01-01', 'real calendar date'],
  ])('refuses %j', (value, reason) => {
    const result = parseDate(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('parseDate on every calendar day', () => {
  it('accepts each real day and refuses the day after the end of its month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(isoDate('0001-01-01')), max: dayNumberOf(isoDate('9999-12-31')) }),
        (n) => {
          const date = dateFromDayNumber(n);
          expect(parseDate(date)).toEqual({ ok: true, value: date });
          // Month ends come from daysInMonth, not addDays: 9999-12-31 has no next day to step to.
          const { year, month, day } = dateParts(date);
          if (day === daysInMonth(year, month)) {
            expect(parseDate(`${date.slice(0, 8)}${String(day + 1).padStart(2, '0')}`).ok).toBe(false);
          }
        },
      ),
    );
  });
});

describe('day arithmetic', () => {
  it('agrees with the UTC calendar for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (dayNumber) => {
        const expected = new Date(dayNumber * 86_400_000);
        const date = dateFromDayNumber(dayNumber);
        expect(date).toBe(expected.toISOString().slice(0, 10));
        expect(dayNumberOf(date)).toBe(dayNumber);
        expect(weekdayOf(date)).toBe(expected.getUTCDay());
      }),
    );
  });

  it('round-trips day numbers across the whole 0001-9999 range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(isoDate('0001-01-01')), max: dayNumberOf(isoDate('9999-12-31')) }),
        (n) => {
          expect(dayNumberOf(dateFromDayNumber(n))).toBe(n);
        },
      ),
    );
  });

  it.each([
    ['2025-08-17', 1, '2025-08-18'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-08-17', -6, '2025-08-11'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(isoDate(date), days)).toBe(expected);
  });

  it('adds years, turning 29 February into 28 February', () => {
    expect(addYears(isoDate('2024-02-29'), 1)).toBe('2025-02-28');
    expect(addYears(isoDate('2025-08-17'), -10)).toBe('2015-08-17');
  });

  it('names weekdays and prints US dates', () => {
    expect(weekdayName(weekdayOf(isoDate('2025-08-11')))).toBe('Monday');
    expect(formatUsDate(isoDate('2025-08-11'))).toBe('08/11/2025');
  });

  it('refuses a day number outside four-digit years', () => {
    expect(() => dateFromDayNumber(dayNumberOf(isoDate('9999-12-31')) + 1)).toThrow(RangeError);
  });
});
