import { describe, expect, it } from 'vitest';
import { AUDIT_SHEET_COLUMNS } from '../ports/audit-sheet.js';
import type { SheetColumnInfo, SmartsheetSetup } from '../ports/billing-sheets.js';
import { createAuditSheet } from './setup-audit-sheet.js';
import { checkSetupFiles } from './setup-health-checks.js';
import { inspectSourceSheets, inspectTargetSheet, sheetProblems } from './setup-sheet-columns.js';

const columns = (...titles: string[]): SheetColumnInfo[] =>
  titles.map((title, i) => ({ id: i + 1, title, type: 'TEXT_NUMBER', primary: i === 0 }));
const BILLING = columns(
  'Work Request #',
  'Weekly Reference Logged Date',
  'Units Total Price',
  'Quantity',
  'CU',
);

/** An in-memory Smartsheet: workspace 1 holds sheets 10 (billing) and 11 (an archive). */
function fakeSetup(sheets: Map<number, { name: string; columns: SheetColumnInfo[] }>): SmartsheetSetup {
  return {
    currentUser: async () => ({ id: 1, email: 'svc@example.com', name: 'Service' }),
    listWorkspaces: async () => [{ id: 1, name: 'Field' }],
    listSheets: async () =>
      [...sheets].map(([id, s]) => ({ id, name: s.name, location: id < 100 ? 'Field' : 'Sheets' })),
    sheetsUnder: async () =>
      [...sheets].filter(([id]) => id < 100).map(([id, s]) => ({ id, name: s.name, location: 'Field' })),
    sheetColumns: async (id) => sheets.get(id),
    createSheet: async (name, cols) => {
      const id = 100 + sheets.size;
      sheets.set(id, {
        name,
        columns: cols.map((c, i) => ({ id: i + 1, title: c.title, type: c.type, primary: c.primary })),
      });
      return { id, name };
    },
  };
}

describe('setup sheet checks', () => {
  const sheets = new Map([
    [10, { name: 'Crew Billing', columns: BILLING }],
    [11, { name: 'Crew Archive', columns: BILLING }],
    [12, { name: 'Register', columns: columns('Work Request #', 'Area') }],
  ]);

  it('walks workspaces minus excluded names, maps columns and names what a sheet lacks', async () => {
    const setup = fakeSetup(new Map(sheets));
    const sources = await inspectSourceSheets(setup, {
      workspaceIds: [1],
      folderIds: [],
      sheetIds: [],
      nameExclude: ['Archive'],
    });
    expect(sources.map((s) => s.name)).toEqual(['Crew Billing', 'Register']);
    expect(sheetProblems(sources, [])).toEqual([
      "Source sheet 'Register' (12) lacks required columns: weekEnding.",
    ]);
  });

  it('refuses a target sheet that discovery would also read as a source, and a missing one', async () => {
    const setup = fakeSetup(new Map(sheets));
    const sources = await inspectSourceSheets(setup, {
      workspaceIds: [],
      folderIds: [],
      sheetIds: [10],
      nameExclude: [],
    });
    const problems = sheetProblems(sources, [
      { role: 'target', check: await inspectTargetSheet(setup, 10) },
      { role: 'audit', check: await inspectTargetSheet(setup, 99) },
    ]);
    expect(problems).toEqual([
      'The target sheet 10 is also reached as a source sheet; move it out of the source workspaces and folders.',
      "The audit sheet 99 does not exist or is not shared with the token's user.",
    ]);
  });

  it('creates the audit sheet with the §3.6 columns once, and reuses it on a second call', async () => {
    const setup = fakeSetup(new Map(sheets));
    const first = await createAuditSheet(setup, 'Ledgerline Audit');
    const second = await createAuditSheet(setup, 'Ledgerline Audit');
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect((await setup.sheetColumns(first.id))?.columns.map((c) => c.title)).toEqual([
      ...AUDIT_SHEET_COLUMNS,
    ]);
  });
});

describe('checkSetupFiles', () => {
  it('fails a .env others can read, and names both files when they are fine', () => {
    const settingsFile = { path: '/srv/ll/ledgerline.env', exists: true };
    expect(() =>
      checkSetupFiles({ settingsFile, secretsFile: { path: '/srv/ll/.env', exists: true, mode: 0o644 } }),
    ).toThrow(/readable by others \(mode 644\)/);
    expect(
      checkSetupFiles({ settingsFile, secretsFile: { path: '/srv/ll/.env', exists: true, mode: 0o600 } })
        .detail,
    ).toBe('/srv/ll/ledgerline.env, /srv/ll/.env (mode 600)');
  });
});
