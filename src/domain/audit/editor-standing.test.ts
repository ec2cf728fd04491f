import { describe, expect, it } from 'vitest';
import { editorStandingOf } from './editor-standing.js';
import {
  AUTOMATION,
  buildAuditContext,
  buildCellChange,
  JANE,
  MALLORY,
  PAT,
  UNKNOWN_EDITOR,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();
const standing = (editor: typeof JANE) =>
  editorStandingOf(buildCellChange('price', '$1.00', { editor }), context);

describe('editorStandingOf', () => {
  it.each([
    ['an authorised office editor', JANE, { human: true, corrector: false, authorised: true }],
    ['a corrector (listed in another case)', PAT, { human: true, corrector: true, authorised: true }],
    ['someone off the list', MALLORY, { human: true, corrector: false, authorised: false }],
    ['an unknown editor', UNKNOWN_EDITOR, { email: null, human: true, corrector: false, authorised: false }],
    ['the Smartsheet automation', AUTOMATION, { human: false, corrector: false, authorised: false }],
    ['a blank email', { email: '  ' }, { email: null, corrector: false, authorised: false }],
    [
      'an email in capitals',
      { email: ' JANE@EXAMPLE.COM ' },
      { email: 'jane@example.com', authorised: true },
    ],
  ])('%s', (_name, editor, expected) => {
    expect(standing(editor)).toMatchObject(expected);
  });

  it('has no authorised verdict when the sheet has no list', () => {
    const change = buildCellChange('price', '$1.00', { editor: MALLORY });
    expect(
      editorStandingOf(change, buildAuditContext({ authorizedEditors: undefined })).authorised,
    ).toBeNull();
  });
});
