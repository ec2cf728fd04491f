import { describe, expect, it } from 'vitest';
import { weekMovedRule } from './week-moved-rule.js';
import {
  AUTOMATION,
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('WEEK_MOVED', () => {
  it.each([
    ['week ending moved a week later', buildCellChange('weekEnding', '2025-08-24'), 'MEDIUM'],
    ['week ending moved a week earlier', buildCellChange('weekEnding', '2025-08-10'), 'MEDIUM'],
    ['week ending cleared', buildCellChange('weekEnding', undefined), 'MEDIUM'],
    [
      'a $1,000.01 row moved',
      buildCellChange('weekEnding', '2025-08-24', { row: { price: '$1,000.01' } }),
      'HIGH',
    ],
    [
      'a $20,000 row moved',
      buildCellChange('weekEnding', '2025-08-24', { row: { price: '$20,000.00' } }),
      'CRITICAL',
    ],
    ['snapshot date moved into next week', buildCellChange('snapshotDate', '2025-08-19'), 'MEDIUM'],
    [
      'an automation re-stamp',
      buildCellChange('snapshotDate', '2025-08-18', { editor: AUTOMATION }),
      'MEDIUM',
    ],
    [
      'week ending retyped within the week (regrouped the same)',
      buildCellChange('weekEnding', '2025-08-16'),
      undefined,
    ],
    ['snapshot date moved within the week', buildCellChange('snapshotDate', '2025-08-14'), undefined],
    [
      'moved while the week was open',
      buildCellChange('weekEnding', '2025-08-24', { changedAt: BEFORE_CLOSE }),
      undefined,
    ],
    [
      'a row that was not billed',
      buildCellChange('weekEnding', '2025-08-24', { row: { completed: false } }),
      undefined,
    ],
    ['another field', buildCellChange('price', '$1.00'), undefined],
  ])('%s', (_name, change, severity) => {
    expect(weekMovedRule(change, context)?.severity).toBe(severity);
  });

  it('records both weeks and the price leaving the closed one', () => {
    const finding = weekMovedRule(
      buildCellChange('weekEnding', '2025-08-24', { columnName: 'Weekly Reference Logged Date' }),
      context,
    );
    expect(finding).toMatchObject({
      deltaCents: -4595,
      weekEnding: '2025-08-17',
      details: {
        movedBy: 'weekEnding',
        fromWeekEnding: '2025-08-17',
        toWeekEnding: '2025-08-24',
        toWeekClosed: false,
      },
    });
    expect(finding?.issueDescription).toBe(
      'Jane Roe (jane@example.com) changed Weekly Reference Logged Date on row 12 of "Crew A Billing" (WR 89708709) from "2025-08-17" to "2025-08-24", moving $45.95 out of the closed week ending 08/17/2025 into the week ending 08/24/2025; impact -$45.95 for the closed week.',
    );
  });

  it('marks an automation re-stamp as non-human and says to fix the workflow', () => {
    const finding = weekMovedRule(
      buildCellChange('snapshotDate', '2025-08-18', { editor: AUTOMATION }),
      context,
    );
    expect(finding?.details).toMatchObject({
      movedBy: 'snapshotDate',
      automationRestamp: true,
      billedWeekEnding: '2025-08-17',
    });
    expect(finding?.issueDescription).toContain(
      'The automation automation@smartsheet.com changed snapshotDate',
    );
    expect(finding?.suggestedFix).toContain('change the automation');
  });
});
