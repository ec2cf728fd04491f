import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';
import { hotp, matchTotpStep, otpauthUri, totpCode, totpSecretFrom, totpStep } from './totp.js';

// RFC 6238 Appendix B, the SHA-1 rows: the 20-byte ASCII key "12345678901234567890".
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const RFC_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the appendix B code at %i s', (seconds, expected) => {
    const at = new Date(seconds * 1000);

    expect(totpCode(RFC_SECRET, at, 8)).toBe(expected);
    // Six digits are the same truncated value modulo 10^6: the last six of the eight.
    expect(totpCode(RFC_SECRET, at)).toBe(expected.slice(2));
  });

  it('gives the RFC 4226 appendix D HOTP values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676'];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it('matches a code of the current step or one step either side, and no further', () => {
    const at = new Date(1_111_111_111_000);
    const step = totpStep(at);
    const codeAt = (offset: number) => hotp(RFC_SECRET, step + offset);

    expect(matchTotpStep(RFC_SECRET, codeAt(0), at)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, codeAt(-1), at)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, ` ${codeAt(1).slice(0, 3)} ${codeAt(1).slice(3)} `, at)).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, codeAt(2), at)).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, codeAt(-2), at)).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, 'abcdef', at)).toBeUndefined();
    expect(matchTotpStep(RFC_SECRET, '1234567', at)).toBeUndefined();
  });

  it('makes a 32-character base32 secret from 20 random bytes and refuses other lengths', () => {
    const secret = totpSecretFrom(new Uint8Array(20).fill(7));

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toEqual(new Uint8Array(20).fill(7));
    expect(() => totpSecretFrom(new Uint8Array(10))).toThrow(RangeError);
  });

  it('writes the otpauth URI with the issuer and the account e-mail', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'ana+ops@example.com'));

    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Ledgerline:ana+ops@example.com');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Ledgerline',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

describe('base32 (RFC 4648)', () => {
  it('gives the RFC 4648 §10 test vectors without padding', () => {
    const vectors = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI'];
    expect(
      ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => base32Encode(new TextEncoder().encode(s))),
    ).toEqual(vectors);
    expect(base32Decode('MZXW6YTBOI======')).toEqual(new TextEncoder().encode('foobar'));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('reads secrets typed in lower case with spaces and dashes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), (bytes) => {
        const typed = base32Encode(bytes)
          .toLowerCase()
          .replace(/(.{4})/g, '$1 -');
        expect(base32Decode(typed)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet and non-canonical endings', () => {
    expect(base32Decode('MZXW1')).toBeUndefined();
    expect(base32Decode('MZ')).toBeUndefined(); // leftover bits are not zero
    expect(base32Decode('M')).toBeUndefined(); // five bits cannot end a byte string
  });
});
