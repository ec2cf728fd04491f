import { AppError, ErrorCode } from './app-error.js';
import { dateFromDayNumber, dateFromParts, dayNumberOf } from './calendar-date.js';
import type { IsoDate } from './calendar-date.js';

/** The organisation time zone when configuration names none (billing-domain.md §1.5). */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

const MS_PER_DAY = 86_400_000;

// Formatters are costly to build and immutable once built, so one per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new AppError(ErrorCode.CONFIG_INVALID, `Unknown time zone "${timeZone}".`, {
        hint: 'Use an IANA time zone name such as America/Chicago.',
        cause: error,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA time zone name (for configuration checks). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock time in the zone at a whole-second instant, as milliseconds on a UTC-like
 * scale. Wall time minus instant is the zone's offset at that instant, DST included.
 */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = dateFromParts(parts['year'] ?? NaN, parts['month'] ?? NaN, parts['day'] ?? NaN);
  return (
    dayNumberOf(date) * MS_PER_DAY +
    ((parts['hour'] ?? 0) * 60 + (parts['minute'] ?? 0)) * 60_000 +
    (parts['second'] ?? 0) * 1000
  );
}

/** The zone's offset from UTC in milliseconds at an instant (negative west of Greenwich). */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  // Intl resolves to seconds, so the offset is measured at the whole second.
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** The calendar date in the zone at an instant, e.g. "today" for the organisation. */
export function calendarDateIn(instant: Date, timeZone: string): IsoDate {
  const wall = wallClockMs(Math.floor(instant.getTime() / 1000) * 1000, timeZone);
  return dateFromDayNumber(Math.floor(wall / MS_PER_DAY));
}

/**
 * The first instant of a calendar day in the zone. Usually local midnight; when a DST change
 * skips midnight (clocks jump 00:00 → 01:00, as in some South American zones) the day starts at
 * the jump; when midnight happens twice, the earlier one.
 */
export function startOfDayIn(date: IsoDate, timeZone: string): Date {
  const wallMidnight = dayNumberOf(date) * MS_PER_DAY;
  // The offsets a day either side bracket any transition near this midnight.
  const offsetBefore = timeZoneOffsetMs(new Date(wallMidnight - MS_PER_DAY), timeZone);
  const offsetAfter = timeZoneOffsetMs(new Date(wallMidnight + MS_PER_DAY), timeZone);
  const matching = [wallMidnight - offsetBefore, wallMidnight - offsetAfter].filter(
    (candidate) => wallClockMs(candidate, timeZone) === wallMidnight,
  );
  // No candidate shows 00:00: midnight was skipped, and the pre-transition offset lands on the jump.
  const start = matching.length > 0 ? Math.min(...matching) : wallMidnight - offsetBefore;
  return new Date(start);
}
