// Issue #12 end to end against the emulator: with locking on, a cycle publishes the closed weeks'
// reports and then locks their billable rows; an EDITOR can no longer change a billed row (403/1050,
// nothing changes), an owner's direct edit still goes through and the next cycle records it as
// POST_CLOSE_EDIT. With locking off (the default) nothing is locked and detection is as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/adapters/excel/render-reports-in-parallel.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { smartsheetRowLocker } from '../../src/adapters/smartsheet/smartsheet-row-locker.js';
import { seedEnvironment } from '../../src/cli/demo-environment.js';
import { LOCKING_OFF } from '../../src/domain/locking/locking-scope.js';
import { DEFAULT_WEEK_CLOSE_RULE } from '../../src/domain/week-close.js';
import { silentProgress } from '../../src/ports/progress.js';
import { runReportCycle } from '../../src/services/run-report-cycle.js';
import type { CycleSummary } from '../../src/services/run-report-cycle.js';
import {
  seedAuditSettings,
  startCycleHarness,
  TEST_RISK_SETTINGS,
  type CycleHarness,
} from '../support/report-cycle-harness.js';

/** Response bodies are checked by the assertions that read them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(h: CycleHarness, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.emulator.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

function tokenOf(h: CycleHarness, email: string): string {
  const user = h.seed.users.find((u) => u.email === email);
  if (!user) throw new Error(`no seed user ${email}`);
  return user.token;
}

/** A crew member shared as EDITOR on the source sheets, and the sheets' owner (not a corrector). */
const EDITOR = 'keith.dunn@prairieline.example';
const OWNER = 'zach.gustafson@prairieline.example';

async function lockedRowsOf(h: CycleHarness, sheetId: number): Promise<number[]> {
  const sheet = await api(h, tokenOf(h, OWNER), 'GET', `/sheets/${sheetId}`);
  return (sheet.json.rows as Json[]).filter((row) => row.locked === true).map((row) => row.id as number);
}

async function priceOf(h: CycleHarness, sheetId: number, rowId: number, columnId: number) {
  const row = await api(h, tokenOf(h, OWNER), 'GET', `/sheets/${sheetId}/rows/${rowId}`);
  return (row.json.cells as Json[]).find((cell) => cell.columnId === columnId)?.value;
}

let runNumber = 0;

/**
 * A cycle as the harness runs it, plus the locking options (the harness builds its own CycleOptions,
 * so the lock step is composed here exactly as src/app/report-cycle.ts composes it).
 */
function runWithLocking(h: CycleHarness, on: boolean): Promise<CycleSummary> {
  const env = seedEnvironment(h.seed);
  return runReportCycle(
    {
      source: h.source,
      sheets: h.store.sheets,
      snapshots: h.store.snapshots,
      runs: h.store.runs,
      reports: h.store.reports,
      audit: h.store.audit,
      risk: h.store.risk,
      render: (reports) =>
        renderReports(reports, { companyName: 'Test Contracting', timeZone: 'America/Chicago' }),
      ...(on ? { locker: smartsheetRowLocker(h.client) } : {}),
      progress: silentProgress,
      logger: createLogger({ level: 'silent', format: 'json' }),
      now: () => new Date(),
    },
    {
      runId: `lock-run-${++runNumber}`,
      audit: seedAuditSettings(h.seed),
      risk: TEST_RISK_SETTINGS,
      discovery: {
        sheetIds: [],
        folderIds: [],
        workspaceIds: env.sourceWorkspaceIds,
        nameExclude: ['Archive'],
      },
      targetSheetId: h.targetSheetId,
      timeZone: 'America/Chicago',
      weekEndDay: 0,
      dryRun: false,
      clockSkewMs: 300_000,
      phaseBudgetMs: 600_000,
      failOnMissingSheet: true,
      // Off is what a deployment without LEDGERLINE_LOCK_CLOSED_WEEKS gets.
      locking: { scope: on ? { kind: 'all' } : LOCKING_OFF, weekClose: DEFAULT_WEEK_CLOSE_RULE },
    },
  );
}

describe('week locking on', () => {
  let h: CycleHarness;
  beforeAll(async () => {
    h = await startCycleHarness({ seed: 'tiny' });
  });
  afterAll(() => h.close());

  it('locks billed rows, refuses an editor, and still detects an owner’s direct edit', async () => {
    const first = await runWithLocking(h, true);
    expect(first.status).toBe('succeeded');
    expect(first.reports.uploaded).toBeGreaterThan(0);
    expect(first.locking).toMatchObject({ scope: 'all', refused: 0, alreadyLocked: 0 });
    expect(first.locking!.locked).toBeGreaterThan(0);
    expect(first.locking!.locked).toBe(first.locking!.candidates);

    const [sheetId] = h.sourceSheetIds;
    const locked = await lockedRowsOf(h, sheetId!);
    expect(locked.length).toBeGreaterThan(0);
    const rowId = locked[0]!;
    const priceColumn = (await h.store.sheets.getSheet(sheetId!))!.columnMap['price']!;
    const before = await priceOf(h, sheetId!, rowId, priceColumn);

    // The editor cannot change the billed row: 403/1050, and the value stays.
    const refused = await api(h, tokenOf(h, EDITOR), 'PUT', `/sheets/${sheetId}/rows`, [
      { id: rowId, cells: [{ columnId: priceColumn, value: 9999 }] },
    ]);
    expect({ status: refused.status, errorCode: refused.json.errorCode }).toEqual({
      status: 403,
      errorCode: 1050,
    });
    expect(await priceOf(h, sheetId!, rowId, priceColumn)).toBe(before);

    // A second cycle finds them locked already and judges no change from the locks themselves.
    const second = await runWithLocking(h, true);
    expect(second.locking).toMatchObject({ locked: 0, refused: 0 });
    expect(second.locking!.alreadyLocked).toBe(first.locking!.locked);
    expect(second.audit.findings.byType['POST_CLOSE_EDIT'] ?? 0).toBe(0);

    // The owner may still edit the locked row directly: that is a POST_CLOSE_EDIT.
    const direct = await api(h, tokenOf(h, OWNER), 'PUT', `/sheets/${sheetId}/rows`, [
      { id: rowId, cells: [{ columnId: priceColumn, value: 12345.67 }] },
    ]);
    expect(direct.status).toBe(200);
    await runWithLocking(h, true);
    const { events } = await h.store.audit.listEvents({
      sheetId: sheetId!,
      rowId,
      violationTypes: ['POST_CLOSE_EDIT'],
      limit: 5,
    });
    expect(events).toEqual([expect.objectContaining({ changedBy: OWNER, newValue: '12345.67' })]);
  });
});

describe('week locking off (the default)', () => {
  let h: CycleHarness;
  beforeAll(async () => {
    h = await startCycleHarness({ seed: 'tiny' });
  });
  afterAll(() => h.close());

  it('locks nothing, and an editor’s post-close edit is detected as before', async () => {
    const first = await runWithLocking(h, false);
    expect(first.status).toBe('succeeded');
    expect(first.locking).toBeUndefined();
    for (const sheetId of h.sourceSheetIds) expect(await lockedRowsOf(h, sheetId)).toEqual([]);

    const [sheetId] = h.sourceSheetIds;
    const priceColumn = (await h.store.sheets.getSheet(sheetId!))!.columnMap['price']!;
    const [published] = await h.store.reports.listPublishedReports();
    expect(published).toBeDefined();
    const snapshots = await h.store.snapshots.listSnapshots(sheetId!);
    const billed = snapshots.find((s) => s.billable);
    expect(billed).toBeDefined();
    const edited = await api(h, tokenOf(h, EDITOR), 'PUT', `/sheets/${sheetId}/rows`, [
      { id: billed!.rowId, cells: [{ columnId: priceColumn, value: 4321.09 }] },
    ]);
    expect(edited.status).toBe(200);
    await runWithLocking(h, false);
    const { events } = await h.store.audit.listEvents({
      sheetId: sheetId!,
      rowId: billed!.rowId,
      violationTypes: ['POST_CLOSE_EDIT'],
      limit: 5,
    });
    expect(events).toEqual([expect.objectContaining({ changedBy: EDITOR, newValue: '4321.09' })]);
  });
});
