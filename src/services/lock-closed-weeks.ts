// Closing billed weeks for real (issue #12): after publishing, lock the billable rows of closed weeks
// whose reports are published, on the sheets locking is turned on for. Rows already locked are
// counted; rows Smartsheet refuses (our token is not OWNER/ADMIN, the row is gone) are reported
// loudly, never silently skipped. A dry run reads the current locks and lists what it would lock.
import type { BillableRow } from '../domain/billable-rule.js';
import { planClosedWeekLocks } from '../domain/locking/closed-week-locks.js';
import { describeLockingScope } from '../domain/locking/locking-scope.js';
import type { LockingScope } from '../domain/locking/locking-scope.js';
import type { WeekCloseRule } from '../domain/week-close.js';
import { billableRuleContext } from '../domain/billable-rule.js';
import type { Weekday } from '../domain/calendar-date.js';
import { MAX_UNLOCK_HOLD_HOURS, ROWS_UNLOCKED, rowsHeldOpen } from '../domain/locking/rows-unlocked-event.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { ReportStore } from '../ports/report-store.js';
import type { LockRefusalReason, RowLocker } from '../ports/row-locker.js';
import type { SheetStore, SnapshotStore } from '../ports/sheet-store.js';
import { planWeeklyReports } from './plan-weekly-reports.js';

export interface LockClosedWeeksDeps {
  locker: RowLocker;
  reports: Pick<ReportStore, 'listPublishedReports'>;
  /** Where ROWS_UNLOCKED events are: rows an unlock still holds open are not locked again. */
  audit?: Pick<AuditStore, 'listEvents'>;
}

export interface LockClosedWeeksOptions {
  scope: LockingScope;
  weekClose: WeekCloseRule;
  now: Date;
  dryRun: boolean;
}

/** One sheet's share of the step. */
export interface SheetLockSummary {
  sheetId: number;
  weekEndings: string[];
  /** Rows of closed, published weeks on this sheet. */
  candidates: number;
  locked: number;
  alreadyLocked: number;
  /** Dry run: rows a real run would lock. */
  wouldLock: number;
  refused: { rowId: number; reason: LockRefusalReason; message: string }[];
}

export interface LockRunSummary {
  /** The configured scope (`off`, `all` or sheet ids). */
  scope: string;
  dryRun: boolean;
  candidates: number;
  locked: number;
  alreadyLocked: number;
  wouldLock: number;
  refused: number;
  refusedByReason: Partial<Record<LockRefusalReason, number>>;
  /** Reports of closed weeks not yet published with their current rows: locked after their publish. */
  awaitingPublish: number;
  /** Rows left unlocked because an unlock (admin or correction) still holds them open. */
  heldOpen: number;
  sheets: SheetLockSummary[];
}

export interface LockFinding {
  kind: 'rows-not-locked';
  message: string;
  loud: true;
}

const REASON_TEXT: Record<LockRefusalReason, string> = {
  'insufficient-access':
    "cannot lock (insufficient access: Ledgerline's token must be OWNER or ADMIN on the sheet)",
  'not-found': 'cannot lock (the row or sheet no longer exists)',
  failed: 'lock request failed',
};

export async function lockClosedWeeks(
  deps: LockClosedWeeksDeps,
  billable: readonly BillableRow[],
  options: LockClosedWeeksOptions,
): Promise<{ summary: LockRunSummary; findings: LockFinding[] }> {
  const published = new Map(
    (await deps.reports.listPublishedReports()).map((p) => [p.identityKey, p.contentHash] as const),
  );
  const heldOpen =
    deps.audit && options.scope.kind !== 'off'
      ? await unlocksHoldingOpen(deps.audit, options.now)
      : undefined;
  const plan = planClosedWeekLocks({
    billable,
    published,
    now: options.now,
    weekClose: options.weekClose,
    scope: options.scope,
    ...(heldOpen ? { heldOpen } : {}),
  });
  const summary: LockRunSummary = {
    scope: describeLockingScope(options.scope),
    dryRun: options.dryRun,
    candidates: 0,
    locked: 0,
    alreadyLocked: 0,
    wouldLock: 0,
    refused: 0,
    refusedByReason: {},
    awaitingPublish: plan.awaitingPublish,
    heldOpen: plan.heldOpen,
    sheets: [],
  };
  const findings: LockFinding[] = [];
  for (const sheet of plan.sheets) {
    const entry: SheetLockSummary = {
      sheetId: sheet.sheetId,
      weekEndings: [...sheet.weekEndings],
      candidates: sheet.rowIds.length,
      locked: 0,
      alreadyLocked: 0,
      wouldLock: 0,
      refused: [],
    };
    try {
      if (options.dryRun) {
        const states = await deps.locker.lockStates(sheet.sheetId, sheet.rowIds);
        const lockedNow = new Set((states ?? []).filter((s) => s.locked).map((s) => s.rowId));
        entry.alreadyLocked = lockedNow.size;
        entry.wouldLock = sheet.rowIds.length - lockedNow.size;
      } else {
        const outcome = await deps.locker.lockRows(sheet.sheetId, sheet.rowIds);
        entry.locked = outcome.changed.length;
        entry.alreadyLocked = outcome.unchanged.length;
        entry.refused = outcome.refused.map((r) => ({
          rowId: r.rowId,
          reason: r.reason,
          message: r.message,
        }));
      }
    } catch (error) {
      // Reading the lock states failed (Smartsheet unavailable past the retries): the other sheets
      // go on, and this sheet's rows are reported, to be locked by a later run.
      const message = error instanceof Error ? error.message : String(error);
      entry.refused = sheet.rowIds.map((rowId) => ({ rowId, reason: 'failed' as const, message }));
    }
    summary.sheets.push(entry);
    summary.candidates += entry.candidates;
    summary.locked += entry.locked;
    summary.alreadyLocked += entry.alreadyLocked;
    summary.wouldLock += entry.wouldLock;
    summary.refused += entry.refused.length;
    for (const refusal of entry.refused)
      summary.refusedByReason[refusal.reason] = (summary.refusedByReason[refusal.reason] ?? 0) + 1;
    findings.push(...refusalFindings(entry));
  }
  return { summary, findings };
}

/** The rows unlocks made within the longest hold still keep open at `now`. */
async function unlocksHoldingOpen(audit: Pick<AuditStore, 'listEvents'>, now: Date): Promise<Set<string>> {
  const events = [];
  const changedFrom = new Date(now.getTime() - MAX_UNLOCK_HOLD_HOURS * 3_600_000).toISOString();
  let fromSeq: number | undefined;
  for (;;) {
    const page = await audit.listEvents({
      violationTypes: [ROWS_UNLOCKED],
      changedFrom,
      limit: 1000,
      ...(fromSeq !== undefined ? { fromSeq } : {}),
    });
    events.push(...page.events);
    if (page.nextSeq === null) break;
    fromSeq = page.nextSeq;
  }
  return rowsHeldOpen(events, now);
}

/** One loud finding per sheet and reason, naming the rows (the first 20) and Smartsheet's message. */
function refusalFindings(entry: SheetLockSummary): LockFinding[] {
  const byReason = new Map<LockRefusalReason, SheetLockSummary['refused']>();
  for (const refusal of entry.refused)
    byReason.set(refusal.reason, [...(byReason.get(refusal.reason) ?? []), refusal]);
  return [...byReason.entries()].map(([reason, rows]) => {
    const shown = rows.slice(0, 20).map((r) => r.rowId);
    const more = rows.length > shown.length ? ` and ${rows.length - shown.length} more` : '';
    return {
      kind: 'rows-not-locked',
      loud: true,
      message: `Sheet ${entry.sheetId}: ${rows.length} billed row(s) of week(s) ${entry.weekEndings.join(', ')} ${REASON_TEXT[reason]} — rows ${shown.join(', ')}${more}; Smartsheet said: ${rows[0]?.message ?? ''}`,
    };
  });
}

/**
 * The billable rows as the last cycle stored them, for `ledgerline lock` outside a cycle: every
 * stored live row of every source sheet through the billable rule, as the cycle's plan does.
 */
export async function storedBillableRows(
  deps: { sheets: Pick<SheetStore, 'listSheets'>; snapshots: Pick<SnapshotStore, 'listSnapshots'> },
  options: { now: Date; timeZone: string; weekEndDay: Weekday },
): Promise<readonly BillableRow[]> {
  const sheets = await deps.sheets.listSheets({ role: 'source' });
  const snapshots = [];
  for (const sheet of sheets) snapshots.push(...(await deps.snapshots.listSnapshots(sheet.id)));
  const context = billableRuleContext(options.now, {
    timeZone: options.timeZone,
    weekEndDay: options.weekEndDay,
  });
  return planWeeklyReports(snapshots, context).billable;
}
