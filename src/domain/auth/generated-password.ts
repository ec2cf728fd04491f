// Passwords Ledgerline makes up itself: the first admin's from the CLI and an admin's reset.
// 20 characters from a 56-symbol alphabet ≈ 116 bits; they pass the password policy by length.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 20;

/**
 * A password from `randomBytes` (at least GENERATED_PASSWORD_LENGTH bytes). Bytes at or above the
 * largest multiple of the alphabet size are skipped so every symbol is equally likely; pass a few
 * spare bytes (64 is plenty).
 */
export function generatedPasswordFrom(randomBytes: Uint8Array): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  for (const byte of randomBytes) {
    if (byte >= limit) continue;
    out += ALPHABET.charAt(byte % ALPHABET.length);
    if (out.length === GENERATED_PASSWORD_LENGTH) return out;
  }
  throw new RangeError('Not enough random bytes for a generated password');
}
