// Billing units: one completed unit of work each, as a foreman or clerk would type it into a crew's sheet.
// Prices are the contract rate of the unit's work type times the quantity, so a rate table finds clean
// rows consistent; noise is added afterwards by seed-noise.ts.
import type { BillingField } from './billing-vocabulary.js';
import type { WorkKind } from './compatible-units.js';
import { rateCents, WORK_TYPE_SPELLINGS } from './compatible-units.js';
import type { SeedWeek } from './seed-calendar.js';
import type { CellValue, SeedCompatibleUnit, SeedNoiseKind, SeedUser } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';
import { displayName } from './seed-people.js';
import type { SheetStyle, SourceLayout } from './source-columns.js';
import type { WorkRequest } from './work-requests.js';
import { addDays, weekClosesAt, zonedTimeToUtc } from './zoned-time.js';

export interface BillingUnit {
  sheet: number;
  week: number;
  workRequest: WorkRequest;
  /** Who did the work (the Foreman cell may be blanked by noise). */
  foreman: SeedUser;
  values: Partial<Record<BillingField, CellValue>>;
  /** The contract price in cents before any noise (rate × quantity). */
  priceCents: number;
  notes?: string;
  createdAt: number;
  modifiedAt: number;
  createdBy: string;
  modifiedBy: string;
  noise?: SeedNoiseKind;
  duplicateOf?: BillingUnit;
}

export interface SheetCrew {
  foremen: readonly SeedUser[];
  clerks: readonly SeedUser[];
  foremanAsContact: boolean;
  style: SheetStyle;
}

/** The crew of a source sheet, with the habits its layout gave it. */
export function sheetCrew(
  layout: SourceLayout,
  foremen: readonly SeedUser[],
  clerks: readonly SeedUser[],
): SheetCrew {
  return {
    foremen,
    clerks,
    foremanAsContact: layout.fields.foreman?.type === 'CONTACT_LIST',
    style: layout.style,
  };
}

export interface UnitGenerationInput {
  sheet: number;
  rows: number;
  weeks: readonly SeedWeek[];
  /** WRs worked on this sheet, per week index. */
  workRequestsByWeek: readonly (readonly WorkRequest[])[];
  crew: SheetCrew;
  catalogue: readonly SeedCompatibleUnit[];
  nowMs: number;
  /** (WR, week, pole, CU) keys already used anywhere: accidental duplicates would blur the ground truth. */
  unitKeys: Set<string>;
}

const NOTES = [
  'Replaced per redline',
  'Customer requested relocation',
  'Storm damage',
  'Access via alley',
  'Traffic control required',
  'Re-framed, see photos',
];

const WORK_KINDS: readonly (readonly [WorkKind, number])[] = [
  ['install', 70],
  ['removal', 20],
  ['transfer', 10],
];

export function unitKey(workRequest: number, weekEnding: string, pole: CellValue, cu: CellValue): string {
  return `${workRequest}|${weekEnding}|${String(pole)}|${String(cu)}`;
}

/** Quantity in the unit's measure: counts for EA/SET, feet or yards for length and area units. */
function drawQuantity(random: SeededRandom, uom: string): number {
  if (uom === 'EA')
    return random.weighted([
      [1, 60],
      [random.int(2, 4), 30],
      [random.int(5, 12), 10],
    ]);
  if (uom === 'SET') return random.int(1, 3);
  if (uom === 'SY') return random.int(4, 120);
  return random.int(5, 160) * 5;
}

export function formatDollars(cents: number): string {
  const [whole = '0', fraction = '00'] = (Math.abs(cents) / 100).toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The pole label as this crew writes it. */
export function poleLabel(style: SheetStyle, pole: number): CellValue {
  return style.poleFormat === 'prefixed' ? `P-${pole}` : pole;
}

/** Generate `rows` units for one source sheet, oldest week first. */
export function generateUnits(input: UnitGenerationInput, random: SeededRandom): BillingUnit[] {
  const { weeks, crew, catalogue, nowMs } = input;
  const weekChoices = weeks
    .map((week, index): [number, number] => [
      index,
      (input.workRequestsByWeek[index]?.length ?? 0) > 0 ? week.weight : 0,
    ])
    .filter(([, weight]) => weight > 0);
  if (weekChoices.length === 0) return [];

  const units: BillingUnit[] = [];
  for (let n = 0; n < input.rows; n += 1) {
    const weekIndex = random.weighted(weekChoices);
    const week = weeks[weekIndex] as SeedWeek;
    const wr = random.pick(input.workRequestsByWeek[weekIndex] ?? []);
    const snapshotDate = random.weighted(week.days);

    let unit: SeedCompatibleUnit = random.pick(catalogue);
    let pole = wr.firstPole + random.int(0, 40);
    for (
      let tries = 0;
      input.unitKeys.has(unitKey(wr.number, week.weekEnding, pole, unit.cu)) && tries < 50;
      tries += 1
    ) {
      unit = random.pick(catalogue);
      pole = wr.firstPole + random.int(0, 80);
    }
    // Keyed by the bare pole number, so `P-123` on one sheet and `123` on another still count as one unit.
    input.unitKeys.add(unitKey(wr.number, week.weekEnding, pole, unit.cu));
    const poleValue = poleLabel(crew.style, pole);

    let kind = random.weighted(WORK_KINDS);
    let rate = rateCents(unit, kind);
    if (rate === undefined) {
      kind = 'install';
      rate = unit.installCents ?? 100;
    }
    const quantity = drawQuantity(random, unit.uom);
    const priceCents = Math.round(rate * quantity);

    const foremen = crew.foremen;
    const lead = foremen[wr.number % foremen.length] as SeedUser;
    const foreman = random.chance(0.85) ? lead : random.pick(foremen);
    const spellings = WORK_TYPE_SPELLINGS[kind];
    const workType = random.chance(0.9)
      ? (spellings[crew.style.workTypeSpelling] as string)
      : random.pick(spellings);

    const values: Partial<Record<BillingField, CellValue>> = {
      workRequest: workRequestValue(random, crew.style, wr.number),
      weekEnding: week.weekEnding,
      snapshotDate,
      completed: week.closed ? true : random.chance(0.6),
      price: random.chance(0.015) ? formatDollars(priceCents) : priceCents / 100,
      quantity: random.chance(0.04) ? `${quantity} ${unit.uom}` : quantity,
      cu: unit.cu,
      workType,
      description: unit.description,
      uom: unit.uom,
      pole: poleValue,
      foreman: crew.foremanAsContact ? foreman.email : displayName(foreman),
      dept: wr.dept,
      scope: wr.scope,
      workOrder: wr.workOrder,
      job: wr.job,
      customer: wr.customer,
      area: wr.area,
    };

    // Entered at the end of the shift, or next morning; never after the week closed or after `now`.
    const sundayOrOpen = snapshotDate === week.weekEnding || !week.closed;
    const createdAt =
      !sundayOrOpen && random.chance(0.3)
        ? zonedTimeToUtc(addDays(snapshotDate, 1), random.int(7, 9), random.int(0, 59))
        : zonedTimeToUtc(snapshotDate, random.int(15, 19), random.int(0, 59));
    const createdAtMs = Math.min(createdAt + random.int(0, 59) * 1000, nowMs - 3_600_000);
    const createdBy = random.chance(0.7) ? foreman.email : random.pick(crew.clerks).email;
    let modifiedAt = createdAtMs;
    let modifiedBy = createdBy;
    const latestReview = Math.min(weekClosesAt(week.weekEnding) - 1_800_000, nowMs - 300_000);
    if (random.chance(0.35) && latestReview - createdAtMs > 3_600_000) {
      modifiedAt = createdAtMs + random.int(3_600, Math.floor((latestReview - createdAtMs) / 1000)) * 1000;
      modifiedBy = random.chance(0.8) ? random.pick(crew.clerks).email : foreman.email;
    }

    const created: BillingUnit = {
      sheet: input.sheet,
      week: weekIndex,
      workRequest: wr,
      foreman,
      values,
      priceCents,
      createdAt: createdAtMs,
      modifiedAt,
      createdBy,
      modifiedBy,
    };
    if (random.chance(0.05)) created.notes = random.pick(NOTES);
    units.push(created);
  }
  return units.sort((a, b) => a.createdAt - b.createdAt);
}

/** WR numbers as the crew types them: mostly its habit, sometimes the other form, rarely `89708709.0`. */
function workRequestValue(random: SeededRandom, style: SheetStyle, number: number): CellValue {
  if (random.chance(0.01)) return `${number}.0`;
  const asNumber = style.workRequestAs === 'number' ? random.chance(0.9) : random.chance(0.1);
  return asNumber ? number : String(number);
}
