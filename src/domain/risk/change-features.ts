// The feature vector of a change (billing-domain.md §3.5): the Isolation Forest sees these numbers
// and nothing else. Each is computed from the observation, the editor's history before it and the
// CU price baselines; wide-ranging amounts are log-scaled and ratios clipped so a single absurd
// value cannot stretch a feature's range and flatten every other split.
import { robustZ } from './price-baselines.js';
import type { PriceBaselines } from './price-baselines.js';
import type { ChangeObservation, ObservedField } from './change-observation.js';
import type { EditorHistory } from './editor-history.js';

/** Feature names, in vector order; stored with each model so a model is never fed another layout. */
export const FEATURE_NAMES = [
  'absDelta',
  'deltaShareOfPrice',
  'priceToRate',
  'unitPriceDeviation',
  'hoursAfterClose',
  'hourOfDay',
  'weekday',
  'editorUsualVolume',
  'editorNewToSheet',
  'editorEditsLastHour',
  'fieldChanged',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What each feature means, for explanations a billing manager can read. */
export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = {
  absDelta: 'size of the change in dollars (log10)',
  deltaShareOfPrice: 'change as a share of the row price',
  priceToRate: 'unit price ÷ contract rate',
  unitPriceDeviation: 'unit price distance from the CU median (robust σ)',
  hoursAfterClose: 'hours after the week closed (log)',
  hourOfDay: 'local hour of day',
  weekday: 'local weekday (0 Monday)',
  editorUsualVolume: "editor's usual changes per active day (log)",
  editorNewToSheet: 'editor had never changed this sheet',
  editorEditsLastHour: "editor's changes in the hour before (log)",
  fieldChanged: 'field changed',
};

/**
 * The field as a number. Money fields come first and row-level changes last, so splits on the
 * code separate groups that behave alike; the order is part of the model's layout.
 */
export const FIELD_CODES: Readonly<Record<ObservedField, number>> = {
  price: 0,
  quantity: 1,
  completed: 2,
  weekEnding: 3,
  snapshotDate: 4,
  workRequest: 5,
  cu: 6,
  workType: 7,
  pole: 8,
  other: 9,
  'row-created': 10,
  'row-deleted': 11,
};

const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The features of one observation, in FEATURE_NAMES order. */
export function changeFeatures(
  observation: ChangeObservation,
  history: EditorHistory,
  baselines: PriceBaselines,
): number[] {
  const at = Date.parse(observation.changedAt);
  const past = history.standingAt(observation.editor, observation.sheetId, at);
  const delta = Math.abs(observation.deltaCents ?? 0);
  const rowPrice = Math.max(Math.abs(observation.rowPriceCents ?? 0), 100);
  const priceToRate =
    observation.unitPriceCents !== null &&
    observation.contractUnitCents !== null &&
    observation.contractUnitCents > 0
      ? observation.unitPriceCents / observation.contractUnitCents
      : 1;
  return [
    Math.log10(1 + delta / 100),
    clip(delta / rowPrice, 0, 10),
    clip(priceToRate, 0, 10),
    clip(robustZ(baselines, observation.cu, observation.unitPriceCents), -20, 20),
    Math.log1p(observation.hoursAfterClose),
    observation.localHour,
    observation.localWeekday,
    Math.log1p(past.changesPerActiveDay),
    past.newToSheet ? 1 : 0,
    Math.log1p(past.changesLastHour),
    FIELD_CODES[observation.field],
  ];
}

/** The activity an observation adds to an editor history. */
export function activityOf(observation: ChangeObservation) {
  return { editor: observation.editor, sheetId: observation.sheetId, at: Date.parse(observation.changedAt) };
}
