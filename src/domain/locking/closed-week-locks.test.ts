import { describe, expect, it } from 'vitest';
import type { BillableRow } from '../billable-rule.js';
import { contentHash } from '../content-hash.js';
import { groupBillableRows } from '../report-grouping.js';
import { reportIdentityKey } from '../report-identity.js';
import { buildBillableRow, TEST_SHEET_ID } from '../testing/build-billing-row.js';
import { DEFAULT_WEEK_CLOSE_RULE } from '../week-close.js';
import { planClosedWeekLocks } from './closed-week-locks.js';
import type { ClosedWeekLockInput } from './closed-week-locks.js';
import type { LockingScope } from './locking-scope.js';
import { heldRowKey } from './rows-unlocked-event.js';

const OTHER_SHEET = 77;
// Week ending Sunday 2025-08-17 closes at 2025-08-18T05:00Z in Chicago; 2025-08-24 is still open.
const NOW = new Date('2025-08-20T12:00:00Z');
const ALL: LockingScope = { kind: 'all' };

/** Every report of these rows as published with its current content. */
function publishedFor(rows: readonly BillableRow[]): Map<string, string> {
  return new Map(
    groupBillableRows(rows).groups.map((g) => [reportIdentityKey(g.identity), contentHash(g)] as const),
  );
}

function plan(rows: BillableRow[], overrides: Partial<ClosedWeekLockInput> = {}) {
  return planClosedWeekLocks({
    billable: rows,
    published: publishedFor(rows),
    now: NOW,
    weekClose: DEFAULT_WEEK_CLOSE_RULE,
    scope: ALL,
    ...overrides,
  });
}

describe('planClosedWeekLocks', () => {
  it('locks the rows of a closed, published week and leaves the open week alone', () => {
    const closed = [buildBillableRow({ rowId: 2 }), buildBillableRow({ rowId: 1 })];
    const open = buildBillableRow({ rowId: 3, weekEnding: '2025-08-24', snapshotDate: '2025-08-19' });
    expect(plan([...closed, open])).toEqual({
      sheets: [{ sheetId: TEST_SHEET_ID, rowIds: [1, 2], weekEndings: ['2025-08-17'] }],
      awaitingPublish: 0,
      heldOpen: 0,
    });
  });

  it('waits for the publish when the report is missing or older than the rows', () => {
    const rows = [buildBillableRow({ rowId: 10 })];
    expect(plan(rows, { published: new Map() })).toEqual({ sheets: [], awaitingPublish: 1, heldOpen: 0 });
    const stale = publishedFor([buildBillableRow({ rowId: 10, price: '$1.00' })]);
    expect(plan(rows, { published: stale })).toEqual({ sheets: [], awaitingPublish: 1, heldOpen: 0 });
  });

  it('honours the grace period of the week close', () => {
    const rows = [buildBillableRow({ rowId: 20 })];
    const early = new Date('2025-08-18T06:00:00Z');
    expect(plan(rows, { now: early }).sheets).toHaveLength(1);
    expect(
      plan(rows, { now: early, weekClose: { timeZone: 'America/Chicago', graceHours: 48 } }).sheets,
    ).toEqual([]);
  });

  it('locks nothing when off, and only the listed sheets otherwise — even when a report spans sheets', () => {
    const rows = [buildBillableRow({ rowId: 30 }), buildBillableRow({ rowId: 31, sheetId: OTHER_SHEET })];
    expect(plan(rows, { scope: { kind: 'off' } })).toEqual({ sheets: [], awaitingPublish: 0, heldOpen: 0 });
    expect(plan(rows, { scope: { kind: 'sheets', sheetIds: new Set([OTHER_SHEET]) } }).sheets).toEqual([
      { sheetId: OTHER_SHEET, rowIds: [31], weekEndings: ['2025-08-17'] },
    ]);
  });

  it('never locks the rows of a quarantined Work Request', () => {
    const rows = [buildBillableRow({ rowId: 40, workRequest: '!!!' })];
    expect(plan(rows, { published: new Map() })).toEqual({ sheets: [], awaitingPublish: 0, heldOpen: 0 });
  });

  it('leaves rows an unlock holds open', () => {
    const rows = [buildBillableRow({ rowId: 50 }), buildBillableRow({ rowId: 51 })];
    expect(plan(rows, { heldOpen: new Set([heldRowKey(TEST_SHEET_ID, 50)]) })).toEqual({
      sheets: [{ sheetId: TEST_SHEET_ID, rowIds: [51], weekEndings: ['2025-08-17'] }],
      awaitingPublish: 0,
      heldOpen: 1,
    });
  });
});
