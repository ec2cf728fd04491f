import { describe, expect, it } from 'vitest';
import { BILLING_FIELDS } from './billing-field.js';
import { DEFAULT_COLUMN_SYNONYMS, mapColumns, normaliseColumnTitle } from './column-mapping.js';
import { buildSheetColumns } from './testing/build-billing-row.js';

describe('normaliseColumnTitle', () => {
  it.each([
    ['Units Completed?', 'unitscompleted'],
    ['units_completed', 'unitscompleted'],
    ['Work Request #', 'workrequest'],
    ['WORK-REQUEST', 'workrequest'],
    ['  Pole # ', 'pole'],
    ['# Units', 'units'],
  ])('%j → %j', (title, normalised) => {
    expect(normaliseColumnTitle(title)).toBe(normalised);
  });
});

describe('mapColumns', () => {
  it('has default synonyms for every billing field', () => {
    for (const field of BILLING_FIELDS) expect(DEFAULT_COLUMN_SYNONYMS[field].length).toBeGreaterThan(0);
  });

  it('maps every field of a sheet titled with the defaults', () => {
    const mapping = mapColumns(buildSheetColumns());
    expect(Object.keys(mapping.columnIds)).toHaveLength(BILLING_FIELDS.length);
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.missingOptional).toEqual([]);
  });

  it('matches titles that differ in case, spacing and punctuation', () => {
    const mapping = mapColumns([
      { id: 1, title: 'WORK_REQUEST' },
      { id: 2, title: 'weekly reference-logged date' },
      { id: 3, title: 'Units Completed' },
    ]);
    expect(mapping.columnIds).toEqual({ workRequest: 1, weekEnding: 2, completed: 3 });
    expect(mapping.columnTitles.workRequest).toBe('WORK_REQUEST');
  });

  it('prefers the higher-priority synonym wherever the columns sit', () => {
    const mapping = mapColumns([
      { id: 1, title: 'Redlined Total Price' },
      { id: 2, title: 'Total Price' },
      { id: 3, title: 'Units Total Price' },
      { id: 4, title: 'Qty' },
      { id: 5, title: '# Units' },
    ]);
    expect(mapping.columnIds.price).toBe(3);
    expect(mapping.columnIds.quantity).toBe(4);
  });

  it('takes the leftmost of two columns with the same normalised title', () => {
    expect(
      mapColumns([
        { id: 7, title: 'Foreman' },
        { id: 8, title: 'FOREMAN' },
      ]).columnIds.foreman,
    ).toBe(7);
  });

  it('reports missing required and optional fields separately', () => {
    const mapping = mapColumns([
      { id: 1, title: 'Work Request #' },
      { id: 2, title: 'CU' },
    ]);
    expect(mapping.missingRequired).toEqual(['weekEnding']);
    expect(mapping.missingOptional).toContain('price');
    expect(mapping.missingOptional).not.toContain('cu');
  });

  it('lets configuration replace a synonym list, or turn a field off', () => {
    const columns = [
      { id: 1, title: 'WR Number' },
      { id: 2, title: 'Work Request #' },
      { id: 3, title: 'Area' },
    ];
    const mapping = mapColumns(columns, { workRequest: ['WR Number'], area: [] });
    expect(mapping.columnIds.workRequest).toBe(1);
    expect(mapping.columnIds.area).toBeUndefined();
    expect(mapping.missingOptional).toContain('area');
  });
});
