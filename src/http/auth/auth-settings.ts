// Building the authentication dependencies from the configuration, for `serve` and the CLI.
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config/index.js';
import type { AuthPolicy } from '../../domain/auth/auth-policy.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { Store } from '../../ports/store.js';
import type { AuthDeps } from '../../services/auth-context.js';

/** The sign-in and session policy of config section "Dashboard". */
export function authPolicyFor(config: Config): AuthPolicy {
  return {
    maxFailedLogins: config.auth.maxFailedLogins,
    lockoutMinutes: config.auth.lockoutMinutes,
    idleTimeoutMinutes: config.auth.idleTimeoutMinutes,
    absoluteTimeoutHours: config.auth.absoluteTimeoutHours,
    mfaRequiredForAdmins: config.auth.mfaRequiredForAdmins,
  };
}

/**
 * The key CSRF tokens are signed with: derived from LEDGERLINE_SESSION_SECRET when it is set, so
 * tokens stay valid across restarts and across instances behind one load balancer; otherwise a
 * random key for this process — then every restart invalidates the tokens browsers hold (the page
 * fetches a new one from GET /api/auth/session), and several instances would refuse each other's.
 */
export function csrfKeyFor(config: Config): Uint8Array {
  const secret = config.http.sessionSecret;
  return secret === undefined
    ? randomBytes(32)
    : createHash('sha256').update(`ledgerline.csrf-key.v1\n${secret}`, 'utf8').digest();
}

/** The dependencies of the auth services, over `store`, with the real clock and randomness. */
export function authDepsFor(store: Store, config: Config, hasher: PasswordHasher): AuthDeps {
  return {
    users: store.users,
    sessions: store.sessions,
    permissions: store.permissions,
    audit: store.audit,
    hasher,
    policy: authPolicyFor(config),
    now: () => new Date(),
    randomBytes: (size) => randomBytes(size),
  };
}
