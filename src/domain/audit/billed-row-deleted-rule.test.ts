import { describe, expect, it } from 'vitest';
import { billedRowDeletedRule } from './billed-row-deleted-rule.js';
import {
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRowDeleted,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('BILLED_ROW_DELETED', () => {
  it.each([
    ['a $45.95 billed row', buildRowDeleted(), 'HIGH'],
    ['a $9,999.99 billed row', buildRowDeleted({ row: { price: '$9,999.99' } }), 'HIGH'],
    ['a $10,000.00 billed row', buildRowDeleted({ row: { price: '$10,000.00' } }), 'CRITICAL'],
    ['a row never completed', buildRowDeleted({ row: { completed: false } }), undefined],
    ['a row with a zero price', buildRowDeleted({ row: { price: '$0.00' } }), undefined],
    ['a row of an open week', buildRowDeleted({ changedAt: BEFORE_CLOSE }), undefined],
    ['a cell change', buildCellChange('price', '$0.00'), undefined],
  ])('%s', (_name, change, severity) => {
    expect(billedRowDeletedRule(change, context)?.severity).toBe(severity);
  });

  it('takes the price off the closed week', () => {
    const finding = billedRowDeletedRule(buildRowDeleted(), context);
    expect(finding).toMatchObject({ deltaCents: -4595, weekEnding: '2025-08-17', isHistorical: true });
    expect(finding?.issueDescription).toBe(
      'Billable row 12 of "Crew A Billing" (WR 89708709), 1 × ALB-6-AUR1 at pole P-101 for $45.95 in the week ending 08/17/2025, was deleted after the week closed (deleted by an unknown editor); impact -$45.95.',
    );
  });
});
