import { describe, expect, it } from 'vitest';
import { buildBillableRow, TEST_SHEET_ID } from '../testing/build-billing-row.js';
import { duplicateUnitEvents, duplicateUnitFindings } from './duplicate-unit-rule.js';
import { buildAuditContext } from './testing/build-attributed-change.js';

const context = buildAuditContext();
const OTHER_SHEET = TEST_SHEET_ID + 1;

describe('DUPLICATE_UNIT', () => {
  it('flags the second row that bills the same WR, week, pole and CU on another sheet', () => {
    const original = buildBillableRow({ rowId: 10, rowNumber: 3 });
    const repeat = buildBillableRow({
      sheetId: OTHER_SHEET,
      rowId: 5,
      rowNumber: 8,
      pole: ' p-101 ',
      cu: 'alb-6-aur1',
    });
    const findings = duplicateUnitFindings([repeat, original], context);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'DUPLICATE_UNIT',
      severity: 'MEDIUM',
      deltaCents: 4595,
      weekEnding: '2025-08-17',
      isHistorical: true,
      row: { sheetId: OTHER_SHEET, rowId: 5 },
      duplicateOf: { sheetId: TEST_SHEET_ID, rowId: 10 },
    });
  });

  it.each([
    ['another pole', { pole: 'P-102' }],
    ['another CU', { cu: 'ALB-8-AUR1' }],
    ['another week', { weekEnding: '2025-08-24', snapshotDate: '2025-08-18' }],
    ['another Work Request', { workRequest: '89708710' }],
    ['no pole', { pole: undefined }],
  ])('does not flag rows with %s', (_name, overrides) => {
    const rows = [buildBillableRow({ rowId: 1 }), buildBillableRow({ rowId: 2, ...overrides })];
    expect(duplicateUnitFindings(rows, context)).toEqual([]);
  });

  it('flags every repeat of a group once, against the first row', () => {
    const rows = [3, 1, 2].map((rowId) => buildBillableRow({ rowId }));
    const findings = duplicateUnitFindings(rows, context);
    expect(findings.map((f) => [f.row.rowId, f.duplicateOf.rowId])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });

  it('stores the same events each run, so the store keeps them once', () => {
    const rows = [buildBillableRow({ rowId: 1 }), buildBillableRow({ rowId: 2 })];
    const sheets = {
      names: new Map([[TEST_SHEET_ID, 'Crew A Billing']]),
      permalinks: new Map([[TEST_SHEET_ID, 'https://s.test/a']]),
    };
    const once = duplicateUnitEvents(duplicateUnitFindings(rows, context, sheets), context, sheets);
    const again = duplicateUnitEvents(duplicateUnitFindings(rows, context, sheets), context, sheets);
    expect(once).toEqual(again);
    expect(once[0]).toMatchObject({
      violationType: 'DUPLICATE_UNIT',
      rowId: 2,
      columnName: null,
      changedBy: null,
      sheetReference: 'https://s.test/a?rowId=2',
    });
    expect(once[0]?.issueDescription).toBe(
      'Row 2 of "Crew A Billing" (WR 89708709) bills 1 × ALB-6-AUR1 at pole P-101 for $45.95 in the week ending 08/17/2025, but row 1 of "Crew A Billing" already bills the same Work Request, week, pole and CU: $45.95 may be billed twice.',
    );
  });
});
