import { describe, expect, it } from 'vitest';
import { authorizedCorrectionRule } from './authorized-correction-rule.js';
import {
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRowCreated,
  JANE,
  PAT,
  UNKNOWN_EDITOR,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('AUTHORIZED_CORRECTION', () => {
  it.each([
    [
      'a corrector changes a price in a closed week',
      buildCellChange('price', '$20,000.00', { editor: PAT }),
      'INFO',
    ],
    [
      'the corrector email in another case',
      buildCellChange('price', '$50.00', { editor: { email: ' PAT@example.COM ' } }),
      'INFO',
    ],
    ['a corrector adds a billable row to a closed week', buildRowCreated({ editor: PAT }), 'INFO'],
    ['a non-corrector', buildCellChange('price', '$50.00', { editor: JANE }), undefined],
    [
      'an unknown editor is never a corrector',
      buildCellChange('price', '$50.00', { editor: UNKNOWN_EDITOR }),
      undefined,
    ],
    [
      'a corrector in an open week',
      buildCellChange('price', '$50.00', { editor: PAT, changedAt: BEFORE_CLOSE }),
      undefined,
    ],
  ])('%s', (_name, change, severity) => {
    expect(authorizedCorrectionRule(change, context)?.severity).toBe(severity);
  });

  it('records the correction with its impact', () => {
    const finding = authorizedCorrectionRule(buildCellChange('price', '$40.00', { editor: PAT }), context);
    expect(finding).toMatchObject({ deltaCents: -595, isHistorical: true, weekEnding: '2025-08-17' });
    expect(finding?.issueDescription).toContain(
      'Pat Lee (pat@example.com), who holds billing.correct, changed price',
    );
  });
});
