import { describe, expect, it } from 'vitest';
import { TEST_SHEET_ID } from '../testing/build-billing-row.js';
import { unauthorizedEditorRule } from './unauthorized-editor-rule.js';
import {
  AUTOMATION,
  BEFORE_CLOSE,
  buildAuditContext,
  buildCellChange,
  buildRowCreated,
  buildRowDeleted,
  JANE,
  MALLORY,
  UNKNOWN_EDITOR,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('UNAUTHORIZED_EDITOR', () => {
  it.each([
    [
      'an editor off the list changes a price',
      buildCellChange('price', '$50.00', { editor: MALLORY }),
      'HIGH',
    ],
    [
      'even in an open week with no money moved',
      buildCellChange('pole', 'P-2', { editor: MALLORY, changedAt: BEFORE_CLOSE }),
      'HIGH',
    ],
    ['an unknown editor', buildCellChange('price', '$50.00', { editor: UNKNOWN_EDITOR }), 'HIGH'],
    [
      'an automation not on the list',
      buildCellChange('snapshotDate', '2025-08-18', { editor: AUTOMATION }),
      'HIGH',
    ],
    ['a row added by an editor off the list', buildRowCreated({ editor: MALLORY }), 'HIGH'],
    ['a row deleted by an unknown editor', buildRowDeleted(), 'HIGH'],
    ['an editor on the list', buildCellChange('price', '$50.00', { editor: JANE }), undefined],
    [
      'an editor on the list, spelled in another case',
      buildCellChange('price', '$50.00', { editor: { email: 'PAT@example.com' } }),
      undefined,
    ],
    ['an unwatched field', buildCellChange('description', 'Crossarm', { editor: MALLORY }), undefined],
  ])('%s', (_name, change, severity) => {
    expect(unauthorizedEditorRule(change, context)?.severity).toBe(severity);
  });

  it('is off when no list is configured', () => {
    const change = buildCellChange('price', '$50.00', { editor: MALLORY });
    expect(
      unauthorizedEditorRule(change, buildAuditContext({ authorizedEditors: undefined })),
    ).toBeUndefined();
    const otherSheetOnly = buildAuditContext({
      authorizedEditors: new Map([[TEST_SHEET_ID + 1, new Set(['x@example.com'])]]),
    });
    expect(unauthorizedEditorRule(change, otherSheetOnly)).toBeUndefined();
  });

  it('names the editor and the sheet', () => {
    const finding = unauthorizedEditorRule(buildCellChange('price', '$50.00', { editor: MALLORY }), context);
    expect(finding?.issueDescription).toBe(
      'Mallory Doe (mallory@example.com), who is not on the authorised-editor list of "Crew A Billing", changed price on row 12 of "Crew A Billing" (WR 89708709) from "$45.95" to "$50.00"; impact +$4.05.',
    );
  });
});
