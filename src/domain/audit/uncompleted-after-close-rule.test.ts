import { describe, expect, it } from 'vitest';
import { uncompletedAfterCloseRule } from './uncompleted-after-close-rule.js';
import { BEFORE_CLOSE, buildAuditContext, buildCellChange } from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('UNCOMPLETED_AFTER_CLOSE', () => {
  it.each([
    ['$45.95 unchecked', buildCellChange('completed', false), 'LOW'],
    ['"no" typed over a check', buildCellChange('completed', 'no'), 'LOW'],
    ['$100.01 unchecked', buildCellChange('completed', false, { row: { price: '$100.01' } }), 'MEDIUM'],
    ['$5,000 unchecked', buildCellChange('completed', false, { row: { price: '$5,000.00' } }), 'HIGH'],
    ['$10,000 unchecked', buildCellChange('completed', false, { row: { price: '$10,000.00' } }), 'CRITICAL'],
    [
      'unchecked in an open week',
      buildCellChange('completed', false, { changedAt: BEFORE_CLOSE }),
      undefined,
    ],
    [
      'checked rather than unchecked',
      buildCellChange('completed', true, { row: { completed: false } }),
      undefined,
    ],
    [
      'a row that was never billable',
      buildCellChange('completed', false, { row: { price: '$0.00' } }),
      undefined,
    ],
    ['another field', buildCellChange('price', '$1.00'), undefined],
  ])('%s', (_name, change, severity) => {
    expect(uncompletedAfterCloseRule(change, context)?.severity).toBe(severity);
  });

  it('takes the price off the billed week', () => {
    const finding = uncompletedAfterCloseRule(
      buildCellChange('completed', false, { columnName: 'Units Completed?' }),
      context,
    );
    expect(finding).toMatchObject({ deltaCents: -4595, weekEnding: '2025-08-17' });
    expect(finding?.issueDescription).toBe(
      'Jane Roe (jane@example.com) unchecked Units Completed? on row 12 of "Crew A Billing" (WR 89708709) after the week ending 08/17/2025 was billed; impact -$45.95.',
    );
  });
});
