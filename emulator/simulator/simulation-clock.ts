// When the next simulated edit happens. Ordinary edits are made during working hours in Chicago, a few
// minutes apart; off-hours edits jump to 2–4 AM local. The clock only ever moves forward.
import type { SeededRandom } from '../seed/seeded-random.js';
import { addDays, zonedParts, zonedTimeToUtc } from '../seed/zoned-time.js';

export const WORKDAY_START_HOUR = 7;
export const WORKDAY_END_HOUR = 18;

/** A few minutes later, or the next morning when that would fall outside 07:00–18:00 local. */
export function nextWorkingTime(
  clockMs: number,
  random: SeededRandom,
  gapMinutes: readonly [number, number] = [2, 20],
): number {
  const candidate = clockMs + random.int(gapMinutes[0], gapMinutes[1]) * 60_000 + random.int(0, 59) * 1000;
  const local = zonedParts(candidate);
  if (local.hour >= WORKDAY_START_HOUR && local.hour < WORKDAY_END_HOUR) return candidate;
  const day = local.hour < WORKDAY_START_HOUR ? local.date : addDays(local.date, 1);
  return zonedTimeToUtc(day, WORKDAY_START_HOUR, random.int(0, 89)) + random.int(0, 59) * 1000;
}

/** The next 02:00–03:59 local after the clock. */
export function nextOffHoursTime(clockMs: number, random: SeededRandom): number {
  const minutes = random.int(0, 119);
  const at = (date: string) =>
    zonedTimeToUtc(date, 2 + Math.floor(minutes / 60), minutes % 60) + random.int(0, 59) * 1000;
  const today = zonedParts(clockMs).date;
  const sameDay = at(today);
  return sameDay > clockMs ? sameDay : at(addDays(today, 1));
}

export function isOffHours(instantMs: number): boolean {
  const hour = zonedParts(instantMs).hour;
  return hour >= 2 && hour < 4;
}
