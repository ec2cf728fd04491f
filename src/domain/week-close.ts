import { addDays } from './calendar-date.js';
import type { IsoDate } from './calendar-date.js';
import { DEFAULT_TIME_ZONE, startOfDayIn } from './time-zone.js';

/** When weeks close: the organisation's zone and the grace after the week-ending day. */
export interface WeekCloseRule {
  /** IANA zone name; default America/Chicago (billing-domain.md §1.5). */
  readonly timeZone: string;
  /** Hours after the end of the week-ending day before the week counts as closed; default 0. */
  readonly graceHours: number;
}

/** The defaults of billing-domain.md §1.5. */
export const DEFAULT_WEEK_CLOSE_RULE: WeekCloseRule = { timeZone: DEFAULT_TIME_ZONE, graceHours: 0 };

/**
 * The instant a week closes (is billed), billing-domain.md §1.5: the end of the week-ending day
 * in the organisation's zone, plus the grace hours. The end of the day is the start of the next
 * local day, so DST is handled by the zone's own rules: week ending Sunday 2025-11-02 in
 * America/Chicago closes at 2025-11-03T06:00:00Z (CST), a week in July at 05:00Z (CDT).
 */
export function weekClosesAt(
  weekEnding: IsoDate,
  timeZone: string = DEFAULT_WEEK_CLOSE_RULE.timeZone,
  graceHours: number = DEFAULT_WEEK_CLOSE_RULE.graceHours,
): Date {
  if (!Number.isFinite(graceHours) || graceHours < 0) {
    throw new RangeError(`grace hours must be a non-negative number, got ${graceHours}`);
  }
  const endOfDay = startOfDayIn(addDays(weekEnding, 1), timeZone);
  return new Date(endOfDay.getTime() + Math.round(graceHours * 3_600_000));
}

/** True once `now` has reached the week's closing instant (see weekClosesAt). */
export function isWeekClosed(
  weekEnding: IsoDate,
  now: Date,
  rule: WeekCloseRule = DEFAULT_WEEK_CLOSE_RULE,
): boolean {
  return now.getTime() >= weekClosesAt(weekEnding, rule.timeZone, rule.graceHours).getTime();
}
