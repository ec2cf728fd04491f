/** Dashboard roles (billing-domain.md §4). */
export type UserRole = 'admin' | 'auditor' | 'viewer';

/** A Ledgerline dashboard account. Emails are matched case-insensitively and stored lowercased. */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRole;
  /** argon2id hash; never the password. */
  readonly passwordHash: string;
  readonly totpSecret: string | null;
  readonly mfaEnabled: boolean;
  /** The last TOTP time step accepted for this user: codes of it or earlier are replays. */
  readonly totpLastStep: number | null;
  /** Hashes of the unused recovery codes. */
  readonly recoveryCodes: readonly string[];
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly disabledAt: string | null;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Fields an update may change; `updatedAt` is always set. */
export type UserChanges = Partial<Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt'>> & {
  readonly updatedAt: string;
};

/** Dashboard accounts. */
export interface UserStore {
  /** Throws AppError CONFLICT when the id or email is taken. */
  createUser(user: UserRecord): Promise<void>;
  getUserById(id: string): Promise<UserRecord | undefined>;
  getUserByEmail(email: string): Promise<UserRecord | undefined>;
  /** Ordered by email. */
  listUsers(): Promise<UserRecord[]>;
  /** Returns the updated user, or undefined when there is none; CONFLICT on a taken email. */
  updateUser(id: string, changes: UserChanges): Promise<UserRecord | undefined>;
  /**
   * Counts one failed sign-in atomically (concurrent failures all count) and, when the count
   * reaches `maxFailures`, sets `lockedUntil`. Returns the user after the change.
   */
  recordFailedLogin(
    id: string,
    failure: { readonly at: string; readonly maxFailures: number; readonly lockedUntil: string },
  ): Promise<UserRecord | undefined>;
  /**
   * Records `step` as the last accepted TOTP step only when it is later than the stored one, in one
   * statement: false means the step (or a later one) was already used — a replay.
   */
  claimTotpStep(id: string, step: number, at: string): Promise<boolean>;
  /** Removes one unused recovery code hash; false when it is not (or no longer) there. */
  consumeRecoveryCode(id: string, codeHash: string, at: string): Promise<boolean>;
}

/** A login session. `id` is what the cookie proves (store a hash of the cookie token, not the token). */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The session ends here whatever its activity. */
  readonly absoluteExpiresAt: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly revokedAt: string | null;
}

/** DB-backed sessions (DESIGN.md §4). */
export interface SessionStore {
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /** The user's sessions that are not revoked and not past their absolute expiry, newest first. */
  listLiveSessionsForUser(userId: string, now: string): Promise<SessionRecord[]>;
  /** Records activity; false when the session is unknown or revoked. */
  touchSession(id: string, lastSeenAt: string): Promise<boolean>;
  /** False when the session is unknown or already revoked. */
  revokeSession(id: string, revokedAt: string): Promise<boolean>;
  /** Revokes every live session of a user (password change, disable); returns how many. */
  revokeSessionsForUser(userId: string, revokedAt: string): Promise<number>;
  /** Deletes sessions whose absolute expiry is at or before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
}

/** A permission such as `billing.correct` granted to a person by email (billing-domain.md §4). */
export interface PermissionGrant {
  readonly email: string;
  readonly permission: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
}

/** Permissions by email, for Smartsheet editors and dashboard users alike. */
export interface PermissionStore {
  /** True when newly granted; an existing grant is left as it was. */
  grantPermission(grant: PermissionGrant): Promise<boolean>;
  /** True when a grant was removed. */
  revokePermission(email: string, permission: string): Promise<boolean>;
  /** The grants of one email ordered by permission. */
  listPermissionsFor(email: string): Promise<PermissionGrant[]>;
  hasPermission(email: string, permission: string): Promise<boolean>;
}
