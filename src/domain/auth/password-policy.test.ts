import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('correct horse battery staple', 'ana@example.com')).toEqual({ ok: true });
  });

  it('refuses fewer than 12 characters, counting code points', () => {
    expect(checkPassword('short-pass1', 'ana@example.com')).toEqual({
      ok: false,
      reasons: ['Use at least 12 characters (this has 11).'],
    });
    expect(checkPassword('🔒'.repeat(11) + 'x', 'ana@example.com').ok).toBe(true);
  });

  it('refuses more than 256 characters', () => {
    expect(checkPassword('ab'.repeat(129), 'ana@example.com')).toEqual({
      ok: false,
      reasons: ['Use at most 256 characters.'],
    });
  });

  it('refuses a password holding the e-mail name in any case', () => {
    expect(checkPassword('MyNameIsAnaLopez!', 'analopez@example.com')).toEqual({
      ok: false,
      reasons: ['Do not use your e-mail name in the password.'],
    });
  });

  it('refuses one repeated character and gives every reason at once', () => {
    expect(checkPassword('aaaa', 'ana@example.com')).toEqual({
      ok: false,
      reasons: ['Use at least 12 characters (this has 4).', 'Do not repeat one character.'],
    });
  });

  it('accepts every password of 12 to 256 varied characters unrelated to the e-mail', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 11, maxLength: 255 }), (rest) => {
        const password = `${rest}Q7`; // two distinct characters, none of them the local part
        fc.pre(
          [...password].length >= 12 &&
            [...password].length <= 256 &&
            !password.toLowerCase().includes('zed'),
        );
        expect(checkPassword(password, 'zed@example.com')).toEqual({ ok: true });
      }),
    );
  });
});
