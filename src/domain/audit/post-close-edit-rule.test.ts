import { describe, expect, it } from 'vitest';
import { postCloseEditRule } from './post-close-edit-rule.js';
import {
  AFTER_CLOSE,
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRowCreated,
  buildRowDeleted,
  MALLORY,
  PAT,
  UNKNOWN_EDITOR,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('POST_CLOSE_EDIT', () => {
  it.each([
    // The test row bills $45.95 in the week ending 2025-08-17, closed at AFTER_CLOSE.
    ['price +$100.00 exactly', buildCellChange('price', '$145.95'), 'LOW'],
    ['price +$100.01', buildCellChange('price', '$145.96'), 'MEDIUM'],
    ['price +$1,000.00 exactly', buildCellChange('price', '$1,045.95'), 'MEDIUM'],
    ['price +$1,000.01', buildCellChange('price', '$1,045.96'), 'HIGH'],
    ['price +$9,999.99', buildCellChange('price', '$10,045.94'), 'HIGH'],
    ['price +$10,000.00 exactly', buildCellChange('price', '$10,045.95'), 'CRITICAL'],
    [
      'price cut by $10,000.00',
      buildCellChange('price', '$45.95', { row: { price: '$10,045.95' } }),
      'CRITICAL',
    ],
    ['price made unreadable (impact unknown)', buildCellChange('price', 'TBD'), 'MEDIUM'],
    ['pole changed (no money moves)', buildCellChange('pole', 'P-102'), 'LOW'],
    ['by an unknown editor', buildCellChange('price', '$50.00', { editor: UNKNOWN_EDITOR }), 'LOW'],
    ['by someone off the list', buildCellChange('price', '$50.00', { editor: MALLORY }), 'LOW'],
    ['a billable row added to the closed week', buildRowCreated({ row: { price: '$2,000.00' } }), 'HIGH'],
    [
      'the row moved into the closed week from an open one',
      buildCellChange('weekEnding', '2025-08-17', { row: { weekEnding: '2025-08-24' } }),
      'LOW',
    ],
  ])('%s', (_name, change, severity) => {
    expect(postCloseEditRule(change, context)?.severity).toBe(severity);
  });

  it.each([
    ['an edit before the week closed', buildCellChange('price', '$9,999.00', { changedAt: BEFORE_CLOSE })],
    ['an edit by a corrector', buildCellChange('price', '$9,999.00', { editor: PAT })],
    ['an unwatched field (foreman)', buildCellChange('foreman', 'John Doe')],
    ['an unbillable row added', buildRowCreated({ row: { completed: false } })],
    ['a deleted row (BILLED_ROW_DELETED judges it)', buildRowDeleted()],
    ['an edit within the grace period', buildCellChange('price', '$9,999.00')],
  ])('does not fire for %s', (name, change) => {
    const judged = name.includes('grace')
      ? buildAuditContext({ weekClose: { timeZone: 'America/Chicago', graceHours: 12 } })
      : context;
    expect(postCloseEditRule(change, judged)).toBeUndefined();
  });

  it('says who changed what, in which closed week, by how much', () => {
    const finding = postCloseEditRule(
      buildCellChange('price', '$4,595.00', { columnName: 'Units Total Price' }),
      context,
    );
    expect(finding).toMatchObject({ deltaCents: 454_905, weekEnding: '2025-08-17', isHistorical: true });
    expect(finding?.issueDescription).toBe(
      'Jane Roe (jane@example.com) changed Units Total Price on row 12 of "Crew A Billing" (WR 89708709) from "$45.95" to "$4,595.00" after the week ending 08/17/2025 was closed; impact +$4,549.05.',
    );
    expect(finding?.suggestedFix).toContain('restore "$45.95"');
  });

  it('judges a move into a closed week by the week it entered', () => {
    const change = buildCellChange('weekEnding', '2025-08-17', {
      row: { weekEnding: '2025-08-24' },
      changedAt: AFTER_CLOSE,
    });
    const finding = postCloseEditRule(change, context);
    expect(finding?.details).toMatchObject({
      closedWeekTouch: 'moved-into-closed-week',
      closedWeekEnding: '2025-08-17',
    });
    expect(finding?.issueDescription).toContain('moving the row into the week ending 08/17/2025');
  });
});
