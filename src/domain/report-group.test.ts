import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BillableRow } from './billable-rule.js';
import { isoDate } from './calendar-date.js';
import { buildReportGroup, OTHER_DATES_TITLE, printedRowValues } from './report-group.js';
import { createReportIdentity } from './report-identity.js';
import { buildBillableRow } from './testing/build-billing-row.js';

const identityResult = createReportIdentity({ workRequest: '89708709', weekEnding: isoDate('2025-08-17') });
if (!identityResult.ok) throw new Error(identityResult.reason);
const identity = identityResult.value;

describe('buildReportGroup (billing-domain.md §2.3)', () => {
  it('makes one block per Snapshot Date of the week ascending, then Other dates', () => {
    const group = buildReportGroup(identity, [
      buildBillableRow({ snapshotDate: '2025-08-13', price: '$10.00' }),
      buildBillableRow({ snapshotDate: undefined, price: '$1.00' }),
      buildBillableRow({ snapshotDate: '2025-08-11', price: '$20.00' }),
      buildBillableRow({ snapshotDate: '2025-08-04', price: '$2.00' }),
      buildBillableRow({ snapshotDate: '2025-08-13', price: '$30.00' }),
    ]);
    expect(group.blocks.map((block) => [block.title, block.rows.length, block.totalCents])).toEqual([
      ['Monday (08/11/2025)', 1, 2000],
      ['Wednesday (08/13/2025)', 2, 4000],
      [OTHER_DATES_TITLE, 2, 300],
    ]);
    expect(group.totalCents).toBe(6300);
    expect(group.rowCount).toBe(5);
    expect(group.header.billingPeriod).toEqual({ start: '2025-08-11', end: '2025-08-17' });
  });

  it('orders rows within a day by sheet and row number', () => {
    const group = buildReportGroup(identity, [
      buildBillableRow({ sheetId: 2, rowNumber: 1, pole: 'c' }),
      buildBillableRow({ sheetId: 1, rowNumber: 9, pole: 'b' }),
      buildBillableRow({ sheetId: 1, rowNumber: 3, pole: 'a' }),
    ]);
    expect(group.rows.map((row) => row.pole)).toEqual(['a', 'b', 'c']);
  });

  it("shows the foreman of the week's most recent Snapshot Date, not another week's", () => {
    const group = buildReportGroup(identity, [
      buildBillableRow({ snapshotDate: '2025-08-12', foreman: 'Early' }),
      buildBillableRow({ snapshotDate: '2025-08-15', foreman: 'Latest' }),
      buildBillableRow({ snapshotDate: '2025-08-20', foreman: 'Next week' }),
      buildBillableRow({ snapshotDate: '2025-08-16', foreman: undefined }),
    ]);
    expect(group.header.foreman).toBe('Latest');
  });

  it('falls back to Unknown Foreman only when no row names one', () => {
    const group = buildReportGroup(identity, [buildBillableRow({ foreman: undefined })]);
    expect(group.header.foreman).toBe('Unknown Foreman');
  });

  it('fills header values from the best-ranked row that has each', () => {
    const group = buildReportGroup(identity, [
      buildBillableRow({ snapshotDate: '2025-08-12', customer: 'Older Co', job: 'J-1' }),
      buildBillableRow({ snapshotDate: '2025-08-15', customer: 'Newer Co', job: undefined }),
    ]);
    expect(group.header).toMatchObject({
      foreman: 'Jane Roe',
      workRequest: '89708709',
      customer: 'Newer Co',
      job: 'J-1',
      scope: 'SC-77',
      workOrder: 'WO-4410',
      dept: '500',
    });
  });

  it('prints the eight detail columns, quantities with decimals or as typed', () => {
    const [decimal, typed] = [
      buildBillableRow({ quantity: '1.5 ft' }),
      buildBillableRow({ quantity: 'lots' }),
    ];
    expect(printedRowValues(decimal)).toEqual([
      'P-101',
      'ALB-6-AUR1',
      'Inst',
      'ALB,6ft Alum Upsweep,Round 1 1/4" Dia',
      'EA',
      1.5,
      'SC-77',
      4595,
    ]);
    expect(printedRowValues(typed)[5]).toBe('lots');
  });

  it('keeps week total = sum of block totals = sum of prices, for any rows (invariant 5)', () => {
    const rowArbitrary = fc
      .record({
        day: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        cents: fc.integer({ min: 1, max: 10_000_000 }),
      })
      .map(({ day, cents }) =>
        buildBillableRow({
          snapshotDate: day === undefined ? undefined : `2025-08-${String(day + 4).padStart(2, '0')}`,
          price: cents / 100,
        }),
      );
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 40 }), (rows: BillableRow[]) => {
        const group = buildReportGroup(identity, rows);
        const blockSum = group.blocks.reduce((sum, block) => sum + block.totalCents, 0);
        const priceSum = rows.reduce((sum, row) => sum + row.priceCents, 0);
        expect(group.totalCents).toBe(blockSum);
        expect(group.totalCents).toBe(priceSum);
        expect(group.rowCount).toBe(rows.length);
        expect(group.blocks.reduce((n, block) => n + block.rows.length, 0)).toBe(rows.length);
        for (const block of group.blocks) {
          expect(block.totalCents).toBe(block.rows.reduce((sum, row) => sum + row.priceCents, 0));
        }
      }),
    );
  });

  it('refuses an empty group', () => {
    expect(() => buildReportGroup(identity, [])).toThrow(RangeError);
  });
});
