import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityOf, changeFeatures, FEATURE_LABELS, FEATURE_NAMES, FIELD_CODES } from './change-features.js';
import type { FeatureName } from './change-features.js';
import type { ObservedField } from './change-observation.js';
import { EditorHistory } from './editor-history.js';
import { priceBaselines } from './price-baselines.js';
import { buildChangeObservation } from './testing/build-change-observation.js';

const noHistory = new EditorHistory([]);
const noBaselines = new Map();
const baselines = priceBaselines(
  [4_500, 4_595, 4_700, 4_595, 4_600].map((unitPriceCents) => ({ cu: 'ALB-6-AUR1', unitPriceCents })),
);

/** One named feature of an observation built from `overrides`. */
function feature(name: FeatureName, overrides = {}, history = noHistory, known = noBaselines): number {
  const vector = changeFeatures(buildChangeObservation(overrides), history, known);
  return vector[FEATURE_NAMES.indexOf(name)] as number;
}

const anyAmount = fc.option(
  fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  { nil: null },
);

describe('changeFeatures', () => {
  it('gives a finite value for every feature of any observation, huge and missing amounts included', () => {
    fc.assert(
      fc.property(
        fc.record({
          deltaCents: anyAmount,
          rowPriceCents: anyAmount,
          unitPriceCents: anyAmount,
          contractUnitCents: anyAmount,
          hoursAfterClose: fc.double({ min: 0, max: 1e12, noNaN: true }),
          cu: fc.option(fc.constantFrom('ALB-6-AUR1', 'alb-6-aur1', 'XFMR-25'), { nil: null }),
          field: fc.constantFrom(...(Object.keys(FIELD_CODES) as ObservedField[])),
          editor: fc.option(fc.constantFrom('jane@example.com', 'pat@example.com'), { nil: null }),
        }),
        (overrides) => {
          const vector = changeFeatures(buildChangeObservation(overrides), noHistory, baselines);
          expect(vector).toHaveLength(FEATURE_NAMES.length);
          for (const value of vector) expect(Number.isFinite(value)).toBe(true);
        },
      ),
    );
  });

  it('labels every feature', () => {
    expect(Object.keys(FEATURE_LABELS).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it('log-scales the size of the change in dollars, whatever its sign', () => {
    expect(feature('absDelta', { deltaCents: 9_900 })).toBeCloseTo(2, 12);
    expect(feature('absDelta', { deltaCents: -9_900 })).toBeCloseTo(2, 12);
    expect(feature('absDelta', { deltaCents: null })).toBe(0);
  });

  it('clips the change as a share of a row price floored at $1 to 10', () => {
    expect(feature('deltaShareOfPrice', { deltaCents: 2_000, rowPriceCents: 4_000 })).toBe(0.5);
    expect(feature('deltaShareOfPrice', { deltaCents: 500, rowPriceCents: 0 })).toBe(5);
    expect(feature('deltaShareOfPrice', { deltaCents: 1e12, rowPriceCents: 4_000 })).toBe(10);
  });

  it('clips unit price ÷ contract rate to [0, 10], and is 1 without a contract rate', () => {
    expect(feature('priceToRate', { unitPriceCents: 9_190, contractUnitCents: 4_595 })).toBe(2);
    expect(feature('priceToRate', { unitPriceCents: 1e9, contractUnitCents: 4_595 })).toBe(10);
    expect(feature('priceToRate', { unitPriceCents: -500, contractUnitCents: 4_595 })).toBe(0);
    expect(feature('priceToRate', { unitPriceCents: 9_190, contractUnitCents: null })).toBe(1);
    expect(feature('priceToRate', { unitPriceCents: 9_190, contractUnitCents: 0 })).toBe(1);
  });

  it('clips the robust distance from the CU median to ±20', () => {
    const at = (unitPriceCents: number) =>
      feature('unitPriceDeviation', { unitPriceCents }, noHistory, baselines);
    expect(at(4_595)).toBe(0);
    expect(at(1e9)).toBe(20);
    expect(at(-1e9)).toBe(-20);
    expect(feature('unitPriceDeviation', { unitPriceCents: 1e9 }, noHistory, noBaselines)).toBe(0);
  });

  it('log-scales the hours after the week closed', () => {
    expect(feature('hoursAfterClose', { hoursAfterClose: 0 })).toBe(0);
    expect(feature('hoursAfterClose', { hoursAfterClose: Math.E - 1 })).toBeCloseTo(1, 12);
    expect(feature('hoursAfterClose', { hoursAfterClose: 100 })).toBeCloseTo(Math.log(101), 12);
  });

  it('passes local hour and weekday through', () => {
    expect(feature('hourOfDay', { localHour: 23 })).toBe(23);
    expect(feature('weekday', { localWeekday: 6 })).toBe(6);
  });

  it('encodes the field with its FIELD_CODES number', () => {
    for (const [field, code] of Object.entries(FIELD_CODES)) {
      expect(feature('fieldChanged', { field })).toBe(code);
    }
    expect(new Set(Object.values(FIELD_CODES)).size).toBe(Object.keys(FIELD_CODES).length);
  });

  it("reads the editor's past from the history, before the change only", () => {
    const earlier = [
      buildChangeObservation({ changedAt: '2025-08-15T14:10:00.000Z' }),
      buildChangeObservation({ changedAt: '2025-08-15T14:40:00.000Z' }),
      buildChangeObservation({ changedAt: '2025-08-15T15:00:00.000Z' }),
    ];
    const history = new EditorHistory(earlier.map(activityOf));
    const change = { changedAt: '2025-08-15T15:00:00.000Z' };
    // Two earlier changes, both on this sheet, on one UTC day, both within the hour.
    expect(feature('editorUsualVolume', change, history)).toBeCloseTo(Math.log1p(2), 12);
    expect(feature('editorNewToSheet', change, history)).toBe(0);
    expect(feature('editorEditsLastHour', change, history)).toBeCloseTo(Math.log1p(2), 12);
    expect(feature('editorNewToSheet', { ...change, sheetId: 1 }, history)).toBe(1);
  });
});

describe('activityOf', () => {
  it('is the editor, sheet and instant of the change', () => {
    const observation = buildChangeObservation({ editor: 'pat@example.com', sheetId: 42 });
    expect(activityOf(observation)).toEqual({
      editor: 'pat@example.com',
      sheetId: 42,
      at: Date.parse('2025-08-15T15:00:00Z'),
    });
  });
});
