// One reports cycle: discover → sync → plan → publish. Each phase is timed and has a time budget;
// the summary says exactly what happened (rows fetched, accepted, rejected by reason and sheet;
// groups generated, skipped, uploaded, deleted; API requests by kind; duration per phase) and is
// stored with the run.
import { billableRuleContext } from '../domain/billable-rule.js';
import type { Weekday } from '../domain/calendar-date.js';
import type { ColumnSynonyms } from '../domain/column-mapping.js';
import type { JsonObject } from '../domain/audit-chain.js';
import { defaultAuditContext } from '../domain/audit/audit-context.js';
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import { summariseFindings } from '../domain/audit/findings-summary.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import { approvedCorrectionsFor } from './correction-audit-context.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { ProgressReporter } from '../ports/progress.js';
import type { ReportStore } from '../ports/report-store.js';
import type { ReportArchive, WeeklyReport } from '../ports/report-writer.js';
import type { RunStore } from '../ports/run-store.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { RiskStore } from '../ports/risk-store.js';
import type { RowSnapshot, SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import { auditDuplicateUnits, auditSheetChanges } from './audit-sheet-changes.js';
import { discoverSourceSheets } from './discover-source-sheets.js';
import type { DiscoveryFinding, DiscoveryOptions } from './discover-source-sheets.js';
import { isBillableSnapshot, planWeeklyReports } from './plan-weekly-reports.js';
import { syncSourceSheets } from './sync-source-sheets.js';
import type { SheetSyncResult } from './sync-source-sheets.js';
import { countsSince, emptyCycleSummary, tallySync } from './cycle-summary.js';
import type { AuditPublication, CycleFinding, CycleSummary } from './cycle-summary.js';
import { publishReportsPhase } from './publish-reports-phase.js';
import { flagRiskyChanges } from './flag-risky-changes.js';
import { createRiskScorer, loadReviewOverdue, loadRiskModel } from './score-changes.js';
import type { RiskScorer, RiskSettings } from './score-changes.js';
import { trainAndStoreRiskModel } from './train-risk-model.js';
import type { LockingScope } from '../domain/locking/locking-scope.js';
import type { WeekCloseRule } from '../domain/week-close.js';
import type { RowLocker } from '../ports/row-locker.js';
import { lockClosedWeeks } from './lock-closed-weeks.js';
import type { DiscoveredSheet } from '../ports/billing-sheets.js';
import type { WorkLock } from '../ports/work-lock.js';
import { listRunEvents } from './list-run-events.js';

export type { AuditPublication, CycleFinding, CycleSummary } from './cycle-summary.js';

export interface CycleDependencies {
  source: BillingSheets;
  sheets: SheetStore;
  snapshots: SnapshotStore;
  runs: RunStore;
  reports: ReportStore;
  audit: AuditStore;
  /** Where scored changes, models and verdicts live; with `CycleOptions.risk`, changes are scored. */
  risk?: RiskStore;
  /** The latest access review feeds the risk score's "access review overdue" editor context. */
  accessReviews?: Pick<AccessReviewStore, 'latestReview'>;
  /** Approved correction requests (issue #12); with them, a change carrying one out is AUTHORIZED_CORRECTION. */
  corrections?: Pick<CorrectionStore, 'listApprovedSince'>;
  /**
   * What happens with a run's new events once they are stored: signed checkpoint, audit sheet,
   * audit workbook. Returns notes for the summary.
   */
  publishAudit?: (events: readonly ChainedAuditEvent[], summary: CycleSummary) => Promise<AuditPublication>;
  /** Alerts on the run's new events (e-mail digest carrying the signed checkpoint). */
  alert?: (
    events: readonly ChainedAuditEvent[],
    runId: string,
    checkpointText?: string,
  ) => Promise<{ sent: number; skippedDuplicates: number; failed: number } | undefined>;
  render: (reports: readonly WeeklyReport[]) => Promise<Uint8Array[]>;
  archive?: ReportArchive;
  /** Locks the rows of billed weeks; with `CycleOptions.locking` on, a lock step follows publishing. */
  locker?: RowLocker;
  /**
   * The sync phase run elsewhere (a cluster: one sheet-sync job per sheet, see fan-out-sheet-syncs).
   * The sheets' events are then appended by other processes under this run's id, and read back.
   * Absent, this process syncs the sheets one after another.
   */
  syncSheets?: (phase: {
    readonly runId: string;
    readonly startedAt: Date;
    readonly sheets: readonly DiscoveredSheet[];
    readonly deadline: Date;
  }) => Promise<{
    results: SheetSyncResult[];
    changes: number;
    historyCalls: number;
    /** The requests the other processes made for the run, added to the run's own. */
    requests?: Record<string, number>;
  }>;
  /** Held per sheet while it is synced (see SyncDependencies.lock). */
  lock?: WorkLock;
  progress: ProgressReporter;
  logger: Logger;
  now: () => Date;
}

export interface CycleOptions {
  runId: string;
  /** The change audit's settings; undefined switches the audit off (reports only). */
  audit?: Omit<AuditContextOptions, 'now' | 'runId'>;
  /** Risk scoring settings; scoring needs these, `audit` and `CycleDependencies.risk`. */
  risk?: RiskSettings;
  discovery: DiscoveryOptions;
  synonyms?: Partial<ColumnSynonyms>;
  targetSheetId: number | undefined;
  timeZone: string;
  weekEndDay: Weekday;
  dryRun: boolean;
  clockSkewMs: number;
  /** Per phase; a phase past its budget stops starting new work and the next run continues. */
  phaseBudgetMs: number;
  failOnMissingSheet: boolean;
  /** Locking billed weeks (issue #12); undefined or scope `off` locks nothing. */
  locking?: { scope: LockingScope; weekClose: WeekCloseRule };
}

export async function runReportCycle(deps: CycleDependencies, options: CycleOptions): Promise<CycleSummary> {
  const startedAt = deps.now();
  const durationsMs: Record<string, number> = {};
  const findings: CycleFinding[] = [];
  const timed = async <T>(phase: string, work: (deadline: Date) => Promise<T>): Promise<T> => {
    const begin = deps.now();
    try {
      return await work(new Date(begin.getTime() + options.phaseBudgetMs));
    } finally {
      durationsMs[phase] = deps.now().getTime() - begin.getTime();
    }
  };
  // The client counts for the life of the process; a run reports its own share.
  const requestsBefore = deps.source.requestCounts();
  // A cluster's cycle job that is redelivered (its worker died) runs again under the same run id.
  if (!options.dryRun && !(await deps.runs.getRun(options.runId)))
    await deps.runs.startRun({ id: options.runId, kind: 'cycle', startedAt: startedAt.toISOString() });

  const summary = emptyCycleSummary(options, startedAt, durationsMs, findings);
  let remoteRequests: Record<string, number> = {};
  try {
    const context = billableRuleContext(startedAt, {
      timeZone: options.timeZone,
      weekEndDay: options.weekEndDay,
    });

    const auditContext = summary.audit.enabled
      ? defaultAuditContext({
          ...options.audit,
          ...(await approvedCorrectionsFor(deps.corrections, startedAt, options.audit)),
          now: startedAt,
          runId: options.runId,
        })
      : undefined;
    const newEvents: ChainedAuditEvent[] = [];
    const scorer =
      auditContext && deps.risk && options.risk
        ? await openRunScorer({ ...deps, risk: deps.risk }, options.risk, startedAt, summary)
        : undefined;

    const known = await deps.sheets.listSheets({ role: 'source', status: 'active' });
    const discovery = await timed('discover', () =>
      discoverSourceSheets(deps.source, options.discovery, known),
    );
    summary.sheets.discovered = discovery.sheets.length;
    findings.push(
      ...discovery.findings.map((f: DiscoveryFinding) => ({
        kind: `sheet-${f.kind}`,
        message: f.message,
        loud: f.loud,
      })),
    );

    const synced = await timed('sync', async (deadline) => {
      if (deps.syncSheets && !options.dryRun) {
        const remote = await deps.syncSheets({
          runId: options.runId,
          startedAt,
          sheets: discovery.sheets,
          deadline,
        });
        summary.audit.changes += remote.changes;
        summary.audit.historyCalls += remote.historyCalls;
        remoteRequests = remote.requests ?? {};
        if (auditContext) newEvents.push(...(await listRunEvents(deps.audit, options.runId)));
        return remote.results;
      }
      return syncSourceSheets(
        {
          source: deps.source,
          sheets: deps.sheets,
          snapshots: deps.snapshots,
          progress: deps.progress.phase('sync'),
          ...(deps.lock ? { lock: deps.lock } : {}),
        },
        discovery.sheets,
        {
          ...(options.synonyms ? { synonyms: options.synonyms } : {}),
          clockSkewMs: options.clockSkewMs,
          isBillable: (values) => isBillableSnapshot(values, context),
          runId: options.runId,
          now: deps.now,
          deadline,
          persist: !options.dryRun,
        },
        auditContext
          ? async (result) => {
              const audited = await auditSheetChanges(
                { source: deps.source, audit: deps.audit, scorer },
                result,
                auditContext,
              );
              summary.audit.changes += audited.changes;
              summary.audit.historyCalls += audited.historyCalls;
              newEvents.push(...audited.events);
            }
          : undefined,
      );
    });
    tallySync(summary, synced, findings);

    const plan = await timed('plan', async () =>
      planWeeklyReports(await currentSnapshots(deps, synced, options.dryRun), context),
    );
    summary.rows.stored = plan.rowsTotal;
    summary.rows.accepted = plan.rowsAccepted;
    summary.rows.rejected = plan.rejections.total;
    summary.rows.rejectedByReason = { ...plan.rejections.byReason };
    summary.rows.rejectedBySheet = Object.fromEntries(
      Object.entries(plan.rejections.bySheet).map(([k, v]) => [k, { ...v }]),
    );
    summary.reports.groups = plan.reports.length;
    summary.reports.quarantined = plan.quarantined.length;
    summary.dataQualityFindings = plan.findings.length;
    if (auditContext) {
      const names = new Map(discovery.sheets.map((sheet) => [sheet.id, sheet.name]));
      const permalinks = new Map(
        synced.flatMap((r) => (r.permalink ? [[r.sheetId, r.permalink] as const] : [])),
      );
      const duplicates = await auditDuplicateUnits(deps.audit, plan.billable, auditContext, {
        names,
        permalinks,
      });
      newEvents.push(...duplicates);
      if (scorer && deps.risk && options.risk && summary.audit.risk) {
        const flagged = await timed('risk', () =>
          flagRiskyChanges({ risk: deps.risk!, audit: deps.audit }, options.runId, {
            budget: options.risk!.budget,
            context: auditContext,
            weights: options.risk!.weights,
            stateEvents: duplicates,
          }),
        );
        Object.assign(summary.audit.risk, {
          scored: flagged.scored,
          flags: flagged.flags.length,
          anomalyEvents: flagged.events.length,
        });
        newEvents.push(...flagged.events);
      }
      const totals = summariseFindings(newEvents);
      summary.audit.findings = { ...totals, byType: { ...totals.byType } };
      if (deps.publishAudit)
        summary.audit.publication = await timed('audit', () => deps.publishAudit!(newEvents, summary));
      if (deps.alert) {
        const alerted = await deps.alert(newEvents, options.runId, summary.audit.publication.checkpoint);
        if (alerted)
          summary.audit.alerts = {
            sent: alerted.sent,
            skipped: alerted.skippedDuplicates,
            failed: alerted.failed,
          };
      }
    }
    for (const held of plan.quarantined) {
      findings.push({
        kind: 'report-quarantined',
        message: `Work Request ${held.workRequest}: ${held.reason} (${held.rows.length} rows not published)`,
        loud: false,
      });
    }

    if (options.targetSheetId === undefined) {
      findings.push({
        kind: 'no-target-sheet',
        message: 'LEDGERLINE_TARGET_SHEET_ID is not set: reports were planned but not published',
        loud: false,
      });
    } else {
      const targetSheetId = options.targetSheetId;
      await timed('publish', (deadline) =>
        publishReportsPhase(deps, plan.reports, { ...options, targetSheetId, deadline }, summary),
      );
    }
    const locking = options.locking;
    if (deps.locker && locking && locking.scope.kind !== 'off') {
      const locker = deps.locker;
      const locked = await timed('lock', () =>
        lockClosedWeeks({ locker, reports: deps.reports, audit: deps.audit }, plan.billable, {
          ...locking,
          now: startedAt,
          dryRun: options.dryRun,
        }),
      );
      summary.locking = locked.summary;
      findings.push(...locked.findings);
    }
    const loud = findings.some((f) => f.loud);
    summary.status = loud && options.failOnMissingSheet ? 'partial' : 'succeeded';
  } catch (error) {
    summary.status = 'failed';
    summary.error = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, runId: options.runId }, 'cycle failed');
  } finally {
    summary.requests = countsSince(requestsBefore, deps.source.requestCounts());
    for (const [key, n] of Object.entries(remoteRequests))
      summary.requests[key] = (summary.requests[key] ?? 0) + n;
    summary.finishedAt = deps.now().toISOString();
    durationsMs.total = deps.now().getTime() - startedAt.getTime();
    if (!options.dryRun) {
      await deps.runs.finishRun(options.runId, {
        finishedAt: summary.finishedAt,
        status: summary.status,
        summary: summary as unknown as JsonObject,
        error: summary.error ?? null,
      });
    }
  }
  return summary;
}

/**
 * The run's risk scorer: the newest model, or — when there is none yet and enough changes are
 * stored — one trained now, so a cold start ends on its own once history allows.
 */
async function openRunScorer(
  deps: CycleDependencies & { risk: RiskStore },
  settings: RiskSettings,
  now: Date,
  summary: CycleSummary,
): Promise<RiskScorer> {
  let model = await loadRiskModel(deps.risk);
  let coldStartReason: string | undefined;
  let trainedModelId: string | undefined;
  if (!model) {
    const outcome = await trainAndStoreRiskModel(deps, {
      now,
      windowDays: settings.trainingWindowDays,
      minChanges: settings.minTrainingChanges,
    });
    if (outcome.trained) {
      model = await loadRiskModel(deps.risk);
      trainedModelId = outcome.record.id;
      deps.logger.info(
        { modelId: trainedModelId, changes: outcome.record.sampleCount },
        'risk model trained',
      );
    } else {
      coldStartReason = outcome.reason;
    }
  }
  summary.audit.risk = {
    modelId: model?.id ?? null,
    coldStart: !model,
    ...(coldStartReason ? { coldStartReason } : {}),
    ...(trainedModelId ? { trainedModelId } : {}),
    scored: 0,
    flags: 0,
    anomalyEvents: 0,
  };
  const reviewOverdue = await loadReviewOverdue(deps.accessReviews);
  return createRiskScorer({ risk: deps.risk }, { settings, model, now, reviewOverdue });
}

/**
 * Every stored live row of every source sheet. Sheets that vanished or stopped mapping keep their
 * last snapshots: dropping their rows would silently re-publish smaller reports. A dry run overlays
 * the writes it did not make.
 */
async function currentSnapshots(
  deps: CycleDependencies,
  synced: readonly SheetSyncResult[],
  dryRun: boolean,
): Promise<RowSnapshot[]> {
  const sources = await deps.sheets.listSheets({ role: 'source' });
  const pending = new Map(synced.map((r) => [r.sheetId, r]));
  const ids = new Set([...sources.map((s) => s.id), ...(dryRun ? synced.map((r) => r.sheetId) : [])]);
  const rows: RowSnapshot[] = [];
  for (const sheetId of [...ids].sort((a, b) => a - b)) {
    const stored = await deps.snapshots.listSnapshots(sheetId);
    const result = dryRun ? pending.get(sheetId) : undefined;
    if (!result) {
      rows.push(...stored);
      continue;
    }
    const overlay = new Map(stored.map((s) => [s.rowId, s]));
    for (const id of result.deletedRowIds) overlay.delete(id);
    for (const write of result.writes) overlay.set(write.rowId, write);
    rows.push(...overlay.values());
  }
  return rows;
}
