import { describe, expect, it } from 'vitest';
import { generateCatalogue, rateCents, WORK_TYPE_SPELLINGS, workKindOf } from './compatible-units.js';
import { SeededRandom } from './seeded-random.js';

describe('compatible-unit catalogue', () => {
  const catalogue = generateCatalogue(new SeededRandom('catalogue-test'), 300);

  it('has about 300 unique units in utility CU style with a unit of measure and group', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(280);
    expect(new Set(catalogue.map((u) => u.cu)).size).toBe(catalogue.length);
    expect(catalogue.every((u) => /^[A-Z0-9]+(-[A-Z0-9./]+)+$/.test(u.cu))).toBe(true);
    for (const code of ['POLE-40-2', 'ALB-6-AUR1', 'XFMR-OH-25KVA', 'CONDUCTOR-1/0-AL', 'GUY-ANCH-8']) {
      expect(catalogue.map((u) => u.cu)).toContain(code);
    }
    expect(new Set(catalogue.map((u) => u.uom))).toEqual(new Set(['EA', 'FT', 'LF', 'SET', 'SY']));
  });

  it('prices installs always and removals/transfers except where N/A', () => {
    expect(catalogue.every((u) => (u.installCents ?? 0) > 0)).toBe(true);
    expect(catalogue.some((u) => u.removalCents === undefined)).toBe(true);
    expect(catalogue.some((u) => u.transferCents !== undefined)).toBe(true);
    const pole = catalogue.find((u) => u.cu === 'POLE-40-2')!;
    expect(rateCents(pole, 'install')).toBe(pole.installCents);
  });

  it('reads every work-type spelling back to its kind', () => {
    for (const [kind, spellings] of Object.entries(WORK_TYPE_SPELLINGS)) {
      for (const spelling of spellings) expect(workKindOf(spelling)).toBe(kind);
    }
    expect(workKindOf('Splice')).toBeUndefined();
  });

  it('is reproducible from the random seed', () => {
    expect(generateCatalogue(new SeededRandom('catalogue-test'), 300)).toEqual(catalogue);
    expect(generateCatalogue(new SeededRandom('catalogue-test'), 50)).toHaveLength(50);
  });
});
