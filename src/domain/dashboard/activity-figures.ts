// The figures of the Overview and Editors pages (issue #7), computed from audit events and scored
// changes already read from the store: the current week's window on the organisation's calendar,
// counts by severity, the daily risk trend and each editor's activity. Pure: the caller passes the
// clock's reading and the time zone.
import type { AuditSeverity } from '../audit-chain.js';
import { SEVERITY_ORDER } from '../audit/severity-band.js';
import { addDays, type IsoDate, type Weekday } from '../calendar-date.js';
import { calendarDateIn, startOfDayIn } from '../time-zone.js';
import { billingPeriodFor, weekEndingFor } from '../week-ending.js';

/** The billing week containing an instant, as a date and as an inclusive range of instants. */
export interface WeekWindow {
  readonly weekEnding: IsoDate;
  /** First instant of the week's first day and last instant of its last day, ISO-8601. */
  readonly from: string;
  readonly to: string;
}

/** The billing week `now` falls in, on the organisation's calendar (billing-domain.md §1.5). */
export function weekWindowOf(now: Date, timeZone: string, weekEndDay: Weekday): WeekWindow {
  const weekEnding = weekEndingFor(calendarDateIn(now, timeZone), weekEndDay);
  const period = billingPeriodFor(weekEnding);
  return {
    weekEnding,
    from: startOfDayIn(period.start, timeZone).toISOString(),
    to: new Date(startOfDayIn(addDays(period.end, 1), timeZone).getTime() - 1).toISOString(),
  };
}

/** Every severity with zero. */
export function emptySeverityCounts(): Record<AuditSeverity, number> {
  return { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
}

/** How many events have each severity (every severity present). */
export function severityCounts(
  events: readonly { readonly severity: AuditSeverity }[],
): Record<AuditSeverity, number> {
  const counts = emptySeverityCounts();
  for (const event of events) counts[event.severity] += 1;
  return counts;
}

/** One scored change as these figures need it. */
export interface ScoredActivity {
  readonly changeId: string;
  readonly editor: string | null;
  readonly changedAt: string;
  /** Local hour 0–23 and weekday 0 Monday … 6 Sunday, in the organisation's zone. */
  readonly localHour: number;
  readonly localWeekday: number;
  readonly deltaCents: number | null;
  readonly riskScore: number;
}

export interface RiskTrendDay {
  readonly date: string;
  readonly averageRisk: number;
  readonly maxRisk: number;
  readonly events: number;
}

/**
 * Scored changes summed per 15-minute slot of UTC time. Every UTC offset is a multiple of 15
 * minutes, so a slot lies within one local day in any zone: the database can sum a month of
 * changes (~80,000 at scale) into at most 2,880 slots, and the days are placed here.
 */
export interface ChangeSlot {
  /** The slot's first instant, ISO-8601. */
  readonly slotStart: string;
  readonly changes: number;
  readonly riskSum: number;
  readonly riskMax: number;
  /** Sum of the changes' impacts in integer cents (a change without one counts 0). */
  readonly deltaCents: number;
}

export const CHANGE_SLOT_MS = 900_000;

/** The slots of a list of changes, oldest first: what the store sums, computed in the process. */
export function changeSlots(
  changes: readonly Pick<ScoredActivity, 'changedAt' | 'riskScore' | 'deltaCents'>[],
): ChangeSlot[] {
  const bySlot = new Map<number, { changes: number; riskSum: number; riskMax: number; deltaCents: number }>();
  for (const change of changes) {
    const slot = Math.floor(Date.parse(change.changedAt) / CHANGE_SLOT_MS);
    const sums = bySlot.get(slot) ?? { changes: 0, riskSum: 0, riskMax: 0, deltaCents: 0 };
    sums.changes += 1;
    sums.riskSum += change.riskScore;
    sums.riskMax = Math.max(sums.riskMax, change.riskScore);
    sums.deltaCents += change.deltaCents ?? 0;
    bySlot.set(slot, sums);
  }
  return [...bySlot.entries()]
    .sort(([a], [b]) => a - b)
    .map(([slot, sums]) => ({ slotStart: new Date(slot * CHANGE_SLOT_MS).toISOString(), ...sums }));
}

/**
 * Average and highest risk of the changes of each of the `days` local days ending with `today`,
 * oldest first, from the changes summed per slot (one time-zone conversion per slot); a day
 * without changes is present with zeros so a chart's axis has no holes.
 */
export function riskTrendFromSlots(
  slots: readonly ChangeSlot[],
  options: { readonly today: IsoDate; readonly days: number; readonly timeZone: string },
): RiskTrendDay[] {
  const byDate = new Map<string, { sum: number; max: number; count: number }>();
  for (const slot of slots) {
    const date = calendarDateIn(new Date(slot.slotStart), options.timeZone);
    const day = byDate.get(date) ?? { sum: 0, max: 0, count: 0 };
    day.sum += slot.riskSum;
    day.max = Math.max(day.max, slot.riskMax);
    day.count += slot.changes;
    byDate.set(date, day);
  }
  const trend: RiskTrendDay[] = [];
  for (let back = options.days - 1; back >= 0; back -= 1) {
    const date = addDays(options.today, -back);
    const day = byDate.get(date);
    trend.push({
      date,
      averageRisk: day ? round4(day.sum / day.count) : 0,
      maxRisk: day ? round4(day.max) : 0,
      events: day?.count ?? 0,
    });
  }
  return trend;
}

/** One editor's activity over a period. */
export interface EditorActivity {
  /** Lower-cased e-mail as the trail records it. */
  readonly editor: string;
  /** Watched changes (every scored change, flagged or not). */
  readonly changes: number;
  /** Audit events naming the editor, by severity. */
  readonly violationsBySeverity: Readonly<Record<AuditSeverity, number>>;
  readonly violations: number;
  /** Sum of the changes' impacts, and of their magnitudes (integer cents). */
  readonly netImpactCents: number;
  readonly absoluteImpactCents: number;
  readonly averageRisk: number | null;
  readonly maxRisk: number | null;
  readonly lastChangeAt: string | null;
  /** Changes by local hour of day (24 entries). */
  readonly byHour: readonly number[];
  /** Changes by local weekday (7 entries, Monday first). */
  readonly byWeekday: readonly number[];
  /** Changes by weekday (rows, Monday first) and hour (columns): a heatmap's matrix. */
  readonly byWeekdayHour: readonly (readonly number[])[];
}

/** An audit event as the editor figures need it. */
export interface EditorEvent {
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  readonly severity: AuditSeverity;
}

/** Audit events naming one editor with one severity, already counted (by the store or below). */
export interface EditorEventTally {
  /** Lower-cased e-mail. */
  readonly editor: string;
  readonly severity: AuditSeverity;
  readonly events: number;
  readonly lastChangedAt: string | null;
}

/** Scored changes of one editor in one local weekday and hour, already summed. */
export interface EditorChangeTally {
  /** Lower-cased e-mail. */
  readonly editor: string;
  /** 0 Monday … 6 Sunday, and 0–23, in the organisation's zone. */
  readonly localWeekday: number;
  readonly localHour: number;
  readonly changes: number;
  readonly netCents: number;
  readonly absoluteCents: number;
  readonly riskSum: number;
  readonly riskMax: number;
  readonly lastChangedAt: string | null;
}

/**
 * Per-editor activity from the period's audit events (violations by severity) and scored changes
 * (how much, when, how risky, what impact: one record per change, so a change with two findings
 * is not counted twice). Editors are matched without regard to case; sorted by violations, then
 * changes, then name.
 */
export function editorActivity(
  events: readonly EditorEvent[],
  changes: readonly ScoredActivity[],
): EditorActivity[] {
  const eventTallies: EditorEventTally[] = [];
  for (const event of events) {
    if (!event.changedBy) continue;
    eventTallies.push({
      editor: event.changedBy,
      severity: event.severity,
      events: 1,
      lastChangedAt: event.changedAt,
    });
  }
  const changeTallies: EditorChangeTally[] = [];
  for (const change of changes) {
    if (!change.editor) continue;
    const delta = change.deltaCents ?? 0;
    changeTallies.push({
      editor: change.editor,
      localWeekday: change.localWeekday,
      localHour: change.localHour,
      changes: 1,
      netCents: delta,
      absoluteCents: Math.abs(delta),
      riskSum: change.riskScore,
      riskMax: change.riskScore,
      lastChangedAt: change.changedAt,
    });
  }
  return editorActivityFromTallies(eventTallies, changeTallies);
}

/**
 * The same figures as editorActivity from tallies a store summed (a year of events is a few
 * thousand tallies, not a million rows to send to the dashboard process).
 */
export function editorActivityFromTallies(
  events: readonly EditorEventTally[],
  changes: readonly EditorChangeTally[],
): EditorActivity[] {
  interface Tally {
    changes: number;
    severities: Record<AuditSeverity, number>;
    net: number;
    absolute: number;
    riskSum: number;
    riskMax: number | null;
    last: string | null;
    grid: number[][];
  }
  const tallies = new Map<string, Tally>();
  const tally = (editor: string) => {
    const key = editor.toLowerCase();
    let found = tallies.get(key);
    if (!found) {
      found = {
        changes: 0,
        severities: emptySeverityCounts(),
        net: 0,
        absolute: 0,
        riskSum: 0,
        riskMax: null,
        last: null,
        grid: Array.from({ length: 7 }, () => Array<number>(24).fill(0)),
      };
      tallies.set(key, found);
    }
    return found;
  };
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

  for (const event of events) {
    if (!event.editor || event.events === 0) continue;
    const t = tally(event.editor);
    t.severities[event.severity] += event.events;
    t.last = later(t.last, event.lastChangedAt);
  }
  for (const change of changes) {
    if (!change.editor || change.changes === 0) continue;
    const t = tally(change.editor);
    t.changes += change.changes;
    t.net += change.netCents;
    t.absolute += change.absoluteCents;
    t.riskSum += change.riskSum;
    t.riskMax = Math.max(t.riskMax ?? 0, change.riskMax);
    t.last = later(t.last, change.lastChangedAt);
    const row = t.grid[clamp(change.localWeekday, 6)];
    if (row) row[clamp(change.localHour, 23)] = (row[clamp(change.localHour, 23)] ?? 0) + change.changes;
  }

  return [...tallies]
    .map(([editor, t]): EditorActivity => {
      const violations = SEVERITY_ORDER.reduce((sum, s) => sum + t.severities[s], 0);
      return {
        editor,
        changes: t.changes,
        violationsBySeverity: t.severities,
        violations,
        netImpactCents: t.net,
        absoluteImpactCents: t.absolute,
        averageRisk: t.changes > 0 ? round4(t.riskSum / t.changes) : null,
        maxRisk: t.riskMax === null ? null : round4(t.riskMax),
        lastChangeAt: t.last,
        byHour: Array.from({ length: 24 }, (_, hour) =>
          t.grid.reduce((sum, row) => sum + (row[hour] ?? 0), 0),
        ),
        byWeekday: t.grid.map((row) => row.reduce((sum, n) => sum + n, 0)),
        byWeekdayHour: t.grid,
      };
    })
    .sort(
      (a, b) =>
        b.violations - a.violations ||
        b.changes - a.changes ||
        (a.editor < b.editor ? -1 : a.editor > b.editor ? 1 : 0),
    );
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, Math.trunc(value)));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
