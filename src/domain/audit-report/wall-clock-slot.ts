// Where an instant falls on the organisation's wall clock. The audit workbook buckets changes by
// hour of day and weekday as the crews and the billing office lived them (billing-domain.md §1.5:
// the organisation time zone), not as UTC or the server's zone would place them.
import { dateFromDayNumber, weekdayOf } from '../calendar-date.js';
import type { IsoDate } from '../calendar-date.js';
import { timeZoneOffsetMs } from '../time-zone.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Weekday labels in the order the workbook shows them: the billing week runs Monday..Sunday. */
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** One of `WEEKDAY_LABELS`. */
export type WeekdayLabel = (typeof WEEKDAY_LABELS)[number];

/** An instant read on a zone's wall clock. */
export interface WallClockSlot {
  /** The local calendar date. */
  readonly date: IsoDate;
  /** Local hour of day, 0..23. */
  readonly hour: number;
  readonly minute: number;
  /** Position in `WEEKDAY_LABELS`: 0 Monday … 6 Sunday. */
  readonly weekdayIndex: number;
  /**
   * The local wall-clock time as milliseconds on a UTC-like scale (a `Date` built from it shows
   * the local time through its UTC getters), for writers that store zone-less date-times.
   */
  readonly wallClockMs: number;
}

/**
 * Reads an instant on the wall clock of an IANA time zone, DST included: 2025-03-09T08:30Z is
 * 03:30 CDT in America/Chicago, because the clocks skipped 02:00–03:00 that night.
 * Throws AppError(CONFIG_INVALID) for an unknown zone.
 */
export function wallClockSlotOf(instant: Date, timeZone: string): WallClockSlot {
  const wallClockMs = instant.getTime() + timeZoneOffsetMs(instant, timeZone);
  const dayNumber = Math.floor(wallClockMs / MS_PER_DAY);
  const msIntoDay = wallClockMs - dayNumber * MS_PER_DAY;
  const date = dateFromDayNumber(dayNumber);
  return {
    date,
    hour: Math.floor(msIntoDay / MS_PER_HOUR),
    minute: Math.floor((msIntoDay % MS_PER_HOUR) / MS_PER_MINUTE),
    // weekdayOf counts from Sunday (0); shift so Monday is 0 and Sunday 6.
    weekdayIndex: (weekdayOf(date) + 6) % 7,
    wallClockMs,
  };
}

/** `YYYY-MM-DD HH:mm`, the local time as the workbook labels chart points. */
export function formatWallClock(slot: WallClockSlot): string {
  return `${slot.date} ${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`;
}
