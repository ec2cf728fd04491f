// A synthetic compatible-unit catalogue in the style of a utility's contract rate table
// (billing-domain.md §5): codes such as `POLE-40-2` or `CONDUCTOR-1/0-AL`, a unit of measure, a group and
// install/removal/transfer prices in cents, some of them N/A. Row prices in the seed are rate × quantity.
import type { SeedCompatibleUnit } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';
import { OVERHEAD_UNIT_FAMILIES } from './overhead-unit-families.js';
import { UNDERGROUND_AND_SERVICE_UNIT_FAMILIES } from './underground-unit-families.js';

export type WorkKind = 'install' | 'removal' | 'transfer';

/** How crews spell work types; parsers match by prefix (billing-domain.md §1.3). */
export const WORK_TYPE_SPELLINGS: Readonly<Record<WorkKind, readonly string[]>> = {
  install: ['Inst', 'Install', 'INST', 'Installation'],
  removal: ['Rem', 'Remove', 'Removal', 'REM'],
  transfer: ['Trans', 'Xfr', 'Transfer', 'XFR'],
};

/** The work kind a spelling stands for, by the §1.3 prefixes; undefined when unknown. */
export function workKindOf(spelling: unknown): WorkKind | undefined {
  if (typeof spelling !== 'string') return undefined;
  const text = spelling.trim().toLowerCase();
  if (text.startsWith('inst')) return 'install';
  if (text.startsWith('rem')) return 'removal';
  if (text.startsWith('tran') || text.startsWith('xfr')) return 'transfer';
  return undefined;
}

/** The contract rate in cents for one unit of a kind of work, or undefined when the table says N/A. */
export function rateCents(unit: SeedCompatibleUnit, kind: WorkKind): number | undefined {
  if (kind === 'install') return unit.installCents;
  if (kind === 'removal') return unit.removalCents;
  return unit.transferCents;
}

/**
 * Build the catalogue: every family's codes with prices jittered ±15 % (rounded to 5 cents), a few
 * removal/transfer prices knocked out to N/A, then a deterministic subset of `size` units sorted by code.
 */
export function generateCatalogue(random: SeededRandom, size = 300): SeedCompatibleUnit[] {
  const units: SeedCompatibleUnit[] = [];
  for (const family of [...OVERHEAD_UNIT_FAMILIES, ...UNDERGROUND_AND_SERVICE_UNIT_FAMILIES]) {
    for (const [cu, description, installDollars] of family.codes) {
      const jitter = 0.85 + random.next() * 0.3;
      const installCents = roundToNickel(installDollars * 100 * jitter);
      const unit: SeedCompatibleUnit = {
        cu,
        description,
        uom: family.uom,
        group: family.group,
        installCents,
      };
      if (family.removal > 0 && random.chance(0.93))
        unit.removalCents = roundToNickel(installCents * family.removal);
      if (family.transfer > 0 && random.chance(0.9))
        unit.transferCents = roundToNickel(installCents * family.transfer);
      units.push(unit);
    }
  }
  const chosen = units.length > size ? random.shuffle(units).slice(0, size) : units;
  return chosen.sort((a, b) => (a.cu < b.cu ? -1 : a.cu > b.cu ? 1 : 0));
}

function roundToNickel(cents: number): number {
  return Math.max(5, Math.round(cents / 5) * 5);
}
