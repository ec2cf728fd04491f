// Replays the official SDK-test mocks against the emulator: same request (ids mapped onto a seeded
// sheet), and the answer must match the real one in status, errorCode and the keys of the result
// objects and their cells.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import { call, control, type LooseJson } from './testing/test-client.js';
import {
  type Fixture,
  type FixtureIds,
  FIXTURE_OWNER,
  fixtureSeed,
  fixtureSheet,
  loadFixtures,
  mapRequestBody,
} from './testing/smartsheet-fixtures.js';

/** Endpoints the emulator does not serve (admin features Ledgerline never calls). */
const OUT_OF_SCOPE: Record<string, string> = {
  'Serialization - Folder':
    'POST /home/folders (the Sheets folder is deprecated; folders are read-only here)',
  'Serialization - IndexResult': 'GET /users (organisation user admin)',
  'Serialization - User': 'POST /users (organisation user admin)',
  'Serialization - Workspace': 'POST /workspaces (workspaces are read-only here)',
};

/**
 * Keys whose presence depends on where a row lands or on the mock's vintage, not on behaviour:
 * siblingId (absent for a first row), sheetId on rows and version on columns (newer answers only).
 */
const VINTAGE_KEYS = new Set(['siblingId', 'sheetId', 'version']);

/** Mock answers that contradict their own siblings; the emulator follows the consistent majority. */
const CELL_KEY_EXCEPTIONS: Record<string, string> = {
  'Serialization - Rows':
    'the cell linking to a sheet lacks displayValue while the linked-report and URL cells have one',
};

const fixtures = loadFixtures();
const prepared = fixtures.map((fixture, index) => ({ fixture, ...fixtureSheet(fixture, index) }));
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    seed: fixtureSeed(prepared.map((p) => p.sheet)),
    rateLimit: { enabled: false, perMinute: 300, heavyWeight: 10 },
    clock: { frozen: true },
  });
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', '/reset', {}));

const keysOf = (value: LooseJson, ignore: ReadonlySet<string> = new Set()) =>
  Object.keys(value ?? {})
    .filter((key) => !ignore.has(key))
    .sort();

function replay(fixture: Fixture, ids: FixtureIds) {
  const path = fixture.path.replace(/^\/sheets\/1(?=\/|$)/, `/sheets/${ids.sheetId}`);
  const query = new URLSearchParams(fixture.query).toString();
  return call(emu.baseUrl, fixture.method, `${path}${query ? `?${query}` : ''}`, {
    token: FIXTURE_OWNER.token,
    headers: fixture.headers,
    ...(fixture.body !== undefined ? { body: mapRequestBody(fixture.body, ids) } : {}),
  });
}

/** The objects a response carries: `result` items, `data` items, or the bare object. */
function resultObjects(body: LooseJson): LooseJson[] {
  if (body.result !== undefined) return Array.isArray(body.result) ? body.result : [body.result];
  if (Array.isArray(body.data)) return body.data;
  return [body];
}

function compareCells(fixture: Fixture, ids: FixtureIds, expected: LooseJson, actual: LooseJson): void {
  if (!Array.isArray(expected.cells) || CELL_KEY_EXCEPTIONS[fixture.name]) return;
  for (const cell of expected.cells) {
    const ours = actual.cells.find(
      (c: LooseJson) => c.columnId === (ids.columns.get(cell.columnId) ?? cell.columnId),
    );
    expect(ours, `cell ${cell.columnId}`).toBeDefined();
    // Formulas are stored, not evaluated: the computed value and its displayValue are not compared.
    const computed = cell.formula !== undefined ? new Set(['value', 'displayValue']) : new Set<string>();
    expect(keysOf(ours, computed), `keys of cell ${cell.columnId}`).toEqual(keysOf(cell, computed));
  }
}

describe('replaying the official Smartsheet mocks', () => {
  it('knows every fixture: each is replayed or listed as out of scope with a reason', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    const names = new Set(fixtures.map((f) => f.name));
    for (const name of Object.keys(OUT_OF_SCOPE)) expect(names.has(name), name).toBe(true);
  });

  for (const { fixture, ids } of prepared.filter((p) => !OUT_OF_SCOPE[p.fixture.name])) {
    it(fixture.name, async () => {
      const res = await replay(fixture, ids);
      const expected = fixture.response;
      expect(res.status).toBe(fixture.status);
      if (fixture.status >= 400) {
        expect(res.json.errorCode).toBe(expected.errorCode);
        expect(res.json.message).toBe(expected.message);
        expect(keysOf(res.json)).toEqual(keysOf(expected));
        return;
      }
      expect(keysOf(res.json)).toEqual(keysOf(expected));
      const ours = resultObjects(res.json);
      const theirs = resultObjects(expected);
      // A write answers for exactly the rows it wrote; a list's length depends on the seed.
      if (expected.data === undefined) expect(ours).toHaveLength(theirs.length);
      theirs.forEach((item, i) => {
        expect(keysOf(ours[i], VINTAGE_KEYS), `keys of result ${i}`).toEqual(keysOf(item, VINTAGE_KEYS));
        compareCells(fixture, ids, item, ours[i]);
      });
      for (const [i, failure] of (expected.failedItems ?? []).entries()) {
        const our = res.json.failedItems[i];
        expect({ index: our.index, errorCode: our.error.errorCode, message: our.error.message }).toEqual({
          index: failure.index,
          errorCode: failure.error.errorCode,
          message: failure.error.message,
        });
        expect(keysOf(our.error)).toEqual(keysOf(failure.error));
      }
    });
  }
});
