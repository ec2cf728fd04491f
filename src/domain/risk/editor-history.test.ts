import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditorHistory } from './editor-history.js';
import type { EditorActivity, EditorPast } from './editor-history.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const T0 = Date.parse('2025-08-11T00:00:00Z');

/** The answer by definition: filter the editor's activities strictly before `at`. */
function referenceStanding(
  activities: readonly EditorActivity[],
  editor: string | null,
  sheetId: number,
  at: number,
): EditorPast {
  const prior = activities.filter((a) => (a.editor ?? '') === (editor ?? '') && a.at < at);
  const activeDays = new Set(prior.map((a) => Math.floor(a.at / DAY_MS))).size;
  const latest = Math.max(...prior.map((a) => a.at));
  return {
    priorChanges: prior.length,
    changesPerActiveDay: activeDays === 0 ? 0 : prior.length / activeDays,
    newToSheet: !prior.some((a) => a.sheetId === sheetId),
    changesLastHour: prior.filter((a) => a.at >= at - HOUR_MS).length,
    daysSincePrevious: prior.length === 0 ? null : (at - latest) / DAY_MS,
  };
}

const editorName = fc.constantFrom('jane@example.com', 'pat@example.com', null);
const sheetId = fc.integer({ min: 1, max: 3 });
// Four days of instants on a 15-minute grid, so equal instants and hour boundaries occur often.
const instant = fc.integer({ min: 0, max: 4 * 96 }).map((slot) => T0 + slot * 15 * 60_000);
const activity = fc.record({ editor: editorName, sheetId, at: instant });

describe('EditorHistory.standingAt', () => {
  it('agrees with a brute-force count over random activity lists', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 60 }),
        editorName,
        sheetId,
        instant,
        (list, editor, sheet, at) => {
          const history = new EditorHistory(list);
          expect(history.standingAt(editor, sheet, at)).toEqual(referenceStanding(list, editor, sheet, at));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never changes its answer when activities at or after the instant are added', () => {
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 40 }),
        fc.array(
          fc.record({ editor: editorName, sheetId, offset: fc.integer({ min: 0, max: 10 * DAY_MS }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        editorName,
        sheetId,
        instant,
        (list, later, editor, sheet, at) => {
          const before = new EditorHistory(list).standingAt(editor, sheet, at);
          const extended = [...list, ...later.map(({ offset, ...rest }) => ({ ...rest, at: at + offset }))];
          expect(new EditorHistory(extended).standingAt(editor, sheet, at)).toEqual(before);
        },
      ),
    );
  });

  it('answers for a first change with no history', () => {
    expect(new EditorHistory([]).standingAt('jane@example.com', 1, T0)).toEqual({
      priorChanges: 0,
      changesPerActiveDay: 0,
      newToSheet: true,
      changesLastHour: 0,
      daysSincePrevious: null,
    });
  });

  it('does not count a change at the very instant asked about', () => {
    const history = new EditorHistory([{ editor: 'jane@example.com', sheetId: 1, at: T0 }]);
    expect(history.standingAt('jane@example.com', 1, T0)).toMatchObject({
      priorChanges: 0,
      newToSheet: true,
    });
    expect(history.standingAt('jane@example.com', 1, T0 + 1)).toMatchObject({
      priorChanges: 1,
      newToSheet: false,
      changesLastHour: 1,
    });
  });

  it('counts changes per distinct UTC day, the last hour inclusively and days since the previous change', () => {
    const jane = (at: number, sheet = 1) => ({ editor: 'jane@example.com', sheetId: sheet, at });
    const history = new EditorHistory([
      jane(T0 + 1 * HOUR_MS),
      jane(T0 + 2 * HOUR_MS),
      jane(T0 + 3 * HOUR_MS),
      jane(T0 + DAY_MS + 9 * HOUR_MS, 2),
    ]);
    const at = T0 + DAY_MS + 10 * HOUR_MS;
    // Four changes over two UTC days; the 09:00 change is exactly one hour before.
    expect(history.standingAt('jane@example.com', 3, at)).toEqual({
      priorChanges: 4,
      changesPerActiveDay: 2,
      newToSheet: true,
      changesLastHour: 1,
      daysSincePrevious: 1 / 24,
    });
    expect(history.standingAt('jane@example.com', 2, at).newToSheet).toBe(false);
  });

  it('keeps editors apart and pools unknown editors into one identity', () => {
    const history = new EditorHistory([
      { editor: null, sheetId: 1, at: T0 },
      { editor: null, sheetId: 1, at: T0 + HOUR_MS },
      { editor: 'pat@example.com', sheetId: 1, at: T0 },
    ]);
    expect(history.standingAt(null, 1, T0 + DAY_MS).priorChanges).toBe(2);
    expect(history.standingAt('pat@example.com', 1, T0 + DAY_MS).priorChanges).toBe(1);
    expect(history.standingAt('jane@example.com', 1, T0 + DAY_MS).priorChanges).toBe(0);
  });
});
