// Seed sizes. `demo` is what `ledgerline demo` shows (≈10,000 billing rows); `small` and `tiny` keep tests
// quick; explicit numbers let a benchmark scale up (e.g. 150,000 rows over 90 sheets).
import { hashString } from './seeded-random.js';

export type SeedPresetName = 'demo' | 'small' | 'tiny';

export interface SeedSize {
  sourceSheets: number;
  /** Average billing rows per source sheet (sheets vary ±20 % around it; the total is exact). */
  rowsPerSheet: number;
  workRequests: number;
  /** Closed weeks of history before `now`; the open current week comes on top. */
  weeks: number;
  foremen: number;
  catalogueSize: number;
}

export interface GenerateSeedOptions extends Partial<SeedSize> {
  /** Size preset; defaults to the seed name when it names a preset, else `demo`. */
  preset?: SeedPresetName;
  /** The emulator clock's starting instant (ISO-8601); defaults to one derived from the seed name. */
  now?: string;
}

export const SEED_PRESETS: Readonly<Record<SeedPresetName, SeedSize>> = {
  demo: {
    sourceSheets: 8,
    rowsPerSheet: 1300,
    workRequests: 600,
    weeks: 20,
    foremen: 30,
    catalogueSize: 300,
  },
  small: { sourceSheets: 3, rowsPerSheet: 100, workRequests: 20, weeks: 4, foremen: 6, catalogueSize: 120 },
  tiny: { sourceSheets: 2, rowsPerSheet: 20, workRequests: 6, weeks: 2, foremen: 4, catalogueSize: 40 },
};

function isPresetName(name: string): name is SeedPresetName {
  return Object.hasOwn(SEED_PRESETS, name);
}

/** The size to generate: the preset, overridden field by field by explicit options. */
export function resolveSeedSize(name: string, options: GenerateSeedOptions = {}): SeedSize {
  const preset = SEED_PRESETS[options.preset ?? (isPresetName(name) ? name : 'demo')];
  const size: SeedSize = {
    sourceSheets: options.sourceSheets ?? preset.sourceSheets,
    rowsPerSheet: options.rowsPerSheet ?? preset.rowsPerSheet,
    workRequests: options.workRequests ?? preset.workRequests,
    weeks: options.weeks ?? preset.weeks,
    foremen: options.foremen ?? preset.foremen,
    catalogueSize: options.catalogueSize ?? preset.catalogueSize,
  };
  for (const [key, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`seed option ${key} must be a positive integer`);
  }
  if (size.sourceSheets < 2) {
    throw new RangeError('seed option sourceSheets must be at least 2 (duplicates span sheets)');
  }
  if (size.workRequests < size.sourceSheets) {
    throw new RangeError('seed option workRequests must be at least sourceSheets (every crew works a WR)');
  }
  return size;
}

/** Wednesday 2026-09-16, 10:00 in Chicago: mid-week, so the current week is open and has some rows. */
const ANCHOR_NOW = Date.parse('2026-09-16T15:00:00Z');

/**
 * The seed's clock. Preset names start at the anchor; any other name starts a whole number of weeks
 * earlier (0–155), so different seeds cover different calendars while `now` stays mid-week mid-morning.
 */
export function resolveSeedNow(name: string, options: GenerateSeedOptions = {}): number {
  if (options.now !== undefined) {
    const parsed = Date.parse(options.now);
    if (!Number.isFinite(parsed)) throw new RangeError(`seed option now is not an ISO date: ${options.now}`);
    return Math.floor(parsed / 1000) * 1000;
  }
  if (isPresetName(name)) return ANCHOR_NOW;
  return ANCHOR_NOW - (hashString(name, 7) % 156) * 7 * 86_400_000;
}
