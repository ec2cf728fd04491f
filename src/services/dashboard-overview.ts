// The Overview page (issue #7): the current billing week on the organisation's calendar — what is
// billed in it, how many watched changes and violations it had and their net impact — the daily
// risk trend of the last 30 days, the last run, the risk model's state and the trail's status.
import type { AuditSeverity } from '../domain/audit-chain.js';
import { addDays, type Weekday } from '../domain/calendar-date.js';
import { riskTrendFromSlots, weekWindowOf, type RiskTrendDay } from '../domain/dashboard/activity-figures.js';
import { calendarDateIn, startOfDayIn } from '../domain/time-zone.js';
import type { AuditStore, RiskStore, RunStore, SheetStore, SnapshotStore } from '../ports/store.js';
import { billedInWeek, type BilledWeekCache } from './billed-week-total.js';
import type { TrailMonitor, TrailStatusView } from './dashboard-trail-status.js';

export interface OverviewDeps {
  readonly audit: AuditStore;
  readonly risk: RiskStore;
  readonly runs: RunStore;
  readonly sheets: SheetStore;
  readonly snapshots: SnapshotStore;
  readonly trail: Pick<TrailMonitor, 'status'>;
  readonly now: () => Date;
  /** Keeps per-sheet subtotals of "billed this week" between requests (see billed-week-total.ts). */
  readonly billedCache?: BilledWeekCache;
}

export interface OverviewSettings {
  readonly timeZone: string;
  readonly weekEndDay: Weekday;
  /** Days in the risk trend; default 30. */
  readonly trendDays?: number;
}

export interface OverviewView {
  readonly weekEnding: string;
  readonly billedThisWeekCents: number;
  readonly changesThisWeek: number;
  readonly violationsBySeverity: Readonly<Record<AuditSeverity, number>>;
  readonly netImpactCents: number;
  readonly riskTrend: readonly RiskTrendDay[];
  readonly lastRun: {
    readonly id: string;
    readonly status: string;
    readonly finishedAt: string | null;
  } | null;
  readonly model: { readonly coldStart: boolean; readonly modelId: string | null };
  readonly trail: TrailStatusView;
}

export async function overviewOf(deps: OverviewDeps, settings: OverviewSettings): Promise<OverviewView> {
  const now = deps.now();
  const week = weekWindowOf(now, settings.timeZone, settings.weekEndDay);
  const days = settings.trendDays ?? 30;
  const today = calendarDateIn(now, settings.timeZone);
  const trendFrom = startOfDayIn(addDays(today, -(days - 1)), settings.timeZone).toISOString();

  // One read covers both the trend and the week (the trend's days outside it are simply not shown).
  // The figures are summed by the store: a year of audit data is a million events.
  const changesFrom = week.from < trendFrom ? week.from : trendFrom;
  const [billed, violationsBySeverity, slots, lastRun, model, trail] = await Promise.all([
    billedInWeek(deps, week.weekEnding, now, settings, deps.billedCache),
    deps.audit.countRunEventsBySeverity({ changedFrom: week.from, changedTo: week.to }),
    deps.risk.sumChangesBySlot({ changedFrom: changesFrom, changedTo: now.toISOString() }),
    deps.runs.listRecentRuns({ limit: 1 }),
    deps.risk.listModels({ limit: 1 }),
    deps.trail.status(),
  ]);
  // The week starts at a local midnight and ends just before one, both on slot boundaries, so a
  // slot is either wholly in the week or wholly outside it.
  const weekSlots = slots.filter((slot) => slot.slotStart >= week.from && slot.slotStart <= week.to);
  const run = lastRun[0];
  const latestModel = model[0];
  return {
    weekEnding: week.weekEnding,
    billedThisWeekCents: billed,
    changesThisWeek: weekSlots.reduce((sum, slot) => sum + slot.changes, 0),
    violationsBySeverity,
    netImpactCents: weekSlots.reduce((sum, slot) => sum + slot.deltaCents, 0),
    riskTrend: riskTrendFromSlots(slots, { today, days, timeZone: settings.timeZone }),
    lastRun: run ? { id: run.id, status: run.status, finishedAt: run.finishedAt } : null,
    model: { coldStart: latestModel === undefined, modelId: latestModel?.id ?? null },
    trail,
  };
}
