import { describe, expect, it } from 'vitest';
import type { AuditFinding } from '../audit/audit-finding.js';
import { findingsFor } from '../audit/findings-for-change.js';
import {
  AFTER_CLOSE,
  AUTOMATION,
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRateTable,
  buildRowCreated,
  PAT,
} from '../audit/testing/build-attributed-change.js';
import { TEST_SHEET_ID } from '../testing/build-billing-row.js';
import { changeIdOf, maxSeverityOf, observeChange } from './change-observation.js';

const context = buildAuditContext();

function finding(code: AuditFinding['code'], severity: AuditFinding['severity']): AuditFinding {
  return {
    code,
    severity,
    deltaCents: null,
    weekEnding: null,
    isHistorical: false,
    issueDescription: '',
    suggestedFix: '',
    reasons: [],
    details: {},
  };
}

describe('observeChange', () => {
  it('keeps one change id per change, another for another revision', () => {
    const first = observeChange(buildCellChange('price', '$50.95', { revision: 'r1' }), [], context);
    const again = observeChange(buildCellChange('price', '$50.95', { revision: 'r1' }), [], context);
    const next = observeChange(buildCellChange('price', '$50.95', { revision: 'r2' }), [], context);
    expect(again.changeId).toBe(first.changeId);
    expect(next.changeId).not.toBe(first.changeId);
    expect(first.changeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.changeId).toBe(
      changeIdOf({ sheetId: TEST_SHEET_ID, rowId: first.rowId, columnName: 'price', revision: 'r1' }),
    );
  });

  it('reads the local hour and weekday in America/Chicago', () => {
    // 15:00Z is 10:00 CDT; AFTER_CLOSE is a Monday, BEFORE_CLOSE a Friday.
    expect(observeChange(buildCellChange('pole', 'P-2'), [], context)).toMatchObject({
      localHour: 10,
      localWeekday: 0,
    });
    const friday = observeChange(buildCellChange('pole', 'P-2', { changedAt: BEFORE_CLOSE }), [], context);
    expect(friday).toMatchObject({ localHour: 10, localWeekday: 4 });
    const lateSunday = buildCellChange('pole', 'P-2', { changedAt: new Date('2025-08-18T04:30:00Z') });
    expect(observeChange(lateSunday, [], context)).toMatchObject({ localHour: 23, localWeekday: 6 });
  });

  it('counts the hours since the touched week closed, 0 in an open week', () => {
    // The week ending 2025-08-17 closed at 2025-08-18T05:00Z; AFTER_CLOSE is ten hours later.
    expect(observeChange(buildCellChange('price', '$50.95'), [], context).hoursAfterClose).toBe(10);
    const open = buildCellChange('price', '$50.95', { changedAt: BEFORE_CLOSE });
    expect(observeChange(open, [], context).hoursAfterClose).toBe(0);
  });

  it('takes the rules and the most severe severity from the findings passed in', () => {
    const change = buildCellChange('price', '$4,595.00');
    const findings = [
      finding('PRICE_OVERRIDE', 'LOW'),
      finding('POST_CLOSE_EDIT', 'HIGH'),
      finding('DATA_QUALITY', 'INFO'),
    ];
    expect(observeChange(change, findings, context)).toMatchObject({
      rules: ['PRICE_OVERRIDE', 'POST_CLOSE_EDIT', 'DATA_QUALITY'],
      maxSeverity: 'HIGH',
    });
    expect(observeChange(change, [], context)).toMatchObject({ rules: [], maxSeverity: null });
    const judged = observeChange(change, findingsFor(change, context), context);
    expect(judged.rules).toContain('POST_CLOSE_EDIT');
  });

  it('records the money, the editor and the row of a price change', () => {
    const o = observeChange(buildCellChange('price', '$50.95'), [], context);
    expect(o).toMatchObject({
      field: 'price',
      columnName: 'price',
      oldValue: '$45.95',
      newValue: '$50.95',
      editor: 'jane@example.com',
      editorHuman: true,
      editorCorrector: false,
      editorAuthorised: true,
      deltaCents: 500,
      rowPriceCents: 4_595,
      unitPriceCents: 5_095,
      contractUnitCents: null,
      cu: 'ALB-6-AUR1',
      workRequest: '89708709',
      weekEnding: '2025-08-17',
      changedAt: AFTER_CLOSE.toISOString(),
      runId: 'run-test',
    });
    expect(o.valueRatio).toBeCloseTo(5_095 / 4_595, 12);
  });

  it('gives the unit price as price ÷ quantity after the change and the contract rate from the rate table', () => {
    const withRates = buildAuditContext({ rateTable: buildRateTable() });
    const o = observeChange(
      buildCellChange('quantity', 3, { rowAfter: { price: '$100.00' } }),
      [],
      withRates,
    );
    expect(o).toMatchObject({ unitPriceCents: 3_333, contractUnitCents: 4_595, valueRatio: 3 });
  });

  it.each([
    ['a price multiplied by ten', buildCellChange('price', '$459.50'), 10],
    ['a quantity halved', buildCellChange('quantity', 2, { row: { quantity: 4 } }), 0.5],
    ['a price made unreadable', buildCellChange('price', 'TBD'), null],
    ['a pole renamed', buildCellChange('pole', 'P-102'), null],
  ])('gives %s the value ratio %s', (_name, change, ratio) => {
    const o = observeChange(change, [], context);
    if (ratio === null) expect(o.valueRatio).toBeNull();
    else expect(o.valueRatio).toBeCloseTo(ratio, 12);
  });

  it('marks automation and correctors, and observes a created row without a column', () => {
    expect(
      observeChange(buildCellChange('weekEnding', '2025-08-24', { editor: AUTOMATION }), [], context),
    ).toMatchObject({
      field: 'weekEnding',
      editorHuman: false,
    });
    expect(
      observeChange(buildCellChange('price', '$1.00', { editor: PAT }), [], context).editorCorrector,
    ).toBe(true);
    const created = observeChange(buildRowCreated(), [], context);
    expect(created).toMatchObject({ field: 'row-created', columnName: null, valueRatio: null });
  });
});

describe('maxSeverityOf', () => {
  it('is the most severe severity, null without findings', () => {
    expect(maxSeverityOf([{ severity: 'LOW' }, { severity: 'CRITICAL' }, { severity: 'MEDIUM' }])).toBe(
      'CRITICAL',
    );
    expect(maxSeverityOf([{ severity: 'INFO' }])).toBe('INFO');
    expect(maxSeverityOf([])).toBeNull();
  });
});
