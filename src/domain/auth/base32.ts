// RFC 4648 base32 (upper-case alphabet, no padding), the encoding authenticator apps expect for TOTP
// secrets in otpauth URIs.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without `=` padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

/**
 * Decodes base32, ignoring case, spaces, dashes and trailing `=` (how people copy secrets);
 * undefined when a character is not in the alphabet or the leftover bits are not zero.
 */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  // A canonical encoding leaves fewer than 5 zero bits; anything else is a mistyped secret.
  if (bits >= 5 || buffer !== 0) return undefined;
  return Uint8Array.from(out);
}
