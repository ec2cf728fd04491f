// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps,
// 6 digits, accepting the neighbouring step on either side for clock drift. Whether a step was
// already used is the store's business (UserStore.claimTotpStep): this file only says which step
// a code belongs to.
import { createHmac } from 'node:crypto';
import { base32Encode } from './base32.js';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted before and after the current one (RFC 6238 §5.2 recommends at most one). */
export const TOTP_DRIFT_STEPS = 1;
/** 160-bit secrets, the HMAC-SHA1 key length RFC 4226 §4 recommends. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Ledgerline';

/** The RFC 6238 time step (T) of an instant: whole 30-second periods since the Unix epoch. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The HOTP value (RFC 4226 §5.3, dynamic truncation) of a counter, zero-padded to `digits`. */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

/** The code an authenticator shows for `secret` at `at`. */
export function totpCode(secret: Uint8Array, at: Date, digits: number = TOTP_DIGITS): string {
  return hotp(secret, totpStep(at), digits);
}

/**
 * The time step a submitted code matches within the drift window, the current step first;
 * undefined when it matches none. Comparison is over all candidates so the time taken does not
 * say which step matched.
 */
export function matchTotpStep(secret: Uint8Array, code: string, at: Date): number | undefined {
  const submitted = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(submitted)) return undefined;
  const current = totpStep(at);
  let matched: number | undefined;
  for (const offset of [0, -TOTP_DRIFT_STEPS, TOTP_DRIFT_STEPS]) {
    const step = current + offset;
    if (hotp(secret, step) === submitted && matched === undefined) matched = step;
  }
  return matched;
}

/** A new secret in base32 from TOTP_SECRET_BYTES random bytes. */
export function totpSecretFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length !== TOTP_SECRET_BYTES) {
    throw new RangeError(`A TOTP secret needs ${TOTP_SECRET_BYTES} random bytes`);
  }
  return base32Encode(randomBytes);
}

/**
 * The key URI authenticator apps scan (Google Authenticator "Key Uri Format"):
 * `otpauth://totp/Ledgerline:<email>?secret=…&issuer=Ledgerline&algorithm=SHA1&digits=6&period=30`.
 */
export function otpauthUri(secretBase32: string, accountEmail: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(accountEmail)}`;
  const query = new URLSearchParams({
    secret: secretBase32,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
