// Which backups to keep (issue #9): the newest backup of each of the last N days, N weeks and
// N months that have a backup, as restic's `forget --keep-daily/--keep-weekly/--keep-monthly`
// does. Each rule looks at every backup on its own and the kept set is their union, so a backup
// can be kept for several reasons and the outcome never depends on the order the rules ran in.
import { addDays, isoDate, weekdayOf } from '../calendar-date.js';
import { calendarDateIn } from '../time-zone.js';

/** How many days, weeks and months keep their newest backup. */
export interface RetentionPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

/** The default of issue #9: a week of dailies, a month of weeklies, a year of monthlies. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** A backup retention may keep: its id and when it was taken (ISO-8601). */
export interface RetentionCandidate {
  readonly id: string;
  readonly takenAt: string;
}

/** Why a kept backup is kept: the rules (and their periods) that chose it. */
export interface RetentionDecision {
  readonly keep: ReadonlyMap<string, readonly string[]>;
  /** Ids to delete, oldest first. */
  readonly prune: readonly string[];
}

type Period = 'daily' | 'weekly' | 'monthly';

/** The period a local date falls in: the day itself, its ISO week (Monday first) or its month. */
function periodKey(period: Period, date: string): string {
  if (period === 'daily') return date;
  if (period === 'monthly') return date.slice(0, 7);
  const day = isoDate(date);
  const mondayOffset = (weekdayOf(day) + 6) % 7;
  return `week of ${addDays(day, -mondayOffset)}`;
}

/**
 * Applies the policy to backups whose periods are local dates in `timeZone` (a daily backup at
 * 02:00 belongs to the organisation's day, not UTC's). Backups with an equal time are ordered by
 * id so the decision is deterministic.
 */
export function applyRetention(
  candidates: readonly RetentionCandidate[],
  policy: RetentionPolicy,
  timeZone: string,
): RetentionDecision {
  const newestFirst = [...candidates].sort(
    (a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const localDates = new Map(
    newestFirst.map((c) => [c.id, calendarDateIn(new Date(c.takenAt), timeZone) as string]),
  );
  const reasons = new Map<string, string[]>();
  for (const period of ['daily', 'weekly', 'monthly'] as const) {
    const wanted = policy[period];
    const seen = new Set<string>();
    for (const candidate of newestFirst) {
      if (seen.size >= wanted) break;
      const key = periodKey(period, localDates.get(candidate.id) as string);
      if (seen.has(key)) continue;
      // The first backup met in a period is that period's newest: it represents the period.
      seen.add(key);
      const list = reasons.get(candidate.id) ?? [];
      list.push(`${period} ${key}`);
      reasons.set(candidate.id, list);
    }
  }
  const prune = newestFirst
    .filter((c) => !reasons.has(c.id))
    .map((c) => c.id)
    .reverse();
  return { keep: reasons, prune };
}
