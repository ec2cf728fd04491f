// The Overview page (issue #7): the current billing week on the organisation's calendar — what is
// billed in it, how many watched changes and violations it had and their net impact — the daily
// risk trend of the last 30 days, the last run, the risk model's state and the trail's status.
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AuditSeverity } from '../domain/audit-chain.js';
import { billableRuleContext, evaluateBillable } from '../domain/billable-rule.js';
import { parseBillingFields } from '../domain/billing-row.js';
import { addDays, type Weekday } from '../domain/calendar-date.js';
import {
  riskTrend,
  severityCounts,
  weekWindowOf,
  type RiskTrendDay,
} from '../domain/dashboard/activity-figures.js';
import type { SnapshotValues } from '../domain/row-fingerprint.js';
import { calendarDateIn, startOfDayIn } from '../domain/time-zone.js';
import type { AuditStore, RiskStore, RunStore, SheetStore, SnapshotStore } from '../ports/store.js';
import type { TrailMonitor, TrailStatusView } from './dashboard-trail-status.js';
import { billingRowOf } from './plan-weekly-reports.js';
import { storedChanges } from './score-changes.js';

export interface OverviewDeps {
  readonly audit: AuditStore;
  readonly risk: RiskStore;
  readonly runs: RunStore;
  readonly sheets: SheetStore;
  readonly snapshots: SnapshotStore;
  readonly trail: Pick<TrailMonitor, 'status'>;
  readonly now: () => Date;
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

const PAGE = 5_000;

export async function overviewOf(deps: OverviewDeps, settings: OverviewSettings): Promise<OverviewView> {
  const now = deps.now();
  const week = weekWindowOf(now, settings.timeZone, settings.weekEndDay);
  const days = settings.trendDays ?? 30;
  const today = calendarDateIn(now, settings.timeZone);
  const trendFrom = startOfDayIn(addDays(today, -(days - 1)), settings.timeZone).toISOString();

  // One read covers both the trend and the week (the trend's days outside it are simply not shown).
  const changesFrom = week.from < trendFrom ? week.from : trendFrom;
  const [billed, weekEvents, recentChanges, lastRun, model, trail] = await Promise.all([
    billedInWeek(deps, week.weekEnding, now, settings),
    runEventsBetween(deps.audit, week.from, week.to),
    collect(storedChanges(deps.risk, { changedFrom: changesFrom, changedTo: now.toISOString() })),
    deps.runs.listRecentRuns({ limit: 1 }),
    deps.risk.listModels({ limit: 1 }),
    deps.trail.status(),
  ]);
  const changes = recentChanges.filter(
    (c) => c.observation.changedAt >= week.from && c.observation.changedAt <= week.to,
  );
  const run = lastRun[0];
  const latestModel = model[0];
  return {
    weekEnding: week.weekEnding,
    billedThisWeekCents: billed,
    changesThisWeek: changes.length,
    violationsBySeverity: severityCounts(weekEvents),
    netImpactCents: changes.reduce((sum, c) => sum + (c.observation.deltaCents ?? 0), 0),
    riskTrend: riskTrend(
      recentChanges.map((c) => ({ changedAt: c.observation.changedAt, riskScore: c.riskScore })),
      { today, days, timeZone: settings.timeZone },
    ),
    lastRun: run ? { id: run.id, status: run.status, finishedAt: run.finishedAt } : null,
    model: { coldStart: latestModel === undefined, modelId: latestModel?.id ?? null },
    trail,
  };
}

/**
 * The billable total of the week: every stored live row of the source sheets that the billable
 * rule accepts for that week ending (regrouped to the week-end day, billing-domain.md §1.5).
 */
async function billedInWeek(
  deps: Pick<OverviewDeps, 'sheets' | 'snapshots'>,
  weekEnding: string,
  now: Date,
  settings: OverviewSettings,
): Promise<number> {
  const context = billableRuleContext(now, { timeZone: settings.timeZone, weekEndDay: settings.weekEndDay });
  let total = 0;
  for (const sheet of await deps.sheets.listSheets({ role: 'source' })) {
    for (const snapshot of await deps.snapshots.listSnapshots(sheet.id)) {
      if (!snapshot.billable) continue;
      const row = billingRowOf({ ...snapshot, values: snapshot.values as SnapshotValues });
      const outcome = evaluateBillable(parseBillingFields(row), context);
      if (outcome.billable && outcome.row.weekEnding === weekEnding) total += outcome.row.priceCents;
    }
  }
  return total;
}

/** The events stored by runs (findings on sheet changes, not dashboard actions) changed in a range. */
async function runEventsBetween(audit: AuditStore, from: string, to: string): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  let fromSeq: number | undefined;
  for (;;) {
    const page = await audit.listEvents({
      changedFrom: from,
      changedTo: to,
      limit: PAGE,
      ...(fromSeq === undefined ? {} : { fromSeq }),
    });
    events.push(...page.events.filter((event) => event.runId !== null));
    if (page.nextSeq === null) return events;
    fromSeq = page.nextSeq;
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
