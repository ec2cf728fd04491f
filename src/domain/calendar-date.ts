import { describeCellValue } from './cell-value.js';
import type { CellValue } from './cell-value.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/**
 * A calendar day with no time or zone, written `YYYY-MM-DD` as Smartsheet DATE cells are
 * (smartsheet-api.md §4.4). The brand means "checked to be a real date"; build one with
 * `parseDate` or `isoDate`. Fixed-width text, so `<` and `>` compare dates correctly.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Day of the week as JavaScript numbers it: 0 Sunday, 1 Monday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Names for weekdays, so configuration and tests read `Weekday.SUNDAY`, not 0. */
export const Weekday = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
} as const satisfies Record<string, Weekday>;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a DATE cell: exactly `YYYY-MM-DD` (surrounding spaces ignored) naming a real calendar
 * day, years 0001–9999. A bare number is refused: it is never read as a spreadsheet serial date
 * (billing-domain.md §1.3), because 45000 means nothing reliable.
 */
export function parseDate(value: CellValue): Result<IsoDate> {
  if (value === undefined || value === null || value === '') return fail('date is empty');
  if (typeof value === 'number')
    return fail(`a number is not a date (serial dates are not accepted): ${value}`);
  if (typeof value === 'boolean') return fail(`a checkbox value is not a date: ${value}`);
  const text = value.trim();
  if (text === '') return fail('date is empty');
  const match = DATE_TEXT.exec(text);
  if (!match) return fail(`date is not YYYY-MM-DD: ${describeCellValue(value)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`not a real calendar date: ${describeCellValue(value)}`);
  }
  return ok(text as IsoDate);
}

/** An IsoDate from trusted literal text (tests, constants); throws RangeError when it is not one. */
export function isoDate(text: string): IsoDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Year, month (1–12) and day of an IsoDate. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The IsoDate for year, month (1–12) and day; throws RangeError when that day does not exist. */
export function dateFromParts(year: number, month: number, day: number): IsoDate {
  return isoDate(partsToText(year, month, day));
}

function partsToText(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days since 1970-01-01 (negative before it). Integer arithmetic after H. Hinnant's
 * days_from_civil, so it is exact for every year and independent of any time zone.
 */
export function dayNumberOf(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The IsoDate a given number of days after 1970-01-01 (Hinnant's civil_from_days). */
export function dateFromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // The arithmetic always yields a real day; only the four-digit year range needs checking.
  if (year < 1 || year > 9999) throw new RangeError(`day number ${dayNumber} is outside years 0001-9999`);
  return partsToText(year, month, day) as IsoDate;
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dayNumberOf(date) + days);
}

/** The same day `years` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const target = year + years;
  return dateFromParts(target, month, Math.min(day, daysInMonth(target, month)));
}

/** The day of the week of a date (0 Sunday … 6 Saturday); 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): Weekday {
  return ((((dayNumberOf(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** English name of a weekday, as report day headers print it (`Monday`). */
export function weekdayName(weekday: Weekday): string {
  return WEEKDAY_NAMES[weekday];
}

/** `MM/DD/YYYY`, the date form the reports print (billing-domain.md §2.3). */
export function formatUsDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}
