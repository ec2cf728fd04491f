// One-time recovery codes for a lost authenticator: ten codes of 12 characters (`xxxx-xxxx-xxxx`,
// ~59 bits each) shown once at MFA confirmation. They are stored like passwords (argon2id, salted,
// by the PasswordHasher of the services): ASVS 5.0 V6.5.2 allows a fast hash only from 112 bits of
// entropy, and codes that long would be unpleasant to type.

export const RECOVERY_CODE_COUNT = 10;
/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** Random bytes one code consumes (one byte per character). */
export const RECOVERY_CODE_BYTES = GROUPS * GROUP_LENGTH;

/**
 * RECOVERY_CODE_COUNT codes from `randomBytes` (RECOVERY_CODE_COUNT × RECOVERY_CODE_BYTES bytes).
 * Each byte picks a character by rejection-free modulo; with 31 symbols the bias is under 1 %.
 */
export function recoveryCodesFrom(randomBytes: Uint8Array): string[] {
  if (randomBytes.length !== RECOVERY_CODE_COUNT * RECOVERY_CODE_BYTES) {
    throw new RangeError(`Recovery codes need ${RECOVERY_CODE_COUNT * RECOVERY_CODE_BYTES} random bytes`);
  }
  const codes: string[] = [];
  for (let c = 0; c < RECOVERY_CODE_COUNT; c += 1) {
    const groups: string[] = [];
    for (let g = 0; g < GROUPS; g += 1) {
      let group = '';
      for (let i = 0; i < GROUP_LENGTH; i += 1) {
        const byte = randomBytes[c * RECOVERY_CODE_BYTES + g * GROUP_LENGTH + i]!;
        group += ALPHABET.charAt(byte % ALPHABET.length);
      }
      groups.push(group);
    }
    codes.push(groups.join('-'));
  }
  return codes;
}

/** A typed code as it is hashed: lower case, without spaces and dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}
