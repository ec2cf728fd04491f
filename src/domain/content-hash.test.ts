import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillingRow } from './billing-row.js';
import { contentHash } from './content-hash.js';
import { groupBillableRows } from './report-grouping.js';
import { buildBillableRow } from './testing/build-billing-row.js';

function hashOf(rows: ReturnType<typeof buildBillableRow>[]): string {
  const [group, ...others] = groupBillableRows(rows).groups;
  if (!group || others.length > 0) throw new Error('expected exactly one group');
  return contentHash(group);
}

function weekRows(changes: Partial<BillingRow> = {}) {
  return [
    buildBillableRow({ rowId: 1, snapshotDate: '2025-08-11' }),
    buildBillableRow({ rowId: 2, snapshotDate: '2025-08-12', pole: 'P-7', quantity: 2, price: '$91.90' }),
    buildBillableRow({ rowId: 3, snapshotDate: undefined, ...changes }),
  ];
}

describe('contentHash (billing-domain.md §2.2)', () => {
  it('is a SHA-256 hex digest', () => {
    expect(hashOf(weekRows())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order rows were read in', () => {
    const rows = [
      ...weekRows(),
      ...Array.from({ length: 8 }, (_, i) =>
        buildBillableRow({ rowId: 10 + i, snapshotDate: `2025-08-1${i % 7}`, price: i + 1 }),
      ),
    ];
    const expected = hashOf(rows);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        (shuffled) => {
          expect(hashOf(shuffled)).toBe(expected);
        },
      ),
    );
  });

  it.each([
    { pole: 'P-999' },
    { cu: 'ALB-C-S-1-F' },
    { workType: 'Install' },
    { description: 'Changed description' },
    { uom: 'FT' },
    { quantity: 1.5 },
    { quantity: 'lots' },
    { scope: 'SC-78' },
    { price: '$45.96' },
    { snapshotDate: '2025-08-13' },
    { foreman: 'Someone Else', snapshotDate: '2025-08-16' },
    { customer: 'Other Co', snapshotDate: '2025-08-16' },
    { job: 'J-9', snapshotDate: '2025-08-16' },
    { dept: '600', snapshotDate: '2025-08-16' },
    { workOrder: 'WO-1', snapshotDate: '2025-08-16' },
  ] as Partial<BillingRow>[])('changes when a printed field changes: %j', (changes) => {
    expect(hashOf(weekRows(changes))).not.toBe(hashOf(weekRows()));
  });

  it('changes with the row count, even when the total stays the same', () => {
    const base = weekRows();
    const withFreeRow = [...base, buildBillableRow({ rowId: 4, price: '$0.01' })];
    expect(hashOf(withFreeRow)).not.toBe(hashOf(base));
  });

  it('changes with the identity: the same rows in another week', () => {
    const moved = weekRows().map((row) => ({ ...row, weekEnding: '2025-08-24' as typeof row.weekEnding }));
    expect(hashOf(moved)).not.toBe(hashOf(weekRows()));
  });

  it('ignores what is not printed: area, modifiedAt, a quantity typed with its unit', () => {
    const base = hashOf(weekRows());
    expect(
      hashOf(weekRows({ area: 'Elsewhere', modifiedAt: '2026-01-01T00:00:00Z', quantity: '1 EA' })),
    ).toBe(base);
  });
});
