import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTH_POLICY,
  absoluteExpiry,
  isLockedOut,
  lockoutEnds,
  mfaEnrolmentRequired,
  sessionState,
} from './auth-policy.js';

const policy = DEFAULT_AUTH_POLICY;
const signIn = new Date('2025-08-18T08:00:00.000Z');
const session = {
  lastSeenAt: signIn.toISOString(),
  absoluteExpiresAt: absoluteExpiry(signIn, policy).toISOString(),
  revokedAt: null,
};
const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

describe('auth policy', () => {
  it('has the issue defaults: 5 failures, 15 minutes, 60 minutes idle, 12 hours absolute', () => {
    expect(policy).toEqual({
      maxFailedLogins: 5,
      lockoutMinutes: 15,
      idleTimeoutMinutes: 60,
      absoluteTimeoutHours: 12,
      mfaRequiredForAdmins: true,
    });
  });

  it('locks an account for the lockout period, then unlocks it', () => {
    const until = lockoutEnds(signIn, policy).toISOString();

    expect(until).toBe('2025-08-18T08:15:00.000Z');
    expect(isLockedOut(until, minutesAfter(signIn, 14))).toBe(true);
    expect(isLockedOut(until, minutesAfter(signIn, 15))).toBe(false);
    expect(isLockedOut(null, signIn)).toBe(false);
  });

  it('ends a session after 60 idle minutes', () => {
    expect(sessionState(session, minutesAfter(signIn, 59), policy)).toBe('live');
    expect(sessionState(session, minutesAfter(signIn, 60), policy)).toBe('idle-expired');
  });

  it('ends an active session 12 hours after sign-in', () => {
    const active = { ...session, lastSeenAt: minutesAfter(signIn, 12 * 60 - 1).toISOString() };

    expect(sessionState(active, minutesAfter(signIn, 12 * 60 - 1), policy)).toBe('live');
    expect(sessionState(active, minutesAfter(signIn, 12 * 60), policy)).toBe('absolute-expired');
  });

  it('says a revoked session is revoked whatever the time', () => {
    expect(sessionState({ ...session, revokedAt: signIn.toISOString() }, signIn, policy)).toBe('revoked');
  });

  it('asks admins without MFA to enrol when the policy says so, and no one else', () => {
    expect(mfaEnrolmentRequired({ role: 'admin', mfaEnabled: false }, policy)).toBe(true);
    expect(mfaEnrolmentRequired({ role: 'admin', mfaEnabled: true }, policy)).toBe(false);
    expect(mfaEnrolmentRequired({ role: 'auditor', mfaEnabled: false }, policy)).toBe(false);
    expect(
      mfaEnrolmentRequired({ role: 'admin', mfaEnabled: false }, { ...policy, mfaRequiredForAdmins: false }),
    ).toBe(false);
  });
});
