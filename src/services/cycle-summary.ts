// The record of one cycle: what `run` prints, stores with the run, and exits on.
import { summariseFindings } from '../domain/audit/findings-summary.js';
import type { FindingsSummary } from '../domain/audit/findings-summary.js';
import type { PublishSummary } from './publish-weekly-reports.js';
import type { LockRunSummary } from './lock-closed-weeks.js';
import type { SheetSyncResult } from './sync-source-sheets.js';

export interface AuditPublication {
  checkpoint?: string;
  auditSheetRows?: number;
  workbook?: string;
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
    alerts?: { sent: number; skipped: number; failed: number };
    /** Risk scoring (§3.5): the model used (null in a cold start), changes scored, flags raised. */
    risk?: RiskRunSummary;
  };
  /** Locking billed weeks (issue #12); present only when locking is turned on. */
  locking?: LockRunSummary;
  findings: CycleFinding[];
  requests: Record<string, number>;
  durationsMs: Record<string, number>;
  savedReports: string[];
  error?: string;
}

export interface RiskRunSummary {
  modelId: string | null;
  coldStart: boolean;
  /** Why there is no model, in a cold start. */
  coldStartReason?: string;
  /** A model trained during this run because none existed and enough history had built up. */
  trainedModelId?: string;
  scored: number;
  flags: number;
  anomalyEvents: number;
}

/** A fresh summary for a run starting now; phases fill it in as they go. */
export function emptyCycleSummary(
  options: { runId: string; dryRun: boolean; audit?: unknown },
  startedAt: Date,
  durationsMs: Record<string, number>,
  findings: CycleFinding[],
): CycleSummary {
  const auditEnabled = options.audit !== undefined && !options.dryRun;
  return {
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
      enabled: auditEnabled,
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
}

export function countsSince(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const n = value - (before[key] ?? 0);
    // The headline counters always appear, even at zero; per-endpoint lines only when used.
    if (n !== 0 || ['total', 'retries', 'rateLimited', 'units'].includes(key)) delta[key] = n;
  }
  return delta;
}

export function tallySync(
  summary: CycleSummary,
  synced: readonly SheetSyncResult[],
  findings: CycleFinding[],
): void {
  for (const result of synced) {
    summary.sheets.byOutcome[result.outcome] = (summary.sheets.byOutcome[result.outcome] ?? 0) + 1;
    summary.rows.fetched += result.rowsFetched;
    if (result.changeCounts)
      for (const kind of ['created', 'updated', 'deleted'] as const)
        summary.rows.changes[kind] += result.changeCounts[kind];
    else for (const change of result.changes) summary.rows.changes[change.kind] += 1;
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
