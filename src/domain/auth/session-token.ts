// What the session cookie carries and what the server keeps of it. The cookie holds 32 random
// bytes (base64url); the store keeps only their SHA-256, so a copy of the database cannot be
// replayed as cookies (ASVS 5.0 V7.2). The CSRF token is an HMAC of the stored id under a server
// key: it is bound to the session and needs no storage of its own.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_TOKEN_BYTES = 32;

/** The cookie value of a new session from SESSION_TOKEN_BYTES random bytes. */
export function sessionTokenFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length !== SESSION_TOKEN_BYTES) {
    throw new RangeError(`A session token needs ${SESSION_TOKEN_BYTES} random bytes`);
  }
  return Buffer.from(randomBytes).toString('base64url');
}

/** The stored session id of a cookie token: hex SHA-256. */
export function sessionIdForToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when a string can be a session token (43 base64url characters); cheap check before hashing. */
export function looksLikeSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The CSRF token of a session: base64url HMAC-SHA256 of the session id under `key`. */
export function csrfTokenFor(key: Uint8Array, sessionId: string): string {
  return createHmac('sha256', key).update(`ledgerline.csrf.v1\n${sessionId}`, 'utf8').digest('base64url');
}

/** Constant-time check of a submitted CSRF token against the session's. */
export function csrfTokenMatches(key: Uint8Array, sessionId: string, submitted: string): boolean {
  const expected = Buffer.from(csrfTokenFor(key, sessionId), 'utf8');
  const given = Buffer.from(submitted, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
