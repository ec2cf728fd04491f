import { describe, expect, it } from 'vitest';
import type { BillableRow } from '../domain/billable-rule.js';
import { contentHash } from '../domain/content-hash.js';
import { groupBillableRows } from '../domain/report-grouping.js';
import { reportIdentityKey } from '../domain/report-identity.js';
import { buildBillableRow, TEST_SHEET_ID } from '../domain/testing/build-billing-row.js';
import { DEFAULT_WEEK_CLOSE_RULE } from '../domain/week-close.js';
import type { PublishedReport } from '../ports/report-store.js';
import type { RowLocker } from '../ports/row-locker.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { rowsUnlockedEvent } from '../domain/locking/rows-unlocked-event.js';
import { lockClosedWeeks } from './lock-closed-weeks.js';
import type { LockClosedWeeksOptions } from './lock-closed-weeks.js';

const NOW = new Date('2025-08-20T12:00:00Z');

/** A sheet in memory: rows 1–9 exist; `lockedAlready` are locked; `refuse` means the token is only EDITOR. */
function memoryLocker(
  lockedAlready: number[],
  refuse = false,
): RowLocker & { locked: Set<number>; writes: number } {
  const locked = new Set(lockedAlready);
  const locker = {
    locked,
    writes: 0,
    async lockStates(_sheetId: number, rowIds: readonly number[]) {
      return rowIds.map((rowId) => ({
        rowId,
        locked: locked.has(rowId),
        lockedForUser: refuse && locked.has(rowId),
      }));
    },
    async lockRows(sheetId: number, rowIds: readonly number[]) {
      const unchanged = rowIds.filter((id) => locked.has(id));
      const toSend = rowIds.filter((id) => !locked.has(id));
      if (toSend.length > 0) locker.writes += 1;
      if (refuse) {
        const message = 'HTTP 403, errorCode 1004: You are not authorized to perform this action.';
        return {
          sheetId,
          changed: [],
          unchanged,
          refused: toSend.map((rowId) => ({ rowId, reason: 'insufficient-access' as const, message })),
        };
      }
      toSend.forEach((id) => locked.add(id));
      return { sheetId, changed: toSend, unchanged, refused: [] };
    },
    async unlockRows(sheetId: number) {
      return { sheetId, changed: [], unchanged: [], refused: [] };
    },
  };
  return locker;
}

function reportsOf(rows: readonly BillableRow[]) {
  const published = groupBillableRows(rows).groups.map(
    (g) => ({ identityKey: reportIdentityKey(g.identity), contentHash: contentHash(g) }) as PublishedReport,
  );
  return { listPublishedReports: async () => published };
}

const options = (overrides: Partial<LockClosedWeeksOptions> = {}): LockClosedWeeksOptions => ({
  scope: { kind: 'all' },
  weekClose: DEFAULT_WEEK_CLOSE_RULE,
  now: NOW,
  dryRun: false,
  ...overrides,
});

describe('lockClosedWeeks', () => {
  const rows = [1, 2, 3].map((rowId) => buildBillableRow({ rowId }));

  it('locks the closed week and counts the rows that were locked already', async () => {
    const locker = memoryLocker([2]);
    const { summary, findings } = await lockClosedWeeks(
      { locker, reports: reportsOf(rows) },
      rows,
      options(),
    );
    expect(summary).toMatchObject({ scope: 'all', candidates: 3, locked: 2, alreadyLocked: 1, refused: 0 });
    expect(summary.sheets).toEqual([
      expect.objectContaining({ sheetId: TEST_SHEET_ID, weekEndings: ['2025-08-17'], locked: 2 }),
    ]);
    expect([...locker.locked].sort()).toEqual([1, 2, 3]);
    expect(findings).toEqual([]);
  });

  it('lists without locking in a dry run', async () => {
    const locker = memoryLocker([3]);
    const { summary } = await lockClosedWeeks(
      { locker, reports: reportsOf(rows) },
      rows,
      options({ dryRun: true }),
    );
    expect(summary).toMatchObject({ dryRun: true, wouldLock: 2, alreadyLocked: 1, locked: 0 });
    expect([...locker.locked]).toEqual([3]);
    expect(locker.writes).toBe(0);
  });

  it('reports rows it cannot lock as a loud finding, never silently', async () => {
    const locker = memoryLocker([], true);
    const { summary, findings } = await lockClosedWeeks(
      { locker, reports: reportsOf(rows) },
      rows,
      options(),
    );
    expect(summary).toMatchObject({ locked: 0, refused: 3, refusedByReason: { 'insufficient-access': 3 } });
    expect(findings).toEqual([
      {
        kind: 'rows-not-locked',
        loud: true,
        message: expect.stringMatching(
          /3 billed row\(s\) of week\(s\) 2025-08-17 cannot lock \(insufficient access.*rows 1, 2, 3.*1004/,
        ),
      },
    ]);
  });

  it('does nothing when locking is off', async () => {
    const locker = memoryLocker([]);
    const { summary } = await lockClosedWeeks(
      { locker, reports: reportsOf(rows) },
      rows,
      options({ scope: { kind: 'off' } }),
    );
    expect(summary).toMatchObject({ scope: 'off', candidates: 0, locked: 0 });
    expect(locker.writes).toBe(0);
  });

  it('leaves rows an unlock still holds open, and locks them once the hold has passed', async () => {
    const unlock = rowsUnlockedEvent(2, {
      unlockId: 'unlock-1',
      sheetId: TEST_SHEET_ID,
      reason: 'crew correction',
      by: 'manager@example.com',
      via: 'admin-command',
      now: new Date('2025-08-20T06:00:00Z'),
      writtenAs: null,
      runId: null,
      holdUntil: new Date('2025-08-20T18:00:00Z'),
    });
    const audit = { listEvents: async () => ({ events: [unlock as ChainedAuditEvent], nextSeq: null }) };
    const locker = memoryLocker([]);
    const during = await lockClosedWeeks({ locker, reports: reportsOf(rows), audit }, rows, options());
    expect(during.summary).toMatchObject({ locked: 2, heldOpen: 1 });
    expect(locker.locked.has(2)).toBe(false);
    const after = await lockClosedWeeks(
      { locker, reports: reportsOf(rows), audit },
      rows,
      options({ now: new Date('2025-08-21T00:00:00Z') }),
    );
    expect(after.summary).toMatchObject({ locked: 1, alreadyLocked: 2, heldOpen: 0 });
  });

  it('reports a sheet whose lock states cannot be read, and carries on', async () => {
    const locker = memoryLocker([]);
    locker.lockRows = () => Promise.reject(new Error('Smartsheet GET /sheets/{sheetId} still failing'));
    const { summary, findings } = await lockClosedWeeks(
      { locker, reports: reportsOf(rows) },
      rows,
      options(),
    );
    expect(summary).toMatchObject({ refused: 3, refusedByReason: { failed: 3 } });
    expect(findings[0]?.message).toMatch(/lock request failed.*still failing/);
  });
});
