// The password policy of the dashboard (issue #7, ASVS 5.0 V6.2): length counts, composition
// rules do not. What is refused is what is easy to guess about this account.

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordCheck =
  { readonly ok: true } | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * Checks a new password for the account `email`. Length is counted in Unicode code points (so an
 * emoji counts once); every reason that applies is returned, each a sentence a user can act on.
 */
export function checkPassword(password: string, email: string): PasswordCheck {
  const reasons: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    reasons.push(`Use at least ${PASSWORD_MIN_LENGTH} characters (this has ${length}).`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    reasons.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  const lower = password.toLowerCase();
  if (localPart.length >= 3 && lower.includes(localPart)) {
    reasons.push('Do not use your e-mail name in the password.');
  }
  if (length > 0 && new Set(password).size === 1) {
    reasons.push('Do not repeat one character.');
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
