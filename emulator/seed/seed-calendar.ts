// The weeks a seed covers: `weeks` closed (billed) weeks ending on the Sundays just before `now`, then the
// current open week with the days already worked. The open week gives in-week corrections and completions
// something to act on.
import { addDays, weekClosesAt, weekdayOf, zonedParts } from './zoned-time.js';

export interface SeedWeek {
  /** The week-ending Sunday `YYYY-MM-DD`. */
  weekEnding: string;
  /** Days units may be recorded on, Monday first, each with its relative likelihood. */
  days: readonly (readonly [date: string, weight: number])[];
  /** Relative share of the rows this week gets. */
  weight: number;
  closed: boolean;
}

/** Crews mostly work weekdays; a little on Saturday, rarely on Sunday. */
const DAY_WEIGHTS = [1, 1, 1, 1, 1, 0.35, 0.1];

/** Closed weeks ending before `nowMs` (oldest first) followed by the open week. */
export function buildSeedWeeks(nowMs: number, closedWeeks: number, weeksBack = 0): SeedWeek[] {
  const today = zonedParts(nowMs).date;
  let lastClosed = addDays(today, -weekdayOf(today));
  if (weekClosesAt(lastClosed) > nowMs) lastClosed = addDays(lastClosed, -7);
  lastClosed = addDays(lastClosed, -7 * weeksBack);

  const weeks: SeedWeek[] = [];
  for (let i = closedWeeks - 1; i >= 0; i -= 1) {
    const weekEnding = addDays(lastClosed, -7 * i);
    const days = DAY_WEIGHTS.map((weight, offset): [string, number] => [
      addDays(weekEnding, offset - 6),
      weight,
    ]);
    weeks.push({ weekEnding, days, weight: 1, closed: true });
  }
  if (weeksBack > 0) return weeks;

  // The open week: only the days before today have been worked (entered on the evening of each day).
  const openEnding = addDays(lastClosed, 7);
  const days: [string, number][] = [];
  for (let offset = 0; offset < 7; offset += 1) {
    const date = addDays(openEnding, offset - 6);
    if (date >= today) break;
    days.push([date, DAY_WEIGHTS[offset] ?? 1]);
  }
  const weight = days.reduce((sum, [, w]) => sum + w, 0) / DAY_WEIGHTS.reduce((sum, w) => sum + w, 0);
  weeks.push({ weekEnding: openEnding, days, weight, closed: false });
  return weeks;
}
