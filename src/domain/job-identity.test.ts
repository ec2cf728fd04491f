import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicJobId } from './job-identity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministicJobId', () => {
  it('is a version-8 UUID, the same for the same parts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }), (parts) => {
        const id = deterministicJobId(...parts);
        expect(id).toMatch(UUID);
        expect(deterministicJobId(...parts)).toBe(id);
      }),
    );
  });

  it('tells parts apart, not just their concatenation', () => {
    expect(deterministicJobId('run-1', 23)).not.toBe(deterministicJobId('run-12', 3));
    expect(deterministicJobId('run-1', 23)).not.toBe(deterministicJobId('run-1', 24));
  });
});
