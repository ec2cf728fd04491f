import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingWindowRateLimit } from './login-rate-limit.js';
import { clearedSessionCookie, readCookie, sessionCookie } from './session-cookie.js';

describe('session cookie', () => {
  it('reads its value among other cookies, the first one when repeated', () => {
    expect(readCookie('theme=dark; ll_session=abc; ll_session=def', 'll_session')).toBe('abc');
    expect(readCookie('xll_session=abc', 'll_session')).toBeUndefined();
    expect(readCookie('ll_session=', 'll_session')).toBeUndefined();
    expect(readCookie(undefined, 'll_session')).toBeUndefined();
  });

  it('reads back any token it writes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.boolean(), (token, secure) => {
        expect(readCookie(sessionCookie(token, secure), 'll_session')).toBe(token);
      }),
    );
  });

  it('is HttpOnly, SameSite=Strict, Path=/ and Secure only under TLS; clearing expires it', () => {
    expect(sessionCookie('t', false)).toBe('ll_session=t; HttpOnly; SameSite=Strict; Path=/');
    expect(sessionCookie('t', true)).toBe('ll_session=t; HttpOnly; SameSite=Strict; Path=/; Secure');
    expect(clearedSessionCookie(true)).toBe(
      'll_session=; HttpOnly; SameSite=Strict; Path=/; Secure; Max-Age=0',
    );
  });
});

describe('sign-in rate limit', () => {
  it('allows the limit within a sliding window, per key', () => {
    const limit = new SlidingWindowRateLimit(2, 60_000);

    expect(limit.attempt('a', 0).allowed).toBe(true);
    expect(limit.attempt('a', 10_000).allowed).toBe(true);
    expect(limit.attempt('a', 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limit.attempt('b', 20_000).allowed).toBe(true);
    expect(limit.attempt('a', 60_001).allowed).toBe(true);
    expect(limit.attempt('a', 60_002).allowed).toBe(false);
  });
});
