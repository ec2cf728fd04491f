// One reports cycle: discover → sync → plan → publish. Each phase is timed and has a time budget;
// the summary says exactly what happened (rows fetched, accepted, rejected by reason and sheet;
// groups generated, skipped, uploaded, deleted; API requests by kind; duration per phase) and is
// stored with the run.
import { billableRuleContext } from '../domain/billable-rule.js';
import type { Weekday } from '../domain/calendar-date.js';
import type { ColumnSynonyms } from '../domain/column-mapping.js';
import type { JsonObject } from '../domain/audit-chain.js';
import { reportIdentityKey } from '../domain/report-identity.js';
import { defaultAuditContext } from '../domain/audit/audit-context.js';
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import { summariseFindings } from '../domain/audit/findings-summary.js';
import type { FindingsSummary } from '../domain/audit/findings-summary.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { Logger } from '../ports/logger.js';
import type { ProgressReporter } from '../ports/progress.js';
import type { ReportStore } from '../ports/report-store.js';
import type { ReportArchive, WeeklyReport } from '../ports/report-writer.js';
import type { RunStore } from '../ports/run-store.js';
import type { RowSnapshot, SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import { auditDuplicateUnits, auditSheetChanges } from './audit-sheet-changes.js';
import { discoverSourceSheets } from './discover-source-sheets.js';
import type { DiscoveryFinding, DiscoveryOptions } from './discover-source-sheets.js';
import { isBillableSnapshot, planWeeklyReports } from './plan-weekly-reports.js';
import { publishWeeklyReports } from './publish-weekly-reports.js';
import type { PublishSummary } from './publish-weekly-reports.js';
import { readTargetRows } from './read-target-rows.js';
import { syncSourceSheets } from './sync-source-sheets.js';
import type { SheetSyncResult } from './sync-source-sheets.js';

export interface CycleDependencies {
  source: BillingSheets;
  sheets: SheetStore;
  snapshots: SnapshotStore;
  runs: RunStore;
  reports: ReportStore;
  audit: AuditStore;
  /**
   * What happens with a run's new events once they are stored: signed checkpoint, audit sheet,
   * audit workbook. Returns notes for the summary.
   */
  publishAudit?: (events: readonly ChainedAuditEvent[], summary: CycleSummary) => Promise<AuditPublication>;
  render: (reports: readonly WeeklyReport[]) => Promise<Uint8Array[]>;
  archive?: ReportArchive;
  progress: ProgressReporter;
  logger: Logger;
  now: () => Date;
}

export interface AuditPublication {
  checkpoint?: string;
  auditSheetRows?: number;
  workbook?: string;
}

export interface CycleOptions {
  runId: string;
  /** The change audit's settings; undefined switches the audit off (reports only). */
  audit?: Omit<AuditContextOptions, 'now' | 'runId'>;
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
}

export interface CycleFinding {
  kind: string;
  message: string;
  loud: boolean;
}

export interface CycleSummary {
  runId: string;
  status: 'succeeded' | 'partial' | 'failed';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  sheets: { discovered: number; byOutcome: Record<string, number> };
  rows: {
    fetched: number;
    stored: number;
    accepted: number;
    rejected: number;
    rejectedByReason: Record<string, number>;
    rejectedBySheet: Record<string, Record<string, number>>;
    changes: { created: number; updated: number; deleted: number };
  };
  reports: Omit<PublishSummary, 'findings' | 'saved'> & { quarantined: number; skippedPublish: boolean };
  dataQualityFindings: number;
  audit: {
    enabled: boolean;
    changes: number;
    historyCalls: number;
    findings: Omit<FindingsSummary, 'byType'> & { byType: Record<string, number> };
    publication: AuditPublication;
  };
  findings: CycleFinding[];
  requests: Record<string, number>;
  durationsMs: Record<string, number>;
  savedReports: string[];
  error?: string;
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
  if (!options.dryRun)
    await deps.runs.startRun({ id: options.runId, kind: 'cycle', startedAt: startedAt.toISOString() });

  const summary: CycleSummary = {
    runId: options.runId,
    status: 'succeeded',
    dryRun: options.dryRun,
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    sheets: { discovered: 0, byOutcome: {} },
    rows: {
      fetched: 0,
      stored: 0,
      accepted: 0,
      rejected: 0,
      rejectedByReason: {},
      rejectedBySheet: {},
      changes: { created: 0, updated: 0, deleted: 0 },
    },
    reports: {
      groups: 0,
      unchanged: 0,
      generated: 0,
      uploaded: 0,
      deleted: 0,
      wouldUpload: 0,
      wouldDelete: 0,
      deferred: 0,
      quarantined: 0,
      skippedPublish: false,
    },
    dataQualityFindings: 0,
    audit: {
      enabled: options.audit !== undefined && !options.dryRun,
      changes: 0,
      historyCalls: 0,
      findings: { ...summariseFindings([]), byType: {} },
      publication: {},
    },
    findings,
    requests: {},
    durationsMs,
    savedReports: [],
  };
  try {
    const context = billableRuleContext(startedAt, {
      timeZone: options.timeZone,
      weekEndDay: options.weekEndDay,
    });

    const auditContext = summary.audit.enabled
      ? defaultAuditContext({ ...options.audit, now: startedAt, runId: options.runId })
      : undefined;
    const newEvents: ChainedAuditEvent[] = [];

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

    const synced = await timed('sync', (deadline) =>
      syncSourceSheets(
        {
          source: deps.source,
          sheets: deps.sheets,
          snapshots: deps.snapshots,
          progress: deps.progress.phase('sync'),
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
                { source: deps.source, audit: deps.audit },
                result,
                auditContext,
              );
              summary.audit.changes += audited.changes;
              summary.audit.historyCalls += audited.historyCalls;
              newEvents.push(...audited.events);
            }
          : undefined,
      ),
    );
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
      newEvents.push(
        ...(await auditDuplicateUnits(deps.audit, plan.billable, auditContext, { names, permalinks })),
      );
      const totals = summariseFindings(newEvents);
      summary.audit.findings = { ...totals, byType: { ...totals.byType } };
      if (deps.publishAudit)
        summary.audit.publication = await timed('audit', () => deps.publishAudit!(newEvents, summary));
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
      await timed('publish', async (deadline) => {
        const published = new Map(
          (await deps.reports.listPublishedReports()).map((p) => [p.identityKey, p.contentHash]),
        );
        const anyChanged = plan.reports.some(
          (p) => published.get(reportIdentityKey(p.identity)) !== p.report.contentHash,
        );
        const knownTarget = await deps.sheets.getSheet(targetSheetId);
        const targetVersion = await deps.source.sheetVersion(targetSheetId);
        if (!anyChanged && knownTarget?.version != null && knownTarget.version === targetVersion) {
          // Nothing changed on our side and nobody touched the target sheet since our last publish.
          summary.reports.unchanged = plan.reports.length;
          summary.reports.skippedPublish = true;
          return;
        }
        const target = await readTargetRows(deps.source, targetSheetId, options.synonyms);
        const attachments = await deps.source.listRowAttachments(targetSheetId);
        const result = await publishWeeklyReports(
          {
            target: deps.source,
            reports: deps.reports,
            render: deps.render,
            ...(deps.archive ? { archive: deps.archive } : {}),
            progress: deps.progress.phase('publish'),
          },
          plan.reports,
          {
            targetSheetId,
            targetRows: target,
            attachments,
            dryRun: options.dryRun,
            runId: options.runId,
            now: deps.now,
            deadline,
          },
        );
        const { findings: publishFindings, saved, ...counts } = result;
        Object.assign(summary.reports, counts);
        summary.savedReports = saved;
        findings.push(
          ...publishFindings.map((f) => ({
            kind: f.kind,
            message: f.message,
            loud: f.kind === 'upload-failed',
          })),
        );
        const leftWork =
          publishFindings.some((f) => f.kind === 'upload-failed' || f.kind === 'delete-failed') ||
          result.deferred > 0;
        if (!options.dryRun) {
          // Remember the version our own writes left, so an untouched target is not re-listed next run —
          // unless something is left to repair, which the next run must then look for.
          const after = leftWork ? undefined : await deps.source.sheetVersion(targetSheetId);
          await deps.sheets.upsertSheet({
            id: targetSheetId,
            name: target.name,
            role: 'target',
            locationPath: knownTarget?.locationPath ?? null,
            version: after ?? null,
            columnMap: knownTarget?.columnMap ?? {},
            missingColumns: [],
            status: 'active',
            lastSyncedAt: deps.now().toISOString(),
            lastSeenAt: deps.now().toISOString(),
          });
        }
      });
    }
    const loud = findings.some((f) => f.loud);
    summary.status = loud && options.failOnMissingSheet ? 'partial' : 'succeeded';
  } catch (error) {
    summary.status = 'failed';
    summary.error = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, runId: options.runId }, 'cycle failed');
  } finally {
    summary.requests = countsSince(requestsBefore, deps.source.requestCounts());
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

function countsSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const n = value - (before[key] ?? 0);
    // The headline counters always appear, even at zero; per-endpoint lines only when used.
    if (n !== 0 || ['total', 'retries', 'rateLimited', 'units'].includes(key)) delta[key] = n;
  }
  return delta;
}

function tallySync(
  summary: CycleSummary,
  synced: readonly SheetSyncResult[],
  findings: CycleFinding[],
): void {
  for (const result of synced) {
    summary.sheets.byOutcome[result.outcome] = (summary.sheets.byOutcome[result.outcome] ?? 0) + 1;
    summary.rows.fetched += result.rowsFetched;
    for (const change of result.changes) summary.rows.changes[change.kind] += 1;
    if (result.outcome === 'vanished' || result.outcome === 'unmapped') {
      findings.push({
        kind: `sheet-${result.outcome}`,
        message: result.message ?? result.sheetName,
        loud: true,
      });
    }
    if (result.outcome === 'skipped')
      findings.push({
        kind: 'sheet-skipped',
        message: `${result.sheetName}: ${result.message ?? ''}`,
        loud: false,
      });
    if (result.missingOptional && result.missingOptional.length > 0) {
      findings.push({
        kind: 'optional-columns-missing',
        message: `'${result.sheetName}' has no column for: ${result.missingOptional.join(', ')}`,
        loud: false,
      });
    }
  }
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
