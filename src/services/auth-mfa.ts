// TOTP multi-factor authentication for one's own account (issue #7, ASVS 5.0 V6.5/V6.6): enrol
// (a new secret, its otpauth URI and QR code), confirm with a first valid code (MFA on, ten
// recovery codes shown once), and disable with the password and a code.
import { AppError, ErrorCode } from '../domain/app-error.js';
import {
  RECOVERY_CODE_BYTES,
  RECOVERY_CODE_COUNT,
  normaliseRecoveryCode,
  recoveryCodesFrom,
} from '../domain/auth/recovery-codes.js';
import { base32Decode } from '../domain/auth/base32.js';
import { TOTP_SECRET_BYTES, matchTotpStep, otpauthUri, totpSecretFrom } from '../domain/auth/totp.js';
import type { QrCodeRenderer } from '../ports/qr-code-renderer.js';
import type { UserRecord } from '../ports/access-store.js';
import { recordAuthEvent, type Actor, type AuthDeps } from './auth-context.js';
import { recordFailedAttempt } from './auth-failed-attempt.js';
import { checkSecondFactor } from './auth-second-factor.js';

type SelfActor = Actor & { readonly userId: string };

async function currentUser(deps: Pick<AuthDeps, 'users'>, actor: SelfActor): Promise<UserRecord> {
  const user = await deps.users.getUserById(actor.userId);
  if (!user) throw new AppError(ErrorCode.NOT_FOUND, 'Your account no longer exists.');
  return user;
}

export interface MfaEnrolmentOffer {
  readonly secret: string;
  readonly otpauthUri: string;
  readonly qrSvg: string;
}

/**
 * Starts (or restarts) enrolment: a new secret is stored but MFA stays off until a code from it is
 * confirmed, so a half-finished enrolment never locks anyone out.
 */
export async function startMfaEnrolment(
  deps: AuthDeps & { readonly qr: QrCodeRenderer },
  actor: SelfActor,
): Promise<MfaEnrolmentOffer> {
  const user = await currentUser(deps, actor);
  if (user.mfaEnabled) {
    throw new AppError(ErrorCode.CONFLICT, 'Two-factor sign-in is already on.', {
      hint: 'Turn it off first to move it to a new authenticator.',
    });
  }
  const secret = totpSecretFrom(deps.randomBytes(TOTP_SECRET_BYTES));
  await deps.users.updateUser(user.id, {
    totpSecret: secret,
    totpLastStep: null,
    updatedAt: deps.now().toISOString(),
  });
  const uri = otpauthUri(secret, user.email);
  return { secret, otpauthUri: uri, qrSvg: await deps.qr.renderSvg(uri) };
}

/** Turns MFA on with the first valid code of the enrolled secret; returns the recovery codes, once. */
export async function confirmMfa(deps: AuthDeps, actor: SelfActor, code: string): Promise<string[]> {
  const now = deps.now();
  const user = await currentUser(deps, actor);
  if (user.mfaEnabled) throw new AppError(ErrorCode.CONFLICT, 'Two-factor sign-in is already on.');
  const secret = user.totpSecret === null ? undefined : base32Decode(user.totpSecret);
  if (!secret) {
    throw new AppError(ErrorCode.CONFLICT, 'Start the enrolment first.', {
      hint: 'POST /api/auth/mfa/enrol gives the secret and QR code to scan.',
    });
  }
  const step = matchTotpStep(secret, code, now);
  if (step === undefined || !(await deps.users.claimTotpStep(user.id, step, now.toISOString()))) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      'That code is not right; check the device clock and try the next one.',
    );
  }
  const codes = recoveryCodesFrom(deps.randomBytes(RECOVERY_CODE_COUNT * RECOVERY_CODE_BYTES));
  const hashes: string[] = [];
  // One after the other: ten argon2id hashes at once would take ten times the memory.
  for (const c of codes) hashes.push(await deps.hasher.hash(normaliseRecoveryCode(c)));
  await deps.users.updateUser(user.id, {
    mfaEnabled: true,
    recoveryCodes: hashes,
    updatedAt: now.toISOString(),
  });
  await recordAuthEvent(deps, now, {
    type: 'MFA_ENABLED',
    actor: actor.email,
    origin: actor.origin,
    description: `${actor.email} turned on two-factor sign-in (TOTP) and received ${codes.length} recovery codes.`,
  });
  return codes;
}

/** Turns MFA off; needs the password and a current TOTP or recovery code. */
export async function disableMfa(
  deps: AuthDeps,
  actor: SelfActor,
  input: { readonly password: string; readonly code: string },
): Promise<void> {
  const now = deps.now();
  const user = await currentUser(deps, actor);
  if (!user.mfaEnabled) throw new AppError(ErrorCode.CONFLICT, 'Two-factor sign-in is not on.');
  const passwordOk = await deps.hasher.verify(user.passwordHash, input.password);
  const code = input.code.trim();
  // Six digits are a TOTP code; anything else is tried as a recovery code.
  const factor = passwordOk
    ? await checkSecondFactor(deps, user, /^\d{6}$/.test(code) ? { totp: code } : { recoveryCode: code }, now)
    : undefined;
  if (!factor?.ok) {
    await recordFailedAttempt(deps, user, {
      at: now,
      origin: actor.origin,
      reason: passwordOk
        ? `mfa-disable-${factor?.ok === false ? factor.reason : 'code'}`
        : 'mfa-disable-wrong-password',
    });
    throw new AppError(ErrorCode.INPUT_INVALID, 'The password or the code is wrong.');
  }
  await deps.users.updateUser(user.id, {
    mfaEnabled: false,
    totpSecret: null,
    recoveryCodes: [],
    updatedAt: now.toISOString(),
  });
  await recordAuthEvent(deps, now, {
    type: 'MFA_DISABLED',
    actor: actor.email,
    origin: actor.origin,
    description: `${actor.email} turned off two-factor sign-in.`,
  });
}
