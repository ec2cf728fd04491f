// Checking the second factor of a user who has MFA on: a TOTP code accepted once (the store
// refuses its time step or an earlier one), or a recovery code spent on use. Recovery codes are
// stored as argon2id hashes (see recovery-codes.ts), so a typed code is verified against each
// unused one; this runs only after the password was right.
import { base32Decode } from '../domain/auth/base32.js';
import { normaliseRecoveryCode } from '../domain/auth/recovery-codes.js';
import { matchTotpStep } from '../domain/auth/totp.js';
import type { UserRecord } from '../ports/access-store.js';
import type { AuthDeps } from './auth-context.js';

export type SecondFactorResult =
  | { readonly ok: true; readonly method: 'totp' | 'recovery-code' }
  | { readonly ok: false; readonly reason: 'totp-invalid' | 'totp-replayed' | 'recovery-code-invalid' };

/** Checks `totp` when given, else `recoveryCode`; the caller ensures one of them is there. */
export async function checkSecondFactor(
  deps: Pick<AuthDeps, 'users' | 'hasher'>,
  user: UserRecord,
  codes: { readonly totp?: string | undefined; readonly recoveryCode?: string | undefined },
  now: Date,
): Promise<SecondFactorResult> {
  if (codes.totp !== undefined && codes.totp !== '') {
    const secret = user.totpSecret === null ? undefined : base32Decode(user.totpSecret);
    const step = secret && matchTotpStep(secret, codes.totp, now);
    if (step === undefined) return { ok: false, reason: 'totp-invalid' };
    const claimed = await deps.users.claimTotpStep(user.id, step, now.toISOString());
    return claimed ? { ok: true, method: 'totp' } : { ok: false, reason: 'totp-replayed' };
  }
  const typed = normaliseRecoveryCode(codes.recoveryCode ?? '');
  let spent = false;
  if (typed !== '') {
    for (const stored of user.recoveryCodes) {
      if (!(await deps.hasher.verify(stored, typed))) continue;
      spent = await deps.users.consumeRecoveryCode(user.id, stored, now.toISOString());
      break;
    }
  }
  return spent ? { ok: true, method: 'recovery-code' } : { ok: false, reason: 'recovery-code-invalid' };
}
