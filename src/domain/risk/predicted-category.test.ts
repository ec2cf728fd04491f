import { describe, expect, it } from 'vitest';
import { predictCategory } from './predicted-category.js';
import { buildChangeObservation } from './testing/build-change-observation.js';

// A risk low enough that it does not by itself make a change suspicious.
const LOW_RISK = 0.2;

describe('predictCategory', () => {
  it('calls an automation identity re-stamping the week ending an automation re-stamp', () => {
    const o = buildChangeObservation({
      editor: 'automation@smartsheet.com',
      editorHuman: false,
      field: 'weekEnding',
      hoursAfterClose: 30,
      rules: ['POST_CLOSE_EDIT'],
    });
    expect(predictCategory(o, 0.9)).toEqual({
      category: 'automation_restamp',
      reasons: [
        'editor automation@smartsheet.com is an automation identity',
        'it re-stamped the week ending',
      ],
    });
  });

  it('calls a change made through a change agent an automation re-stamp, even by a human', () => {
    const o = buildChangeObservation({ changeAgent: 'Nightly Workflow', field: 'snapshotDate' });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'automation_restamp',
      reasons: ['made by automation "Nightly Workflow"', 'it re-stamped the snapshot date'],
    });
  });

  it.each([
    [10, 'the new price is 10× the old one — a slipped decimal point or extra digit'],
    [101, 'the new price is 100× the old one — a slipped decimal point or extra digit'],
    [0.1, 'the new price is 1/10 of the old one — a slipped decimal point or extra digit'],
  ])('calls a price multiplied by %s a data-entry error', (valueRatio, reason) => {
    expect(predictCategory(buildChangeObservation({ valueRatio }), LOW_RISK)).toEqual({
      category: 'data_entry_error',
      reasons: [reason],
    });
  });

  it('does not take a ratio more than 3 % from a power of ten for a slipped decimal', () => {
    expect(predictCategory(buildChangeObservation({ valueRatio: 10.5 }), LOW_RISK).category).toBe(
      'correction',
    );
  });

  it('calls an unreadable new price a data-entry error', () => {
    const o = buildChangeObservation({ deltaCents: null, valueRatio: null, newValue: 'TBD' });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'data_entry_error',
      reasons: ['the new price cannot be read as a number'],
    });
  });

  it('calls a unit price far above the contract rate a data-entry error', () => {
    const o = buildChangeObservation({ unitPriceCents: 27_570, contractUnitCents: 4_595 });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'data_entry_error',
      reasons: ['unit price is 6.0× the contract rate'],
    });
  });

  it('calls a price moved to the contract rate a rate update', () => {
    const o = buildChangeObservation({ unitPriceCents: 4_595, contractUnitCents: 4_595 });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'rate_update',
      reasons: ['the new unit price equals the contract rate'],
    });
  });

  it('calls a move to the contract rate in a billed week by a non-corrector a suspicious override, not a rate update', () => {
    const o = buildChangeObservation({
      unitPriceCents: 4_595,
      contractUnitCents: 4_595,
      rules: ['POST_CLOSE_EDIT'],
      hoursAfterClose: 30,
      editorCorrector: false,
    });
    expect(predictCategory(o, LOW_RISK).category).toBe('suspicious_override');
  });

  it('calls a closed-week rule firing on a non-corrector a suspicious override', () => {
    const o = buildChangeObservation({
      rules: ['POST_CLOSE_EDIT'],
      hoursAfterClose: 10,
      editorCorrector: false,
    });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'suspicious_override',
      reasons: ['touches a billed week (POST_CLOSE_EDIT)', 'the editor does not hold billing.correct'],
    });
  });

  it('calls an edit by someone off the authorised list a suspicious override', () => {
    const o = buildChangeObservation({ rules: ['UNAUTHORIZED_EDITOR'], editorAuthorised: false });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'suspicious_override',
      reasons: ['the editor is not on the sheet’s authorised list'],
    });
  });

  it('calls an otherwise ordinary change with a high risk a suspicious override', () => {
    expect(predictCategory(buildChangeObservation(), 0.75)).toEqual({
      category: 'suspicious_override',
      reasons: ['risk 0.75 is high for an ordinary correction'],
    });
  });

  it('calls an edit of an open week by a corrector a correction', () => {
    const o = buildChangeObservation({ editor: 'pat@example.com', editorCorrector: true });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'correction',
      reasons: [
        'the week was still open',
        'the editor holds billing.correct',
        'the editor is on the sheet’s authorised list',
      ],
    });
  });

  it('calls an authorised correction of a closed week by a corrector a correction', () => {
    const o = buildChangeObservation({
      editorCorrector: true,
      editorAuthorised: null,
      hoursAfterClose: 10,
      rules: ['AUTHORIZED_CORRECTION'],
    });
    expect(predictCategory(o, LOW_RISK)).toEqual({
      category: 'correction',
      reasons: ['an authorised correction of a billed week', 'the editor holds billing.correct'],
    });
  });
});
