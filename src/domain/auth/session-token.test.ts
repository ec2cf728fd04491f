import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedPasswordFrom } from './generated-password.js';
import { checkPassword } from './password-policy.js';
import {
  csrfTokenFor,
  csrfTokenMatches,
  looksLikeSessionToken,
  sessionIdForToken,
  sessionTokenFrom,
} from './session-token.js';

const key = new Uint8Array(32).fill(9);

describe('session tokens', () => {
  it('carries 32 random bytes as 43 base64url characters and stores only their SHA-256', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const token = sessionTokenFrom(bytes);
        expect(looksLikeSessionToken(token)).toBe(true);
        expect(Buffer.from(token, 'base64url')).toEqual(Buffer.from(bytes));
        expect(sessionIdForToken(token)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
    expect(looksLikeSessionToken('not a token')).toBe(false);
  });

  it('binds the CSRF token to the session and the key', () => {
    const token = csrfTokenFor(key, 'session-a');

    expect(csrfTokenMatches(key, 'session-a', token)).toBe(true);
    expect(csrfTokenMatches(key, 'session-b', token)).toBe(false);
    expect(csrfTokenMatches(new Uint8Array(32), 'session-a', token)).toBe(false);
    expect(csrfTokenMatches(key, 'session-a', '')).toBe(false);
  });
});

describe('generated passwords', () => {
  it('are 20 characters that pass the password policy', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        fc.pre(bytes.filter((b) => b < 224).length >= 20);
        const password = generatedPasswordFrom(bytes);
        expect(password).toHaveLength(20);
        fc.pre(new Set(password).size > 1);
        expect(checkPassword(password, 'x@example.com')).toEqual({ ok: true });
      }),
    );
  });
});
