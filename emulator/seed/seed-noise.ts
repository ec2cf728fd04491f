// The data-quality problems real crew sheets have, planted a few of each on rows of closed weeks:
// unparseable or zero prices, off-rate prices, missing foremen or Work Requests, non-Sunday week endings,
// `#NO MATCH` lookups, units left unchecked, blank / very old / future dates, and the same unit typed
// into two crews' sheets. Each victim is tagged so tests and benchmarks know the ground truth.
import type { BillingUnit, SheetCrew } from './billing-units.js';
import type { SeedWeek } from './seed-calendar.js';
import type { SeedNoiseKind } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';
import { displayName } from './seed-people.js';
import { addDays, weekClosesAt, zonedParts } from './zoned-time.js';

export interface NoiseInput {
  /** Units per live source sheet; duplicates are appended to the sheet they are copied into. */
  unitsBySheet: BillingUnit[][];
  weeks: readonly SeedWeek[];
  crews: readonly SheetCrew[];
  nowMs: number;
  /** How many rows get each kind of problem. */
  perKind: number;
}

const UNPARSEABLE_PRICES = ['TBD', '$12.3.4', 'see notes', '1,2,3.00'];

/** Plant every kind of noise; mutates the units in place. */
export function plantNoise(input: NoiseInput, random: SeededRandom): void {
  const { weeks, perKind, nowMs } = input;
  const candidates = random.shuffle(
    input.unitsBySheet.flat().filter((unit) => weeks[unit.week]?.closed === true),
  );
  const take = (): BillingUnit | undefined => {
    for (let unit = candidates.pop(); unit; unit = candidates.pop()) if (!unit.noise) return unit;
    return undefined;
  };
  const today = zonedParts(nowMs).date;

  const edits: Record<Exclude<SeedNoiseKind, 'duplicate_unit'>, (unit: BillingUnit) => void> = {
    unparseable_price: (unit) => {
      unit.values.price = random.pick(UNPARSEABLE_PRICES);
    },
    zero_price: (unit) => {
      unit.values.price = 0;
    },
    price_rate_mismatch: (unit) => {
      // An outdated or mistyped rate: off by far more than the rule's $0.02 / 0.5 % tolerance.
      unit.values.price = Math.round(unit.priceCents * random.pick([1.08, 1.15, 0.9])) / 100;
    },
    missing_foreman: (unit) => {
      delete unit.values.foreman;
    },
    missing_work_request: (unit) => {
      delete unit.values.workRequest;
    },
    non_sunday_week_ending: (unit) => {
      unit.values.weekEnding = addDays(weeks[unit.week]?.weekEnding ?? today, -random.int(1, 2));
    },
    cu_no_match: (unit) => {
      unit.values.cu = '#NO MATCH';
      unit.values.description = '#NO MATCH';
    },
    not_completed: (unit) => {
      unit.values.completed = false;
    },
    blank_snapshot_date: (unit) => {
      delete unit.values.snapshotDate;
    },
    very_old_date: (unit) => {
      // 574 weeks is about eleven years: still a Sunday, and beyond the rule's ten-year horizon.
      unit.values.weekEnding = addDays(weeks[unit.week]?.weekEnding ?? today, -7 * 574);
    },
    future_date: (unit) => {
      unit.values.snapshotDate = addDays(today, random.int(20, 60));
    },
  };

  for (const [kind, edit] of Object.entries(edits) as [SeedNoiseKind, (unit: BillingUnit) => void][]) {
    for (let i = 0; i < perKind; i += 1) {
      const unit = take();
      if (!unit) return;
      edit(unit);
      unit.noise = kind;
    }
  }
  plantDuplicates(input, take, random);
}

/** Copy clean units into another crew's sheet, as when two crews both bill the same pole's work. */
function plantDuplicates(input: NoiseInput, take: () => BillingUnit | undefined, random: SeededRandom): void {
  const sheetCount = input.unitsBySheet.length;
  for (let i = 0; i < input.perKind; i += 1) {
    const original = take();
    if (!original) return;
    const target =
      original.workRequest.otherSheet ?? (original.sheet + random.int(1, sheetCount - 1)) % sheetCount;
    const crew = input.crews[target];
    const week = input.weeks[original.week];
    if (!crew || !week) continue;
    const latest = Math.min(weekClosesAt(week.weekEnding) - 3_600_000, input.nowMs - 3_600_000);
    const createdAt = Math.min(original.createdAt + random.int(2, 30) * 3_600_000, latest);
    const creator = random.chance(0.6) ? random.pick(crew.foremen) : random.pick(crew.clerks);
    const number = original.workRequest.number;
    const duplicate: BillingUnit = {
      ...original,
      sheet: target,
      values: {
        ...original.values,
        // Typed by the other crew: their own habits for the WR number and the foreman column.
        workRequest: crew.style.workRequestAs === 'number' ? number : String(number),
        foreman: crew.foremanAsContact ? original.foreman.email : displayName(original.foreman),
      },
      createdAt: Math.max(createdAt, original.createdAt),
      modifiedAt: Math.max(createdAt, original.createdAt),
      createdBy: creator.email,
      modifiedBy: creator.email,
      noise: 'duplicate_unit',
      duplicateOf: original,
    };
    const targetUnits = input.unitsBySheet[target];
    targetUnits?.push(duplicate);
    targetUnits?.sort((a, b) => a.createdAt - b.createdAt);
  }
}
