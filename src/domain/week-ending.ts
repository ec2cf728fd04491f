import { addDays, weekdayOf } from './calendar-date.js';
import type { IsoDate, Weekday } from './calendar-date.js';

/** The default week-end day (billing-domain.md §1.5). */
export const DEFAULT_WEEK_END_DAY: Weekday = 0;

/** The days a weekly report covers: seven days ending on the week ending, both ends inclusive. */
export interface BillingPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * The week ending a date belongs to: the first `weekEndDay` on or after it (billing-domain.md
 * §1.5). With Sunday as week-end day, Monday 2025-08-11 … Sunday 2025-08-17 all give 2025-08-17.
 */
export function weekEndingFor(date: IsoDate, weekEndDay: Weekday = DEFAULT_WEEK_END_DAY): IsoDate {
  const daysAhead = (weekEndDay - weekdayOf(date) + 7) % 7;
  return daysAhead === 0 ? date : addDays(date, daysAhead);
}

/** The billing period of a week ending: the 7 days ending on it (Monday..Sunday by default). */
export function billingPeriodFor(weekEnding: IsoDate): BillingPeriod {
  return { start: addDays(weekEnding, -6), end: weekEnding };
}

/** True when the date falls inside the period, ends included. */
export function isInBillingPeriod(date: IsoDate, period: BillingPeriod): boolean {
  return date >= period.start && date <= period.end;
}
