import { describe, expect, it } from 'vitest';
import { findingsFor } from './findings-for-change.js';
import {
  AUTOMATION,
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRateTable,
  buildRowCreated,
  buildRowDeleted,
  JANE,
  MALLORY,
  PAT,
} from './testing/build-attributed-change.js';

const context = buildAuditContext({ rateTable: buildRateTable() });
const codesOf = (change: Parameters<typeof findingsFor>[0]) =>
  findingsFor(change, context).map((f) => f.code);

describe('findingsFor', () => {
  it('raises nothing for a benign in-week edit by an authorised editor', () => {
    // Open week, Jane is on the sheet's list, the quantity and price stay on the contract rate.
    const change = buildCellChange('quantity', 2, {
      editor: JANE,
      changedAt: BEFORE_CLOSE,
      rowAfter: { price: '$91.90' },
    });
    expect(findingsFor(change, context)).toEqual([]);
  });

  it('raises nothing for a benign new row in an open week', () => {
    expect(findingsFor(buildRowCreated({ changedAt: BEFORE_CLOSE }), context)).toEqual([]);
  });

  it('raises every finding that applies to one change', () => {
    const change = buildCellChange('price', '$4,595.00', { editor: MALLORY });
    expect(codesOf(change)).toEqual([
      'POST_CLOSE_EDIT',
      'PRICE_RATE_MISMATCH',
      'PRICE_OVERRIDE',
      'UNAUTHORIZED_EDITOR',
    ]);
    expect(findingsFor(change, context).map((f) => f.severity)).toEqual(['HIGH', 'HIGH', 'MEDIUM', 'HIGH']);
  });

  it('records a corrector’s post-close fix as AUTHORIZED_CORRECTION only', () => {
    expect(codesOf(buildCellChange('price', '$45.95', { editor: PAT, row: { price: '$50.00' } }))).toEqual([
      'AUTHORIZED_CORRECTION',
      'PRICE_OVERRIDE',
    ]);
  });

  it('lets UNCOMPLETED_AFTER_CLOSE stand in for POST_CLOSE_EDIT', () => {
    expect(codesOf(buildCellChange('completed', false))).toEqual(['UNCOMPLETED_AFTER_CLOSE']);
  });

  it('judges an automation re-stamp of a billed week as WEEK_MOVED, marked non-human', () => {
    const change = buildCellChange('snapshotDate', '2025-08-18', { editor: AUTOMATION });
    const findings = findingsFor(change, context);
    expect(findings.map((f) => f.code)).toEqual(['WEEK_MOVED', 'UNAUTHORIZED_EDITOR']);
    expect(findings[0]?.details['automationRestamp']).toBe(true);
  });

  it('keeps the corrector’s note beside a week move', () => {
    expect(codesOf(buildCellChange('weekEnding', '2025-08-24', { editor: PAT }))).toEqual([
      'AUTHORIZED_CORRECTION',
      'WEEK_MOVED',
    ]);
  });

  it('flags a billed row deleted by an unknown editor', () => {
    expect(codesOf(buildRowDeleted())).toEqual(['BILLED_ROW_DELETED', 'UNAUTHORIZED_EDITOR']);
  });
});
