import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapColumnsToFields } from './billing-vocabulary.js';
import { generateSeed } from './generate-seed.js';
import { seedProblems } from './validate-seed.js';

describe('generateSeed (any name)', () => {
  it('gives a structurally valid seed with mappable source sheets', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (name) => {
        const seed = generateSeed(name, { preset: 'small' });
        expect(seedProblems(seed)).toEqual([]);
        const sources = seed.sheets.filter((sheet) => sheet.role === 'source');
        expect(sources).toHaveLength(3);
        for (const sheet of sources) {
          const mapped = mapColumnsToFields(sheet.columns);
          expect(mapped.workRequest && mapped.weekEnding).toBeDefined();
          expect(sheet.rows.length).toBeGreaterThan(0);
        }
        expect(Date.parse(seed.now)).toBeLessThanOrEqual(Date.parse('2026-09-16T15:00:00Z'));
      }),
      { numRuns: 25 },
    );
  });
});
