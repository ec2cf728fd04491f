// What the authentication use cases share: their dependencies, who is acting and from where, and
// how an action becomes an audit event. Services stay free of node:crypto: randomness, the clock
// and password hashing come in through `AuthDeps`.
import { authEvent, type AuthEventInput, type AuthEventOrigin } from '../domain/auth/auth-event.js';
import type { AuthPolicy } from '../domain/auth/auth-policy.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PermissionStore, SessionStore, UserRecord, UserStore } from '../ports/access-store.js';

export interface AuthDeps {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly permissions: PermissionStore;
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  readonly hasher: PasswordHasher;
  readonly policy: AuthPolicy;
  readonly now: () => Date;
  /** Cryptographically secure random bytes (node:crypto randomBytes in production). */
  readonly randomBytes: (size: number) => Uint8Array;
}

/** Who does something and from where: a signed-in user, or an operator at the CLI. */
export interface Actor {
  /** The e-mail recorded as `changedBy` (for the CLI: `cli:<operating-system user>`). */
  readonly email: string;
  /** The acting user's id; undefined for the CLI. */
  readonly userId?: string;
  readonly origin: AuthEventOrigin;
}

/**
 * A valid argon2id hash of a random, forgotten password with the production parameters. Verifying
 * against it when the e-mail is unknown makes that answer cost what a wrong password costs, so
 * response time does not tell which e-mails have accounts (ASVS 5.0 V6.3.8).
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$xZ89/LsphxRWzg906EUOHA$GAnheDA03W/mk5Ea+RdOwJhD5i5NDPvEScqT4NmR23w';

/** A random hex id of `bytes` bytes (user ids, event nonces). */
export function randomHex(deps: Pick<AuthDeps, 'randomBytes'>, bytes: number): string {
  return Array.from(deps.randomBytes(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Appends one auth event to the trail, at `at`, with a fresh nonce. */
export async function recordAuthEvent(
  deps: Pick<AuthDeps, 'audit' | 'randomBytes'>,
  at: Date,
  input: Omit<AuthEventInput, 'at' | 'nonce'>,
): Promise<void> {
  await deps.audit.appendEvents([authEvent({ ...input, at, nonce: randomHex(deps, 8) })]);
}

/** What the API and the CLI show of an account: never the hash, secret or recovery codes. */
export interface UserSummary {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRecord['role'];
  readonly mfaEnabled: boolean;
  readonly disabledAt: string | null;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
}

export function userSummary(user: UserRecord): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    mfaEnabled: user.mfaEnabled,
    disabledAt: user.disabledAt,
    lockedUntil: user.lockedUntil,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
