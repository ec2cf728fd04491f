// One sheet of a cycle, synced and audited by whichever worker took the sheet-sync job (issue #10:
// syncs sharded by sheet). It runs exactly what a single-process cycle runs for the sheet — read
// changes, audit them (events first, chained with the cycle's run id), commit the snapshots — under
// the sheet's cluster lock. A redelivered job (its worker died) re-reads from the stored cursor:
// either the first attempt committed and nothing is new, or it did not and the same changes are
// re-derived, and natural keys drop the events it already appended.
import { billableRuleContext } from '../domain/billable-rule.js';
import type { Weekday } from '../domain/calendar-date.js';
import type { ColumnSynonyms } from '../domain/column-mapping.js';
import type { JsonObject } from '../domain/audit-chain.js';
import { defaultAuditContext } from '../domain/audit/audit-context.js';
import type { AuditContextOptions } from '../domain/audit/audit-context.js';
import type { AccessReviewStore } from '../ports/access-review-store.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets, DiscoveredSheet } from '../ports/billing-sheets.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import type { RiskStore } from '../ports/risk-store.js';
import type { SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import type { WorkLock } from '../ports/work-lock.js';
import { auditSheetChanges } from './audit-sheet-changes.js';
import { approvedCorrectionsFor } from './correction-audit-context.js';
import { isBillableSnapshot } from './plan-weekly-reports.js';
import { createRiskScorer, loadReviewOverdue, loadRiskModel } from './score-changes.js';
import type { RiskSettings } from './score-changes.js';
import { syncSourceSheets } from './sync-source-sheets.js';
import type { RowChangeKind, SheetSyncOutcome, SheetSyncResult } from './sync-source-sheets.js';

/** What a cycle's coordinator sends per sheet. */
export interface SheetSyncJobData {
  readonly runId: string;
  /** The cycle's start: the audit's "now", as in a single-process cycle. */
  readonly startedAt: string;
  /** A job taken after this starts no read (the sync phase's time budget). */
  readonly deadline: string;
  readonly sheet: DiscoveredSheet;
}

export interface SheetSyncJobDependencies {
  /** A client of this job's own (sharing the budget), so its request counters are the job's. */
  source: BillingSheets;
  sheets: SheetStore;
  snapshots: SnapshotStore;
  audit: AuditStore;
  risk?: RiskStore;
  accessReviews?: Pick<AccessReviewStore, 'latestReview'>;
  corrections?: Pick<CorrectionStore, 'listApprovedSince'>;
  lock: WorkLock;
  now: () => Date;
}

export interface SheetSyncJobSettings {
  /** The change audit's settings; undefined switches the audit off, as in a cycle. */
  audit?: Omit<AuditContextOptions, 'now' | 'runId'>;
  risk?: RiskSettings;
  synonyms?: Partial<ColumnSynonyms>;
  clockSkewMs: number;
  timeZone: string;
  weekEndDay: Weekday;
}

/** A sheet-sync job's output: the sync result without its rows, and the audit's counts. */
export interface SheetSyncJobOutput {
  readonly sheetId: number;
  readonly sheetName: string;
  readonly outcome: SheetSyncOutcome;
  readonly rowsFetched: number;
  readonly changeCounts: Record<RowChangeKind, number>;
  readonly missingRequired?: string[];
  readonly missingOptional?: string[];
  readonly message?: string;
  readonly permalink?: string;
  readonly isNew: boolean;
  readonly at: string;
  readonly auditedChanges: number;
  readonly historyCalls: number;
  readonly events: number;
  /** The Smartsheet requests this job made (its own client's counters). */
  readonly requests: Record<string, number>;
}

export function parseSheetSyncJobData(data: JsonObject): SheetSyncJobData {
  const sheet = data.sheet as JsonObject | undefined;
  if (
    typeof data.runId !== 'string' ||
    typeof data.startedAt !== 'string' ||
    typeof data.deadline !== 'string' ||
    !sheet ||
    typeof sheet.id !== 'number' ||
    typeof sheet.name !== 'string'
  ) {
    throw new Error(
      `A sheet-sync job needs runId, startedAt, deadline and sheet {id, name}; got ${JSON.stringify(data)}`,
    );
  }
  return {
    runId: data.runId,
    startedAt: data.startedAt,
    deadline: data.deadline,
    sheet: {
      id: sheet.id,
      name: sheet.name,
      location: typeof sheet.location === 'string' ? sheet.location : '',
    },
  };
}

export async function runSheetSyncJob(
  deps: SheetSyncJobDependencies,
  job: SheetSyncJobData,
  settings: SheetSyncJobSettings,
): Promise<SheetSyncJobOutput> {
  const startedAt = new Date(job.startedAt);
  const context = billableRuleContext(startedAt, {
    timeZone: settings.timeZone,
    weekEndDay: settings.weekEndDay,
  });
  const audited = { changes: 0, historyCalls: 0, events: 0 };
  // Most sheets of a cycle have not changed: their job reads the version and nothing else, so the
  // audit's context (approved corrections, the risk model, the access review) is loaded only for a
  // sheet that has changes.
  const audit = settings.audit;
  const auditChanges = async (read: SheetSyncResult) => {
    if (!audit || read.changes.length === 0) return;
    const auditContext = defaultAuditContext({
      ...audit,
      ...(await approvedCorrectionsFor(deps.corrections, startedAt, audit)),
      now: startedAt,
      runId: job.runId,
    });
    // Scored with the newest stored model; the coordinator trained one first if there was none.
    const scorer =
      deps.risk && settings.risk
        ? createRiskScorer(
            { risk: deps.risk },
            {
              settings: settings.risk,
              model: await loadRiskModel(deps.risk),
              now: startedAt,
              reviewOverdue: await loadReviewOverdue(deps.accessReviews),
            },
          )
        : undefined;
    const outcome = await auditSheetChanges(
      { source: deps.source, audit: deps.audit, scorer },
      read,
      auditContext,
    );
    audited.changes += outcome.changes;
    audited.historyCalls += outcome.historyCalls;
    audited.events += outcome.events.length;
  };
  const [result] = await syncSourceSheets(
    { source: deps.source, sheets: deps.sheets, snapshots: deps.snapshots, lock: deps.lock },
    [job.sheet],
    {
      ...(settings.synonyms ? { synonyms: settings.synonyms } : {}),
      clockSkewMs: settings.clockSkewMs,
      isBillable: (values) => isBillableSnapshot(values, context),
      runId: job.runId,
      now: deps.now,
      deadline: new Date(job.deadline),
      persist: true,
    },
    auditChanges,
  );
  return { ...toJobOutput(result!, audited), requests: deps.source.requestCounts() };
}

function toJobOutput(
  result: SheetSyncResult,
  audited: { changes: number; historyCalls: number; events: number },
): Omit<SheetSyncJobOutput, 'requests'> {
  const changeCounts: Record<RowChangeKind, number> = { created: 0, updated: 0, deleted: 0 };
  for (const change of result.changes) changeCounts[change.kind] += 1;
  return {
    sheetId: result.sheetId,
    sheetName: result.sheetName,
    outcome: result.outcome,
    rowsFetched: result.rowsFetched,
    changeCounts,
    ...(result.missingRequired ? { missingRequired: [...result.missingRequired] } : {}),
    ...(result.missingOptional ? { missingOptional: [...result.missingOptional] } : {}),
    ...(result.message !== undefined ? { message: result.message } : {}),
    ...(result.permalink ? { permalink: result.permalink } : {}),
    isNew: result.isNew,
    at: result.at,
    auditedChanges: audited.changes,
    historyCalls: audited.historyCalls,
    events: audited.events,
  };
}

/** A job's output back as the coordinator's sync result (rows left out, counts kept). */
export function fromJobOutput(output: SheetSyncJobOutput): SheetSyncResult {
  return {
    sheetId: output.sheetId,
    sheetName: output.sheetName,
    outcome: output.outcome,
    rowsFetched: output.rowsFetched,
    changes: [],
    changeCounts: output.changeCounts,
    ...(output.missingRequired
      ? { missingRequired: output.missingRequired as SheetSyncResult['missingRequired'] }
      : {}),
    ...(output.missingOptional
      ? { missingOptional: output.missingOptional as SheetSyncResult['missingOptional'] }
      : {}),
    ...(output.message !== undefined ? { message: output.message } : {}),
    ...(output.permalink ? { permalink: output.permalink } : {}),
    writes: [],
    deletedRowIds: [],
    isNew: output.isNew,
    at: output.at,
  };
}
