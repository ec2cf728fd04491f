import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseRecoveryCode, recoveryCodesFrom } from './recovery-codes.js';

describe('recovery codes', () => {
  it('makes ten xxxx-xxxx-xxxx codes from 120 random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 120, maxLength: 120 }), (bytes) => {
        const codes = recoveryCodesFrom(bytes);
        expect(codes).toHaveLength(10);
        for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      }),
    );
    expect(() => recoveryCodesFrom(new Uint8Array(12))).toThrow(RangeError);
  });

  it('normalises a code however it is typed, and keeps codes apart', () => {
    const [code, other] = recoveryCodesFrom(Uint8Array.from({ length: 120 }, (_, i) => i * 7));

    expect(normaliseRecoveryCode(` ${code!.toUpperCase().replaceAll('-', ' ')} `)).toBe(
      code!.replaceAll('-', ''),
    );
    expect(normaliseRecoveryCode(code!)).not.toBe(normaliseRecoveryCode(other!));
  });
});
