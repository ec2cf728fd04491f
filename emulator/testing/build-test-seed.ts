// A small hand-built SeedData for the emulator's own tests and benches: four users (owner, editor
// through a workspace share, viewer on one sheet, an outsider) plus an expired token, a workspace
// with a folder, and two billing-like sheets with system and AUTO_NUMBER columns.
import type { SeedColumn, SeedData, SeedRow, SeedSheet } from '../seed/seed-data.js';

export const TEST_NOW = '2026-09-02T12:00:00Z';

export const TEST_USERS = {
  owner: { id: 1_100_000_000_000_001, email: 'olivia.owner@example.com', token: 'tok-owner' },
  editor: { id: 1_100_000_000_000_002, email: 'eddie.editor@example.com', token: 'tok-editor' },
  viewer: { id: 1_100_000_000_000_003, email: 'vera.viewer@example.com', token: 'tok-viewer' },
  outsider: { id: 1_100_000_000_000_004, email: 'nora.nobody@example.com', token: 'tok-outsider' },
  expired: { id: 1_100_000_000_000_005, email: 'ed.expired@example.com', token: 'tok-expired' },
} as const;

export const TEST_IDS = {
  workspace: 2_200_000_000_000_001,
  folder: 2_200_000_000_000_002,
  sheetNorth: 3_300_000_000_000_001,
  sheetSouth: 3_300_000_000_000_002,
} as const;

/** Column ids of a test sheet: the same offsets on both sheets, distinct per sheet. */
export function testColumnIds(sheetId: number) {
  const base = sheetId + 100_000_000;
  return {
    workRequest: base + 1,
    loggedDate: base + 2,
    completed: base + 3,
    totalPrice: base + 4,
    cu: base + 5,
    quantity: base + 6,
    foreman: base + 7,
    status: base + 8,
    modified: base + 9,
    modifiedBy: base + 10,
    rowCode: base + 11,
  };
}

/** Row id of the n-th (0-based) seeded row of a test sheet. */
export function testRowId(sheetId: number, index: number): number {
  return sheetId + 200_000_000 + index;
}

function columns(sheetId: number): SeedColumn[] {
  const ids = testColumnIds(sheetId);
  return [
    { id: ids.workRequest, title: 'Work Request #', type: 'TEXT_NUMBER', primary: true },
    { id: ids.loggedDate, title: 'Weekly Reference Logged Date', type: 'DATE' },
    { id: ids.completed, title: 'Units Completed?', type: 'CHECKBOX' },
    { id: ids.totalPrice, title: 'Units Total Price', type: 'TEXT_NUMBER', currency: true },
    { id: ids.cu, title: 'CU', type: 'TEXT_NUMBER' },
    { id: ids.quantity, title: 'Quantity', type: 'TEXT_NUMBER' },
    { id: ids.foreman, title: 'Foreman', type: 'CONTACT_LIST' },
    { id: ids.status, title: 'Status', type: 'PICKLIST', options: ['Open', 'Billed', 'Disputed'] },
    { id: ids.modified, title: 'Modified', type: 'DATETIME', systemColumnType: 'MODIFIED_DATE' },
    { id: ids.modifiedBy, title: 'Modified By', type: 'CONTACT_LIST', systemColumnType: 'MODIFIED_BY' },
    {
      id: ids.rowCode,
      title: 'Row ID',
      type: 'TEXT_NUMBER',
      systemColumnType: 'AUTO_NUMBER',
      autoNumberFormat: { prefix: 'BL-', fill: '0000', startingNumber: 1 },
    },
  ];
}

const CUS = ['ANC-1', 'POLE-40', 'XFMR-25', 'WIRE-2/0', 'GUY-3'];

function rows(sheetId: number, count: number): SeedRow[] {
  const ids = testColumnIds(sheetId);
  return Array.from({ length: count }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const quantity = 1 + (index % 5);
    const createdAt = `2026-08-${day}T0${index % 10}:15:00Z`;
    return {
      id: testRowId(sheetId, index),
      cells: [
        { columnId: ids.workRequest, value: `WR-${1000 + index}` },
        { columnId: ids.loggedDate, value: `2026-08-${day}` },
        { columnId: ids.completed, value: index % 3 === 0 },
        { columnId: ids.totalPrice, value: 125 * quantity + index },
        { columnId: ids.cu, value: CUS[index % CUS.length] ?? 'ANC-1' },
        { columnId: ids.quantity, value: quantity },
        { columnId: ids.foreman, value: TEST_USERS.editor.email },
        { columnId: ids.status, value: index % 4 === 0 ? 'Billed' : 'Open' },
      ],
      createdAt,
      modifiedAt: createdAt,
      createdBy: TEST_USERS.owner.email,
      modifiedBy: TEST_USERS.owner.email,
    };
  });
}

function sheet(id: number, name: string, placement: Partial<SeedSheet>, rowCount: number): SeedSheet {
  return {
    id,
    name,
    role: 'source',
    ownerEmail: TEST_USERS.owner.email,
    ...placement,
    columns: columns(id),
    rows: rows(id, rowCount),
    shares: [],
    createdAt: '2026-07-01T08:00:00Z',
    modifiedAt: '2026-08-28T09:15:00Z',
  };
}

export interface TestSeedOptions {
  /** Rows of the first sheet (default 12); the second gets half as many. */
  rows?: number;
}

export function buildTestSeed(options: TestSeedOptions = {}): SeedData {
  const rowCount = options.rows ?? 12;
  const north = sheet(
    TEST_IDS.sheetNorth,
    'Billing - Crew North',
    { workspaceId: TEST_IDS.workspace },
    rowCount,
  );
  north.shares = [{ email: TEST_USERS.viewer.email, accessLevel: 'VIEWER' }];
  const south = sheet(
    TEST_IDS.sheetSouth,
    'Billing - Crew South',
    { folderId: TEST_IDS.folder },
    Math.ceil(rowCount / 2),
  );
  const user = (key: keyof typeof TEST_USERS, firstName: string, lastName: string) => ({
    ...TEST_USERS[key],
    firstName,
    lastName,
  });
  return {
    seed: 'emulator-test',
    now: TEST_NOW,
    users: [
      user('owner', 'Olivia', 'Owner'),
      user('editor', 'Eddie', 'Editor'),
      user('viewer', 'Vera', 'Viewer'),
      user('outsider', 'Nora', 'Nobody'),
      { ...user('expired', 'Ed', 'Expired'), expired: true },
    ],
    workspaces: [
      {
        id: TEST_IDS.workspace,
        name: 'Field Billing',
        ownerEmail: TEST_USERS.owner.email,
        shares: [{ email: TEST_USERS.editor.email, accessLevel: 'EDITOR' }],
      },
    ],
    folders: [{ id: TEST_IDS.folder, name: '2026', workspaceId: TEST_IDS.workspace }],
    sheets: [north, south],
    catalogue: [],
  };
}
