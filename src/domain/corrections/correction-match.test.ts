import { describe, expect, it } from 'vitest';
import { authorizedCorrectionRule } from '../audit/authorized-correction-rule.js';
import { findingsFor } from '../audit/findings-for-change.js';
import { postCloseEditRule } from '../audit/post-close-edit-rule.js';
import {
  AFTER_CLOSE,
  buildAuditContext,
  buildCellChange,
  JANE,
  TEST_ROW_ID,
} from '../audit/testing/build-attributed-change.js';
import { TEST_SHEET_ID } from '../testing/build-billing-row.js';
import { matchingCorrection } from './correction-match.js';
import type { ApprovedCorrection } from './correction-state.js';

const approved: ApprovedCorrection = {
  requestId: 'req-1',
  sheetId: TEST_SHEET_ID,
  rowId: TEST_ROW_ID,
  field: 'price',
  newValue: '50.00',
  requestedBy: 'auditor@example.com',
  approvedBy: 'admin@example.com',
  approvedAt: new Date(AFTER_CLOSE.getTime() - 60_000),
};

describe('matching a closed-week change to an approved correction', () => {
  const context = buildAuditContext({ approvedCorrections: [approved] });

  it('turns the change that carries out the request into AUTHORIZED_CORRECTION linked to it', () => {
    const change = buildCellChange('price', 50, { editor: JANE });
    const codes = findingsFor(change, context).map((f) => f.code);
    expect(codes).toContain('AUTHORIZED_CORRECTION');
    expect(codes).not.toContain('POST_CLOSE_EDIT');
    const finding = authorizedCorrectionRule(change, context);
    expect(finding?.details.correctionRequestId).toBe('req-1');
    expect(finding?.issueDescription).toContain('carrying out correction request req-1');
  });

  it.each([
    ['another value', buildCellChange('price', 51, { editor: JANE })],
    ['another field', buildCellChange('quantity', 50, { editor: JANE })],
    ['another row', { ...buildCellChange('price', 50, { editor: JANE }), rowId: TEST_ROW_ID + 1 }],
    [
      'a change long before the approval',
      buildCellChange('price', 50, {
        editor: JANE,
        changedAt: new Date(approved.approvedAt.getTime() - 3_600_000),
      }),
    ],
    [
      'a change days after the approval',
      buildCellChange('price', 50, {
        editor: JANE,
        changedAt: new Date(approved.approvedAt.getTime() + 3 * 86_400_000),
      }),
    ],
  ])('leaves %s a POST_CLOSE_EDIT', (_name, change) => {
    expect(matchingCorrection(change, context.approvedCorrections)).toBeUndefined();
    expect(postCloseEditRule(change, context)?.code).toBe('POST_CLOSE_EDIT');
    expect(authorizedCorrectionRule(change, context)).toBeUndefined();
  });

  it('reads the same price in any spelling', () => {
    expect(
      matchingCorrection(buildCellChange('price', '$50.00', { editor: JANE }), [approved])?.requestId,
    ).toBe('req-1');
  });

  it('is off without approved requests: detection works as before', () => {
    const change = buildCellChange('price', 50, { editor: JANE });
    expect(postCloseEditRule(change, buildAuditContext())?.code).toBe('POST_CLOSE_EDIT');
  });
});
