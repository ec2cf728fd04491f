// Which rows to lock (issue #12): the billable rows of closed weeks (billing-domain.md §1.5) whose
// weekly report is published with the content the rows have now, on sheets locking applies to.
// A report not yet published (or published before the rows last changed) waits for its publish, so
// a row is never locked before the report that bills it exists.
import type { BillableRow } from '../billable-rule.js';
import type { IsoDate } from '../calendar-date.js';
import { contentHash } from '../content-hash.js';
import { groupBillableRows } from '../report-grouping.js';
import { reportIdentityKey } from '../report-identity.js';
import { isWeekClosed } from '../week-close.js';
import type { WeekCloseRule } from '../week-close.js';
import { lockingAppliesTo } from './locking-scope.js';
import type { LockingScope } from './locking-scope.js';
import { heldRowKey } from './rows-unlocked-event.js';

/** The rows of one sheet to lock, with the weeks they bill. */
export interface SheetLockPlan {
  readonly sheetId: number;
  /** Ascending. */
  readonly rowIds: readonly number[];
  /** Ascending. */
  readonly weekEndings: readonly IsoDate[];
}

export interface ClosedWeekLockPlan {
  /** Ordered by sheet id. */
  readonly sheets: readonly SheetLockPlan[];
  /** Reports of closed weeks on locked sheets not (yet) published with their current content. */
  readonly awaitingPublish: number;
  /** Rows left unlocked because an unlock still holds them open. */
  readonly heldOpen: number;
}

export interface ClosedWeekLockInput {
  readonly billable: readonly BillableRow[];
  /** Content hash of every published report, by identity key (ReportStore). */
  readonly published: ReadonlyMap<string, string>;
  readonly now: Date;
  readonly weekClose: WeekCloseRule;
  readonly scope: LockingScope;
  /** Rows an unlock holds open (`heldRowKey`): never locked while held. */
  readonly heldOpen?: ReadonlySet<string>;
}

/**
 * The rows a cycle should lock. Rows are grouped exactly as reports are (groupBillableRows), so a
 * quarantined Work Request — never published — is never locked either.
 */
export function planClosedWeekLocks(input: ClosedWeekLockInput): ClosedWeekLockPlan {
  if (input.scope.kind === 'off') return { sheets: [], awaitingPublish: 0, heldOpen: 0 };
  const bySheet = new Map<number, { rowIds: Set<number>; weeks: Set<IsoDate> }>();
  let awaitingPublish = 0;
  let heldOpen = 0;
  // Every billable row is grouped, not only those in scope: a report can span sheets, and its hash
  // (and the file-safe Work Request forms) depend on all of its rows.
  for (const group of groupBillableRows(input.billable).groups) {
    const inScope = group.rows.filter((row) => lockingAppliesTo(input.scope, row.sheetId));
    if (inScope.length === 0) continue;
    if (!isWeekClosed(group.identity.weekEnding, input.now, input.weekClose)) continue;
    if (input.published.get(reportIdentityKey(group.identity)) !== contentHash(group)) {
      awaitingPublish += 1;
      continue;
    }
    for (const row of inScope) {
      if (input.heldOpen?.has(heldRowKey(row.sheetId, row.rowId))) {
        heldOpen += 1;
        continue;
      }
      const entry = bySheet.get(row.sheetId) ?? { rowIds: new Set(), weeks: new Set() };
      entry.rowIds.add(row.rowId);
      entry.weeks.add(group.identity.weekEnding);
      bySheet.set(row.sheetId, entry);
    }
  }
  const sheets = [...bySheet.entries()]
    .sort(([a], [b]) => a - b)
    .map(([sheetId, entry]) => ({
      sheetId,
      rowIds: [...entry.rowIds].sort((a, b) => a - b),
      weekEndings: [...entry.weeks].sort(),
    }));
  return { sheets, awaitingPublish, heldOpen };
}
