// Which kind of edit comes next. A share `plantRate` of edits is suspicious, spread evenly over the
// planted kinds; the rest is ordinary work. When a kind has nothing to act on (no billed row left, no
// open-week row yet), the next kind in the returned order is tried.
import type { SeededRandom } from '../seed/seeded-random.js';
import { planBenignAdd, planBenignCompletion, planBenignCorrection } from './benign-edits.js';
import type { EditPlanner } from './edit-plan.js';
import type { BenignKind, EditKind, PlantedKind } from './ground-truth-label.js';
import { BENIGN_KINDS, PLANTED_KINDS } from './ground-truth-label.js';
import {
  planBilledRowDeleted,
  planDuplicateUnit,
  planOffHoursEdit,
  planPostClosePriceIncrease,
  planPostCloseQuantityBump,
  planUnauthorizedEdit,
  planWeekRestamp,
} from './planted-edits.js';

export const PLANNERS: Readonly<Record<EditKind, EditPlanner>> = {
  benign_add: planBenignAdd,
  benign_correction: planBenignCorrection,
  benign_completion: planBenignCompletion,
  post_close_price_increase: planPostClosePriceIncrease,
  post_close_quantity_bump: planPostCloseQuantityBump,
  billed_row_deleted: planBilledRowDeleted,
  week_restamp: planWeekRestamp,
  duplicate_unit: planDuplicateUnit,
  unauthorized_editor: planUnauthorizedEdit,
  off_hours_edit: planOffHoursEdit,
};

const BENIGN_WEIGHTS: readonly (readonly [BenignKind, number])[] = [
  ['benign_add', 50],
  ['benign_correction', 25],
  ['benign_completion', 25],
];

/** When the edit happens: 2–4 AM local for off-hours edits, working hours for everything else. */
export function timingOf(kind: EditKind): 'working' | 'off_hours' {
  return kind === 'off_hours_edit' ? 'off_hours' : 'working';
}

/** The kinds to try for the next edit, in order: the drawn kind first, then the others of its class. */
export function kindsToTry(random: SeededRandom, plantRate: number): EditKind[] {
  if (random.chance(plantRate)) {
    const first: PlantedKind = random.pick(PLANTED_KINDS);
    return [first, ...random.shuffle(PLANTED_KINDS.filter((kind) => kind !== first))];
  }
  const first = random.weighted(BENIGN_WEIGHTS);
  return [first, ...random.shuffle(BENIGN_KINDS.filter((kind) => kind !== first))];
}
