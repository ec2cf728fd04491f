// Administration of dashboard accounts (issue #7): create, list, disable, change role, reset a
// password, grant a permission. The API's admin routes and `ledgerline users` call these; each
// change is an audit event naming the admin (or CLI operator) and the account.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { generatedPasswordFrom } from '../domain/auth/generated-password.js';
import type { PermissionGrant, UserRecord, UserRole } from '../ports/access-store.js';
import {
  randomHex,
  recordAuthEvent,
  userSummary,
  type Actor,
  type AuthDeps,
  type UserSummary,
} from './auth-context.js';
import { assertPasswordAcceptable } from './auth-password.js';

export const USER_ROLES: readonly UserRole[] = ['admin', 'auditor', 'viewer'];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PERMISSION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** How an account is named: by id (the API) or by e-mail (the CLI). */
export type UserRef = { readonly id: string } | { readonly email: string };

async function findUser(deps: Pick<AuthDeps, 'users'>, ref: UserRef): Promise<UserRecord> {
  const user =
    'id' in ref ? await deps.users.getUserById(ref.id) : await deps.users.getUserByEmail(ref.email);
  if (!user) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `No account ${'id' in ref ? `has id ${ref.id}` : `has the e-mail ${ref.email}`}.`,
      {
        hint: '`ledgerline users list` shows every account.',
      },
    );
  }
  return user;
}

export function parseRole(value: string): UserRole {
  const role = USER_ROLES.find((r) => r === value.trim().toLowerCase());
  if (!role)
    throw new AppError(ErrorCode.INPUT_INVALID, `Unknown role "${value}": use admin, auditor or viewer.`);
  return role;
}

/** A password chosen by the caller, checked against the policy, or a generated one to show once. */
function passwordFor(deps: Pick<AuthDeps, 'randomBytes'>, email: string, given: string | undefined) {
  if (given !== undefined) {
    assertPasswordAcceptable(given, email);
    return { password: given, generated: null };
  }
  const generated = generatedPasswordFrom(deps.randomBytes(64));
  return { password: generated, generated };
}

/** Refuses a change that would leave no enabled admin (nobody could manage users any more). */
async function assertAnotherAdminRemains(deps: Pick<AuthDeps, 'users'>, leaving: UserRecord): Promise<void> {
  if (leaving.role !== 'admin' || leaving.disabledAt !== null) return;
  const admins = (await deps.users.listUsers()).filter((u) => u.role === 'admin' && u.disabledAt === null);
  if (admins.every((u) => u.id === leaving.id)) {
    throw new AppError(ErrorCode.CONFLICT, `${leaving.email} is the last enabled admin.`, {
      hint: 'Make another account admin first.',
    });
  }
}

export interface CreatedAccount {
  readonly user: UserSummary;
  /** The generated password when none was given: show it once, it is stored only hashed. */
  readonly temporaryPassword: string | null;
}

/** Creates an account; without a password, a strong one is generated and returned once. */
export async function createUserAccount(
  deps: AuthDeps,
  actor: Actor,
  input: {
    readonly email: string;
    readonly displayName: string;
    readonly role: UserRole;
    readonly password?: string | undefined;
  },
): Promise<CreatedAccount> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw new AppError(ErrorCode.INPUT_INVALID, `"${input.email}" is not an e-mail address.`);
  }
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 200) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'A name of 1 to 200 characters is needed.');
  }
  const { password, generated } = passwordFor(deps, email, input.password);
  const user: UserRecord = {
    id: `usr_${randomHex(deps, 12)}`,
    email,
    displayName,
    role: input.role,
    passwordHash: await deps.hasher.hash(password),
    totpSecret: null,
    mfaEnabled: false,
    totpLastStep: null,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: null,
    disabledAt: null,
    lastLoginAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.users.createUser(user);
  await recordAuthEvent(deps, now, {
    type: 'USER_CREATED',
    actor: actor.email,
    subject: email,
    origin: actor.origin,
    description: `${actor.email} created the ${input.role} account ${email}.`,
    newValue: input.role,
  });
  return { user: userSummary(user), temporaryPassword: generated };
}

/** Every account, by e-mail, with its granted permissions. */
export async function listUserAccounts(
  deps: Pick<AuthDeps, 'users' | 'permissions'>,
): Promise<(UserSummary & { readonly permissions: readonly string[] })[]> {
  const users = await deps.users.listUsers();
  return Promise.all(
    users.map(async (user) => ({
      ...userSummary(user),
      permissions: (await deps.permissions.listPermissionsFor(user.email)).map((g) => g.permission),
    })),
  );
}

/** Disables an account and ends its sessions; it can no longer sign in. */
export async function disableUserAccount(deps: AuthDeps, actor: Actor, ref: UserRef): Promise<UserSummary> {
  const now = deps.now();
  const user = await findUser(deps, ref);
  if (user.id === actor.userId)
    throw new AppError(ErrorCode.CONFLICT, 'You cannot disable your own account.');
  if (user.disabledAt !== null) return userSummary(user);
  await assertAnotherAdminRemains(deps, user);
  const updated = await deps.users.updateUser(user.id, {
    disabledAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  const ended = await deps.sessions.revokeSessionsForUser(user.id, now.toISOString());
  await recordAuthEvent(deps, now, {
    type: 'USER_DISABLED',
    actor: actor.email,
    subject: user.email,
    origin: actor.origin,
    description: `${actor.email} disabled ${user.email}; ${ended} session(s) ended.`,
    details: { sessionsEnded: ended },
  });
  return userSummary(updated ?? user);
}

/** Changes an account's role; takes effect on its next request (roles are read per request). */
export async function changeUserRole(
  deps: AuthDeps,
  actor: Actor,
  ref: UserRef,
  role: UserRole,
): Promise<UserSummary> {
  const now = deps.now();
  const user = await findUser(deps, ref);
  if (user.role === role) return userSummary(user);
  await assertAnotherAdminRemains(deps, user);
  const updated = await deps.users.updateUser(user.id, { role, updatedAt: now.toISOString() });
  await recordAuthEvent(deps, now, {
    type: 'ROLE_CHANGED',
    actor: actor.email,
    subject: user.email,
    origin: actor.origin,
    description: `${actor.email} changed the role of ${user.email} from ${user.role} to ${role}.`,
    oldValue: user.role,
    newValue: role,
  });
  return userSummary(updated ?? user);
}

export interface PasswordResetResult {
  readonly user: UserSummary;
  /** The generated password when none was given, shown once. */
  readonly temporaryPassword: string | null;
}

/** Sets a new password (given or generated), clears a lockout and ends the account's sessions. */
export async function resetUserPassword(
  deps: AuthDeps,
  actor: Actor,
  ref: UserRef,
  givenPassword?: string,
): Promise<PasswordResetResult> {
  const now = deps.now();
  const user = await findUser(deps, ref);
  const { password, generated } = passwordFor(deps, user.email, givenPassword);
  const updated = await deps.users.updateUser(user.id, {
    passwordHash: await deps.hasher.hash(password),
    failedLogins: 0,
    lockedUntil: null,
    updatedAt: now.toISOString(),
  });
  const ended = await deps.sessions.revokeSessionsForUser(user.id, now.toISOString());
  await recordAuthEvent(deps, now, {
    type: 'PASSWORD_RESET',
    actor: actor.email,
    subject: user.email,
    origin: actor.origin,
    description: `${actor.email} reset the password of ${user.email}; ${ended} session(s) ended.`,
    details: { generated: generated !== null, sessionsEnded: ended },
  });
  return { user: userSummary(updated ?? user), temporaryPassword: generated };
}

/** Grants a permission such as `billing.correct` to an e-mail; true when it is new. */
export async function grantUserPermission(
  deps: AuthDeps,
  actor: Actor,
  input: { readonly email: string; readonly permission: string },
): Promise<boolean> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const permission = input.permission.trim();
  if (!EMAIL_PATTERN.test(email))
    throw new AppError(ErrorCode.INPUT_INVALID, `"${input.email}" is not an e-mail address.`);
  if (!PERMISSION_PATTERN.test(permission)) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `"${input.permission}" is not a permission name (like billing.correct).`,
    );
  }
  const grant: PermissionGrant = { email, permission, grantedBy: actor.email, grantedAt: now.toISOString() };
  const granted = await deps.permissions.grantPermission(grant);
  if (granted) {
    await recordAuthEvent(deps, now, {
      type: 'PERMISSION_GRANTED',
      actor: actor.email,
      subject: email,
      origin: actor.origin,
      description: `${actor.email} granted ${permission} to ${email}.`,
      newValue: permission,
    });
  }
  return granted;
}

export interface FirstAdmin {
  /** False when an enabled admin already existed (nothing was changed). */
  readonly created: boolean;
  readonly email: string;
  /** The generated password of a new admin when none was given, to print once. */
  readonly temporaryPassword: string | null;
}

/**
 * Makes sure the dashboard has an admin: creates `input.email` as admin when no enabled admin
 * exists (how `ledgerline demo` and a fresh install get their first login), otherwise does nothing.
 */
export async function ensureFirstAdmin(
  deps: AuthDeps,
  actor: Actor,
  input: { readonly email: string; readonly displayName: string; readonly password?: string | undefined },
): Promise<FirstAdmin> {
  const admin = (await deps.users.listUsers()).find((u) => u.role === 'admin' && u.disabledAt === null);
  if (admin) return { created: false, email: admin.email, temporaryPassword: null };
  const created = await createUserAccount(deps, actor, { ...input, role: 'admin' });
  return { created: true, email: created.user.email, temporaryPassword: created.temporaryPassword };
}
