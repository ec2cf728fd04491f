// Calendar arithmetic in the organisation's time zone. Weeks close at the end of the week-ending day in
// America/Chicago (billing-domain.md §1.5), and crews work local hours, so the seed and the simulator
// both need "this local date and hour as a UTC instant" and back.

export const ORGANISATION_TIME_ZONE = 'America/Chicago';

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  /** Local calendar date `YYYY-MM-DD`. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/** The local date and time of an instant in a time zone. */
export function zonedParts(instantMs: number, timeZone = ORGANISATION_TIME_ZONE): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the zone is ahead of UTC at an instant (America/Chicago: -300 in summer, -360 in winter). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const local = zonedParts(instantMs, timeZone);
  const asUtc =
    Date.parse(`${local.date}T00:00:00Z`) + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

// Offsets change only on the hour, so one lookup per zone, date and hour serves every minute of it
// (a 150,000-row seed would otherwise spend seconds in Intl).
const offsetCache = new Map<string, number>();

/** The UTC instant of a local wall-clock time; a time skipped by a DST jump resolves to the later offset. */
export function zonedTimeToUtc(
  date: string,
  hour: number,
  minute = 0,
  timeZone = ORGANISATION_TIME_ZONE,
): number {
  const wallHour = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  const key = `${timeZone}|${date}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const first = wallHour - offsetMinutes(wallHour, timeZone) * 60_000;
    offset = offsetMinutes(first, timeZone);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return wallHour + minute * 60_000 - offset * 60_000;
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The week-ending Sunday on or after a date. */
export function sundayOnOrAfter(date: string): string {
  return addDays(date, (7 - weekdayOf(date)) % 7);
}

/**
 * When a week is closed (billed): the end of its week-ending day in the organisation's zone, i.e. local
 * midnight starting the next day (billing-domain.md §1.5, grace period 0 h).
 */
export function weekClosesAt(weekEnding: string, timeZone = ORGANISATION_TIME_ZONE): number {
  return zonedTimeToUtc(addDays(weekEnding, 1), 0, 0, timeZone);
}

export function isWeekClosed(
  weekEnding: string,
  clockMs: number,
  timeZone = ORGANISATION_TIME_ZONE,
): boolean {
  return weekClosesAt(weekEnding, timeZone) <= clockMs;
}

/** Smartsheet timestamp form `YYYY-MM-DDTHH:MM:SSZ` (no milliseconds, smartsheet-api.md §1.3). */
export function toSmartsheetTimestamp(instantMs: number): string {
  return `${new Date(Math.floor(instantMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real `YYYY-MM-DD` calendar date (rejects `2026-02-30`). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}
