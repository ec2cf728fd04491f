import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BILLING_FIELDS } from './billing-field.js';
import { snapshotFingerprint } from './row-fingerprint.js';
import type { SnapshotValues } from './row-fingerprint.js';

const cell = fc.oneof(fc.string({ minLength: 1 }), fc.double({ noNaN: true }), fc.boolean());
const values = fc.dictionary(fc.constantFrom(...BILLING_FIELDS), cell) as fc.Arbitrary<SnapshotValues>;

describe('snapshotFingerprint', () => {
  it('does not depend on the order fields were set in', () => {
    fc.assert(
      fc.property(values, (v) => {
        const reversed = Object.fromEntries(Object.entries(v).reverse()) as SnapshotValues;
        expect(snapshotFingerprint(reversed)).toBe(snapshotFingerprint(v));
      }),
    );
  });

  it('changes when any one value changes, appears or is cleared', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...BILLING_FIELDS), cell, (v, field, next) => {
        fc.pre(!Object.is(v[field], next) && v[field] !== next);
        expect(snapshotFingerprint({ ...v, [field]: next })).not.toBe(snapshotFingerprint(v));
        if (v[field] !== undefined) {
          const { [field]: _removed, ...cleared } = v;
          expect(snapshotFingerprint(cleared)).not.toBe(snapshotFingerprint(v));
        }
      }),
    );
  });

  it('tells the number 5 from the text "5"', () => {
    expect(snapshotFingerprint({ quantity: 5 })).not.toBe(snapshotFingerprint({ quantity: '5' }));
  });
});
