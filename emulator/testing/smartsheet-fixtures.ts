// Reading the official Smartsheet SDK-test mocks (request/response pairs, see the fixtures README)
// and preparing them for replay: a seed with one sheet per fixture whose columns and rows carry the
// fixture's ids mapped onto real emulator ids, and the request rewritten with those ids.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ColumnType, SeedData, SeedSheet } from '../seed/seed-data.js';
import type { LooseJson } from './test-client.js';

/** The fixtures live beside the project, never copied into it (fixtures README). */
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURE_DIR = path.resolve(repoRoot, '../shared/reference/smartsheet-fixtures');

export interface Fixture {
  name: string;
  method: string;
  /** Path as the mock matches it, e.g. `/sheets/1/rows`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: LooseJson;
  status: number;
  response: LooseJson;
}

interface MockFile {
  request: {
    method: string;
    urlPathPattern?: string;
    urlPath?: string;
    queryParameters?: Record<string, { equalTo: string }>;
    headers?: Record<string, { equalTo: string }>;
    bodyPatterns?: { equalToJson?: string }[];
  };
  response: { status: number; jsonBody?: LooseJson };
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const mock = JSON.parse(readFileSync(path.join(FIXTURE_DIR, file), 'utf8')) as MockFile;
      const { request, response } = mock;
      const rawPath = request.urlPathPattern ?? request.urlPath ?? '';
      const headers: Record<string, string> = {};
      for (const [name, matcher] of Object.entries(request.headers ?? {})) {
        if (name !== 'Api-Scenario') headers[name] = matcher.equalTo;
      }
      const bodyText = request.bodyPatterns?.[0]?.equalToJson;
      return {
        name: file.replace(/\.json$/, ''),
        method: request.method,
        path: rawPath.replace(/\\\/\?$/, '').replace(/\\/g, ''),
        query: Object.fromEntries(
          Object.entries(request.queryParameters ?? {}).map(([k, v]) => [k, v.equalTo]),
        ),
        headers,
        ...(bodyText !== undefined ? { body: JSON.parse(bodyText) as LooseJson } : {}),
        status: response.status,
        response: response.jsonBody,
      };
    });
}

/** Column ids a fixture's response calls invalid: they must stay unknown to the sheet. */
function invalidColumnIds(fixture: Fixture): Set<number> {
  const text = JSON.stringify(fixture.response ?? {});
  return new Set([...text.matchAll(/The columnId (\d+) is invalid/g)].map((match) => Number(match[1])));
}

function bodyRows(fixture: Fixture): LooseJson[] {
  return Array.isArray(fixture.body) ? fixture.body : fixture.body ? [fixture.body] : [];
}

export interface FixtureIds {
  sheetId: number;
  columns: Map<number, number>;
  rows: Map<number, number>;
}

/** Fixture-specific column types; every other referenced column is TEXT_NUMBER. */
const COLUMN_TYPES: Record<string, Record<number, ColumnType>> = {
  'Update Rows - Clear Value - Checkbox': { 101: 'CHECKBOX' },
};

export const FIXTURE_OWNER = {
  email: 'john.doe@smartsheet.com',
  token: 'tok-fixture-owner',
  id: 1_500_000_000_000_010,
};

export function fixtureSheet(fixture: Fixture, index: number): { sheet: SeedSheet; ids: FixtureIds } {
  const sheetId = 4_400_000_000_000_000 + index * 10_000;
  const invalid = invalidColumnIds(fixture);
  const columnIds = new Set<number>();
  const rowIds = new Set<number>();
  for (const row of bodyRows(fixture)) {
    if (typeof row.id === 'number') rowIds.add(row.id);
    for (const cell of row.cells ?? []) if (!invalid.has(cell.columnId)) columnIds.add(cell.columnId);
  }
  // Cells the answer shows (a row moved without cells still lists them) exist in the sheet too.
  const answered = fixture.response?.result;
  for (const row of Array.isArray(answered) ? answered : []) {
    for (const cell of row.cells ?? []) if (typeof cell.columnId === 'number') columnIds.add(cell.columnId);
  }
  if (columnIds.size === 0) columnIds.add(101);
  const ids: FixtureIds = { sheetId, columns: new Map(), rows: new Map() };
  [...columnIds].forEach((fixtureId, i) => ids.columns.set(fixtureId, sheetId + 100 + i));
  [...rowIds].forEach((fixtureId, i) => ids.rows.set(fixtureId, sheetId + 500 + i));
  const types = COLUMN_TYPES[fixture.name] ?? {};
  const columns = [...ids.columns].map(([fixtureId, id], i) => ({
    id,
    title: `Column${i + 1}`,
    type: types[fixtureId] ?? ('TEXT_NUMBER' as ColumnType),
    ...(i === 0 ? { primary: true } : {}),
  }));
  // Rows the fixture names, then two more so top/bottom moves have somewhere to go.
  const seededRowIds = [...ids.rows.values(), sheetId + 900, sheetId + 901];
  const rows = seededRowIds.map((id) => ({
    id,
    cells: columns.map((column) => ({
      columnId: column.id,
      value: column.type === 'CHECKBOX' ? true : `v${id % 1000}`,
    })),
    createdAt: '2026-08-01T10:00:00Z',
    modifiedAt: '2026-08-01T10:00:00Z',
    createdBy: FIXTURE_OWNER.email,
    modifiedBy: FIXTURE_OWNER.email,
  }));
  return {
    sheet: {
      id: sheetId,
      name: `Fixture ${String(index).padStart(2, '0')} ${fixture.name}`,
      role: 'other',
      ownerEmail: FIXTURE_OWNER.email,
      columns,
      rows,
      shares: [],
      createdAt: '2026-08-01T09:00:00Z',
      modifiedAt: '2026-08-01T10:00:00Z',
    },
    ids,
  };
}

export function fixtureSeed(sheets: SeedSheet[]): SeedData {
  return {
    seed: 'fixture-replay',
    now: '2026-09-02T12:00:00Z',
    users: [{ ...FIXTURE_OWNER, firstName: 'John', lastName: 'Doe' }],
    workspaces: [],
    folders: [],
    sheets,
    catalogue: [],
  };
}

/** Rewrites fixture ids in a request body (row ids, column ids) to the seeded sheet's ids. */
export function mapRequestBody(body: LooseJson, ids: FixtureIds): LooseJson {
  if (Array.isArray(body)) return body.map((item) => mapRequestBody(item, ids));
  if (typeof body !== 'object' || body === null) return body;
  const mapped: LooseJson = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'columnId' && typeof value === 'number') mapped[key] = ids.columns.get(value) ?? value;
    else if (key === 'id' && typeof value === 'number') mapped[key] = ids.rows.get(value) ?? value;
    else mapped[key] = mapRequestBody(value, ids);
  }
  return mapped;
}
