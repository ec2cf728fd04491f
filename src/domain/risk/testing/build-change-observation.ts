import { seededRandom } from '../../anomaly/seeded-random.js';
import { isoDate } from '../../calendar-date.js';
import { TEST_SHEET_ID } from '../../testing/build-billing-row.js';
import { changeIdOf } from '../change-observation.js';
import type { ChangeObservation } from '../change-observation.js';

// Revisions count up per test file so every built observation has its own change id.
let nextRevision = 1;

/**
 * An ordinary observed change: Jane (authorised, not a corrector) raises the price of row 12 of
 * "Crew A Billing" from $45.95 to $50.95 on Friday 2025-08-15 at 10:00 in Chicago, while the week
 * ending 2025-08-17 is still open; no rule fired. Override any field; the change id follows the
 * sheet, row, column and revision unless given.
 */
export function buildChangeObservation(overrides: Partial<ChangeObservation> = {}): ChangeObservation {
  const revision = overrides.revision ?? `rev-${nextRevision++}`;
  const key = {
    sheetId: overrides.sheetId ?? TEST_SHEET_ID,
    rowId: overrides.rowId ?? 7_001,
    columnName: overrides.columnName === undefined ? 'price' : overrides.columnName,
    revision,
  };
  return {
    changeId: changeIdOf(key),
    runId: 'run-test',
    ...key,
    field: 'price',
    sheetName: 'Crew A Billing',
    rowNumber: 12,
    oldValue: '$45.95',
    newValue: '$50.95',
    sheetReference: null,
    editor: 'jane@example.com',
    editorHuman: true,
    editorCorrector: false,
    editorAuthorised: true,
    changeAgent: null,
    changedAt: '2025-08-15T15:00:00.000Z',
    localHour: 10,
    localWeekday: 4,
    deltaCents: 500,
    rowPriceCents: 4_595,
    unitPriceCents: 5_095,
    contractUnitCents: null,
    valueRatio: 5_095 / 4_595,
    cu: 'ALB-6-AUR1',
    workRequest: '89708709',
    weekEnding: isoDate('2025-08-17'),
    hoursAfterClose: 0,
    rules: [],
    maxSeverity: null,
    ...overrides,
  };
}

const EDITORS = ['jane@example.com', 'pat@example.com', 'sam@example.com', 'lee@example.com'];
const CUS = ['ALB-6-AUR1', 'XFMR-25', 'POLE-40'];
const HOUR_MS = 3_600_000;

/**
 * `count` ordinary price edits from a seed, one every 1–5 hours from 2025-06-02 on: four editors,
 * three CUs, raises of $1–$50 on one-unit rows of $44–$48, in open weeks. Training data with no outlier.
 */
export function buildOrdinaryObservations(count: number, seed = 1): ChangeObservation[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let at = Date.parse('2025-06-02T14:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    at += Math.round((1 + random() * 4) * HOUR_MS);
    const priceBefore = Math.round(4_400 + random() * 400);
    const deltaCents = Math.round(100 + random() * 4_900);
    return buildChangeObservation({
      rowId: 8_000 + index,
      revision: `ordinary-${seed}-${index}`,
      editor: pick(EDITORS),
      sheetId: TEST_SHEET_ID + Math.floor(random() * 2),
      cu: pick(CUS),
      changedAt: new Date(at).toISOString(),
      localHour: 8 + Math.floor(random() * 9),
      localWeekday: Math.floor(random() * 5),
      deltaCents,
      rowPriceCents: priceBefore,
      unitPriceCents: priceBefore + deltaCents,
      valueRatio: (priceBefore + deltaCents) / priceBefore,
    });
  });
}
